package io.github.fijigan.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.fijigan.core.data.TrainingImages;
import io.github.fijigan.core.loss.Losses;
import io.github.fijigan.core.nn.WeightInit;
import io.github.fijigan.core.optim.Adam;

/**
 * A tiny CNN (two 3×3 convolutions, global max pooling, a linear layer: about 1,300 parameters)
 * trained on real labelled images, to judge whether generated images look like their class.
 */
final class ShapeClassifier {

    private final SequentialBlock block = new SequentialBlock()
            .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).setFilters(8).build())
            .add(Activation.reluBlock())
            .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).setFilters(16).build())
            .add(Activation.reluBlock())
            .add(Pool.globalMaxPool2dBlock())
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(2).build());
    private final ParameterStore store;

    ShapeClassifier(NDManager manager, int channels, int size) {
        block.initialize(manager, DataType.FLOAT32, new Shape(1, channels, size, size));
        WeightInit.apply(block, "kaiming", 3);
        block.getParameters().values().forEach(p -> p.getArray().setRequiresGradient(true));
        store = new ParameterStore(manager, false);
    }

    /** Trains on the images whose index is in {@code train}, full batch, with Adam. */
    void train(TrainingImages images, int[] train, int steps) {
        Adam adam = new Adam(0.9, 0.999, 1e-8);
        for (int s = 0; s < steps; s++) {
            try (NDScope scope = new NDScope(); NDManager m = Engine.getInstance().newBaseManager()) {
                scope.suppressNotUsedWarning();
                NDArray x = batch(m, images, train);
                int[] labels = new int[train.length];
                for (int i = 0; i < train.length; i++) {
                    labels[i] = images.label(train[i]);
                }
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = Losses.softmaxCrossEntropy(logits(x, true), m.create(labels));
                    collector.backward(loss);
                }
                adam.step(block.getParameters(), 0.01);
            }
        }
    }

    /** @return the predicted class of each image of an (N, C, H, W) batch */
    int[] predict(NDArray images) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return logits(images, false).argMax(1).toType(DataType.INT32, false).toIntArray();
        }
    }

    /** @return the fraction of {@code indices} classified as their label */
    double accuracy(TrainingImages images, int[] indices) {
        try (NDManager m = Engine.getInstance().newBaseManager()) {
            int[] predicted = predict(batch(m, images, indices));
            int right = 0;
            for (int i = 0; i < indices.length; i++) {
                right += predicted[i] == images.label(indices[i]) ? 1 : 0;
            }
            return right / (double) indices.length;
        }
    }

    private NDArray logits(NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    private static NDArray batch(NDManager m, TrainingImages images, int[] indices) {
        int n = images.channels() * images.imageSize() * images.imageSize();
        float[] all = new float[indices.length * n];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(images.pixels(indices[i]), 0, all, i * n, n);
        }
        return m.create(all, new Shape(indices.length, images.channels(), images.imageSize(), images.imageSize()));
    }
}
