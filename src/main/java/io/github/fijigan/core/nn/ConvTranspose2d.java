package io.github.fijigan.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A transposed 2-D convolution that computes exactly what PyTorch's {@code
 * nn.ConvTranspose2d(in, out, kernel, stride, padding, output_padding, bias=bias)} computes, with
 * the same weight layout {@code (in, out, kernel, kernel)}, the same parameters and the same output
 * size {@code (H - 1) * stride - 2 * padding + kernel + output_padding}. DJL's PyTorch engine has no
 * deconvolution, so this block builds one from ordinary convolutions.
 *
 * <pre>{@code
 * ConvTranspose2d up = new ConvTranspose2d(64, 32, 4, 2, 1, false); // doubles H and W
 * up.initialize(manager, DataType.FLOAT32, new Shape(8, 64, 16, 16));
 * NDArray y = up.forward(new ParameterStore(manager, false), new NDList(x), false).head(); // (8, 32, 32, 32)
 * ConvTranspose2d resnetUp = new ConvTranspose2d(256, 128, 3, 2, 1, 1, true); // CycleGAN's: also doubles H and W
 * }</pre>
 *
 * <h2>How: one small convolution per output phase</h2>
 * Output pixels whose row is {@code a (mod stride)} and column {@code b (mod stride)} form a phase;
 * each phase only ever meets the kernel taps congruent to a fixed remainder, so it is an ordinary
 * stride-1 convolution of the input with a sub-kernel of the transposed and flipped weight (taps
 * {@code r, r + stride, ...}). The input is zero-padded once, each phase convolves its window
 * ({@code stride}² convolutions), and the phases are interleaved by stacking and reshaping, with
 * no per-pixel scatter. A 1×1 input (DCGAN's first layer) is one matrix product instead.
 *
 * <h2>Multiply-adds</h2>
 * PyTorch's transposed convolution is the adjoint of a convolution: every input pixel is multiplied
 * by every tap, {@code in * out * kernel² * H * W} multiply-adds per sample. Here, along one axis
 * phase {@code a} does {@code T_a} taps for each of its {@code rows = ceil(Hout / stride)} outputs.
 * In the usual up-sampling case, {@code stride} divides {@code kernel} and {@code 2 * padding =
 * kernel - stride} (e.g. kernel 4, stride 2, padding 1; kernel 3, stride 1, padding 1), every
 * phase has {@code T = kernel / stride} taps and {@code rows = H}, so the total is {@code in * out *
 * (kernel/stride)² * stride² * H * W = in * out * kernel² * H * W}: the same multiply-adds as
 * PyTorch. A 1×1 input costs {@code in * out * kernel²}, also the same. Other geometries (e.g.
 * kernel 4, stride 1, padding 0 on a larger input, a "full" convolution) multiply some taps by the
 * zero border and do up to {@code in * out * Σ T_a rows} per axis instead; {@link #multiplyAdds}
 * gives the exact count.
 *
 * <h2>Limits</h2>
 * Square kernel, stride and padding; no dilation or groups; {@code 0 <= output_padding < stride}
 * (PyTorch's rule); {@code kernel >= stride} (otherwise some phases would get no tap); the output
 * must not be empty. Anything else is refused in the constructor with a message naming the value.
 */
public final class ConvTranspose2d extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final Shape ONES = new Shape(1, 1);
    private static final Shape NO_PADDING = new Shape(0, 0);

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int outputPadding;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param inChannels input channels, at least 1
     * @param outChannels output channels, at least 1
     * @param kernel square kernel size, at least {@code stride}
     * @param stride up-sampling factor, at least 1
     * @param padding rows and columns cropped from each border of the full output, at least 0
     * @param bias whether to add a learned bias per output channel
     * @throws IllegalArgumentException for geometry this block does not support
     */
    public ConvTranspose2d(int inChannels, int outChannels, int kernel, int stride, int padding, boolean bias) {
        this(inChannels, outChannels, kernel, stride, padding, 0, bias);
    }

    /**
     * @param inChannels input channels, at least 1
     * @param outChannels output channels, at least 1
     * @param kernel square kernel size, at least {@code stride}
     * @param stride up-sampling factor, at least 1
     * @param padding rows and columns cropped from each border of the full output, at least 0
     * @param outputPadding rows and columns given back at the bottom and right, at least 0 and smaller
     *     than the stride (PyTorch's {@code output_padding}; kernel 3, stride 2, padding 1 and output
     *     padding 1 double the size exactly)
     * @param bias whether to add a learned bias per output channel
     * @throws IllegalArgumentException for geometry this block does not support
     */
    public ConvTranspose2d(int inChannels, int outChannels, int kernel, int stride, int padding, int outputPadding, boolean bias) {
        super(VERSION);
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("ConvTranspose2d needs at least 1 input and output channel, got " + inChannels
                    + " and " + outChannels);
        }
        PhasePlan.checkGeometry(kernel, stride, padding, outputPadding);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.outputPadding = outputPadding;
        this.weight = addParameter(Layers.weight(new Shape(inChannels, outChannels, kernel, kernel)));
        this.bias = bias ? addParameter(Layers.bias(outChannels)) : null;
    }

    /** @return input channels */
    public int inChannels() {
        return inChannels;
    }

    /** @return output channels */
    public int outChannels() {
        return outChannels;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Layers.checkChannels("ConvTranspose2d", x.getShape(), inChannels);
        NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : parameterStore.getValue(bias, x.getDevice(), training);
        return new NDList(convTranspose2d(x, w, b, stride, padding, outputPadding));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Layers.checkChannels("ConvTranspose2d", in, inChannels);
        PhasePlan rows = new PhasePlan(Math.toIntExact(in.get(2)), kernel, stride, padding, outputPadding);
        PhasePlan cols = new PhasePlan(Math.toIntExact(in.get(3)), kernel, stride, padding, outputPadding);
        return new Shape[] {new Shape(in.get(0), outChannels, rows.outSize, cols.outSize)};
    }

    /**
     * @return multiply-adds of one sample through this layer at input size {@code height × width},
     *     bias left out
     */
    public long multiplyAdds(int height, int width) {
        if (height == 1 && width == 1 && outputPadding <= padding) {
            return (long) inChannels * outChannels * kernel * kernel;
        }
        return (long) inChannels * outChannels * new PhasePlan(height, kernel, stride, padding, outputPadding).multiplyAdds()
                * new PhasePlan(width, kernel, stride, padding, outputPadding).multiplyAdds();
    }

    /**
     * PyTorch's {@code conv_transpose2d(x, weight, bias, stride, padding)} for any floating type.
     *
     * @param x input {@code (N, in, H, W)}
     * @param weight {@code (in, out, k, k)}, PyTorch's layout
     * @param bias {@code (out)} or null
     * @param stride at least 1 and at most {@code k}
     * @param padding at least 0
     * @return {@code (N, out, (H-1)*stride - 2*padding + k, same for W)}, in {@code x}'s manager
     */
    public static NDArray convTranspose2d(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
        return convTranspose2d(x, weight, bias, stride, padding, 0);
    }

    /**
     * PyTorch's {@code conv_transpose2d(x, weight, bias, stride, padding, output_padding)} for any
     * floating type.
     *
     * @param x input {@code (N, in, H, W)}
     * @param weight {@code (in, out, k, k)}, PyTorch's layout
     * @param bias {@code (out)} or null
     * @param stride at least 1 and at most {@code k}
     * @param padding at least 0
     * @param outputPadding at least 0 and smaller than {@code stride}
     * @return {@code (N, out, (H-1)*stride - 2*padding + k + outputPadding, same for W)}, in {@code x}'s manager
     */
    public static NDArray convTranspose2d(NDArray x, NDArray weight, NDArray bias, int stride, int padding, int outputPadding) {
        Shape xs = x.getShape();
        Shape ws = weight.getShape();
        if (xs.dimension() != 4 || ws.dimension() != 4 || ws.get(2) != ws.get(3) || ws.get(0) != xs.get(1)) {
            throw new IllegalArgumentException("conv_transpose2d needs input (N, C, H, W) and weight (C, out, k, k), got input "
                    + xs + " and weight " + ws);
        }
        int k = Math.toIntExact(ws.get(2));
        PhasePlan rowsPlan = new PhasePlan(Math.toIntExact(xs.get(2)), k, stride, padding, outputPadding);
        PhasePlan colsPlan = new PhasePlan(Math.toIntExact(xs.get(3)), k, stride, padding, outputPadding);
        // The matrix product covers the kernel's k×k taps only: output padding past them needs the general path.
        if (xs.get(2) == 1 && xs.get(3) == 1 && outputPadding <= padding) {
            return fromSinglePixel(x, weight, bias, padding, rowsPlan.outSize);
        }
        // Conv weight layout (out, in, k, k), flipped: phase kernels are then plain strided slices. Ops on the
        // weight put their results in the weight's (long-lived) manager, so each one is closed here.
        NDArray flipped;
        try (NDArray transposed = weight.transpose(1, 0, 2, 3)) {
            flipped = transposed.flip(2, 3);
        }
        try (flipped;
                NDArray padded = x.pad(new Shape(colsPlan.padLow, colsPlan.padHigh, rowsPlan.padLow, rowsPlan.padHigh), 0);
                NDList phaseRows = new NDList(stride)) {
            for (int a = 0; a < stride; a++) {
                try (NDList phases = new NDList(stride)) {
                    for (int b = 0; b < stride; b++) {
                        phases.add(phase(padded, flipped, bias, rowsPlan, a, colsPlan, b));
                    }
                    // (N, out, rows, cols, s) -> (N, out, rows, cols*s): columns interleaved.
                    try (NDArray stacked = NDArrays.stack(phases, 4)) {
                        phaseRows.add(stacked.reshape(xs.get(0), ws.get(1), rowsPlan.rows, (long) colsPlan.rows * stride));
                    }
                }
            }
            NDArray full;
            try (NDArray stacked = NDArrays.stack(phaseRows, 3)) {
                full = stacked.reshape(xs.get(0), ws.get(1), (long) rowsPlan.rows * stride, (long) colsPlan.rows * stride);
            }
            if (full.getShape().get(2) == rowsPlan.outSize && full.getShape().get(3) == colsPlan.outSize) {
                return full;
            }
            try (full) {
                return full.get(new NDIndex(":, :, :{}, :{}", rowsPlan.outSize, colsPlan.outSize));
            }
        }
    }

    private static NDArray phase(NDArray padded, NDArray flipped, NDArray bias, PhasePlan rows, int a, PhasePlan cols, int b) {
        int ty = rows.taps(a);
        int tx = cols.taps(b);
        NDIndex window = new NDIndex(":, :, {}:{}, {}:{}", rows.windowStart(a), rows.windowStart(a) + rows.rows + ty - 1,
                cols.windowStart(b), cols.windowStart(b) + cols.rows + tx - 1);
        NDIndex taps = new NDIndex(":, :, {}::{}, {}::{}", rows.tapStart(a), rows.stride, cols.tapStart(b), cols.stride);
        try (NDArray in = padded.get(window); NDArray sub = flipped.get(taps)) {
            return Conv2d.conv2d(in, sub, bias, ONES, NO_PADDING, ONES, 1).singletonOrThrow();
        }
    }

    /** On a 1×1 input each output pixel is one tap: {@code y[o, i, j] = Σ x[c] w[c, o, i+p, j+p]}, a matrix product. */
    private static NDArray fromSinglePixel(NDArray x, NDArray weight, NDArray bias, int padding, int outSize) {
        Shape ws = weight.getShape();
        long n = x.getShape().get(0);
        NDArray y;
        try (NDArray flat = x.reshape(n, ws.get(0));
                NDArray w = weight.reshape(ws.get(0), ws.get(1) * ws.get(2) * ws.get(3));
                NDArray product = flat.matMul(w)) {
            y = product.reshape(n, ws.get(1), ws.get(2), ws.get(3));
        }
        if (padding > 0) {
            try (NDArray full = y) {
                y = full.get(new NDIndex(":, :, {}:{}, {}:{}", padding, padding + outSize, padding, padding + outSize));
            }
        }
        if (bias == null) {
            return y;
        }
        try (NDArray unbiased = y; NDArray b = bias.reshape(1, ws.get(1), 1, 1)) {
            return unbiased.add(b);
        }
    }
}
