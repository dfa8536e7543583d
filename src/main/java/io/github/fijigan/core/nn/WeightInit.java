package io.github.fijigan.core.nn;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Re-initialises a block's parameters by name, like pix2pix/CycleGAN's {@code init_weights(net,
 * init_type, init_gain)}, with numbers drawn in Java from a seed: the same values on every machine
 * and engine, whatever libtorch's generator did before.
 *
 * <pre>{@code
 * Block g = NetworkFactory.build(spec);
 * g.initialize(manager, DataType.FLOAT32, NetworkFactory.inputShapes(spec, 1));
 * WeightInit.apply(g, "normal", 42); // DCGAN: weights N(0, 0.02), norm gamma N(1, 0.02)
 * }</pre>
 *
 * <p>Convolution and linear weights (trainable {@link Parameter.Type#WEIGHT}):
 * <ul>
 *   <li>{@code normal}: N(0, gain);
 *   <li>{@code xavier}: N(0, gain * sqrt(2 / (fan_in + fan_out))) (Glorot);
 *   <li>{@code kaiming}: N(0, sqrt(2 / fan_in)) (He, for ReLU; gain unused);
 *   <li>{@code orthogonal}: gain times a random orthogonal matrix of shape {@code (dim 0, rest)}:
 *       orthonormal rows when there are fewer rows than columns, orthonormal columns otherwise.
 * </ul>
 * Fans follow PyTorch: {@code fan_in = dim 1 * kernel area}, {@code fan_out = dim 0 * kernel area}
 * (for a {@link ConvTranspose2d} weight {@code (in, out, k, k)} that makes {@code fan_in = out*k*k},
 * as in PyTorch). Every scheme sets norm scales ({@code gamma}) to N(1, gain), biases and norm
 * shifts ({@code beta}) to 0, and {@link ClassEmbedding} tables to N(0, 1) (PyTorch's embedding
 * default). Parameters that are not trainable are left alone: running statistics and {@link
 * SpectralNorm}'s {@code u}, {@code v}.
 */
public final class WeightInit {

    /** The scheme names {@link #apply} accepts. */
    public static final List<String> NAMES = List.of("normal", "xavier", "kaiming", "orthogonal");
    /** pix2pix's {@code init_gain}: the standard deviation of {@code normal} and the gain of the others. */
    public static final double DEFAULT_GAIN = 0.02;

    private WeightInit() {}

    /** {@link #apply(Block, String, double, long)} with pix2pix's gain 0.02. */
    public static void apply(Block block, String name, long seed) {
        apply(block, name, DEFAULT_GAIN, seed);
    }

    /**
     * Sets every trainable parameter of an initialised block, in {@link Block#getParameters()} order,
     * from one random stream seeded with {@code seed}.
     *
     * @param name one of {@link #NAMES}
     * @param gain see the class description; positive
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones) or a bad gain
     * @throws IllegalStateException when the block is not initialised yet
     */
    public static void apply(Block block, String name, double gain, long seed) {
        if (name == null || !NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unknown weight initialisation '" + name + "'; known: " + String.join(", ", NAMES));
        }
        if (!(gain > 0 && Double.isFinite(gain))) {
            throw new IllegalArgumentException("weight initialisation gain must be positive, got " + gain);
        }
        if (!block.isInitialized()) {
            throw new IllegalStateException("initialise the block before WeightInit.apply: its parameters have no shapes or arrays yet");
        }
        visit(block, name.toLowerCase(Locale.ROOT), gain, new SplittableRandom(seed));
    }

    /** Direct parameters first, then children: the order of {@link Block#getParameters()}. */
    private static void visit(Block block, String name, double gain, SplittableRandom random) {
        for (Pair<String, Parameter> pair : block.getDirectParameters()) {
            Parameter p = pair.getValue();
            if (!p.requiresGradient()) {
                continue;
            }
            Shape shape = p.getArray().getShape();
            int size = Math.toIntExact(shape.size());
            if (block instanceof ClassEmbedding) {
                set(p, gaussian(random, size, 0, 1));
            } else if (p.getType() == Parameter.Type.WEIGHT) {
                set(p, weight(name, gain, shape, random));
            } else if (p.getType() == Parameter.Type.GAMMA) {
                set(p, gaussian(random, size, 1, gain));
            } else if (p.getType() == Parameter.Type.BIAS || p.getType() == Parameter.Type.BETA) {
                set(p, new double[size]);
            }
        }
        for (Block child : block.getChildren().values()) {
            visit(child, name, gain, random);
        }
    }

    private static double[] weight(String name, double gain, Shape shape, SplittableRandom random) {
        int size = Math.toIntExact(shape.size());
        long receptive = shape.dimension() > 2 ? shape.slice(2).size() : 1;
        long fanIn = shape.dimension() > 1 ? shape.get(1) * receptive : size;
        long fanOut = shape.dimension() > 1 ? shape.get(0) * receptive : size;
        return switch (name) {
            case "normal" -> gaussian(random, size, 0, gain);
            case "xavier" -> gaussian(random, size, 0, gain * Math.sqrt(2.0 / (fanIn + fanOut)));
            case "kaiming" -> gaussian(random, size, 0, Math.sqrt(2.0 / fanIn));
            case "orthogonal" -> Orthogonal.matrix(random, Math.toIntExact(shape.get(0)), size / Math.toIntExact(shape.get(0)), gain);
            default -> throw new AssertionError(name);
        };
    }

    static double[] gaussian(SplittableRandom random, int size, double mean, double std) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = mean + std * random.nextGaussian();
        }
        return values;
    }

    private static void set(Parameter p, double[] values) {
        NDArray array = p.getArray();
        if (array.getDataType() == DataType.FLOAT32) {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            array.set(f);
        } else if (array.getDataType() == DataType.FLOAT64) {
            array.set(values);
        } else {
            throw new IllegalArgumentException("parameter '" + p.getName() + "' is " + array.getDataType()
                    + "; WeightInit sets float32 and float64 parameters only");
        }
    }
}
