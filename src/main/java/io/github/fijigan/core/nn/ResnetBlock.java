package io.github.fijigan.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One residual block of the ResNet generator, as pix2pix's {@code ResnetBlock} with reflection
 * padding: {@code x + norm(conv3(pad(dropout?(relu(norm(conv3(pad(x))))))))}, channels and size
 * unchanged.
 */
final class ResnetBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int channels;
    private final SequentialBlock body;

    /**
     * @param channels input and output channels
     * @param norm {@code batch}, {@code instance} or {@code none}
     * @param dropout whether a {@link Dropout} 0.5 follows the first ReLU
     */
    ResnetBlock(int channels, String norm, boolean dropout) {
        super(VERSION);
        this.channels = channels;
        SequentialBlock layers = new SequentialBlock();
        addConv(layers, channels, norm);
        layers.add(Activation.reluBlock());
        if (dropout) {
            layers.add(new Dropout(0.5f));
        }
        addConv(layers, channels, norm);
        this.body = addChildBlock("body", layers);
    }

    /** Reflection pad 1, 3×3 convolution, norm: the size is kept. */
    private static void addConv(SequentialBlock layers, int channels, String norm) {
        layers.add(new ReflectionPad2d(1));
        layers.add(Layers.conv2d(channels, 3, 1, 0, Norms.convolutionBias(norm)));
        Norms.addTo(layers, norm, channels);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Layers.checkChannels("ResNet block", x.getShape(), channels);
        try (NDArray residual = body.forward(parameterStore, inputs, training, params).singletonOrThrow()) {
            return new NDList(x.add(residual));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Layers.checkChannels("ResNet block", inputShapes[0], channels);
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Layers.checkChannels("ResNet block", inputShapes[0], channels);
        body.initialize(manager, dataType, inputShapes);
    }
}
