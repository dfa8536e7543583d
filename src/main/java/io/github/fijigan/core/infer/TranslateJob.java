package io.github.fijigan.core.infer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import ai.djl.Device;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.job.EachImage;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.job.JobResult;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Translates one image file or every image of a folder with a translation model (pix2pix,
 * CycleGAN, TorchScript) and writes the results, in the inputs' type, units and calibration, to an
 * output folder: {@code NAME.tif} for each input, and {@code NAME_reliability.tif} when asked
 * (CycleGAN). Or translates one image already in memory (Fiji's active image), handing the result
 * back and writing it too when given a folder. The one code path behind the command line's
 * {@code translate}, the Translate command and the macro function.
 *
 * <pre>{@code
 * TranslateJob.Result r = TranslateJob.create(Path.of("t1t2.zip"), Path.of("t1/"), Path.of("t2/"))
 *         .direction("A->B").options(TranslateOptions.DEFAULTS.withTileSize(512))
 *         .reader(new ImageJReader()).writer(SampleWriters.tiff())
 *         .run(ProgressListener.NONE, new CancellationToken());
 * }</pre>
 */
public final class TranslateJob extends ModelImageJob<TranslateJob, TranslationModel, Translation, TranslateJob.Result> {

    /** Input key in messages (the others: {@link #MODEL}, {@link #INPUT}, {@link #OUTPUT_FOLDER}). */
    public static final String DIRECTION = "direction";

    /**
     * What a translate job wrote.
     *
     * @param files the translated images (and reliability maps), in input order
     * @param folder the output folder
     * @param images how many inputs were translated
     * @param direction the direction, {@code A->B} or {@code B->A}
     * @param inMemory the translation of an image given in memory ({@link #forImage}); empty for files
     */
    public record Result(List<Path> files, Optional<Path> folder, int images, String direction, Optional<Translation> inMemory)
            implements JobResult {

        public Result {
            files = List.copyOf(files);
        }

        @Override
        public String summary() {
            String where = folder.map(f -> " to " + f).orElse("");
            return String.format(Locale.ROOT, "translated %d image%s %s%s", images, images == 1 ? "" : "s", direction, where);
        }

        @Override
        public List<Path> outputs() {
            return folder.map(List::of).orElse(List.of());
        }
    }

    private String direction = "";
    private boolean reliability;

    private TranslateJob(Path model, Path input, CalibratedImage<?> image, Path outputFolder) {
        super(model, input, image, outputFolder);
    }

    /**
     * @param model a translation model bundle
     * @param input an image file, or a folder whose images are all translated
     * @param outputFolder where the results go (created when missing)
     */
    public static TranslateJob create(Path model, Path input, Path outputFolder) {
        return new TranslateJob(model, input, null, outputFolder);
    }

    /**
     * @param model a translation model bundle
     * @param image an image in memory, named by {@link CalibratedImage#name()}; the result comes back
     *     in {@link Result#inMemory()}
     * @param outputFolder where {@code NAME.tif} also goes, or null to write nothing
     */
    public static TranslateJob forImage(Path model, CalibratedImage<?> image, Path outputFolder) {
        return new TranslateJob(model, null, Objects.requireNonNull(image, "image"), outputFolder);
    }

    /** @param value {@code A->B}, {@code B->A}, or blank for the model's own */
    public TranslateJob direction(String value) {
        this.direction = value == null ? "" : value.strip();
        return this;
    }

    /** @param on whether to also write CycleGAN's reliability map */
    public TranslateJob reliability(boolean on) {
        this.reliability = on;
        return this;
    }

    @Override
    public String title() {
        return "Translating with " + modelName();
    }

    @Override
    protected TranslateJob self() {
        return this;
    }

    @Override
    protected TranslationModel open(Path bundle, Device device) throws ModelBundleException, JobInputException {
        try {
            return TranslationModel.open(bundle, direction, device);
        } catch (ModelBundleException e) {
            if (e.getMessage().contains("direction")) {
                throw new JobInputException(DIRECTION, e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    protected EachImage.Step<Translation> step(TranslationModel opened, TranslateOptions tiling) throws JobInputException {
        if (reliability && !opened.hasReliability()) {
            throw new JobInputException(MODEL, model.getFileName() + " is a " + opened.manifest().kind().id()
                    + " model: only CycleGAN models give a reliability map");
        }
        return opened.translator(tiling, reliability)::translate;
    }

    @Override
    protected List<EachImage.Output> outputs(Translation t) {
        return EachImage.outputs(t.image(), "_reliability", t.reliability());
    }

    @Override
    protected String verb() {
        return "Translating";
    }

    @Override
    protected Result result(EachImage.Done<Translation> done, TranslationModel opened) {
        return new Result(done.written(), Optional.ofNullable(outputFolder), done.images(), opened.direction(), done.inMemory());
    }
}
