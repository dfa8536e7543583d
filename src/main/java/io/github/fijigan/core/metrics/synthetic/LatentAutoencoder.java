package io.github.fijigan.core.metrics.synthetic;

import java.util.Objects;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.github.fijigan.core.data.BatchOrder;
import io.github.fijigan.core.loss.Losses;
import io.github.fijigan.core.nn.UpsampleConv;
import io.github.fijigan.core.nn.WeightInit;
import io.github.fijigan.core.optim.Adam;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * A small convolutional autoencoder trained on the real images, whose latent space the synthetic
 * data metrics measure in (as in the chest X-ray study: 256 × 256 → 16 × 16 × 8). The encoder is a
 * chain of stride-2 3 × 3 convolutions with LeakyReLU(0.2), each halving the side, the last one
 * linear into the latent; the decoder mirrors it with nearest-neighbour ×2 up-sampling and 3 × 3
 * convolutions ({@link UpsampleConv}), ending in tanh as the images lie in [-1, 1]. It learns to
 * reconstruct by mean squared error with Adam (β 0.9, 0.999); weights (He normal) and batches come
 * from the seed alone, through Java random streams.
 *
 * <p>Images are flat float arrays in network units ([-1, 1]), C planes of S × S, as
 * {@code TrainingImages.pixels(i)} gives them.
 *
 * <pre>{@code
 * try (LatentAutoencoder ae = LatentAutoencoder.create(AutoencoderSpec.of(256, 1), Device.cpu(), 42)) {
 *     ae.train(realImages, new LatentAutoencoder.Training(20, 16, 1e-3, 42), ProgressListener.NONE, new CancellationToken());
 *     float[][] latents = ae.encode(syntheticImages);       // n vectors of 16 * 16 * 8 values
 * }
 * }</pre>
 */
public final class LatentAutoencoder implements AutoCloseable {

    /**
     * How to train.
     *
     * @param epochs passes over the images, at least 1
     * @param batchSize images per step, at least 1 (the last batch of an epoch may be smaller)
     * @param learningRate Adam's step size, positive
     * @param seed decides the batches
     */
    public record Training(int epochs, int batchSize, double learningRate, long seed) {

