package io.github.fijigan.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.github.fijigan.core.data.DenoiseImages;
import io.github.fijigan.core.data.ImageBatch;
import io.github.fijigan.core.data.SampleGrid;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.Denoiser;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.core.noise.NoiseSimulator;

/**
 * Training a denoiser on noisy and clean patches. Its batches draw crops and flips from the step's
 * {@code augment} stream and simulated noise from its {@code noise} stream, so a resumed run sees
 * the same noise. Its sample grids show, for the same few patches every epoch (same noise too), one
 * row per patch: noisy (the centre slice) | denoised | clean.
 */
final class DenoiseTask implements TrainingTask<DenoiseGan> {

    /** Seeds the noise of the sample grids' patches, with the run's seed. */
    private static final long SAMPLE_NOISE = 0x5eed_0f_5a_3b1e5L;

    private final TrainConfig config;
    private final DenoiseImages data;
    private final DenoiseBundles.Data bundleData;

    DenoiseTask(TrainConfig config, DenoiseImages data) {
        if (!config.isDenoise()) {
            throw new IllegalArgumentException("kind " + config.kind().id() + " is not a denoiser; train it on its own data");
        }
        DenoiseImages.Options o = data.options();
        if (o.cropSize() != config.cropSize()) {
            throw new IllegalArgumentException("crop_size: the config says " + config.cropSize() + " but the data is cropped to "
                    + o.cropSize());
        }
        if (o.slices() != config.slices()) {
            throw new IllegalArgumentException("slices: the config says " + config.slices() + " but the data gives " + o.slices());
        }
        NoiseSimulator simulator = DenoiseData.simulator(config);
        if (!Objects.equals(simulator, o.noise())) {
            throw new IllegalArgumentException("noise: the config says " + (simulator == null ? "none (real pairs)" : simulator.toJson())
                    + " but the data " + (o.noise() == null ? "holds real pairs" : "simulates " + o.noise().toJson()));
        }
        this.config = config;
        this.data = data;
        this.bundleData = new DenoiseBundles.Data(data.spec(), data.summary());
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public DenoiseGan createModel(NDManager manager) {
        return new DenoiseGan(config, data.channels(), manager);
    }

    @Override
    public ImageBatch batch(NDManager manager, int[] indices, TrainingStep step) {
        return data.batch(manager, indices, step.random("augment"), step.random("noise"));
    }

    @Override
    public void writeSamples(Path png, DenoiseGan model, NDManager manager) throws IOException {
        try (ImageBatch fixed = data.fixed(manager, config.sampleCount(), config.seed() ^ SAMPLE_NOISE)) {
            NDArray noisy = fixed.images();
            NDArray denoised = model.generator().forward(noisy, false);
            int c = data.channels(), centre = config.slices() / 2 * c;
            NDArray centreSlice = noisy.get(new NDIndex(":, {}:{}", centre, centre + c));
            List<NDArray> rows = new ArrayList<>();
            for (int i = 0; i < fixed.size(); i++) {
                rows.add(NDArrays.stack(new NDList(centreSlice.get(i), denoised.get(i), fixed.targets().get(i)), 0));
            }
            SampleGrid.write(png, rows);
        }
    }

    @Override
    public ResumePoint restore(Path checkpoint, DenoiseGan model, NDManager manager) {
        return Checkpoints.restore(checkpoint, model, manager);
    }

    @Override
    public void writeCheckpoint(Path file, DenoiseGan model, ResumePoint at) {
        DenoiseBundles.writeCheckpoint(file, model, config, bundleData, at);
    }

    @Override
    public void writeModel(Path file, DenoiseGan model, int epochs) {
        DenoiseBundles.writeModel(file, model, config, bundleData, epochs);
    }

    @Override
    public int[] validationChannels() {
        return new int[] {data.channels(), data.channels()};
    }

    /** The generator as {@code DenoiseModel} opens it from the bundle (2.5D: each plane with its neighbours). */
    @Override
    public UnaryOperator<CalibratedImage<?>> inference(DenoiseGan model, NDManager manager) {
        Denoiser denoiser = new Denoiser(TrainingTask.inferenceNetwork(model.generator(), manager), bundleData.domain(),
                TranslateOptions.DEFAULTS);
        return image -> denoiser.denoise(image).image();
    }
}
