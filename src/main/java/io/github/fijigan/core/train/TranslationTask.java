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
import io.github.fijigan.core.data.ImageBatch;
import io.github.fijigan.core.data.SampleGrid;
import io.github.fijigan.core.data.TranslationImages;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.core.infer.Translator;
import io.github.fijigan.core.model.DomainSpec;

/**
 * Training a translation model (pix2pix, CycleGAN) on two domains. Its sample grids show, for the
 * same few inputs every epoch, one row per input: input | output | target (pix2pix) or input |
 * output | reconstruction (CycleGAN, both ways).
 */
final class TranslationTask implements TrainingTask<TranslationGan> {

    private final TrainConfig config;
    private final TranslationImages data;
    private final TranslationBundles.Domains domains;

    TranslationTask(TrainConfig config, TranslationImages data) {
        if (!config.isTranslation()) {
            throw new IllegalArgumentException("kind " + config.kind().id() + (config.kind().generatesFromNoise()
                    ? " generates from noise; train it on a TrainingImages set" : " is not a translation model"));
        }
        if (!data.hasTargets()) {
            throw new IllegalArgumentException("a " + config.kind().id() + " model needs two domains, A and B; the data has only one");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("no training images");
        }
        if (data.cropSize() != 0 && data.cropSize() != config.cropSize()) {
            throw new IllegalArgumentException("crop_size: the config says " + config.cropSize() + " but the data is cropped to "
                    + data.cropSize());
        }
        this.config = config;
        this.data = data;
        boolean swapped = data.options().direction().swaps();
        this.domains = new TranslationBundles.Domains(swapped ? data.domainB().spec() : data.domainA().spec(),
                swapped ? data.domainA().spec() : data.domainB().spec(), data.summary());
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public TranslationGan createModel(NDManager manager) {
        return GanModels.createTranslation(config, data.channelsA(), data.channelsB(), manager);
    }

    @Override
    public ImageBatch batch(NDManager manager, int[] indices, TrainingStep step) {
        return data.batch(manager, indices, step.random("augment"));
    }

    @Override
    public void writeSamples(Path png, TranslationGan model, NDManager manager) throws IOException {
        List<NDArray> rows = new ArrayList<>();
        try (ImageBatch fixed = data.fixed(manager, config.sampleCount())) {
            NDArray a = fixed.images();
            NDArray b = fixed.targets();
            int n = Math.toIntExact(a.getShape().get(0));
            if (model instanceof CycleGanModel cycle) {
                NDArray fakeB = cycle.generatorAB().forward(a, false);
                NDArray recA = cycle.generatorBA().forward(fakeB, false);
                NDArray fakeA = cycle.generatorBA().forward(b, false);
                NDArray recB = cycle.generatorAB().forward(fakeA, false);
                for (int i = 0; i < n; i++) {
                    rows.add(row(a, fakeB, recA, i));
                }
                for (int i = 0; i < n; i++) {
                    rows.add(row(b, fakeA, recB, i));
                }
            } else {
                NDArray fakeB = model.network(TranslationNetworks.GENERATOR).forward(a, false);
                for (int i = 0; i < n; i++) {
                    rows.add(row(a, fakeB, b, i));
                }
            }
            SampleGrid.write(png, rows);
        }
    }

    /** One grid row of three images; grey images are shown as RGB when the row mixes grey and colour. */
    private static NDArray row(NDArray first, NDArray second, NDArray third, int i) {
        NDList images = new NDList(first.get(i), second.get(i), third.get(i));
        long channels = Math.max(first.getShape().get(1), Math.max(second.getShape().get(1), third.getShape().get(1)));
        NDList same = new NDList(3);
        for (NDArray image : images) {
            same.add(image.getShape().get(0) == channels ? image : image.repeat(0, channels));
        }
        return NDArrays.stack(same, 0);
    }

    @Override
    public ResumePoint restore(Path checkpoint, TranslationGan model, NDManager manager) {
        return Checkpoints.restore(checkpoint, model, manager);
    }

    @Override
    public void writeCheckpoint(Path file, TranslationGan model, ResumePoint at) {
        TranslationBundles.writeCheckpoint(file, model, config, domains, at);
    }

    @Override
    public void writeModel(Path file, TranslationGan model, int epochs) {
        TranslationBundles.writeModel(file, model, config, domains, epochs);
    }

    /** The config's direction: from the input folder's domain to the other's. */
    @Override
    public int[] validationChannels() {
        return new int[] {inputDomain().channels(), outputDomain().channels()};
    }

    /** The generator from the input folder (pix2pix's one, CycleGAN's G_AB), as {@code TranslationModel} opens it from the bundle. */
    @Override
    public UnaryOperator<CalibratedImage<?>> inference(TranslationGan model, NDManager manager) {
        Network g = model instanceof CycleGanModel cycle ? cycle.generatorAB() : model.network(TranslationNetworks.GENERATOR);
        Translator translator = new Translator(TrainingTask.inferenceNetwork(g, manager), inputDomain(), outputDomain(),
                TranslateOptions.DEFAULTS);
        return image -> translator.translate(image).image();
    }

    private DomainSpec inputDomain() {
        return config.direction().equals("BtoA") ? domains.b() : domains.a();
    }

    private DomainSpec outputDomain() {
        return config.direction().equals("BtoA") ? domains.a() : domains.b();
    }
}
