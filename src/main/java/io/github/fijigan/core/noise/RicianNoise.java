package io.github.fijigan.core.noise;

import java.util.SplittableRandom;

import com.google.gson.JsonObject;

/**
 * The noise of an MRI magnitude image: Gaussian noise of standard deviation {@code sigma} in both
 * the real and the imaginary channel, then the magnitude, {@code y = |(x + sigma n1) + i sigma n2|}
 * with n1, n2 independent standard normals (Gudbjartsson and Patz 1995). The signal is taken as
 * the real channel. Dark regions gain a positive bias: for x = 0 the mean is {@code sigma *
 * sqrt(pi / 2)} (a Rayleigh distribution).
 *
 * <pre>{@code
 * float[] noisy = new RicianNoise(20).noisy(magnitude, new SplittableRandom(7));
 * }</pre>
 *
 * @param sigma the standard deviation of each channel's noise, finite and at least 0
 */
public record RicianNoise(double sigma) implements NoiseSimulator {

    /** The name in configs. */
    public static final String NAME = "rician";

    public RicianNoise {
        if (!(sigma >= 0 && Double.isFinite(sigma))) {
            throw new IllegalArgumentException("Rician noise: sigma must be finite and at least 0, got " + sigma);
        }
    }

    /** Draws n1 then n2 for each pixel, in index order. */
    @Override
    public void addTo(float[] values, int from, int length, SplittableRandom random) {
        for (int i = from; i < from + length; i++) {
            double re = values[i] + sigma * random.nextGaussian();
            double im = sigma * random.nextGaussian();
            values[i] = (float) Math.sqrt(re * re + im * im);
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