        public Training {
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("autoencoder training needs at least 1 epoch and a batch of 1, got "
                        + epochs + " epochs and batch " + batchSize);
            }
            if (!(learningRate > 0 && Double.isFinite(learningRate))) {
                throw new IllegalArgumentException("autoencoder learning rate must be positive, got " + learningRate);
            }
        }
    }

    private static final float SLOPE = 0.2f;

    private final AutoencoderSpec spec;
    private final NDManager manager;
    private final SequentialBlock encoder;
    private final SequentialBlock network;
    private final ParameterStore store;

    private LatentAutoencoder(AutoencoderSpec spec, NDManager manager, SequentialBlock encoder, SequentialBlock network) {
        this.spec = spec;
        this.manager = manager;
        this.encoder = encoder;
        this.network = network;
        this.store = new ParameterStore(manager, false);
    }

    /**
     * Builds an untrained autoencoder with weights drawn from {@code seed}.
     *
     * @param device where its parameters live and it computes
     */
    public static LatentAutoencoder create(AutoencoderSpec spec, Device device, long seed) {
        Objects.requireNonNull(spec, "spec");
        SequentialBlock encoder = new SequentialBlock();
        SequentialBlock decoder = new SequentialBlock();
        int levels = spec.downsamplings();
        for (int level = 0; level < levels; level++) {
            encoder.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))
                    .setFilters(spec.encoderChannels(level)).build());
            if (level < levels - 1) {
                encoder.add(Activation.leakyReluBlock(SLOPE));
            }
        }
        for (int level = levels - 1; level >= 0; level--) {
            int out = level == 0 ? spec.channels() : spec.encoderChannels(level - 1);
            decoder.add(new UpsampleConv(spec.encoderChannels(level), out, 3, true));
            decoder.add(level == 0 ? Activation.tanhBlock() : Activation.leakyReluBlock(SLOPE));
        }
        SequentialBlock network = new SequentialBlock().add(encoder).add(decoder);
        NDManager manager = NDManager.newBaseManager(device);
        try {
            network.initialize(manager, DataType.FLOAT32, new Shape(1, spec.channels(), spec.imageSize(), spec.imageSize()));
            WeightInit.apply(network, "kaiming", seed);
            for (Pair<String, Parameter> p : network.getParameters()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        return new LatentAutoencoder(spec, manager, encoder, network);
    }

    /**
     * Trains on the images: each epoch visits them in an order drawn from the seed.
     *
     * @param images flat images of {@link AutoencoderSpec#imageValues()} values each
     * @return the mean reconstruction loss (MSE) of each epoch
     * @throws io.github.fijigan.core.progress.CancelledException when cancelled (checked each step)
     */
    public double[] train(float[][] images, Training training, ProgressListener progress, CancellationToken cancel) {
        checkImages(images);
        Adam adam = new Adam(0.9, 0.999, 1e-8);
        double[] losses = new double[training.epochs()];
        long steps = (long) training.epochs() * ((images.length + training.batchSize() - 1) / training.batchSize());
        long done = 0;
        try (adam) {
            for (int epoch = 0; epoch < training.epochs(); epoch++) {
                int[][] batches = BatchOrder.batches(images.length, training.batchSize(), training.seed(), epoch, false);
                double sum = 0;
                for (int[] batch : batches) {
                    cancel.throwIfCancelled("training the autoencoder");
                    sum += step(images, batch, adam, training.learningRate()) * batch.length;
                    progress.progress(++done, steps, "Autoencoder epoch " + (epoch + 1) + " of " + training.epochs());
                }
                losses[epoch] = sum / images.length;
            }
        }
        return losses;
    }

    private double step(float[][] images, int[] batch, Adam adam, double learningRate) {
        try (NDScope scope = new NDScope(); NDManager step = manager.newSubManager()) {
            scope.suppressNotUsedWarning();
            NDArray x = stack(step, images, batch);
            double loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray mse = Losses.l2(network.forward(store, new NDList(x), true).singletonOrThrow(), x);
                loss = mse.getFloat();
                collector.backward(mse);
            }
            adam.step(network.getParameters(), learningRate);
            return loss;
        }
    }

    /**
     * Encodes each image on its own, so a latent does not depend on which images share its batch
     * (libtorch may pick other kernels for other batch sizes): the same image always gives the
     * same vector, and an exact copy of a real image lies at distance 0 from it.
     *
     * @return one latent vector of {@link AutoencoderSpec#latentDimension()} values per image
     */
    public float[][] encode(float[][] images) {
        checkImages(images);
        float[][] latents = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            try (NDScope scope = new NDScope(); NDManager step = manager.newSubManager()) {
                scope.suppressNotUsedWarning();
                NDArray x = stack(step, images, new int[] {i});
                latents[i] = encoder.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
            }
        }
        return latents;
    }

    /** @return the mean squared error between the images and their reconstructions, in network units */
    public double reconstructionError(float[][] images) {
        checkImages(images);
        double sum = 0;
        int batchSize = 32;
        for (int from = 0; from < images.length; from += batchSize) {
            int[] batch = new int[Math.min(batchSize, images.length - from)];
            for (int k = 0; k < batch.length; k++) {
                batch[k] = from + k;
            }
            try (NDScope scope = new NDScope(); NDManager step = manager.newSubManager()) {
                scope.suppressNotUsedWarning();
                NDArray x = stack(step, images, batch);
                NDArray reconstruction = network.forward(store, new NDList(x), false).singletonOrThrow();
                sum += Losses.l2(reconstruction, x).getFloat() * batch.length;
            }
        }
        return sum / images.length;
    }

    /** @return what this autoencoder encodes */
    public AutoencoderSpec spec() {
        return spec;
    }

    /** @return the number of trainable values (weights and biases) */
    public long parameterCount() {
        long count = 0;
        for (Pair<String, Parameter> p : network.getParameters()) {
            count += p.getValue().getArray().size();
        }
        return count;
    }

    /** Frees the parameters. */
    @Override
    public void close() {
        manager.close();
    }

    private NDArray stack(NDManager step, float[][] images, int[] batch) {
        int stride = spec.imageValues();
        float[] values = new float[Math.multiplyExact(batch.length, stride)];
        for (int k = 0; k < batch.length; k++) {
            System.arraycopy(images[batch[k]], 0, values, k * stride, stride);
        }
        return step.create(values, new Shape(batch.length, spec.channels(), spec.imageSize(), spec.imageSize()));
    }

    private void checkImages(float[][] images) {
        if (images.length == 0) {
            throw new IllegalArgumentException("the autoencoder needs at least one image");
        }
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != spec.imageValues()) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length + " values; the autoencoder takes "
                        + spec.channels() + " x " + spec.imageSize() + " x " + spec.imageSize() + " = " + spec.imageValues());
            }
        }
    }
}
