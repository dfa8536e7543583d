package io.github.fijigan.core.metrics.benefit;

import java.util.Arrays;
import java.util.stream.IntStream;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.fijigan.core.data.BatchOrder;
import io.github.fijigan.core.loss.Losses;
import io.github.fijigan.core.nn.WeightInit;
import io.github.fijigan.core.optim.Adam;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * A small convolutional classifier, the judge of the augmentation-benefit experiment: {@code depth}
 * stages of a 3 × 3 convolution (padding 1; {@code width}, 2·{@code width}, 4·{@code width}, …
 * filters), batch normalisation, ReLU and 2 × 2 max pooling, then global max pooling and one linear
 * layer to the class scores. For grey 32 × 32 images, two classes, width 8 and depth 3 it has 6,066
 * trainable parameters. (Batch normalisation and the global max, rather than average, made training
 * on a few dozen images reliable: on circles against squares, 16 seeds all reached 0.94 to 1.0
 * held-out accuracy, where without them some stopped near 0.75.)
 *
 * <p>Weights are He-initialised ({@link WeightInit} {@code kaiming}: biases 0, batch-norm scales
 * N(1, 0.02)) from the seed; training
 * is a fixed number of epochs of Adam (0.9, 0.999) on softmax cross-entropy, over minibatches in
 * the order {@link BatchOrder#batches} draws from the same seed (the last, smaller batch kept). So
 * a seed fixes the whole run, and two arms of an experiment given the same seed start from the same
 * weights.
 *
 * <pre>{@code
 * try (CnnClassifier judge = CnnClassifier.create(1, 32, 2, CnnClassifier.Options.DEFAULT, 7, Device.cpu())) {
 *     judge.train(trainSet, ProgressListener.NONE, new CancellationToken());
 *     ClassificationMetrics m = ClassificationMetrics.of(testSet.labels(), judge.predict(testSet), 2);
 * }
 * }</pre>
 */
public final class CnnClassifier implements AutoCloseable {

    /** Images per forward pass when predicting. */
    private static final int PREDICT_BATCH = 64;

    /**
     * How big the network is and how it trains.
     *
     * @param width filters of the first convolution, 1 or more (doubled at each stage)
     * @param depth convolution stages, 1 or more; each halves the image side
     * @param epochs passes over the training set, 1 or more
     * @param batchSize images per step, 1 or more
     * @param learningRate Adam's step size, positive
     */
    public record Options(int width, int depth, int epochs, int batchSize, double learningRate) {

        /** Width 16, depth 3, 30 epochs, batches of 16, learning rate 1e-3 (Adam's usual). */
        public static final Options DEFAULT = new Options(16, 3, 30, 16, 1e-3);

        public Options {
            if (width < 1 || depth < 1 || epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("classifier width, depth, epochs and batch size must be 1 or more, got "
                        + width + ", " + depth + ", " + epochs + ", " + batchSize);
            }
            if (!(learningRate > 0 && Double.isFinite(learningRate))) {
                throw new IllegalArgumentException("classifier learning rate must be positive, got " + learningRate);
            }
        }

        /** @return these options with another first-layer width */
        public Options withWidth(int value) {
            return new Options(value, depth, epochs, batchSize, learningRate);
        }

        /** @return these options with another number of epochs */
        public Options withEpochs(int value) {
            return new Options(width, depth, value, batchSize, learningRate);
        }
    }

    private final NDManager manager;
    private final SequentialBlock block = new SequentialBlock();
    private final ParameterStore store;
    private final Adam adam = new Adam(0.9, 0.999, 1e-8);
    private final Options options;
    private final int channels;
    private final int imageSize;
    private final int classes;
    private final long seed;

    private CnnClassifier(int channels, int imageSize, int classes, Options options, long seed, Device device) {
        this.options = options;
        this.channels = channels;
        this.imageSize = imageSize;
        this.classes = classes;
        this.seed = seed;
        for (int stage = 0; stage < options.depth(); stage++) {
            block.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .setFilters(options.width() << stage).build());
            block.add(BatchNorm.builder().build())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        block.add(Pool.globalMaxPool2dBlock()).add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(classes).build());
        manager = NDManager.newBaseManager(device);
        try {
            block.initialize(manager, DataType.FLOAT32, new Shape(1, channels, imageSize, imageSize));
            WeightInit.apply(block, "kaiming", seed);
            block.getParameters().values().stream().filter(Parameter::requiresGradient).forEach(p -> p.getArray().setRequiresGradient(true));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        store = new ParameterStore(manager, false);
    }

    /**
     * Builds an untrained classifier.
     *
     * @param channels image channels (1 grey, 3 RGB)
     * @param imageSize the side of the square images; at least 2^depth
     * @param classes the number of classes, 2 or more
     * @param seed fixes the initial weights and the minibatch order
     * @param device where it computes
     * @throws IllegalArgumentException for sizes that do not fit
     */
    public static CnnClassifier create(int channels, int imageSize, int classes, Options options, long seed, Device device) {
        if (channels < 1 || classes < 2) {
            throw new IllegalArgumentException("a classifier needs 1 or more channels and 2 or more classes, got "
                    + channels + " and " + classes);
        }
        if (imageSize >> Math.min(options.depth(), 30) < 1) {
            throw new IllegalArgumentException("images of " + imageSize + " pixels are too small for " + options.depth()
                    + " pooling stages; need at least " + (1L << options.depth()));
        }
        return new CnnClassifier(channels, imageSize, classes, options, seed, device);
    }

    /** @return the number of trainable values */
    public long parameterCount() {
        return block.getParameters().values().stream().filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().getShape().size()).sum();
    }

    /**
     * Trains for the options' epochs, reporting each epoch.
     *
     * @throws IllegalArgumentException when the images do not fit the network
     * @throws io.github.fijigan.core.progress.CancelledException when cancelled (checked each step)
     */
    public void train(LabelledImages data, ProgressListener progress, CancellationToken cancel) {
        requireFits(data);
        if (data.size() == 0) {
            throw new IllegalArgumentException("no training images");
        }
        int[] labels = data.labels();
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            progress.progress(epoch, options.epochs(), "Training the classifier, epoch " + (epoch + 1) + "/" + options.epochs());
            for (int[] batch : BatchOrder.batches(data.size(), options.batchSize(), seed, epoch, false)) {
                cancel.throwIfCancelled("training the classifier");
                try (NDScope scope = new NDScope(); NDManager step = manager.newSubManager()) {
                    scope.suppressNotUsedWarning();
                    NDArray x = data.batch(step, batch);
                    int[] y = new int[batch.length];
                    for (int i = 0; i < batch.length; i++) {
                        y[i] = labels[batch[i]];
                    }
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray loss = Losses.softmaxCrossEntropy(logits(x, true), step.create(y));
                        collector.backward(loss);
                    }
                    adam.step(block.getParameters(), options.learningRate());
                }
            }
        }
        progress.progress(options.epochs(), options.epochs(), "Classifier trained");
    }

    /** @return the predicted class of every image, in order: the class of the highest probability (the first on a tie) */
    public int[] predict(LabelledImages data) {
        float[][] p = probabilities(data);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            for (int k = 1; k < classes; k++) {
                if (p[i][k] > p[i][out[i]]) {
                    out[i] = k;
                }
            }
        }
        return out;
    }

    /** @return for every image, in order, the softmax probability of each class */
    public float[][] probabilities(LabelledImages data) {
        requireFits(data);
        float[][] out = new float[data.size()][];
        for (int from = 0; from < data.size(); from += PREDICT_BATCH) {
            int[] indices = IntStream.range(from, Math.min(data.size(), from + PREDICT_BATCH)).toArray();
            try (NDScope scope = new NDScope(); NDManager step = manager.newSubManager()) {
                scope.suppressNotUsedWarning();
                float[] p = logits(data.batch(step, indices), false).softmax(1).toFloatArray();
                for (int i = 0; i < indices.length; i++) {
                    out[from + i] = Arrays.copyOfRange(p, i * classes, (i + 1) * classes);
                }
            }
        }
        return out;
    }

    /** @return the predicted class of each image of an (N, C, S, S) batch in network units */
    public int[] predict(NDArray images) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return logits(images, false).argMax(1).toType(DataType.INT32, false).toIntArray();
        }
    }

    private NDArray logits(NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    private void requireFits(LabelledImages data) {
        if (data.channels() != channels || data.imageSize() != imageSize || data.classes().size() != classes) {
            throw new IllegalArgumentException("the classifier takes " + channels + " channel(s) of " + imageSize + "x"
                    + imageSize + " in " + classes + " classes, not " + data);
        }
    }

    /** Frees the network's native memory. */
    @Override
    public void close() {
        adam.close();
        manager.close();
    }

    @Override
    public String toString() {
        return "CnnClassifier[" + options + ", " + channels + "x" + imageSize + "x" + imageSize + " -> " + classes
                + " classes, " + parameterCount() + " parameters, seed " + seed + "]";
    }
}
