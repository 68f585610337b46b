package jattn.viz;

import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

import java.lang.reflect.Method;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The one way lessons show rich output: HTML, plain text, Tablesaw tables and figures.
 *
 * <p>Each call sends one display message to the notebook and returns nothing, so no display
 * id or {@code null} is printed under a plot. The kernel is found at run time:
 * rapaio-jupyter-kernel (the course's kernel), IJava, or JJava; outside a kernel (a test,
 * JShell in a terminal) the content goes to standard output.
 *
 * <p>Figures are drawn with the pinned plotly.js from {@link PlotlyJs}: the first figure of
 * a session carries the library, the later ones wait for it.
 */
public final class Display {

    /** Rows of a table shown before it is cut (the rest is summarised). */
    public static final int TABLE_ROWS = 20;

    private static BiConsumer<String, String> sink;   // (mime type, content)
    private static boolean plotlySent;

    private Display() {}

    /** Shows HTML. */
    public static void html(String html) {
        send("text/html", html);
    }

    /** Shows plain text as it is, newlines and spaces kept. */
    public static void text(String text) {
        send("text/plain", text);
    }

    /** Shows Markdown (rendered by the notebook; LaTeX between $ signs works). */
    public static void markdown(String markdown) {
        send("text/markdown", markdown);
    }

    /** Shows a Tablesaw table as an HTML table (its first {@value #TABLE_ROWS} rows). */
    public static void table(Table table) {
        html(Html.table(table, TABLE_ROWS));
    }

    /** Shows a Tablesaw/plotly figure. */
    public static void figure(Figure figure) {
        html(figureHtml(figure));
    }

    /** Shows a course chart ({@link Heatmap}, {@link HeatmapGrid}, {@link Lines}, {@link Bars}): its {@link Chart#figure()}. */
    public static void figure(Chart chart) {
        figure(chart.figure());
    }

    /**
     * The HTML of one figure: a div and a script that draws it once plotly.js is there. The
     * first call of a session also carries the library.
     */
    public static synchronized String figureHtml(Figure figure) {
        // Tablesaw also names a JavaScript variable after the div id: letters, digits and _ only
        String id = "jattn_" + UUID.randomUUID().toString().replace("-", "");
        String library = plotlySent ? "" : PlotlyJs.loaderScript();
        plotlySent = true;
        return library + Html.figure(figure, id);
    }

    /** Makes the next figure carry plotly.js again (after the cell that carried it was cleared). */
    public static synchronized void resendPlotlyJs() {
        plotlySent = false;
    }

    /** Redirects output (mime type, content), e.g. to capture it in a test; null restores the default. */
    public static synchronized void setSink(BiConsumer<String, String> newSink) {
        sink = newSink;
    }

    private static synchronized void send(String mime, String content) {
        if (sink == null) sink = detectKernel();
        sink.accept(mime, content);
    }

    /** The display function of the running kernel, or standard output. */
    static BiConsumer<String, String> detectKernel() {
        ClassLoader loader = Display.class.getClassLoader();
        // rapaio-jupyter-kernel: Global.display(String mime, Object content)
        try {
            Class<?> global = Class.forName("org.rapaio.jupyter.kernel.global.Global", true, loader);
            Method display = global.getMethod("display", String.class, Object.class);
            return (mime, content) -> invoke(display, null, mime, content);
        } catch (ReflectiveOperationException | LinkageError ignored) {
            // not this kernel
        }
        // IJava and JJava: Display.display(DisplayData) with DisplayData.putData(mime, content)
        String[][] kernels = {
                {"io.github.spencerpark.ijava.runtime.Display", "io.github.spencerpark.jupyter.kernel.display.DisplayData",
                        "io.github.spencerpark.jupyter.kernel.display.mime.MIMEType"},
                {"org.dflib.jjava.kernel.runtime.Display", "org.dflib.jjava.jupyter.kernel.display.DisplayData",
                        "org.dflib.jjava.jupyter.kernel.display.mime.MIMEType"}};
        for (String[] k : kernels) {
            try {
                Class<?> displayClass = Class.forName(k[0], true, loader);
                Class<?> dataClass = Class.forName(k[1], true, loader);
                Class<?> mimeClass = Class.forName(k[2], true, loader);
                Method display = displayClass.getMethod("display", Object.class);
                Method parse = mimeClass.getMethod("parse", String.class);
                Method putData = dataClass.getMethod("putData", mimeClass, Object.class);
                return (mime, content) -> {
                    try {
                        Object data = dataClass.getConstructor().newInstance();
                        putData.invoke(data, parse.invoke(null, mime), content);
                        display.invoke(null, data);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("Display: the " + k[0] + " kernel refused the output", e);
                    }
                };
            } catch (ReflectiveOperationException | LinkageError ignored) {
                // not this kernel
            }
        }
        return (mime, content) -> System.out.println(content);
    }

    private static void invoke(Method m, Object target, Object... args) {
        try {
            m.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Display: the kernel refused the output", e);
        }
    }
}
