package jattn.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A notebook file read with Gson: its cells, and for an executed copy what each cell
 * printed and displayed. Used to check what a lesson claims (its printed numbers) and that
 * committed notebooks are clean.
 */
final class ExecutedNotebook {

    final Path path;
    final JsonObject json;

    private ExecutedNotebook(Path path, JsonObject json) {
        this.path = path;
        this.json = json;
    }

    static ExecutedNotebook read(Path path) {
        try {
            return new ExecutedNotebook(path, JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (IOException | RuntimeException e) {
            fail(path + " is not a readable notebook: " + e.getMessage());
            return null;
        }
    }

    List<JsonObject> cells() {
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement c : json.getAsJsonArray("cells")) cells.add(c.getAsJsonObject());
        return cells;
    }

    static String text(JsonElement source) {
        if (source == null || source.isJsonNull()) return "";
        if (source.isJsonPrimitive()) return source.getAsString();
        StringBuilder b = new StringBuilder();
        for (JsonElement e : source.getAsJsonArray()) b.append(e.getAsString());
        return b.toString();
    }

    /** Everything the notebook's cells printed to stdout, and their plain-text results, in order. */
    String printed() {
        StringBuilder b = new StringBuilder();
        for (JsonObject cell : cells()) {
            JsonArray outs = cell.getAsJsonArray("outputs");
            if (outs == null) continue;
            for (JsonElement o : outs) {
                JsonObject out = o.getAsJsonObject();
                String type = out.get("output_type").getAsString();
                if (type.equals("stream") && out.get("name").getAsString().equals("stdout")) b.append(text(out.get("text")));
                else if (out.has("data") && out.getAsJsonObject("data").has("text/plain"))
                    b.append(text(out.getAsJsonObject("data").get("text/plain"))).append('\n');
            }
        }
        return b.toString();
    }

    /** The HTML outputs (tables, figures) of the notebook, in order. */
    List<String> html() {
        List<String> html = new ArrayList<>();
        for (JsonObject cell : cells()) {
            JsonArray outs = cell.getAsJsonArray("outputs");
            if (outs == null) continue;
            for (JsonElement o : outs) {
                JsonObject data = o.getAsJsonObject().getAsJsonObject("data");
                if (data != null && data.has("text/html")) html.add(text(data.get("text/html")));
            }
        }
        return html;
    }

    /** The number of figures the notebook displayed. */
    long figures() {
        return html().stream().filter(h -> h.contains("class=\"jattn-figure\"")).count();
    }

    /** The first group of the first match of a regex in the printed text, or a failure naming the notebook. */
    String find(String regex) {
        Matcher m = Pattern.compile(regex).matcher(printed());
        if (!m.find()) fail(path.getFileName() + " did not print a line matching /" + regex + "/");
        return m.groupCount() >= 1 ? m.group(1) : m.group();
    }

    /** A number printed after a label, e.g. number("cosine similarity = ([-0-9.eE]+)"). */
    double number(String regex) {
        return Double.parseDouble(find(regex));
    }
}
