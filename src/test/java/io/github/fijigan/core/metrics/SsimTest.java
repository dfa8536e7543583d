package io.github.fijigan.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * SSIM against scikit-image 0.19.3 ({@code test-data/reference/ssim_reference.py} made the values in
 * {@code ssim_reference.json}): both windows, to 1e-9 — the definitions are the same, only the sums'
 * order differs.
 */
class SsimTest {

    @Test
    void equalsScikitImage() throws IOException {
        JsonObject reference = JsonParser.parseString(Files.readString(Path.of("test-data/reference/ssim_reference.json")))
                .getAsJsonObject();
        int checked = 0;
        for (JsonElement e : reference.getAsJsonArray("pairs")) {
            JsonObject pair = e.getAsJsonObject();
            float[] x = gray(pair.get("x").getAsString());
            float[] y = gray(pair.get("y").getAsString());
            assertEquals(pair.get("gaussian").getAsDouble(), Ssim.gaussian(x, y, 32, 32, 255), 1e-9, pair.toString());
            assertEquals(pair.get("uniform").getAsDouble(), Ssim.uniform(x, y, 32, 32, 255), 1e-9, pair.toString());
            checked++;
        }
        assertEquals(2, checked);
    }

    @Test
    void identicalImagesScoreOneAndBadInputIsRefused() throws IOException {
        float[] x = gray("synthetic/paired/A/pair_000.png");
        assertEquals(1.0, Ssim.gaussian(x, x, 32, 32, 255), 1e-12);
        assertEquals(1.0, Ssim.uniform(x, x, 32, 32, 255), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Ssim.gaussian(x, new float[10], 32, 32, 255));
        assertThrows(IllegalArgumentException.class, () -> Ssim.gaussian(new float[25], new float[25], 5, 5, 255));
        float[] nan = x.clone();
        nan[100] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ssim.gaussian(x, nan, 32, 32, 255));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ssim.uniform(x, x, 32, 32, 0));
    }

    private static float[] gray(String file) throws IOException {
        Raster r = ImageIO.read(Path.of("test-data", file).toFile()).getRaster();
        float[] v = new float[r.getWidth() * r.getHeight()];
        for (int y = 0; y < r.getHeight(); y++) {
            for (int x = 0; x < r.getWidth(); x++) {
                v[y * r.getWidth() + x] = r.getSample(x, y, 0);
            }
        }
        return v;
    }
}
