package io.github.fijigan.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The DCGAN discriminator (Radford et al. 2016, as in PyTorch's DCGAN example): an image {@code (N,
 * C, S, S)} to raw real/fake logits {@code (N)}, no sigmoid. Stride-2 4×4 convolutions halve the size
 * and double the channels from {@code ndf} (no norm on the first, LeakyReLU 0.2 after each) down to
 * 4×4 with {@code ndf * S/8} channels; a 4×4 convolution gives the logit. Options add spectral
 * normalisation on every convolution (SN-GAN), ProGAN's minibatch standard deviation before the
 * head, and an AC-GAN class head: then {@code forward} returns {@code NDList(realFake (N),
 * classLogits (N, classes))} from a shared trunk. Built by {@link NetworkFactory}.
 */
public final class DcganDiscriminator extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int imageSize;
    private final int channels;
    private final int classes;
    private final SequentialBlock body;
    private final Block realFake;
    private final Block classHead;

    /**
     * @param imageSize input size S, a power of two of at least 8
     * @param channels image channels
     * @param ndf width of the first convolution
     * @param norm {@code batch}, {@code instance}, {@code layer} or {@code none}
     * @param spectralNorm spectral normalisation on every convolution
     * @param minibatchStd append the minibatch standard deviation channel before the heads
     * @param classes 0 for real/fake only, else the number of classes of the AC-GAN head
     */
    DcganDiscriminator(int imageSize, int channels, int ndf, String norm, boolean spectralNorm, boolean minibatchStd, int classes) {
        super(VERSION);
        this.imageSize = imageSize;
        this.channels = channels;
        this.classes = classes;
        boolean bias = Norms.convolutionBias(norm);
        int[] seed = {0};
        SequentialBlock layers = new SequentialBlock();
        layers.add(conv(channels, ndf, 2, 1, bias, spectralNorm, seed));
        layers.add(Activation.leakyReluBlock(0.2f));
        int width = ndf;
        for (int size = imageSize / 2; size > 4; size /= 2) {
            layers.add(conv(width, 2 * width, 2, 1, bias, spectralNorm, seed));
            width *= 2;
            Block normBlock = Norms.create(norm, width);
            if (normBlock != null) {
                layers.add(normBlock);
            }
            layers.add(Activation.leakyReluBlock(0.2f));
        }
        if (minibatchStd) {
            layers.add(new MinibatchStd());
            width += 1;
        }
        this.body = addChildBlock("body", layers);
        this.realFake = addChildBlock("realFake", conv(width, 1, 1, 0, bias, spectralNorm, seed));
        this.classHead = classes > 0 ? addChildBlock("classes", conv(width, classes, 1, 0, bias, spectralNorm, seed)) : null;
    }

    /** A 4×4 convolution; spectrally normalised ones get distinct seeds for their u and v, in layer order. */
    private static Block conv(int in, int out, int stride, int padding, boolean bias, boolean spectralNorm, int[] seed) {
        if (spectralNorm) {
            return SpectralNorm.conv2d(in, out, 4, stride, padding, bias, seed[0]++);
        }
        return Conv2d.builder().setKernelShape(new Shape(4, 4)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding)).setFilters(out).optBias(bias).build();
    }

    /** @return the number of classes of the AC-GAN head, 0 without one */
    public int classes() {
        return classes;
    }

    /** @return the side S of the images it takes */
    public int imageSize() {
        return imageSize;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        checkInput(inputs.getShapes());
        long n = inputs.head().getShape().get(0);
        try (NDArray features = body.forward(parameterStore, inputs, training, params).head()) {
            NDList out = new NDList(2);
            try (NDArray logit = realFake.forward(parameterStore, new NDList(features), training, params).head()) {
                out.add(logit.reshape(n));
            }
            if (classHead != null) {
                try (NDArray logits = classHead.forward(parameterStore, new NDList(features), training, params).head()) {
                    out.add(logits.reshape(n, classes));
                }
            }
            return out;
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInput(inputShapes);
        long n = inputShapes[0].get(0);
        return classes > 0 ? new Shape[] {new Shape(n), new Shape(n, classes)} : new Shape[] {new Shape(n)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        checkInput(inputShapes);
        body.initialize(manager, dataType, inputShapes);
        Shape[] features = body.getOutputShapes(inputShapes);
        realFake.initialize(manager, dataType, features);
        if (classHead != null) {
            classHead.initialize(manager, dataType, features);
        }
    }

    private void checkInput(Shape[] shapes) {
        if (shapes.length != 1 || shapes[0].dimension() != 4 || shapes[0].get(1) != channels || shapes[0].get(2) != imageSize
                || shapes[0].get(3) != imageSize) {
            StringBuilder got = new StringBuilder();
            for (Shape s : shapes) {
                got.append(got.length() == 0 ? "" : ", ").append(s);
            }
            throw new IllegalArgumentException("DCGAN discriminator expects one image (N, " + channels + ", " + imageSize + ", "
                    + imageSize + "), got " + got);
        }
    }
}
