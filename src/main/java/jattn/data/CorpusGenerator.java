package jattn.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded template generator of simple English sentences for word2vec: words of one group
 * (countries, praising adjectives, animals, colours, numbers, …) fill the same slots of the
 * same templates, so they share contexts and their embeddings should come out close, while
 * words of different groups rarely share a context.
 *
 * <p>Template syntax: {@code {group}} is replaced by a word of that group, drawn uniformly;
 * a group drawn twice in one sentence gives two different words. Country, capital and language
 * are tied by index: a capital or language next to a country belongs to it, so the capital of
 * china is always beijing. {@code {sum}} writes a correct addition
 * ("two plus three is five"). The article {@code a} becomes {@code an} before a vowel.
 * Output: lower-case words separated by single spaces, no punctuation.
 */
public final class CorpusGenerator {

    /** The first sentence of every generated corpus: the course's one-hot example. */
    public static final String SEED_SENTENCE = "china is a great country";

    /** The word groups, in a fixed order (read through {@link #groups()}). */
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();
    static {
        GROUPS.put("country", List.of("china", "america", "thailand", "japan", "france", "brazil"));
        GROUPS.put("capital", List.of("beijing", "washington", "bangkok", "tokyo", "paris", "brasilia"));
        GROUPS.put("language", List.of("chinese", "english", "thai", "japanese", "french", "portuguese"));
        GROUPS.put("positive", List.of("great", "excellent", "wonderful"));
        GROUPS.put("mild", List.of("good", "nice", "pleasant"));
        GROUPS.put("negative", List.of("bad", "terrible", "awful"));
        GROUPS.put("work", List.of("film", "book", "song", "play", "show"));
        GROUPS.put("food", List.of("rice", "noodles", "bread", "soup", "cheese", "fish", "fruit", "cake"));
        GROUPS.put("meal", List.of("breakfast", "lunch", "dinner"));
        GROUPS.put("animal", List.of("cat", "dog", "horse", "rabbit", "cow", "bird"));
        GROUPS.put("colour", List.of("red", "blue", "green", "yellow", "black", "white"));
        GROUPS.put("vehicle", List.of("car", "bus", "bicycle", "boat"));
        GROUPS.put("number", List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"));
        GROUPS.put("weather", List.of("sunny", "rainy", "cloudy", "windy", "snowy", "foggy"));
        GROUPS.put("season", List.of("spring", "summer", "autumn", "winter"));
        GROUPS.put("day", List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"));
        GROUPS.put("family", List.of("mother", "father", "sister", "brother", "friend", "teacher"));
    }
    /**
     * Tied groups, aligned by index (the capital and the language of a country): a slot of a tie
     * takes the index of the tie's last word in the sentence when that word is of another group.
     */
    private static final Map<String, String> TIES = Map.of("country", "country", "capital", "country",
            "language", "country");

    /** A template and its relative weight (how often it is drawn). */
    private record Template(int weight, String text) {}

    private static final List<Template> TEMPLATES = List.of(
            // countries: they share every slot; capitals and languages are tied to their country
            new Template(2, "{country} is a {positive} country"),
            new Template(2, "life in {country} is {positive}"),
            new Template(2, "{country} is a {mild} country"),
            new Template(3, "i visited {country} last {season}"),
            new Template(3, "we want to travel to {country} next {season}"),
            new Template(2, "the capital of {country} is {capital}"),
            new Template(1, "{capital} is the capital of {country}"),
            new Template(2, "people in {country} speak {language}"),
            new Template(1, "she is learning {language} because she will live in {country}"),
            new Template(2, "my {family} lives in {country}"),
            new Template(2, "the food in {country} is {positive}"),
            new Template(1, "{country} won the game against {country}"),
            new Template(1, "{country} and {country} signed a trade agreement"),
            new Template(1, "we flew from {capital} to {capital} on {day}"),
            new Template(1, "it is often {weather} in {capital} in {season}"),
            new Template(2, "we stayed in {country} for {number} weeks"),
            // quality: positive, mild and negative adjectives fill the same slots with different company
            new Template(3, "the {work} was {positive} and i loved it"),
            new Template(3, "the {work} was {negative} and i hated it"),
            new Template(2, "the {work} was {mild} but a little long"),
            new Template(2, "everyone says the {work} is {positive}"),
            new Template(2, "everyone says the {work} is {negative}"),
            new Template(2, "the {food} was {positive} and we will come back"),
            new Template(2, "the {food} was {negative} and we will not come back"),
            new Template(2, "the {food} tasted {mild}"),
            new Template(1, "the hotel was {positive} and the staff were kind"),
            new Template(1, "the hotel was {negative} and the room was dirty"),
            new Template(1, "the service was {positive} and the prices were fair"),
            new Template(1, "the service was {negative} and the prices were high"),
            new Template(1, "we had a {mild} time with my {family}"),
            // food and meals
            new Template(3, "we had {food} for {meal} on {day}"),
            new Template(2, "my {family} cooked {food} for {meal}"),
            new Template(1, "the restaurant in {capital} serves {positive} {food}"),
            new Template(1, "i bought {food} and {food} at the market"),
            // weather, seasons and days
            new Template(2, "it is {weather} today"),
            new Template(2, "it was {weather} on {day}"),
            new Template(2, "it is often {weather} in {season}"),
            new Template(1, "the shop is closed on {day}"),
            new Template(1, "see you on {day}"),
            // animals, colours, vehicles
            new Template(2, "my {family} has a {colour} {animal}"),
            new Template(2, "the {animal} is sleeping in the garden"),
            new Template(2, "i saw a {animal} in the park on {day}"),
            new Template(1, "the {animal} ran across the field"),
            new Template(2, "she painted the door {colour}"),
            new Template(2, "he bought a {colour} {vehicle}"),
            new Template(1, "my favourite colour is {colour}"),
            new Template(1, "we went to the lake by {vehicle}"),
            // numbers: counting and correct sums
            new Template(3, "{sum}"),
            new Template(2, "i have {number} books"),
            new Template(1, "{number} people came to the party on {day}"));

    private static final int TOTAL_WEIGHT = TEMPLATES.stream().mapToInt(Template::weight).sum();

    private CorpusGenerator() {}

    /** The word groups by name (a read-only view, fixed order): e.g. for colouring a scatter plot. */
    public static Map<String, List<String>> groups() {
        return Collections.unmodifiableMap(GROUPS);
    }

    /**
     * {@code n} sentences drawn from {@code Random(seed)}: the first is {@link #SEED_SENTENCE},
     * each other one a template drawn by weight and filled in.
     */
    public static List<String> generate(long seed, int n) {
        if (n < 1) throw new IllegalArgumentException("CorpusGenerator: n = " + n + ", need at least 1 sentence");
        Random rng = new Random(seed);
        List<String> sentences = new ArrayList<>(n);
        sentences.add(SEED_SENTENCE);
        while (sentences.size() < n) sentences.add(sentence(rng));
        return List.copyOf(sentences);
    }

    /** One sentence: a template drawn by weight, each slot filled in order, articles fixed. */
    static String sentence(Random rng) {
        int r = rng.nextInt(TOTAL_WEIGHT);
        Template t = null;
        for (Template candidate : TEMPLATES) {
            r -= candidate.weight();
            if (r < 0) { t = candidate; break; }
        }
        return fixArticles(fill(t.text(), rng));
    }

    private static String fill(String text, Random rng) {
        Map<String, List<Integer>> used = new HashMap<>();    // group → indices drawn in this sentence
        Map<String, Draw> lastOfTie = new HashMap<>();        // tie → its last draw in this sentence
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) { out.append(text, i, text.length()); break; }
            int close = text.indexOf('}', open);
            out.append(text, i, open);
            out.append(word(text.substring(open + 1, close), used, lastOfTie, rng));
            i = close + 1;
        }
        return out.toString();
    }

