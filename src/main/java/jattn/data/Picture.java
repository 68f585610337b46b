package jattn.data;

import org.ejml.data.DMatrixRMaj;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The small greyscale picture of lesson 09 (an image as a sequence of patches, ViT): a 32×32
 * scene drawn by code, a sun (a bright disc) in a sky that darkens towards the horizon, a house
 * (a grey wall with a dark door and a dark roof) on dark ground. No randomness: {@link #generate()}
 * always draws the same pixels, and {@code datasets/picture/picture.pgm} is that file.
 *
 * <p>Format: plain PGM ("P2"), grey levels 0 (black) … 255 (white), one image row per text line:
 * <pre>  P2\n32 32\n255\n&lt;32 numbers&gt;\n … (32 rows)  </pre>
 * {@link #load()} returns the pixels as a (32×32) matrix of brightness in [0, 1] (level / 255),
 * row 0 at the top. The reader accepts any plain PGM with a maximum of 255 and reports a bad
 * file with its name and line.
 */
public final class Picture {

    /** The picture's side: 32 pixels. */
    public static final int SIZE = 32;
    /** The highest grey level. */
    public static final int MAX_LEVEL = 255;

    private Picture() {}

    /** The grey levels (SIZE×SIZE), 0 … 255, row 0 at the top. */
    public static int[][] generate() {
        int[][] level = new int[SIZE][SIZE];
        for (int r = 0; r < SIZE; r++)
            for (int c = 0; c < SIZE; c++) {
                int v = 200 - 4 * r;                                     // sky: light at the top, darker below
                double sun = Math.hypot(r - 7.5, c - 7.5);
                if (sun <= 5.0) v = 255;                                  // the sun, radius 5 around (7.5, 7.5)
                if (r >= 24) v = 40;                                      // the ground
                boolean wall = r >= 16 && r < 24 && c >= 17 && c < 29;
                boolean roof = r >= 10 && r < 16 && Math.abs(c - 22.5) <= (r - 10) + 0.5 + 0.5;
                if (wall) v = 150;
                if (roof) v = 70;
                if (r >= 19 && r < 24 && c >= 21 && c < 25) v = 20;       // the door
                level[r][c] = v;
            }
        return level;
    }

    /** The plain PGM text of {@link #generate()}: header, then one line per row. */
    public static String pgm() {
        StringBuilder b = new StringBuilder("P2\n" + SIZE + " " + SIZE + "\n" + MAX_LEVEL + "\n");
        for (int[] row : generate()) {
            for (int c = 0; c < row.length; c++) b.append(c == 0 ? "" : " ").append(row[c]);
            b.append('\n');
        }
        return b.toString();
    }

    /** Writes {@link #pgm()} to {@code file}. */
    public static void write(Path file) {
        CsvFile.writeText(file, pgm());
    }

    /** The shipped picture, {@code datasets/picture/picture.pgm}, as brightness in [0, 1] (32×32). */
    public static DMatrixRMaj load() {
        return load(Datasets.path("picture", "picture.pgm"));
    }

    /**
     * A plain PGM file as brightness level / max in [0, 1], (height×width), row 0 at the top.
     *
     * @throws IllegalArgumentException naming the file and line of a bad header or row
     */
    public static DMatrixRMaj load(Path file) {
        String label = Datasets.label(file);
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(label + ": cannot read: " + e.getMessage(), e);
        }
        if (lines.size() < 3 || !lines.get(0).strip().equals("P2"))
            throw new IllegalArgumentException(label + " line 1: expected the plain PGM header 'P2'");
        String[] size = lines.get(1).strip().split("\\s+");
        if (size.length != 2) throw new IllegalArgumentException(label + " line 2: expected 'width height', got '" + lines.get(1) + "'");
        int width = Integer.parseInt(size[0]), height = Integer.parseInt(size[1]);
        int max = Integer.parseInt(lines.get(2).strip());
        if (max != MAX_LEVEL) throw new IllegalArgumentException(label + " line 3: maximum grey level " + max + ", expected " + MAX_LEVEL);
        if (lines.size() != 3 + height)
            throw new IllegalArgumentException(label + ": " + (lines.size() - 3) + " pixel rows, the header says " + height);
        DMatrixRMaj m = new DMatrixRMaj(height, width);
        for (int r = 0; r < height; r++) {
            String[] f = lines.get(3 + r).strip().split("\\s+");
            if (f.length != width)
                throw new IllegalArgumentException(label + " line " + (4 + r) + ": " + f.length + " pixels, expected " + width);
            for (int c = 0; c < width; c++) {
                int v = Integer.parseInt(f[c]);
                if (v < 0 || v > max)
                    throw new IllegalArgumentException(label + " line " + (4 + r) + ": grey level " + v + " outside 0 … " + max);
                m.set(r, c, v / (double) max);
            }
        }
        return m;
    }

    /** Writes the picture under {@code datasets/} (or the folder given): {@code picture/picture.pgm}. */
    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : Datasets.root();
        write(root.resolve("picture").resolve("picture.pgm"));
        System.out.println("wrote picture/picture.pgm under " + root.toAbsolutePath());
    }
}
