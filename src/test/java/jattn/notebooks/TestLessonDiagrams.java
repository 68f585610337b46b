package jattn.notebooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The diagrams of the lessons are SVG files in {@code notebooks/figures/}, embedded in their
 * Markdown cells as attachments ({@code ![…](attachment:name.svg)}), so that they show in the
 * live notebook and in the HTML export (nbconvert writes attachments as data URIs). Each
 * attachment must be byte for byte its file, and each file well-formed SVG with a title.
 */
class TestLessonDiagrams {

    static final Path NOTEBOOKS = Path.of("notebooks");

    @Test
    void everyAttachmentIsItsSvgFileAndEveryReferenceHasItsAttachment() throws IOException {
        int seen = 0;
        for (String name : List.of("03_recurrent_networks.ipynb")) {
            JsonObject nb = JsonParser.parseString(Files.readString(NOTEBOOKS.resolve(name))).getAsJsonObject();
            for (JsonElement c : nb.getAsJsonArray("cells")) {
                JsonObject cell = c.getAsJsonObject();
                StringBuilder src = new StringBuilder();
                cell.getAsJsonArray("source").forEach(l -> src.append(l.getAsString()));
                Matcher m = Pattern.compile("\\(attachment:([\\w.-]+)\\)").matcher(src);
                while (m.find()) {
                    String file = m.group(1);
                    assertTrue(cell.has("attachments") && cell.getAsJsonObject("attachments").has(file),
                            name + ": the cell that shows " + file + " has no such attachment");
                    String b64 = cell.getAsJsonObject("attachments").getAsJsonObject(file).get("image/svg+xml").getAsString();
                    byte[] attached = Base64.getDecoder().decode(b64), onDisk = Files.readAllBytes(NOTEBOOKS.resolve("figures").resolve(file));
                    assertArrayEquals(onDisk, attached, name + ": the attachment " + file + " differs from notebooks/figures/" + file
                            + "; re-attach it after editing the SVG");
                    String svg = new String(onDisk, java.nio.charset.StandardCharsets.UTF_8);
                    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.contains("<title>") && svg.trim().endsWith("</svg>"), file);
                    seen++;
                }
            }
        }
        assertEquals(2, seen, "lesson 03 shows the unrolled RNN and the GRU cell");
    }
}
