package io.github.fijigan.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fijigan.ij.ImageJReader;
import org.junit.jupiter.api.Test;

/**
 * Every metric against {@code test-data/reference/metrics_reference.json}, made by
 * {@code metrics_reference.py} on committed images (MRI proton density slice 181×217 gray with noise
 * and blur, a 243×201 RGB retina crop with noise and blur, the 512×512 RGB histology image blurred):
 * <ul>
 *   <li>PSNR, MSE, SSIM (Gaussian and uniform window, gray and RGB with {@code channel_axis}) are
 *       scikit-image 0.19.3's own values; MAE is NumPy's mean of |x - y|.
 *   <li>MS-SSIM, GMSD, MS-GMSD, MDSI and HaarPSI come from the script's independent NumPy/SciPy
 *       implementations of the papers' definitions (the script states each definition and what it
 *       checks: MS-SSIM's per-scale SSIM equals scikit-image's, MS-GMSD with α = 0 equals GMSD, the
 *       conv2 'same' alignment against hand values, identical images give the ideal value).
 * </ul>
 * The images are read as the application reads them (ImageJ's reader, {@link MetricImage#of}). The
 * tolerance is |difference| ≤ 1e-9 · max(1, |expected|) (so 1e-9 dB for PSNR, 1e-9 absolute for the
 * indices in [0, 1]): both sides compute in double precision from the same integer pixels, only the
 * order of sums differs; measured 3.7e-13 at most. The task's bound was 1e-4.
 */
class MetricReferenceTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void everyMetricEqualsItsReference() throws IOException {
        JsonObject reference = JsonParser.parseString(Files.readString(Path.of("test-data/reference/metrics_reference.json")))
                .getAsJsonObject();
        ImageJReader reader = new ImageJReader();
        Set<String> covered = new TreeSet<>();
        int pairs = 0;
        double worst = 0;
        for (JsonElement e : reference.getAsJsonArray("pairs")) {
            JsonObject pair = e.getAsJsonObject();
            MetricImage x = MetricImage.of(reader.read(Path.of("test-data", pair.get("reference").getAsString())));
            MetricImage y = MetricImage.of(reader.read(Path.of("test-data", pair.get("test").getAsString())));
            assertEquals(pair.get("width").getAsInt(), x.width());
            assertEquals(pair.get("height").getAsInt(), x.height());
            assertEquals(pair.get("channels").getAsInt(), x.channels(), pair.get("reference").getAsString());
            assertEquals(pair.get("channels").getAsInt(), y.channels(), pair.get("test").getAsString());
            double range = pair.get("data_range").getAsDouble();
            for (Map.Entry<String, JsonElement> v : pair.getAsJsonObject("values").entrySet()) {
                double expected = v.getValue().getAsDouble();
                double actual = MetricRegistry.get(v.getKey()).compute(x, y, range);
                double error = Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
                worst = Math.max(worst, error);
                assertTrue(error <= TOLERANCE, v.getKey() + " of " + pair.get("reference") + " vs " + pair.get("test")
                        + " (range " + range + "): expected " + expected + ", got " + actual);
                covered.add(v.getKey());
            }
            pairs++;
        }
        assertEquals(7, pairs);
        assertEquals(new TreeSet<>(MetricRegistry.names()), covered, "every registered metric has reference values");
        System.out.println("MetricReferenceTest: largest relative difference " + worst);
    }
}
