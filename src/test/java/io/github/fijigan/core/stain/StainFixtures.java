package io.github.fijigan.core.stain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.metrics.Ssim;
import io.github.fijigan.ij.ImageJReader;

/**
 * The histology fixtures and the values {@code test-data/reference/stain_reference.py} computed with
 * scikit-image 0.19.3 / NumPy 1.24.2 ({@code stain_reference.json}).
 */
final class StainFixtures {

    static final String IHC = "histology/ihc.png";
    static final String HE = "histology/he_from_ihc.png";

    private static JsonObject reference;

    private StainFixtures() {}

    /** @return a fixture read the way a user's file is: ImageJ's reader, then {@link RgbImages} */
    static RgbPixels load(String name) {
        try {
            CalibratedImage<?> image = new ImageJReader().read(Path.of("test-data", name));
            return RgbImages.stacked(image, RgbImages.typeMax(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized JsonObject reference() {
        if (reference == null) {
            try {
                reference = JsonParser.parseString(Files.readString(Path.of("test-data/reference/stain_reference.json"))).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }

    /** @return the reference facts of one fixture */
    static JsonObject facts(String name) {
        for (JsonElement e : reference().getAsJsonArray("fixtures")) {
            if (e.getAsJsonObject().get("file").getAsString().equals(name)) {
                return e.getAsJsonObject();
            }
        }
        throw new IllegalArgumentException("no reference facts for " + name);
    }

    static double[] doubles(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }

    static double[][] matrix(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        double[][] m = new double[a.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = doubles(a.get(i));
        }
        return m;
    }

    /** @return the angle between two vectors in degrees */
    static double angleDegrees(double[] u, double[] v) {
        double cos = Matrices.dot(u, v) / (Matrices.norm(u) * Matrices.norm(v));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    /** @return SSIM (Gaussian window) of the gray versions of two images, after rounding both to 8 bits */
    static double graySsim(RgbPixels x, RgbPixels y) {
        return Ssim.gaussian(x.rounded().gray(), y.rounded().gray(), x.width(), x.height(), 255);
    }

    /** @return the mean absolute difference in 8-bit levels over all channels, after rounding both */
    static double meanAbsDifference(RgbPixels x, RgbPixels y) {
        float[] a = x.rounded().values(), b = y.rounded().values();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }
}
