package jattn.viz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The pinned plotly.js that every figure of the course is drawn with, shipped inside the
 * course jar, so that plots render with the network off, in the live notebook and in its
 * HTML export.
 *
 * <p>Tablesaw's own page points at an unpinned CDN file; here the library travels with the
 * notebook instead. The build takes it from the WebJar {@code org.webjars.npm:plotly.js-dist}
 * and gzips it into the jar (10.8 MB → 2.4 MB; see maven-antrun-plugin in pom.xml). The
 * first figure of a kernel session carries it base64-encoded, the page decompresses it with
 * the browser's {@code DecompressionStream}, and later figures wait for that promise.
 * Titles and axis labels are given as plain strings by Tablesaw, which plotly.js 2.x still
 * accepts (3.x dropped them), hence the pin to 2.x.
 */
public final class PlotlyJs {

    /** The plotly.js version in the jar; keep in step with {@code plotly.version} in pom.xml. */
    public static final String VERSION = "2.35.3";

    private static final String RESOURCE = "/jattn/viz/plotly.js.gz";

    private static String loaderScript; // built once per JVM

    private PlotlyJs() {}

    /** plotly.js, gzip-compressed, from the jar. */
    public static byte[] gzippedSource() {
        try (InputStream in = PlotlyJs.class.getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new IllegalStateException("plotly.js " + VERSION + " is not on the classpath (" + RESOURCE
                        + "); load the course jar built by `./course setup` (target/attention-course.jar)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A {@code <script>} that defines {@code window.__jattnPlotly}, a promise of the Plotly
     * object, unless the page already has one. The library is evaluated with {@code define},
     * {@code module} and {@code exports} hidden, so that it sets {@code window.Plotly} even
     * in pages that load require.js (the classic notebook does).
     */
    public static synchronized String loaderScript() {
        if (loaderScript == null) {
            String b64 = Base64.getEncoder().encodeToString(gzippedSource());
            loaderScript = "<script>(function () {\n"
                    + "  if (window.__jattnPlotly) return;\n"
                    + "  if (window.Plotly && window.Plotly.version === '" + VERSION + "') { window.__jattnPlotly = Promise.resolve(window.Plotly); return; }\n"
                    + "  var bin = atob('" + b64 + "');\n"
                    + "  var bytes = new Uint8Array(bin.length);\n"
                    + "  for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);\n"
                    + "  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));\n"
                    + "  window.__jattnPlotly = new Response(stream).text().then(function (src) {\n"
                    + "    new Function('define', 'module', 'exports', src).call(window);\n"
                    + "    return window.Plotly;\n"
                    + "  });\n"
                    + "})();</script>\n";
        }
        return loaderScript;
    }
}