    /** A word drawn for a slot: its group and its index in the group. */
    private record Draw(String group, int index) {}

    private static String word(String slot, Map<String, List<Integer>> used, Map<String, Draw> lastOfTie,
                               Random rng) {
        if (slot.equals("sum")) return sum(rng);
        List<String> group = GROUPS.get(slot);
        if (group == null) throw new IllegalStateException("CorpusGenerator: unknown slot {" + slot + "}");
        List<Integer> usedHere = used.computeIfAbsent(slot, k -> new ArrayList<>());
        String tie = TIES.getOrDefault(slot, slot);
        Draw last = lastOfTie.get(tie);
        int index;
        if (last != null && !last.group().equals(slot)) {
            index = last.index();                                       // the capital of the country just named
        } else {
            do index = rng.nextInt(group.size()); while (usedHere.contains(index));  // distinct within a sentence
        }
        usedHere.add(index);
        lastOfTie.put(tie, new Draw(slot, index));
        return group.get(index);
    }

    /** "a + b is c" in words, with 1 ≤ a, b and c = a + b ≤ 10. */
    private static String sum(Random rng) {
        List<String> numbers = GROUPS.get("number");
        int a = 1 + rng.nextInt(9);
        int b = 1 + rng.nextInt(10 - a);
        return numbers.get(a - 1) + " plus " + numbers.get(b - 1) + " is " + numbers.get(a + b - 1);
    }

    /** "a" → "an" before a word that starts with a vowel (enough for this vocabulary). */
    static String fixArticles(String sentence) {
        String[] w = sentence.split(" ");
        for (int i = 0; i + 1 < w.length; i++)
            if (w[i].equals("a") && "aeiou".indexOf(w[i + 1].charAt(0)) >= 0) w[i] = "an";
        return String.join(" ", w);
    }
}
