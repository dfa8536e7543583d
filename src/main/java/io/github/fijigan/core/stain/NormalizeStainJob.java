package io.github.fijigan.core.stain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;


import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.data.ImageWriter;
import io.github.fijigan.core.image.CalibratedImage;
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
 * Normalises the stain of bright-field histology images to a target: Reinhard or Macenko, the
 * target given as a reference image (its statistics fitted) or as a stored target file
 * ({@code .json}, written by {@link StainTarget#write}); or {@code gan}, the learned colorizer,
 * whose target is a colorizer model trained on the target institution's tiles ({@link Colorizer}). The input is an image file, a folder, or an
 * image in memory; results go to {@code outputFolder/NAME.tif} in the input's type. The one code
 * path behind the Normalize Stain command, {@code fiji-gan normalize-stain} and
 * {@code Ext.normalizeStain}.
 *
 * <pre>{@code
 * NormalizeStainJob.Result r = NormalizeStainJob.create("macenko", Path.of("reference.png"), Path.of("slides/"), Path.of("out/"))
 *         .saveTarget(Path.of("out/target.json")).reader(new ImageJReader()).writer(SampleWriters.tiff())
 *         .run(ProgressListener.NONE, new CancellationToken());
 * }</pre>
 */
public final class NormalizeStainJob implements Job<NormalizeStainJob.Result> {

    /** The learned method: a colorizer model as the target. */
    public static final String GAN = "gan";
    /** Every method, as the command line and the command offer them. */
    public static final List<String> METHODS = List.of(Macenko.METHOD, Reinhard.METHOD, GAN);

    /** Input keys in messages. */
    public static final String METHOD = "method";
    public static final String TARGET = "target";
    public static final String INPUT = EachImage.INPUT;
    public static final String OUTPUT_FOLDER = EachImage.OUTPUT_FOLDER;

    /**
     * What a stain normalisation job made.
     *
     * @param files the normalised images written, in input order
     * @param folder the output folder, when one was given
     * @param images how many images were normalised
     * @param method {@code reinhard} or {@code macenko}
     * @param inMemory the result for an image given in memory; empty for files
     */
    public record Result(List<Path> files, Optional<Path> folder, int images, String method, Optional<CalibratedImage<?>> inMemory)
            implements JobResult {

        public Result {
            files = List.copyOf(files);
        }

        @Override
        public String summary() {
            return String.format(Locale.ROOT, "normalised %d image%s with %s%s", images, images == 1 ? "" : "s", method,
                    folder.map(f -> " to " + f).orElse(""));
        }

        @Override
        public List<Path> outputs() {
            return folder.map(List::of).orElse(List.of());
        }
    }

    private final String method;
    private final Path target;
    private final Path input;
    private final CalibratedImage<?> image;
    private final Path outputFolder;
    private Path saveTarget;
    private ImageReader reader;
    private ImageWriter writer;

    private NormalizeStainJob(String method, Path target, Path input, CalibratedImage<?> image, Path outputFolder) {
        this.method = method == null ? "" : method.strip().toLowerCase(Locale.ROOT);
        this.target = target;
        this.input = input;
        this.image = image;
        this.outputFolder = outputFolder;
    }

    /**
     * @param method {@code reinhard}, {@code macenko} or {@code gan}
     * @param target a reference image or a target file ({@code .json}); for {@code gan} a colorizer model
     * @param input an image file, or a folder whose images are all normalised
     * @param outputFolder where {@code NAME.tif} goes (created when missing)
     */
    public static NormalizeStainJob create(String method, Path target, Path input, Path outputFolder) {
        return new NormalizeStainJob(method, target, input, null, outputFolder);
    }

    /** As {@link #create}, for an image in memory; {@code outputFolder} may be null to write nothing. */
    public static NormalizeStainJob forImage(String method, Path target, CalibratedImage<?> image, Path outputFolder) {
        return new NormalizeStainJob(method, target, null, Objects.requireNonNull(image, "image"), outputFolder);
    }

    /** @param file where to also write the fitted target, to normalise later batches without the reference image */
    public NormalizeStainJob saveTarget(Path file) {
        this.saveTarget = file;
        return this;
    }

    /** @param value reads the reference and input images */
    public NormalizeStainJob reader(ImageReader value) {
        this.reader = Objects.requireNonNull(value, "reader");
        return this;
    }

    /** @param value writes the results; it must hold the inputs' types (e.g. TIFF) */
    public NormalizeStainJob writer(ImageWriter value) {
        this.writer = Objects.requireNonNull(value, "writer");
        return this;
    }

    @Override
    public String title() {
        return "Normalizing stain (" + method + ")";
    }

    @Override
    public Result run(ProgressListener progress, CancellationToken cancel) throws JobInputException, IOException {
        if (reader == null || writer == null) {
            throw new IllegalStateException("a stain normalisation job needs a reader and a writer");
        }
        if (!METHODS.contains(method)) {
            throw new JobInputException(METHOD, "must be one of " + String.join(", ", METHODS) + ", got \"" + method + "\"");
        }
        Inputs.requireFile(TARGET, target);
        EachImage<CalibratedImage<?>> each = new EachImage<>(reader, writer, outputFolder);
        List<Path> files = image == null ? each.files(input) : List.of();
        each.checkOutputFolder(image == null);
        if (method.equals(GAN)) {
            JobThread.prepare();
            progress.message("Loading " + target.getFileName());
            Colorizer colorizer;
            try {
                colorizer = Colorizer.open(target, Inputs.device("auto"));
            } catch (ModelBundleException e) {
                throw new JobInputException(TARGET, e.getMessage(), e);
            }
            try (colorizer) {
                return normalizeAll(each, colorizer::colorize, files, progress, cancel);
            }
        }
        progress.message("Fitting the target to " + target.getFileName());
        StainTarget fitted = target();
        if (saveTarget != null) {
            fitted.write(saveTarget);
        }
        StainNormalizer normalizer = StainNormalizers.create(method, fitted);
        return normalizeAll(each, normalizer::normalize, files, progress, cancel);
    }

    private Result normalizeAll(EachImage<CalibratedImage<?>> each, UnaryOperator<CalibratedImage<?>> normalizer, List<Path> files,
            ProgressListener progress, CancellationToken cancel) throws JobInputException, IOException {
        EachImage.Step<CalibratedImage<?>> step = (source, p, c) -> normalizer.apply(source);
        Function<CalibratedImage<?>, List<EachImage.Output>> outputs = out -> List.of(new EachImage.Output("", out));
        EachImage.Done<CalibratedImage<?>> done = image != null
                ? each.apply(image, step, outputs, "Normalizing", progress, cancel)
                : each.apply(files, step, outputs, "Normalizing", progress, cancel);
        return new Result(done.written(), Optional.ofNullable(outputFolder), done.images(), method, done.inMemory());
    }

    private StainTarget target() throws JobInputException {
        String name = target.getFileName().toString();
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                StainTarget stored = StainTarget.read(target);
                if ((method.equals(Reinhard.METHOD) && stored.reinhard().isEmpty())
                        || (method.equals(Macenko.METHOD) && stored.macenko().isEmpty())) {
                    throw new JobInputException(TARGET, name + " holds no " + method + " statistics");
                }
                return stored;
            }
            CalibratedImage<?> reference = read(TARGET, target);
            return StainTarget.fit(RgbImages.stacked(reference, RgbImages.typeMax(reference)), name);
        } catch (IOException | IllegalArgumentException e) {
            throw new JobInputException(TARGET, name + ": " + e.getMessage(), e);
        }
    }

    private CalibratedImage<?> read(String key, Path file) throws JobInputException {
        try {
            return reader.read(file);
        } catch (ImageReadException e) {
            throw new JobInputException(key, e.getMessage(), e);
        }
    }
}
