package io.github.fijigan.core.loss;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import java.util.function.Function;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

/**
 * A small real critic, in float64 unless said otherwise: conv 3x3 (3 filters) → activation → conv 3x3 stride 2 (2 filters)
 * → activation → flatten → linear to one score per sample; 95 parameters for 6x6 single-channel
 * input. Parameters come from a seeded Java RNG, not from libtorch's generator.
 */
final class TinyCritic {

    final SequentialBlock block;
    final Shape input;
    private final NDManager manager;

    private TinyCritic(NDManager manager, Shape input, Block activation, long seed) {
        this(manager, input, new SequentialBlock(), activation, DataType.FLOAT64, seed);
    }

    private TinyCritic(NDManager manager, Shape input, SequentialBlock front, Block activation, DataType type,
            long seed) {
        this.manager = manager;
        this.input = input;
        block = front
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(3).build())
                .add(activation)
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).setFilters(2).build())
                .add(activation)
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(1).build());
        block.initialize(manager, type, input);
        SplittableRandom random = new SplittableRandom(seed);
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            double[] values = new double[Math.toIntExact(array.size())];
            for (int i = 0; i < values.length; i++) values[i] = random.nextDouble(-0.6, 0.6);
            setValues(array, values);
        }
    }

    /** With LeakyReLU(0.2), as in DCGAN and PatchGAN critics: piecewise linear in the input. */
    static TinyCritic leaky(NDManager manager, Shape input, long seed) {
        return new TinyCritic(manager, input, Activation.leakyReluBlock(0.2f), seed);
    }

    /** With tanh, whose curvature adds second-order terms to the penalty's parameter gradient. */
    static TinyCritic smooth(NDManager manager, Shape input, long seed) {
        return new TinyCritic(manager, input, Activation.tanhBlock(), seed);
    }

    /**
     * The same behind an 8x8 average pooling: cheap on large inputs, for tests whose point is the
     * size of the input (and of anything that would keep it alive).
     */
    static TinyCritic pooled(NDManager manager, Shape input, long seed) {
        SequentialBlock front = new SequentialBlock().add(Pool.avgPool2dBlock(new Shape(8, 8)));
        return new TinyCritic(manager, input, front, Activation.leakyReluBlock(0.2f), DataType.FLOAT64, seed);
    }

    /** {@link #leaky} in float32, with the same parameters rounded to float. */
    static TinyCritic leakyFloat32(NDManager manager, Shape input, long seed) {
        return new TinyCritic(manager, input, new SequentialBlock(), Activation.leakyReluBlock(0.2f), DataType.FLOAT32,
                seed);
    }

    ParameterList parameters() {
        return block.getParameters();
    }

    Function<NDArray, NDArray> function() {
        return x -> block.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
    }

    /** @return one score per sample, in plain doubles */
    double[] scores(double[] batch) {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(batch, input);
            return block.forward(new ParameterStore(step, false), new NDList(x), false).singletonOrThrow()
                    .toDoubleArray();
        }
    }

    int parameterCount() {
        int n = 0;
        for (Pair<String, Parameter> p : parameters()) n += Math.toIntExact(p.getValue().getArray().size());
        return n;
    }

    static double[] values(NDArray array) {
        return array.toDoubleArray();
    }

    static void setValues(NDArray array, double[] values) {
        if (array.getDataType() == DataType.FLOAT64) {
            array.set(DoubleBuffer.wrap(values));
        } else {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
            array.set(FloatBuffer.wrap(f));
        }
    }
}
