package jattn.viz;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal JSON writer for the plotly objects that Tablesaw's builders cannot express
 * (colour scales, colour bars, subplot axes, annotations, wrapped titles).
 *
 * <p>Values: {@code null}, {@link Boolean}, {@link Number}, {@link String}, {@code double[]},
 * {@code double[][]}, {@link List} and {@link Map} (keys in their iteration order). Strings
 * are escaped for JSON and {@code <} is written as {@code \u003c}, so no string can close the
 * page's script element. A non-finite number is written as {@code null} (plotly leaves a gap).
 */
final class Json {

    private Json() {}

    /** The JSON text of a value. */
    static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b);
        return b.toString();
    }

    private static void write(Object v, StringBuilder b) {
        if (v == null) b.append("null");
        else if (v instanceof Boolean bool) b.append(bool);
        else if (v instanceof Double || v instanceof Float) number(((Number) v).doubleValue(), b);
        else if (v instanceof Number n) b.append(n.longValue());
        else if (v instanceof String s) string(s, b);
        else if (v instanceof double[] a) {
            b.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) b.append(',');
                number(a[i], b);
            }
            b.append(']');
        } else if (v instanceof double[][] rows) {
            b.append('[');
            for (int i = 0; i < rows.length; i++) {
                if (i > 0) b.append(',');
                write(rows[i], b);
            }
            b.append(']');
        } else if (v instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) b.append(',');
                write(list.get(i), b);
            }
            b.append(']');
        } else if (v instanceof Map<?, ?> map) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) b.append(',');
                first = false;
                string(String.valueOf(e.getKey()), b);
                b.append(':');
                write(e.getValue(), b);
            }
            b.append('}');
        } else throw new IllegalArgumentException("Json: cannot write a " + v.getClass().getName());
    }

    private static void number(double x, StringBuilder b) {
        if (!Double.isFinite(x)) b.append("null");
        else if (x == Math.rint(x) && Math.abs(x) < 1e15) b.append((long) x);
        else b.append(String.format(Locale.ROOT, "%.6g", x).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e").replaceAll("\\.$", ""));
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c");
                default -> {
                    if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }
}
