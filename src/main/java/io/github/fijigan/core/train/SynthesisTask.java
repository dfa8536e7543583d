package io.github.fijigan.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.data.Augmentation;
import io.github.fijigan.core.data.BatchOrder;
import io.github.fijigan.core.data.ImageBatch;
import io.github.fijigan.core.data.SampleGrid;
import io.github.fijigan.core.data.TrainingImages;
import io.github.fijigan.core.model.ModelKind;

/** Training a GAN that generates from noise (DCGAN, WGAN-GP, SN-GAN, AC-GAN) on a set of images. */
final class SynthesisTask implements TrainingTask<SynthesisGan> {

    /** Columns of the sample grids. */
    static final int GRID_COLUMNS = 8;

    private final TrainConfig config;
    private final TrainingImages data;
    private final SynthesisData summary;
    private final Augmentation augmentation;

    SynthesisTask(TrainConfig config, TrainingImages data) {
        if (!config.kind().generatesFromNoise()) {
            throw new IllegalArgumentException("kind " + config.kind().id() + " maps images to images; train it on a "
                    + (config.isDenoise() ? "DenoiseImages" : "TranslationImages") + " dataset");
        }
        if (data.imageSize() != config.imageSize()) {
            throw new IllegalArgumentException("image_size: the config says " + config.imageSize() + " but the images were loaded at "
                    + data.imageSize());
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("no training images");
        }
        this.config = config;
        this.data = data;
        this.summary = SynthesisData.of(data, config.data().isEmpty() ? "open images" : config.data(), config.kind() == ModelKind.ACGAN);
        this.augmentation = Augmentation.parse(config.augmentation());
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public SynthesisGan createModel(NDManager manager) {
        return GanModels.create(config, data.channels(), data.classes().size(), manager);
    }

    @Override
    public ImageBatch batch(NDManager manager, int[] indices, TrainingStep step) {
        return data.batch(manager, indices, augmentation, step.random("augment"));
    }

    /** The same noise every epoch, so the grids show the generator changing, not the noise. */
    @Override
    public void writeSamples(Path png, SynthesisGan model, NDManager manager) throws IOException {
        int classes = model.classes();
        if (classes == 0) {
            NDList input = Latents.input(manager, config.latentSize(), null, config.sampleCount(), fixedNoise());
            SampleGrid.write(png, model.generator().forward(input, false).get(0), GRID_COLUMNS);
            return;
        }
        List<NDArray> rows = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            int[] labels = new int[GRID_COLUMNS];
            Arrays.fill(labels, k);
            NDList input = Latents.input(manager, config.latentSize(), labels, GRID_COLUMNS, fixedNoise());
            rows.add(model.generator().forward(input, false).get(0));
        }
        SampleGrid.write(png, rows);
    }

    private SplittableRandom fixedNoise() {
        return BatchOrder.random(config.seed(), -1, 0, "fixed-noise");
    }

    @Override
    public ResumePoint restore(Path checkpoint, SynthesisGan model, NDManager manager) {
        return SynthesisBundles.restore(checkpoint, model, manager);
    }

    @Override
    public void writeCheckpoint(Path file, SynthesisGan model, ResumePoint at) {
        SynthesisBundles.writeCheckpoint(file, model, config, summary, at);
    }

    @Override
    public void writeModel(Path file, SynthesisGan model, int epochs) {
        SynthesisBundles.writeModel(file, model, config, summary, epochs);
    }
}
