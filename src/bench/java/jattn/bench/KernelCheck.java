package jattn.bench;

import jattn.linalg.Gemm;

/**
 * Stops a benchmark that would measure the wrong kernel: JMH's command-line {@code -jvmArgsAppend}
 * replaces the {@code --add-modules=jdk.incubator.vector} of the {@code @Fork} annotations, and
 * without it {@link Gemm} falls back to its scalar kernel. Measuring that one on purpose is
 * allowed with {@code -Djattn.gemm.kernel=scalar}.
 */
final class KernelCheck {

    private KernelCheck() {}

    static void requireVectorKernel() {
        if (!Gemm.kernel().startsWith("vector") && !"scalar".equals(System.getProperty("jattn.gemm.kernel")))
            throw new IllegalStateException("the benchmark JVM has no Vector API, so Gemm would use its scalar kernel; "
                    + "pass -jvmArgsAppend \"--add-modules=jdk.incubator.vector ...\" (or -Djattn.gemm.kernel=scalar to measure that one)");
    }
}
