package io.github.fijigan.core.noise;

import java.util.SplittableRandom;

import com.google.gson.JsonObject;

/**
 * Additive white Gaussian noise of standard deviation {@code sigma} in the image's units (HU for
 * CT): {@code y = x + sigma * n}, n standard normal ({@link SplittableRandom#nextGaussian()}).
 *
 * <pre>{@code
 * float[] noisy = new GaussianNoise(25).noisy(hu, new SplittableRandom(1));   // 25 HU
 * }</pre>
 *
 * @param sigma the standard deviation, finite and at least 0
 */
public record GaussianNoise(double sigma) implements NoiseSimulator {

    /** The name in configs. */
    public static final String NAME = "gaussian";

    public GaussianNoise {
        if (!(sigma >= 0 && Double.isFinite(sigma))) {
            throw new IllegalArgumentException("Gaussian noise: sigma must be finite and at least 0, got " + sigma);
        }
    }

    @Override
    public void addTo(float[] values, int from, int length, SplittableRandom random) {
        for (int i = from; i < from + length; i++) {
            values[i] = (float) (values[i] + sigma * random.nextGaussian());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("name", NAME);
        json.addProperty("sigma", sigma);
        return json;
    }
}
