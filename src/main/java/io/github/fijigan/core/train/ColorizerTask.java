package io.github.fijigan.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.data.ColorizerImages;
import io.github.fijigan.core.data.ImageBatch;
import io.github.fijigan.core.data.SampleGrid;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.stain.Colorizer;

/**
 * Training a colorizer: pix2pix ({@link Pix2PixModel}, 1 channel in, 3 out) on (grey tile, tile)
 * pairs of the target stain. Its sample grids show, for the same few centre tiles every epoch, one
 * row per tile: grey input | colorized | original.
 */
final class ColorizerTask implements TrainingTask<TranslationGan> {

    private final TrainConfig config;
    private final ColorizerImages data;
    private final ColorizerBundles.Data bundleData;

    ColorizerTask(TrainConfig config, ColorizerImages data) {
        if (!config.isColorizer()) {
            throw new IllegalArgumentException("kind " + config.kind().id() + " is not a colorizer; train it on its own data");
        }
        ColorizerImages.Options o = data.options();
        if (!o.equals(ColorizerData.options(config))) {
            throw new IllegalArgumentException("the config's tiling (" + ColorizerData.options(config) + ") is not the data's (" + o
                    + "); load the data with ColorizerData.load(config, ...)");
        }
        this.config = config;
        this.data = data;
        this.bundleData = new ColorizerBundles.Data(data.graySpec(), data.colourSpec(), data.summary());
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public TranslationGan createModel(NDManager manager) {
        return new Pix2PixModel(config, 1, 3, manager);
    }

    @Override
    public ImageBatch batch(NDManager manager, int[] indices, TrainingStep step) {
        return data.batch(manager, indices, step.random("augment"));
    }

    @Override
    public void writeSamples(Path png, TranslationGan model, NDManager manager) throws IOException {
        try (ImageBatch fixed = data.fixed(manager, config.sampleCount())) {
            NDArray gray = fixed.images().repeat(1, 3);
            NDArray colour = model.network(ColorizerBundles.GENERATOR).forward(fixed.images(), false);
            List<NDArray> rows = new ArrayList<>();
            for (int i = 0; i < fixed.size(); i++) {
                rows.add(NDArrays.stack(new NDList(gray.get(i), colour.get(i), fixed.targets().get(i)), 0));
            }
            SampleGrid.write(png, rows);
        }
    }

    @Override
    public ResumePoint restore(Path checkpoint, TranslationGan model, NDManager manager) {
        return Checkpoints.restore(checkpoint, model, manager);
    }

    @Override
    public void writeCheckpoint(Path file, TranslationGan model, ResumePoint at) {
        ColorizerBundles.writeCheckpoint(file, model, config, bundleData, at);
    }

    @Override
    public void writeModel(Path file, TranslationGan model, int epochs) {
        ColorizerBundles.writeModel(file, model, config, bundleData, epochs);
    }

    /** An RGB image of the target stain in, its colours again out. */
    @Override
    public int[] validationChannels() {
        return new int[] {3, 3};
    }

    /** The generator as {@code Colorizer.open} opens it from the bundle: the image's grey version (BT.601) coloured. */
    @Override
    public UnaryOperator<CalibratedImage<?>> inference(TranslationGan model, NDManager manager) {
        Colorizer colorizer = Colorizer.of(TrainingTask.inferenceNetwork(model.network(ColorizerBundles.GENERATOR), manager),
                bundleData.gray(), bundleData.colour());
        return colorizer::colorize;
    }
}
