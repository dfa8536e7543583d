package io.github.fijigan.core.stain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import ai.djl.Device;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.data.ImageWriter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.TranslateOptions;
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
 * Normalises the stain of one image file or every image of a folder with a colorizer (kind {@code
 * colorizer}, see {@link Colorizer}) and writes {@code NAME.EXT} (the writer's extension, e.g. TIFF
 * or PNG) for each input to an output folder. The one code path for the command line, a Fiji
 * command and a macro function.
 *
 * <pre>{@code
 * ColorizeJob.Result r = ColorizeJob.create(Path.of("lab-b-stain.zip"), Path.of("lab-a-tiles/"), Path.of("normalised/"))
 *         .options(TranslateOptions.DEFAULTS.withTileSize(512))
 *         .reader(new ImageJReader()).writer(SampleWriters.tiff())
 *         .run(ProgressListener.NONE, new CancellationToken());
 * CalibratedImage<?> one = ColorizeJob.forImage(model, slide, null).writer(w).run(listener, token).inMemory().orElseThrow();
 * }</pre>
 */
public final class ColorizeJob implements Job<ColorizeJob.Result> {

    /** Input keys in messages. */
    public static final String MODEL = "model";
    public static final String INPUT = EachImage.INPUT;
    public static final String OUTPUT_FOLDER = EachImage.OUTPUT_FOLDER;

    /**
     * What a colorize job wrote.
     *
     * @param files the normalised images, in input order
     * @param folder the output folder
     * @param images how many inputs were normalised
     * @param inMemory the result for an image given in memory ({@link #forImage}); empty for files
     */
    public record Result(List<Path> files, Optional<Path> folder, int images, Optional<CalibratedImage<?>> inMemory)
            implements JobResult {

        public Result {
            files = List.copyOf(files);
        }

        @Override
        public String summary() {
            String where = folder.map(f -> " to " + f).orElse("");
            return String.format(Locale.ROOT, "normalised the stain of %d image%s%s", images, images == 1 ? "" : "s", where);
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
    private TranslateOptions options = TranslateOptions.DEFAULTS;
    private String deviceSpec = "auto";
    private ImageReader reader;
    private ImageWriter writer;

    private ColorizeJob(Path model, Path input, CalibratedImage<?> image, Path outputFolder) {
        this.model = model;
        this.input = input;
        this.image = image;
        this.outputFolder = outputFolder;
    }

    /**
     * @param model a colorizer bundle
     * @param input an image file, or a folder whose images are all normalised
     * @param outputFolder where the results go (created when missing)
     */
    public static ColorizeJob create(Path model, Path input, Path outputFolder) {
        return new ColorizeJob(model, input, null, outputFolder);
    }

    /**
     * @param model a colorizer bundle
     * @param image an image in memory, named by {@link CalibratedImage#name()}; the result comes back
     *     in {@link Result#inMemory()}
     * @param outputFolder where {@code NAME.EXT} also goes, or null to write nothing
     */
    public static ColorizeJob forImage(Path model, CalibratedImage<?> image, Path outputFolder) {
        return new ColorizeJob(model, null, Objects.requireNonNull(image, "image"), outputFolder);
    }

    /** @param value tiling, batch and output type */
    public ColorizeJob options(TranslateOptions value) {
        this.options = Objects.requireNonNull(value, "options");
        return this;
    }

    /** @param spec {@code auto} (default), {@code cpu}, {@code gpu} or {@code gpu:N} */
    public ColorizeJob device(String spec) {
        this.deviceSpec = Objects.requireNonNull(spec, "spec");
        return this;
    }

    /** @param value reads the input images */
    public ColorizeJob reader(ImageReader value) {
        this.reader = Objects.requireNonNull(value, "reader");
        return this;
    }

    /** @param value writes the outputs; it must hold RGB (TIFF, PNG) */
    public ColorizeJob writer(ImageWriter value) {
        this.writer = Objects.requireNonNull(value, "writer");
        return this;
    }

    @Override
    public String title() {
        return "Normalising stain with " + (model == null || model.getFileName() == null ? "a model" : model.getFileName());
    }

    @Override
    public Result run(ProgressListener progress, CancellationToken cancel) throws JobInputException, IOException {
        if (image == null && (reader == null || writer == null)) {
            throw new IllegalStateException("a colorize job needs a reader and a writer for files");
        }
        Inputs.requireFile(MODEL, model);
        EachImage<CalibratedImage<?>> each = new EachImage<>(reader, writer, outputFolder);
        List<Path> files = image == null ? each.files(input) : List.of();
        each.checkOutputFolder();
        Device device = Inputs.device(deviceSpec);
        JobThread.prepare();
        progress.message("Loading " + model.getFileName());
        Colorizer opened;
        try {
            opened = Colorizer.open(model, device);
        } catch (ModelBundleException e) {
            throw new JobInputException(MODEL, e.getMessage(), e);
        }
        try (opened) {
            TranslateOptions on = options.withDevice(device);
            EachImage.Step<CalibratedImage<?>> step = (source, p, c) -> opened.colorize(source, on, p, c);
            Function<CalibratedImage<?>, List<EachImage.Output>> outputs = out -> List.of(new EachImage.Output("", out));
            EachImage.Done<CalibratedImage<?>> done = image != null
                    ? each.apply(image, step, outputs, "Normalizing", progress, cancel)
                    : each.apply(files, step, outputs, "Normalizing", progress, cancel);
            return new Result(done.written(), Optional.ofNullable(outputFolder), done.images(), done.inMemory());
        }
    }
}
