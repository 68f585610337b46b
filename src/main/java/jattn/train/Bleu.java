package jattn.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BLEU: how many n-grams of a predicted translation also occur in the reference, with a
 * penalty for predictions that are too short. Two variants, both over token lists:
 *
 * <p><b>{@link #sentence}: the sentence score of d2l.ai</b> (Dive into Deep Learning, §10.7),
 * with its two bugs in d2l-java fixed:
 * <pre>
 *   BLEU = exp(min(0, 1 − len_label / len_pred)) · Π_{n=1..N} p_n^(1/2ⁿ),   N = min(k, len_pred)
 * </pre>
 * where p_n is the clipped n-gram precision: the number of predicted n-grams that match a
 * reference n-gram, each reference n-gram matching at most as often as it occurs there, divided
 * by the len_pred − n + 1 predicted n-grams. The ratio of lengths is computed in double (d2l-java
 * divided integers, so any prediction shorter than the label but more than half its length got
 * no penalty), and N is capped at len_pred, so a short prediction has no empty n-gram order
 * (d2l computes 0/0 there). Longer n-grams weigh less: p₁^½ · p₂^¼ · p₃^⅛ · ….
 *
 * <p><b>{@link #corpus}: standard corpus BLEU-4</b> (Papineni et al. 2002; one reference per
 * sentence, no smoothing):
 * <pre>
 *   BLEU = BP · exp(Σ_{n=1..4} ¼ log p_n),   BP = 1 if c &gt; r, else exp(1 − r/c)
 * </pre>
 * where p_n adds the clipped matches and the n-gram counts of all sentences before dividing,
 * c is the total predicted length and r the total reference length. If some p_n is 0 the score
 * is 0 (as NLTK's {@code corpus_bleu} and sacreBLEU without smoothing).
 *
 * <p>Both return a number in [0, 1]; an empty prediction scores 0. Arguments are not modified.
 */
public final class Bleu {

    private Bleu() {}

    /** d2l's sentence BLEU with n-grams up to order {@code k} (capped at the prediction's length). */
    public static double sentence(List<String> prediction, List<String> label, int k) {
        if (k < 1) throw new IllegalArgumentException("Bleu: k must be ≥ 1, got " + k);
        int lenPred = prediction.size(), lenLabel = label.size();
        if (lenPred == 0) return 0;
        double score = Math.exp(Math.min(0, 1 - (double) lenLabel / lenPred));     // brevity penalty
        for (int n = 1; n <= Math.min(k, lenPred); n++) {
            double pn = (double) clippedMatches(prediction, label, n) / (lenPred - n + 1);
            score *= Math.pow(pn, Math.pow(0.5, n));
        }
        return score;
    }

    /** Corpus BLEU-4 of predictions against their references (one reference each, same order). */
    public static double corpus(List<List<String>> predictions, List<List<String>> references) {
        if (predictions.size() != references.size())
            throw new IllegalArgumentException("Bleu: " + predictions.size() + " predictions but " + references.size() + " references");
        if (predictions.isEmpty()) throw new IllegalArgumentException("Bleu: no sentences");
        int maxN = 4;
        long[] matches = new long[maxN + 1], totals = new long[maxN + 1];
        long c = 0, r = 0;
        for (int s = 0; s < predictions.size(); s++) {
            List<String> pred = predictions.get(s), ref = references.get(s);
            c += pred.size();
            r += ref.size();
            for (int n = 1; n <= maxN; n++) {
                matches[n] += clippedMatches(pred, ref, n);
                totals[n] += Math.max(0, pred.size() - n + 1);
            }
        }
        double logSum = 0;
        for (int n = 1; n <= maxN; n++) {
            if (matches[n] == 0) return 0;
            logSum += 0.25 * Math.log((double) matches[n] / totals[n]);
        }
        double bp = c > r ? 1 : Math.exp(1 - (double) r / c);
        return bp * Math.exp(logSum);
    }

    /** The number of n-grams of {@code pred} found in {@code ref}, each reference n-gram used at most as often as it occurs. */
    static int clippedMatches(List<String> pred, List<String> ref, int n) {
        Map<List<String>, Integer> available = new HashMap<>();
        for (int i = 0; i + n <= ref.size(); i++) available.merge(ref.subList(i, i + n), 1, Integer::sum);
        int matches = 0;
        for (int i = 0; i + n <= pred.size(); i++) {
            List<String> gram = pred.subList(i, i + n);
            Integer left = available.get(gram);
            if (left != null && left > 0) {
                matches++;
                available.put(gram, left - 1);
            }
        }
        return matches;
    }
}
