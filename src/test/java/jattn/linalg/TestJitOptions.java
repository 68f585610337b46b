package jattn.linalg;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The JIT options of {@code src/main/jvm/jit.options}. The JVM ignores a CompileCommand that names
 * no method, so a renamed kernel would silently bring the long compilations back: every method
 * named must exist. And the options help only where a launcher reads the file: the kernel spec,
 * this test JVM (pom.xml) and the date benchmark.
 */
class TestJitOptions {

    static final Path OPTIONS = Path.of("src/main/jvm/jit.options");
    static final Pattern DONT_INLINE = Pattern.compile("-XX:CompileCommand=dontinline,([\\w.$]+)::(\\w+|\\*)");

    /** The file's options: every line that is neither empty nor a comment. */
    static List<String> options() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(OPTIONS)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) out.add(s);
        }
        return out;
    }

    @Test
    void quietComesFirstAndEveryOtherOptionKeepsAnExistingMethodOutOfLine() throws Exception {
        List<String> options = options();
        assertEquals("-XX:CompileCommand=quiet", options.get(0), "quiet must come first, or the JVM prints each command on stdout");
        assertTrue(options.size() > 1, "no dontinline command in " + OPTIONS);
        for (String option : options.subList(1, options.size())) {
            Matcher m = DONT_INLINE.matcher(option);
            if (!m.matches()) fail(OPTIONS + ": not a dontinline command of the form CLASS::METHOD: " + option);
            Class<?> c = Class.forName(m.group(1));
            String name = m.group(2);
            List<Method> named = Arrays.stream(c.getDeclaredMethods())
                    .filter(x -> name.equals("*") ? !x.isSynthetic() : x.getName().equals(name)).toList();
            assertFalse(named.isEmpty(), OPTIONS + ": " + c.getName() + " has no method " + name + " (renamed?): " + option);
            assertTrue(named.stream().allMatch(x -> Modifier.isStatic(x.getModifiers())),
                    OPTIONS + ": the kernels named are static entry points; " + option + " names an instance method");
        }
    }

    @Test
    void thisTestJvmRunsWithTheOptions() throws Exception {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String option : options())
            assertTrue(args.contains(option), "the test JVM (pom.xml's argLine) lacks " + option + "; it has " + args);
    }

    @Test
    void theKernelSpecAndTheDateBenchmarkReadTheFile() throws IOException {
        String spec = Files.readString(Path.of("kernel/kernel.json"));
        assertTrue(spec.contains("\"@@KERNEL_DIR@/jit.options\""), "kernel/kernel.json's argv does not read the JIT options");
        String course = Files.readString(Path.of("course"));
        assertTrue(course.contains("src/main/jvm/jit.options \"$out/\""), "./course does not copy the JIT options into the kernel spec");
        String dates = Files.readString(Path.of("tools/bench/dates.sh"));
        assertTrue(dates.contains("\"@$ROOT/src/main/jvm/jit.options\""), "tools/bench/dates.sh does not pass the JIT options to Java");
    }
}
