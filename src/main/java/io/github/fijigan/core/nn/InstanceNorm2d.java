package io.github.fijigan.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Instance normalisation like PyTorch's {@code nn.InstanceNorm2d(channels, affine=affine, eps=eps)}
 * without running statistics: every sample's every channel is shifted to mean 0 and scaled to
 * variance 1 over its H×W pixels (biased variance), in training and in inference alike; with
 * {@code affine}, then scaled by {@code gamma} and shifted by {@code beta} per channel.
 *
 * <pre>{@code
 * Block norm = new InstanceNorm2d(64, false); // pix2pix / CycleGAN style
 * }</pre>
 *
 * It is one fused native batch-norm op on the input viewed as {@code (1, N*C, H, W)}: batch
 * statistics of that view are exactly the per-sample, per-channel statistics; {@code gamma} and
 * {@code beta} are tiled {@code N} times to be that op's scale and shift. The op's running statistics
 * are throw-away scratch arrays.
 */
public final class InstanceNorm2d extends AbstractBlock {

    private static final byte VERSION = 1;
    /** PyTorch's default. */
    public static final float DEFAULT_EPS = 1e-5f;

    private final int channels;
    private final boolean affine;
    private final float eps;
    private final Parameter gamma;
    private final Parameter beta;

    /**
     * @param channels channels of the input, at least 1
     * @param affine whether to learn {@code gamma} (initially 1) and {@code beta} (initially 0) per channel
     * @param eps added to the variance, positive
     */
    public InstanceNorm2d(int channels, boolean affine, float eps) {
        super(VERSION);
        if (channels < 1) {
            throw new IllegalArgumentException("InstanceNorm2d needs at least 1 channel, got " + channels);
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("InstanceNorm2d eps must be positive, got " + eps);
        }
        this.channels = channels;
        this.affine = affine;
        this.eps = eps;
        gamma = affine ? addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels)).build()) : null;
        beta = affine ? addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(channels)).build()) : null;
    }

    /** @param channels channels of the input; eps is {@link #DEFAULT_EPS} */
    public InstanceNorm2d(int channels, boolean affine) {
        this(channels, affine, DEFAULT_EPS);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        Layers.checkChannels("InstanceNorm2d", s, channels);
        if (s.get(2) * s.get(3) < 2) {
            throw new IllegalArgumentException("InstanceNorm2d needs more than one pixel per channel, got input shape " + s);
        }
        long n = s.get(0);
        long instances = n * channels;
        NDManager manager = x.getManager();
        try (NDArray flat = x.reshape(1, instances, s.get(2), s.get(3));
                NDArray scratchMean = manager.zeros(new Shape(instances), x.getDataType(), x.getDevice());
                NDArray scratchVar = manager.ones(new Shape(instances), x.getDataType(), x.getDevice());
                NDArray scale = affine ? parameterStore.getValue(gamma, x.getDevice(), training).tile(n)
                        : manager.ones(new Shape(instances), x.getDataType(), x.getDevice());
                NDArray shift = affine ? parameterStore.getValue(beta, x.getDevice(), training).tile(n)
                        : manager.zeros(new Shape(instances), x.getDataType(), x.getDevice());
                NDArray normalised = BatchNorm.batchNorm(flat, scratchMean, scratchVar, scale, shift, 1, 0.9f, eps, true)
                        .singletonOrThrow()) {
            return new NDList(normalised.reshape(s));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Layers.checkChannels("InstanceNorm2d", inputShapes[0], channels);
        return new Shape[] {inputShapes[0]};
    }
}
