package io.github.fijigan.core.nn;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * A random unit vector drawn in Java from a seed (normal, then scaled to length 1), so that it is
 * the same on every machine and independent of libtorch's generator.
 */
final class UnitVectorInitializer implements Initializer {

    private final long seed;

    UnitVectorInitializer(long seed) {
        this.seed = seed;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        int size = Math.toIntExact(shape.size());
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[size];
        double norm = 0;
        for (int i = 0; i < size; i++) {
            values[i] = random.nextGaussian();
            norm += values[i] * values[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < size; i++) {
            values[i] /= norm;
        }
        try (NDArray doubles = manager.create(values, shape)) {
            return doubles.toType(dataType, true);
        }
    }
}
