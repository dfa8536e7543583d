package io.github.fijigan.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A convolution or linear layer whose weight is divided by its largest singular value, estimated by
 * power iteration: spectral normalisation (Miyato et al. 2018), as PyTorch's {@code
 * torch.nn.utils.spectral_norm} does it.
 *
 * <pre>{@code
 * Block conv = SpectralNorm.conv2d(64, 128, 4, 2, 1, false, 7); // a SN-GAN discriminator layer
 * }</pre>
 *
 * The weight {@code W} is viewed as a matrix with one row per output ({@code (out, in*k*k)} for a
 * convolution). Every training forward does one power iteration, {@code v = W^T u / |W^T u|, u = W v
 * / |W v|}, on the detached weight and stores {@code u} and {@code v}; inference forwards reuse them.
 * The layer then uses {@code W / sigma} with {@code sigma = u^T W v}, computed inside the graph so
 * that gradients flow through {@code sigma} (with {@code u}, {@code v} constant), as in PyTorch.
 *
 * <p>Parameters: {@code weight} (DJL's layout: {@code (out, in, k, k)} or {@code (out, in)}), {@code
 * bias} (with bias), and {@code u (out)}, {@code v (in*k*k)}: not trainable, so optimisers skip them,
 * but parameters, so they are saved and restored with the others. They start as random unit vectors
 * drawn in Java from the seed.
 */
public final class SpectralNorm extends AbstractBlock {

    private static final byte VERSION = 1;
    /** Guards the normalisation of a zero vector, as PyTorch's {@code eps}. */
    private static final float EPS = 1e-12f;

    private final boolean convolution;
    private final int inFeatures;
    private final int outFeatures;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter u;
    private final Parameter v;

    private SpectralNorm(boolean convolution, int in, int out, int kernel, int stride, int padding, boolean bias, long seed) {
        super(VERSION);
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("SpectralNorm needs at least 1 input and output feature, got " + in + " and " + out);
        }
        if (kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("SpectralNorm convolution needs kernel >= 1, stride >= 1, padding >= 0, got kernel "
                    + kernel + ", stride " + stride + ", padding " + padding);
        }
        this.convolution = convolution;
        this.inFeatures = in;
        this.outFeatures = out;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        Shape weightShape = convolution ? new Shape(out, in, kernel, kernel) : new Shape(out, in);
        weight = addParameter(Layers.weight(weightShape));
        this.bias = bias ? addParameter(Layers.bias(out)) : null;
        u = addParameter(Parameter.builder().setName("u").setType(Parameter.Type.OTHER).optShape(new Shape(out))
                .optInitializer(new UnitVectorInitializer(seed)).optRequiresGrad(false).build());
        v = addParameter(Parameter.builder().setName("v").setType(Parameter.Type.OTHER).optShape(new Shape((long) in * kernel * kernel))
                .optInitializer(new UnitVectorInitializer(~seed)).optRequiresGrad(false).build());
    }

    /**
     * A spectrally normalised {@code Conv2d(in, out, kernel, stride, padding, bias)}.
     *
     * @param seed draws the initial {@code u} and {@code v}
     */
    public static SpectralNorm conv2d(int in, int out, int kernel, int stride, int padding, boolean bias, long seed) {
        return new SpectralNorm(true, in, out, kernel, stride, padding, bias, seed);
    }

    /** {@link #conv2d(int, int, int, int, int, boolean, long)} with seed 0. */
    public static SpectralNorm conv2d(int in, int out, int kernel, int stride, int padding, boolean bias) {
        return conv2d(in, out, kernel, stride, padding, bias, 0);
    }

    /**
     * A spectrally normalised fully connected layer: input {@code (N, in)}, output {@code (N, out)}.
     *
     * @param seed draws the initial {@code u} and {@code v}
     */
    public static SpectralNorm linear(int in, int out, boolean bias, long seed) {
        return new SpectralNorm(false, in, out, 1, 1, 0, bias, seed);
    }

    /** {@link #linear(int, int, boolean, long)} with seed 0. */
    public static SpectralNorm linear(int in, int out, boolean bias) {
        return linear(in, out, bias, 0);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (convolution) {
            Layers.checkChannels("SpectralNorm conv2d", x.getShape(), inFeatures);
        } else if (x.getShape().dimension() != 2 || x.getShape().get(1) != inFeatures) {
            throw new IllegalArgumentException("SpectralNorm linear expects an input (N, " + inFeatures + "), got " + x.getShape());
        }
        NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : parameterStore.getValue(bias, x.getDevice(), training);
        NDArray uValue = parameterStore.getValue(u, x.getDevice(), training);
        NDArray vValue = parameterStore.getValue(v, x.getDevice(), training);
        if (training) {
            powerIteration(w, uValue, vValue);
        }
        try (NDArray normalised = normalisedWeight(w, uValue, vValue)) {
            if (convolution) {
                Shape s = new Shape(stride, stride);
                return Conv2d.conv2d(x, normalised, b, s, new Shape(padding, padding), new Shape(1, 1), 1);
            }
            return Linear.linear(x, normalised, b);
        }
    }

    /** One power iteration on the detached weight; {@code u} and {@code v} are overwritten in place. */
    private static void powerIteration(NDArray w, NDArray u, NDArray v) {
        try (NDArray detached = w.stopGradient();
                NDArray matrix = detached.reshape(u.getShape().get(0), -1);
                NDArray transposed = matrix.transpose();
                NDArray wtU = transposed.matMul(u);
                NDArray newV = unit(wtU);
                NDArray wV = matrix.matMul(newV);
                NDArray newU = unit(wV)) {
            v.set(new NDIndex(":"), newV);
            u.set(new NDIndex(":"), newU);
        }
    }

    private static NDArray unit(NDArray vector) {
        try (NDArray norm = vector.norm(); NDArray guarded = norm.maximum(EPS)) {
            return vector.div(guarded);
        }
    }

    /**
     * {@code W / (u^T W v)} with {@code W} in the graph and copies of {@code u}, {@code v}: a later
     * training forward overwrites the stored vectors in place, which must not change what this
     * forward's backward pass reads.
     */
    private static NDArray normalisedWeight(NDArray w, NDArray u, NDArray v) {
        try (NDArray uCopy = u.duplicate();
                NDArray vCopy = v.duplicate();
                NDArray matrix = w.reshape(u.getShape().get(0), -1);
                NDArray wV = matrix.matMul(vCopy);
                NDArray sigma = uCopy.dot(wV)) {
            return w.div(sigma);
        }
    }

    /**
     * @return the current estimate {@code u^T W v} of the weight's largest singular value, from the
     *     stored vectors (no iteration)
     * @throws IllegalStateException before the block is initialised
     */
    public double sigma() {
        if (!isInitialized()) {
            throw new IllegalStateException("SpectralNorm is not initialised; initialise the block first");
        }
        NDArray w = weight.getArray();
        try (NDArray detached = w.stopGradient();
                NDArray matrix = detached.reshape(outFeatures, -1);
                NDArray wV = matrix.matMul(v.getArray());
                NDArray sigma = u.getArray().dot(wV);
                NDArray wide = sigma.toType(DataType.FLOAT64, true)) {
            return wide.getDouble();
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        if (!convolution) {
            return new Shape[] {new Shape(in.get(0), outFeatures)};
        }
        Layers.checkChannels("SpectralNorm conv2d", in, inFeatures);
        return new Shape[] {new Shape(in.get(0), outFeatures, (in.get(2) + 2L * padding - kernel) / stride + 1,
                (in.get(3) + 2L * padding - kernel) / stride + 1)};
    }
}
