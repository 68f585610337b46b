package jattn.embedding;

import org.ejml.data.DMatrixRMaj;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A 2-D map of word vectors: the vectors of some groups of words, each scaled to length 1
 * (so that the map shows directions, which is what the cosine compares), projected on their
 * first two principal components ({@link Pca}). The figure has one trace per group, so the
 * legend names the groups and a click hides one; every point is labelled with its word.
 *
 * <p>Each point is (x − μ)·[w₁ w₂] for its unit vector x; the axis titles give the share of
 * the variance each component explains. Nothing passed in is modified.
 */
public final class WordMap {

    /** Distinct marker colours (Tableau 20 order, dark shades first), reused after 20 groups. */
    private static final String[] COLOURS = {
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
            "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5"};

    private final Map<String, List<String>> groups;
    private final Map<String, double[]> points;      // word → (PC1, PC2)
    private final Pca pca;

    private WordMap(Map<String, List<String>> groups, Map<String, double[]> points, Pca pca) {
        this.groups = groups;
        this.points = points;
        this.pca = pca;
    }

    /**
     * The map of the words of {@code groups} (group name → words, in the order to draw them).
     *
     * @throws IllegalArgumentException if a word is not in the vocabulary, or fewer than 2 words are given
     */
    public static WordMap of(WordVectors vectors, Map<String, List<String>> groups) {
        List<String> words = new ArrayList<>();
        for (List<String> g : groups.values()) words.addAll(g);
        int n = words.size(), d = vectors.dModel();
        DMatrixRMaj x = new DMatrixRMaj(n, d);                               // (n×d): one unit vector per row
        for (int i = 0; i < n; i++) {
            double[] v = vectors.vector(words.get(i)).value().data;
            double norm = 0;
            for (double a : v) norm += a * a;
            norm = Math.max(Math.sqrt(norm), 1e-12);
            for (int j = 0; j < d; j++) x.set(i, j, v[j] / norm);
        }
        Pca pca = Pca.fit(x, Math.min(2, Math.min(n, d)));
        DMatrixRMaj xy = pca.transform(x);                                   // (n×d)·(d×2) → (n×2)
        Map<String, double[]> points = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) points.put(words.get(i), new double[]{xy.get(i, 0), xy.numCols > 1 ? xy.get(i, 1) : 0});
        Map<String, List<String>> copy = new LinkedHashMap<>();
        groups.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new WordMap(copy, points, pca);
    }

    /** The PCA of the unit vectors. */
    public Pca pca() { return pca; }

    /** The (PC1, PC2) position of {@code word}, a copy. */
    public double[] position(String word) {
        double[] p = points.get(word);
        if (p == null) throw new IllegalArgumentException("WordMap: \"" + word + "\" is not on the map");
        return p.clone();
    }

    /** The scatter plot: one trace of labelled points per group, axes PC1 and PC2 with their explained variance. */
    public Figure figure(String title) {
        List<Trace> traces = new ArrayList<>();
        int g = 0;
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            List<String> words = group.getValue();
            double[] xs = new double[words.size()], ys = new double[words.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = points.get(words.get(i))[0];
                ys[i] = points.get(words.get(i))[1];
            }
            traces.add(ScatterTrace.builder(xs, ys)
                    .mode(ScatterTrace.Mode.TEXT_AND_MARKERS)
                    .text(words.toArray(String[]::new))
                    .marker(Marker.builder().color(COLOURS[g++ % COLOURS.length]).size(9).build())
                    .name(group.getKey())
                    .build());
        }
        double[] ratio = pca.explainedVarianceRatio();
        Layout layout = Layout.builder()
                .title(title)
                .height(640)
                .width(900)
                .xAxis(Axis.builder().title(axisTitle(1, ratio[0])).build())
                .yAxis(Axis.builder().title(ratio.length > 1 ? axisTitle(2, ratio[1]) : "PC2").build())
                .build();
        return new Figure(layout, traces.toArray(Trace[]::new));
    }

    private static String axisTitle(int component, double ratio) {
        return String.format(Locale.ROOT, "PC%d (%.1f%% of the variance)", component, 100 * ratio);
    }
}
