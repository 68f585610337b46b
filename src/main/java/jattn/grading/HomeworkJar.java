package jattn.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;

/**
 * The homework jar: the course jar without the classes the homework asks students to write.
 * Student notebooks load it ({@code %jars ../target/homework.jar}) instead of the course jar, and
 * the grader runs submissions on it, so the answers are not in the student's class path: a
 * call such as {@code new jattn.text.OneHot(...)} does not compile there.
 */
public final class HomeworkJar {

    /** The classes (and their nested classes) left out: what HW1-HW3 ask for. */
    public static final List<String> ANSWERS = List.of(
            "jattn/text/OneHot", "jattn/text/Cosine", "jattn/rnn/RnnCell",
            "jattn/attention/DotScore", "jattn/attention/ScaledDotScore", "jattn/attention/AdditiveScore",
            "jattn/attention/MaskedSoftmax", "jattn/attention/BatchedAdditiveAttention", "jattn/seq2seq/BahdanauDecoder",
            "jattn/attention/ScaledDotProductAttention", "jattn/attention/SelfAttention", "jattn/attention/MultiHeadAttention",
            "jattn/position/SinusoidalPositionalEncoding", "jattn/attention/Softmax", "jattn/attention/Sparsemax");

    private HomeworkJar() {}

    /** Writes the homework jar from {@code courseJar}; returns how many entries were left out. */
    public static int write(Path courseJar, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".homework-", ".jar");
        int left = 0;
        try (InputStream in = Files.newInputStream(courseJar); JarInputStream jin = new JarInputStream(in);
             OutputStream os = Files.newOutputStream(tmp);
             JarOutputStream jout = jin.getManifest() == null ? new JarOutputStream(os) : new JarOutputStream(os, jin.getManifest())) {
            for (JarEntry e; (e = jin.getNextJarEntry()) != null; ) {
                if (isAnswer(e.getName())) { left++; continue; }
                jout.putNextEntry(new JarEntry(e.getName()));
                jin.transferTo(jout);
                jout.closeEntry();
            }
        }
        AgentLauncher.readableByAll(tmp);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return left;
    }

    static boolean isAnswer(String entry) {
        for (String a : ANSWERS)
            if (entry.equals(a + ".class") || entry.startsWith(a + "$")) return true;
        return false;
    }
}
