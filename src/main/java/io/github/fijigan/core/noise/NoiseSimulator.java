package io.github.fijigan.core.noise;

import java.util.SplittableRandom;

import com.google.gson.JsonObject;

/**
 * Adds simulated acquisition noise to image values in their own physical units (HU for CT, the
 * magnitude's units for MRI), for training denoisers on clean images and for testing them. Every
 * random number comes from the {@link SplittableRandom} given, so the same stream gives the same
 * noise on every machine, whatever libtorch's generator did.
 *
 * <pre>{@code
 * NoiseSimulator ct = new PoissonNoise(1e5, 0.25, PoissonNoise.MU_WATER, 20);  // quarter dose
 * float[] noisy = ct.noisy(cleanHu, new SplittableRandom(42));
 * new GaussianNoise(25).addTo(plane, 0, plane.length, step.random("noise"));  // in place
 * }</pre>
 */
public interface NoiseSimulator {

    /**
     * Replaces {@code values[from .. from + length)} by noisy values, pixel by pixel in index order.
     *
     * @param values physical values (e.g. HU)
     * @param random the only source of randomness
     */
    void addTo(float[] values, int from, int length, SplittableRandom random);

    /** @return a noisy copy of {@code clean}; {@code clean} is left as it is */
    default float[] noisy(float[] clean, SplittableRandom random) {
        float[] copy = clean.clone();
        addTo(copy, 0, copy.length, random);
        return copy;
    }

    /** @return the simulator's name: {@code gaussian}, {@code poisson} or {@code rician} */
    String name();

    /** @return the name and parameters, for a model's provenance and for messages */
    JsonObject toJson();
}
