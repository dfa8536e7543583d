package io.github.fijigan.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Nearest-neighbour ×2 up-sampling followed by a stride-1 "same" convolution: the alternative to a
 * stride-2 {@link ConvTranspose2d} that cannot make checkerboard artefacts, because every output
 * pixel sees the same number of kernel taps (Odena et al., Distill 2016).
 *
 * <pre>{@code
 * UpsampleConv up = new UpsampleConv(64, 32, 3, false); // (N, 64, H, W) -> (N, 32, 2H, 2W)
 * }</pre>
 *
 * Parameters {@code weight (out, in, k, k)} and, with bias, {@code bias (out)}, as in DJL's {@link
 * Conv2d}. The kernel size must be odd so that padding {@code k / 2} keeps the size.
 */
public final class UpsampleConv extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param inChannels input channels, at least 1
     * @param outChannels output channels, at least 1
     * @param kernel odd kernel size, e.g. 3
     * @param bias whether to add a learned bias per output channel
     */
    public UpsampleConv(int inChannels, int outChannels, int kernel, boolean bias) {
        super(VERSION);
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("UpsampleConv needs at least 1 input and output channel, got " + inChannels + " and "
                    + outChannels);
        }
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("UpsampleConv needs an odd kernel size so that padding kernel/2 keeps the size, got "
                    + kernel);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.weight = addParameter(Layers.weight(new Shape(outChannels, inChannels, kernel, kernel)));
        this.bias = bias ? addParameter(Layers.bias(outChannels)) : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Layers.checkChannels("UpsampleConv", x.getShape(), inChannels);
        NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : parameterStore.getValue(bias, x.getDevice(), training);
        try (NDArray up = upsampleNearest(x)) {
            Shape pad = new Shape(kernel / 2, kernel / 2);
            return Conv2d.conv2d(up, w, b, new Shape(1, 1), pad, new Shape(1, 1), 1);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Layers.checkChannels("UpsampleConv", in, inChannels);
        return new Shape[] {new Shape(in.get(0), outChannels, 2 * in.get(2), 2 * in.get(3))};
    }

    /**
     * Repeats every pixel into a 2×2 block, like PyTorch's {@code interpolate(x, scale_factor=2,
     * mode="nearest")}: a broadcast view reshaped into one copy, differentiable (the gradient of a
     * block is the sum over its 4 pixels).
     *
     * @param x {@code (N, C, H, W)}
     * @return {@code (N, C, 2H, 2W)} in {@code x}'s manager
     */
    public static NDArray upsampleNearest(NDArray x) {
        Shape s = x.getShape();
        Layers.checkImage("upsampleNearest", s);
        try (NDArray column = x.reshape(s.get(0), s.get(1), s.get(2), 1, s.get(3), 1);
                NDArray blocks = column.broadcast(s.get(0), s.get(1), s.get(2), 2, s.get(3), 2)) {
            return blocks.reshape(s.get(0), s.get(1), 2 * s.get(2), 2 * s.get(3));
        }
    }
}
