package jattn.autograd;

/**
 * A scope in which operations record no graph: values only, as for evaluation or greedy
 * decoding. Use it with try-with-resources:
 * <pre>{@code try (NoGrad ignored = NoGrad.start()) { model.predict(x); } }</pre>
 * Scopes nest; the setting is per thread.
 */
public final class NoGrad implements AutoCloseable {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private NoGrad() {}

    /** Starts a scope without gradient recording on this thread. */
    public static NoGrad start() {
        DEPTH.get()[0]++;
        return new NoGrad();
    }

    /** True inside a {@link #start()} scope on this thread. */
    public static boolean active() {
        return DEPTH.get()[0] > 0;
    }

    @Override
    public void close() {
        DEPTH.get()[0]--;
    }
}
