package io.github.fijigan.core.nn;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The U-Net generator of pix2pix ({@code UnetGenerator} of nested {@code UnetSkipConnectionBlock}s):
 * an image {@code (N, in, H, W)} to an image {@code (N, out, H, W)} in [-1, 1], for H and W
 * multiples of {@code 2^downs} (a 1×1 bottleneck at {@code 2^downs}).
 *
 * <p>Level {@code i = 0 .. downs-1} goes from {@code outer} to {@code inner = ngf * min(2^i, 8)}
 * channels (level 0's outer is the image). Its encoder stage is a 4×4 stride-2 convolution (padding
 * 1), after a LeakyReLU 0.2 on all but level 0 and followed by a norm on all but level 0 and the
 * innermost. Its decoder stage is a ReLU, an up-sampling to {@code outer} channels (PyTorch's
 * {@code ConvTranspose2d(kernel 4, stride 2, padding 1)}, or nearest ×2 and a 3×3 convolution), and
 * a norm, or tanh on level 0. The decoder of level {@code i} takes the innermost up-sampling
 * (innermost level) or the concatenation {@code [encoder output of level i, decoder output of level
 * i+1]} along the channels (skip connection, skip first as in pix2pix). With dropout, the decoder
 * stages of the levels with {@code 8 * ngf} channels on both sides except the innermost ({@code
 * downs - 5} of them) end with a {@link Dropout} 0.5.
 *
 * <p>Convolutions before a norm have a bias exactly when the norm is instance or none; level 0's
 * up-sampling always has one. pix2pix's in-place LeakyReLU also rewrites the skip tensor, but every
 * decoder stage starts with a ReLU and {@code relu(leaky(x)) = relu(x)}, so keeping the skip as it
 * is computes the same. Built by {@link NetworkFactory} as {@code unet_128} (7 levels) and {@code
 * unet_256} (8).
 */
public final class UnetGenerator extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int outChannels;
    private final int downs;
    private final List<Block> encoder = new ArrayList<>();
    private final List<Block> decoder = new ArrayList<>();

    /**
     * @param inChannels image channels in
     * @param outChannels image channels out
     * @param downs levels (stride-2 down-samplings), at least 5 (7 for unet_128, 8 for unet_256)
     * @param ngf channels of the first convolution
     * @param norm {@code instance}, {@code batch} or {@code none}
     * @param dropout dropout 0.5 in the decoder stages of the inner {@code 8 * ngf} levels
     * @param nearest up-sample with {@link UpsampleConv} 3×3 instead of {@link ConvTranspose2d}
     */
    UnetGenerator(int inChannels, int outChannels, int downs, int ngf, String norm, boolean dropout, boolean nearest) {
        super(VERSION);
        if (downs < 5) {
            throw new IllegalArgumentException("U-Net needs at least 5 levels (ngf to 8 * ngf, then the bottleneck), got " + downs);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.downs = downs;
        boolean bias = Norms.convolutionBias(norm);
        for (int i = 0; i < downs; i++) {
            int inner = width(ngf, i);
            SequentialBlock down = new SequentialBlock();
            if (i > 0) {
                down.add(Activation.leakyReluBlock(0.2f));
            }
            down.add(Layers.conv2d(inner, 4, 2, 1, bias));
            if (i > 0 && i < downs - 1) {
                Norms.addTo(down, norm, inner);
            }
            encoder.add(addChildBlock("down" + i, down));
        }
        for (int i = 0; i < downs; i++) {
            int inner = width(ngf, i);
            int outer = i == 0 ? outChannels : width(ngf, i - 1);
            int from = i == downs - 1 ? inner : 2 * inner;
            SequentialBlock up = new SequentialBlock();
            up.add(Activation.reluBlock());
            boolean upBias = i == 0 || bias;
            up.add(nearest ? new UpsampleConv(from, outer, 3, upBias) : new ConvTranspose2d(from, outer, 4, 2, 1, upBias));
            if (i == 0) {
                up.add(Activation.tanhBlock());
            } else {
                Norms.addTo(up, norm, outer);
            }
            if (dropout && i >= 4 && i < downs - 1) {
                up.add(new Dropout(0.5f));
            }
            decoder.add(addChildBlock("up" + i, up));
        }
    }

    /** @return the inner channels of level {@code i}: {@code ngf * min(2^i, 8)} */
    private static int width(int ngf, int i) {
        return Math.multiplyExact(ngf, 1 << Math.min(i, 3));
    }

    /** @return levels: the input side must be a multiple of {@code 2^levels} */
    public int levels() {
        return downs;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        checkInput(inputs.getShapes());
        NDArray[] skips = new NDArray[downs];
        try {
            NDArray h = inputs.singletonOrThrow();
            for (int i = 0; i < downs; i++) {
                h = encoder.get(i).forward(parameterStore, new NDList(h), training, params).singletonOrThrow();
                skips[i] = h;
            }
            NDArray u = decoder.get(downs - 1).forward(parameterStore, new NDList(skips[downs - 1]), training, params)
                    .singletonOrThrow();
            for (int i = downs - 2; i >= 0; i--) {
                try (NDArray below = u; NDArray joined = NDArrays.concat(new NDList(skips[i], below), 1)) {
                    u = decoder.get(i).forward(parameterStore, new NDList(joined), training, params).singletonOrThrow();
                }
            }
            return new NDList(u);
        } finally {
            for (NDArray skip : skips) {
                if (skip != null) {
                    skip.close();
                }
            }
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInput(inputShapes);
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outChannels, in.get(2), in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        checkInput(inputShapes);
        Shape[] shape = inputShapes;
        Shape[] encoded = new Shape[downs];
        for (int i = 0; i < downs; i++) {
            encoder.get(i).initialize(manager, dataType, shape);
            shape = encoder.get(i).getOutputShapes(shape);
            encoded[i] = shape[0];
        }
        Shape from = encoded[downs - 1];
        for (int i = downs - 1; i >= 0; i--) {
            decoder.get(i).initialize(manager, dataType, from);
            Shape up = decoder.get(i).getOutputShapes(new Shape[] {from})[0];
            if (i > 0) {
                Shape skip = encoded[i - 1];
                from = new Shape(skip.get(0), skip.get(1) + up.get(1), skip.get(2), skip.get(3));
            }
        }
    }

    private void checkInput(Shape[] shapes) {
        if (shapes.length != 1) {
            throw new IllegalArgumentException("U-Net generator expects one image (N, " + inChannels + ", H, W), got "
                    + shapes.length + " inputs");
        }
        Shape s = shapes[0];
        Layers.checkChannels("U-Net generator", s, inChannels);
        long multiple = 1L << downs;
        if (s.get(2) % multiple != 0 || s.get(3) % multiple != 0 || s.get(2) == 0 || s.get(3) == 0) {
            throw new IllegalArgumentException("U-Net generator with " + downs + " levels needs a height and width that are multiples of "
                    + multiple + ", got " + s.get(2) + "x" + s.get(3) + " (input shape " + s + ")");
        }
    }
}
