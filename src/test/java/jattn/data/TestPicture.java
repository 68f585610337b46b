package jattn.data;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static jattn.testing.TensorAssert.assertRejects;
import static org.junit.jupiter.api.Assertions.*;

class TestPicture {

    @Test
    void theShippedFileIsExactlyWhatTheGeneratorWrites() throws IOException {
        assertEquals(Picture.pgm(), Files.readString(Datasets.path("picture", "picture.pgm"), StandardCharsets.UTF_8),
                "datasets/picture/picture.pgm differs from Picture.generate(): regenerate with java jattn.data.Picture");
    }

    @Test
    void loadsBrightnessInTheUnitIntervalWithTheSunBrightest() {
        DMatrixRMaj m = Picture.load();
        assertEquals(32, m.numRows);
        assertEquals(32, m.numCols);
        for (double v : m.data) assertTrue(v >= 0 && v <= 1);
        assertEquals(1.0, m.get(7, 7), 0.0, "the sun's centre is white");
        assertEquals(40 / 255.0, m.get(30, 2), 1e-15, "the ground");
        assertEquals(20 / 255.0, m.get(21, 22), 1e-15, "the door");
    }

    @Test
    void aBadFileIsReportedWithItsLine(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("bad.pgm");
        Files.writeString(f, "P2\n3 2\n255\n1 2 3\n4 5\n");
        assertRejects(() -> Picture.load(f), "bad.pgm line 5", "2 pixels, expected 3");
        Files.writeString(f, "P2\n2 1\n255\n1 300\n");
        assertRejects(() -> Picture.load(f), "line 4", "grey level 300");
        Files.writeString(f, "P5\n2 1\n255\n1 3\n");
        assertRejects(() -> Picture.load(f), "line 1", "P2");
    }
}
