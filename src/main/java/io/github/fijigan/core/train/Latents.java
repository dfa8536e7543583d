package io.github.fijigan.core.train;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Generator inputs drawn in Java from a seeded stream, so that samples depend on the seed only, on
 * any device and whatever else has used libtorch's generator.
 */
public final class Latents {

    private Latents() {}

    /** @return standard normal noise of shape (n, nz, 1, 1) */
    public static NDArray noise(NDManager manager, int n, int nz, SplittableRandom random) {
        float[] values = new float[n * nz];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) gaussian(random);
        }
        return manager.create(values, new Shape(n, nz, 1, 1));
    }

    /**
     * @param labels class of each sample, or null for an unconditional generator
     * @return the generator's input: noise, then the labels (int32) when given
     */
    public static NDList input(NDManager manager, int nz, int[] labels, int n, SplittableRandom random) {
        NDList list = new NDList(noise(manager, n, nz, random));
        if (labels != null) {
            list.add(manager.create(labels));
        }
        return list;
    }

    /** @return n labels drawn uniformly from {@code classes} */
    public static int[] uniformLabels(int n, int classes, SplittableRandom random) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
        }
        return labels;
    }

    /** Marsaglia's polar method: SplittableRandom has no nextGaussian on Java 17. */
    static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
