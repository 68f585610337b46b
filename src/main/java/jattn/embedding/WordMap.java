package jattn.embedding;

import org.ejml.data.DMatrixRMaj;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import jattn.viz.Plot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A 2-D map of word vectors: the vectors of some groups of words, each scaled to length 1
 * (so that the map shows directions, which is what the cosine compares), projected on their
 * first two principal components ({@link Pca}). The figure has one trace per group, so the
 * legend names the groups and a click hides one; the words the lesson is about are labelled
 * (placed so that labels do not overlap), the others are dots that show their word on hover.
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

    /** Whether {@code word} is on the map (in one of its groups). */
    public boolean contains(String word) {
        return points.containsKey(word);
    }

    /** The (PC1, PC2) position of {@code word}, a copy. */
    public double[] position(String word) {
        double[] p = points.get(word);
        if (p == null) throw new IllegalArgumentException("WordMap: \"" + word + "\" is not on the map");
        return p.clone();
    }

    /** The scatter plot with every word labelled (see {@link #figure(String, Collection)}). */
    public Figure figure(String title) {
        return figure(title, points.keySet());
    }

    /**
     * The scatter plot: one trace of points per group (the legend names the groups; a click
     * hides one), axes PC1 and PC2 with their explained variance. Only the words of
     * {@code labelled} get a label, placed by {@link #labelOffsets} so that labels do not cover
     * each other or other points; every point shows its word on hover.
     *
     * @throws IllegalArgumentException if a labelled word is not on the map
     */
    public Figure figure(String title, Collection<String> labelled) {
        for (String w : labelled)
            if (!points.containsKey(w)) throw new IllegalArgumentException("WordMap: \"" + w + "\" is not on the map, cannot label it");
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
                    .mode(ScatterTrace.Mode.MARKERS)
                    .text(words.toArray(String[]::new))
                    .marker(Marker.builder().color(COLOURS[g++ % COLOURS.length]).size(9).build())
                    .name(group.getKey())
                    .build());
        }
        double[] ratio = pca.explainedVarianceRatio();
        double[] xr = range(0), yr = range(1);
        List<Object> annotations = new ArrayList<>();
        Map<String, double[]> offsets = labelOffsets(new ArrayList<>(labelled), xr, yr);
        for (Map.Entry<String, double[]> e : offsets.entrySet()) {
            double[] p = points.get(e.getKey());
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("x", p[0]);
            a.put("y", p[1]);
            a.put("text", e.getKey().replace("&", "&amp;").replace("<", "&lt;"));
            a.put("showarrow", true);
            a.put("arrowhead", 0);
            a.put("arrowwidth", 1);
            a.put("arrowcolor", "#999999");
            a.put("standoff", 5);
            a.put("ax", e.getValue()[0]);
            a.put("ay", e.getValue()[1]);
            a.put("font", Map.of("size", 13));
            a.put("bgcolor", "rgba(255,255,255,0.7)");
            annotations.add(a);
        }
        return Plot.scatter(title, traces, axisTitle(1, ratio[0]), ratio.length > 1 ? axisTitle(2, ratio[1]) : "PC2",
                xr, yr, annotations, WIDTH, HEIGHT, MARGIN);
    }

    static final int WIDTH = Plot.WIDTH, HEIGHT = 640;
    static final int[] MARGIN = {80, 190, 90, 70};    // left, right (legend), top (title), bottom

    /** The axis range of component k with 8 % padding. */
    private double[] range(int k) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] p : points.values()) {
            lo = Math.min(lo, p[k]);
            hi = Math.max(hi, p[k]);
        }
        double pad = Math.max(1e-9, 0.08 * (hi - lo));
        return new double[]{lo - pad, hi + pad};
    }

    /**
     * Where each label goes, as an offset (dx, dy) in pixels from its point (y down): the first
     * of 24 candidates (above, below, right, left, the diagonals, at three distances) whose box
     * (about 7.5 px per character, 17 px high) overlaps no label placed before it and no other point.
     */
    Map<String, double[]> labelOffsets(List<String> labelled, double[] xr, double[] yr) {
        double plotW = WIDTH - MARGIN[0] - MARGIN[1], plotH = HEIGHT - MARGIN[2] - MARGIN[3];
        Map<String, double[]> px = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : points.entrySet())
            px.put(e.getKey(), new double[]{(e.getValue()[0] - xr[0]) / (xr[1] - xr[0]) * plotW,
                    (yr[1] - e.getValue()[1]) / (yr[1] - yr[0]) * plotH});
        List<double[]> boxes = new ArrayList<>();            // placed labels: x0, y0, x1, y1
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String word : labelled) {
            double[] p = px.get(word);
            double w = 7.5 * word.length() + 6, h = 17;
            double[] best = null;
            search:
            for (double dist : new double[]{1, 2.2, 3.6})
                for (double[] dir : new double[][]{{0, -1}, {0, 1}, {1, 0}, {-1, 0}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}}) {
                    double dx = dir[0] * (w / 2 + 6) * dist, dy = dir[1] * (h / 2 + 6) * dist;
                    double[] box = {p[0] + dx - w / 2, p[1] + dy - h / 2, p[0] + dx + w / 2, p[1] + dy + h / 2};
                    if (box[0] < 0 || box[2] > plotW || box[1] < 0 || box[3] > plotH) continue;
                    for (double[] b : boxes) if (overlap(box, b)) continue search;
                    boolean hitsPoint = false;
                    for (Map.Entry<String, double[]> q : px.entrySet())
                        if (!q.getKey().equals(word) && overlap(box, new double[]{q.getValue()[0] - 5, q.getValue()[1] - 5,
                                q.getValue()[0] + 5, q.getValue()[1] + 5})) { hitsPoint = true; break; }
                    if (hitsPoint) continue;
                    best = new double[]{dx, dy};
                    boxes.add(box);
                    break search;
                }
            if (best == null) {                               // crowded: straight up, far
                best = new double[]{0, -(h + 30)};
                boxes.add(new double[]{p[0] - w / 2, p[1] - h - 30 - h / 2, p[0] + w / 2, p[1] - h - 30 + h / 2});
            }
            out.put(word, best);
        }
        return out;
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    private static String axisTitle(int component, double ratio) {
        return String.format(Locale.ROOT, "PC%d (%.1f%% of the variance)", component, 100 * ratio);
    }
}
