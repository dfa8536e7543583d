package io.github.fijigan.core.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import ai.djl.Device;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.data.ImageWriter;
import io.github.fijigan.core.job.EachImage;
import io.github.fijigan.core.job.Inputs;
import io.github.fijigan.core.job.Job;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.job.JobResult;
import io.github.fijigan.core.job.JobThread;
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
public final class TranslateJob implements Job<TranslateJob.Result> {

    /** Input keys in messages. */
    public static final String MODEL = "model";
    public static final String INPUT = EachImage.INPUT;
    public static final String OUTPUT_FOLDER = EachImage.OUTPUT_FOLDER;
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

    private final Path model;
    private final Path input;
    private final Path outputFolder;
    private final CalibratedImage<?> image;
    private String direction = "";
    private TranslateOptions options = TranslateOptions.DEFAULTS;
    private boolean reliability;
    private String deviceSpec = "auto";
    private ImageReader reader;
    private ImageWriter writer;

    private TranslateJob(Path model, Path input, CalibratedImage<?> image, Path outputFolder) {
        this.model = model;
        this.input = input;
        this.image = image;
        this.outputFolder = outputFolder;
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

    /** @param value tiling, batch and output type */
    public TranslateJob options(TranslateOptions value) {
        this.options = Objects.requireNonNull(value, "options");
        return this;
    }

    /** @param on whether to also write CycleGAN's reliability map */
    public TranslateJob reliability(boolean on) {
        this.reliability = on;
        return this;
    }

    /** @param spec {@code auto} (default), {@code cpu}, {@code gpu} or {@code gpu:N} */
    public TranslateJob device(String spec) {
        this.deviceSpec = Objects.requireNonNull(spec, "spec");
        return this;
    }

    /** @param value reads the input images (e.g. ImageJ1's reader, or the IOService's in Fiji) */
    public TranslateJob reader(ImageReader value) {
        this.reader = Objects.requireNonNull(value, "reader");
        return this;
    }

    /** @param value writes the outputs; it must hold every pixel type (e.g. TIFF) */
    public TranslateJob writer(ImageWriter value) {
        this.writer = Objects.requireNonNull(value, "writer");
        return this;
    }

    @Override
    public String title() {
        return "Translating with " + (model == null || model.getFileName() == null ? "a model" : model.getFileName());
    }

    @Override
    public Result run(ProgressListener progress, CancellationToken cancel) throws JobInputException, IOException {
        if (writer == null || (image == null && reader == null)) {
            throw new IllegalStateException("a translate job needs a writer, and a reader for files");
        }
        Inputs.requireFile(MODEL, model);
        EachImage<Translation> each = new EachImage<>(reader, writer, outputFolder);
        List<Path> files = image == null ? each.files(input) : List.of();
        each.checkOutputFolder();
        Device device = Inputs.device(deviceSpec);
        JobThread.prepare();
        progress.message("Loading " + model.getFileName());
        TranslationModel opened;
        try {
            opened = TranslationModel.open(model, direction, device);
        } catch (ModelBundleException e) {
            throw new JobInputException(e.getMessage().contains("direction") ? DIRECTION : MODEL, e.getMessage(), e);
        }
        try (opened) {
            if (reliability && !opened.hasReliability()) {
                throw new JobInputException(MODEL, model.getFileName() + " is a " + opened.manifest().kind().id()
                        + " model: only CycleGAN models give a reliability map");
            }
            Translator translator = opened.translator(options.withDevice(device), reliability);
            Function<Translation, List<EachImage.Output>> outputs = t -> EachImage.outputs(t.image(), "_reliability", t.reliability());
            EachImage.Done<Translation> done = image != null
                    ? each.apply(image, translator::translate, outputs, "Translating", progress, cancel)
                    : each.apply(files, translator::translate, outputs, "Translating", progress, cancel);
            return new Result(done.written(), Optional.ofNullable(outputFolder), done.images(), opened.direction(), done.inMemory());
        }
    }
}
