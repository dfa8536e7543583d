package io.github.fijigan.core.nn;

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
 * The DCGAN generator (Radford et al. 2016, as in PyTorch's DCGAN example): noise {@code (N, nz, 1,
 * 1)} to an image {@code (N, C, S, S)} in [-1, 1]. A 4×4 transposed convolution to {@code ngf * S/8}
 * channels at 4×4, then stride-2 stages that double the size and halve the channels (norm, ReLU),
 * the last one to the image channels with tanh. Built by {@link NetworkFactory} from the {@code
 * dcgan_S} architectures; with classes it is an AC-GAN generator taking {@code NDList(noise,
 * labels)}, the class embedding concatenated to the noise channels.
 */
public final class DcganGenerator extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int imageSize;
    private final int latent;
    private final int channels;
    private final int classes;
    private final int embedDim;
    private final ClassEmbedding embedding;
    private final SequentialBlock body;

    /**
     * @param imageSize output size S, a power of two of at least 8
     * @param latent noise channels nz
     * @param channels image channels
     * @param ngf width: channels of the last hidden stage
     * @param norm {@code batch}, {@code instance} or {@code none}
     * @param nearest up-sample with {@link UpsampleConv} 3×3 instead of stride-2 {@link ConvTranspose2d}
     * @param classes 0 for an unconditional generator, else the number of classes
     * @param embedDim length of the class embedding (used when classes > 0)
     */
    DcganGenerator(int imageSize, int latent, int channels, int ngf, String norm, boolean nearest, int classes, int embedDim) {
        super(VERSION);
        this.imageSize = imageSize;
        this.latent = latent;
        this.channels = channels;
        this.classes = classes;
        this.embedDim = classes > 0 ? embedDim : 0;
        this.embedding = classes > 0 ? addChildBlock("embedding", new ClassEmbedding(classes, embedDim)) : null;
        boolean bias = Norms.convolutionBias(norm);
        SequentialBlock layers = new SequentialBlock();
        int width = Math.multiplyExact(ngf, imageSize / 8);
        layers.add(new ConvTranspose2d(latent + this.embedDim, width, 4, 1, 0, bias));
        addNorm(layers, norm, width);
        layers.add(Activation.reluBlock());
        for (int size = 4; size < imageSize / 2; size *= 2) {
            layers.add(upsample(width, width / 2, nearest, bias));
            width /= 2;
            addNorm(layers, norm, width);
            layers.add(Activation.reluBlock());
        }
        layers.add(upsample(width, channels, nearest, bias));
        layers.add(Activation.tanhBlock());
        this.body = addChildBlock("body", layers);
    }

    private static Block upsample(int in, int out, boolean nearest, boolean bias) {
        return nearest ? new UpsampleConv(in, out, 3, bias) : new ConvTranspose2d(in, out, 4, 2, 1, bias);
    }

    private static void addNorm(SequentialBlock layers, String norm, int channels) {
        Block block = Norms.create(norm, channels);
        if (block != null) {
            layers.add(block);
        }
    }

    /** @return the number of classes, 0 when unconditional */
    public int classes() {
        return classes;
    }

    /** @return noise channels nz */
    public int latent() {
        return latent;
    }

    /** @return the side S of the images it makes */
    public int imageSize() {
        return imageSize;
    }

    /** @return the shapes {@code forward} takes for a batch: noise, and labels when conditional */
    public Shape[] inputShapes(long batch) {
        Shape noise = new Shape(batch, latent, 1, 1);
        return classes > 0 ? new Shape[] {noise, new Shape(batch)} : new Shape[] {noise};
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        checkInputs(inputs.getShapes());
        NDArray noise = inputs.get(0);
        if (classes == 0) {
            return body.forward(parameterStore, new NDList(noise), training, params);
        }
        try (NDArray embedded = embedding.forward(parameterStore, new NDList(inputs.get(1)), training, params).head();
                NDArray asChannels = embedded.reshape(noise.getShape().get(0), embedDim, 1, 1);
                NDArray joined = NDArrays.concat(new NDList(noise, asChannels), 1)) {
            return body.forward(parameterStore, new NDList(joined), training, params);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInputs(inputShapes);
        return new Shape[] {new Shape(inputShapes[0].get(0), channels, imageSize, imageSize)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        checkInputs(inputShapes);
        long n = inputShapes[0].get(0);
        if (embedding != null) {
            embedding.initialize(manager, dataType, inputShapes[1]);
        }
        body.initialize(manager, dataType, new Shape(n, latent + embedDim, 1, 1));
    }

    private void checkInputs(Shape[] shapes) {
        int expected = classes > 0 ? 2 : 1;
        String what = classes > 0 ? "noise (N, " + latent + ", 1, 1) and labels (N)" : "noise (N, " + latent + ", 1, 1)";
        if (shapes.length != expected) {
            throw new IllegalArgumentException("DCGAN generator expects " + what + ", got " + shapes.length + " inputs");
        }
        Shape noise = shapes[0];
        if (noise.dimension() != 4 || noise.get(1) != latent || noise.get(2) != 1 || noise.get(3) != 1) {
            throw new IllegalArgumentException("DCGAN generator expects " + what + ", got noise of shape " + noise);
        }
        if (classes > 0 && (shapes[1].dimension() != 1 || shapes[1].get(0) != noise.get(0))) {
            throw new IllegalArgumentException("DCGAN generator expects " + what + ", got labels of shape " + shapes[1]
                    + " for noise " + noise);
        }
    }
}
