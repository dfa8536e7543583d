package io.github.fijigan.core.infer;

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
 * Denoises one image file or every image of a folder with a denoiser (kind {@code denoise}) and
 * writes the results, in the inputs' type, units and calibration, to an output folder: {@code
 * NAME.tif} for each input, and {@code NAME_noise.tif} (input minus output, float32, physical units)
 * when asked. The one code path for the command line, a Fiji command and a macro function.
 *
 * <pre>{@code
 * DenoiseJob.Result r = DenoiseJob.create(Path.of("ct-denoiser.zip"), Path.of("low-dose/"), Path.of("denoised/"))
 *         .options(TranslateOptions.DEFAULTS.withTileSize(512)).removedNoise(true)
 *         .reader(new ImageJReader()).writer(SampleWriters.tiff())
 *         .run(ProgressListener.NONE, new CancellationToken());
 * }</pre>
 */
public final class DenoiseJob implements Job<DenoiseJob.Result> {

    /** Input keys in messages. */
    public static final String MODEL = "model";
    public static final String INPUT = EachImage.INPUT;
    public static final String OUTPUT_FOLDER = EachImage.OUTPUT_FOLDER;

    /**
     * What a denoise job wrote.
     *
     * @param files the denoised images (and removed noise), in input order
     * @param folder the output folder
     * @param images how many inputs were denoised
     * @param inMemory the result for an image given in memory ({@link #forImage}); empty for files
     */
    public record Result(List<Path> files, Optional<Path> folder, int images, Optional<Denoising> inMemory) implements JobResult {

        public Result {
            files = List.copyOf(files);
        }

        @Override
        public String summary() {
            String where = folder.map(f -> " to " + f).orElse("");
            return String.format(Locale.ROOT, "denoised %d image%s%s", images, images == 1 ? "" : "s", where);
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
    private boolean removedNoise;
    private String deviceSpec = "auto";
    private ImageReader reader;
    private ImageWriter writer;

    private DenoiseJob(Path model, Path input, CalibratedImage<?> image, Path outputFolder) {
        this.model = model;
        this.input = input;
        this.image = image;
        this.outputFolder = outputFolder;
    }

    /**
     * @param model a denoiser bundle
     * @param input an image file, or a folder whose images are all denoised
     * @param outputFolder where the results go (created when missing)
     */
    public static DenoiseJob create(Path model, Path input, Path outputFolder) {
        return new DenoiseJob(model, input, null, outputFolder);
    }

    /**
     * @param model a denoising model bundle
     * @param image an image (or stack) in memory, named by {@link CalibratedImage#name()}; the
     *     result comes back in {@link Result#inMemory()}
     * @param outputFolder where {@code NAME.tif} also goes, or null to write nothing
     */
    public static DenoiseJob forImage(Path model, CalibratedImage<?> image, Path outputFolder) {
        return new DenoiseJob(model, null, Objects.requireNonNull(image, "image"), outputFolder);
    }

    /** @param value tiling, batch and output type */
    public DenoiseJob options(TranslateOptions value) {
        this.options = Objects.requireNonNull(value, "options");
        return this;
    }

    /** @param on whether to also write the removed noise, {@code NAME_noise.tif} */
    public DenoiseJob removedNoise(boolean on) {
        this.removedNoise = on;
        return this;
    }

    /** @param spec {@code auto} (default), {@code cpu}, {@code gpu} or {@code gpu:N} */
    public DenoiseJob device(String spec) {
        this.deviceSpec = Objects.requireNonNull(spec, "spec");
        return this;
    }

    /** @param value reads the input images */
    public DenoiseJob reader(ImageReader value) {
        this.reader = Objects.requireNonNull(value, "reader");
        return this;
    }

    /** @param value writes the outputs; it must hold every pixel type (e.g. TIFF) */
    public DenoiseJob writer(ImageWriter value) {
        this.writer = Objects.requireNonNull(value, "writer");
        return this;
    }

    @Override
    public String title() {
        return "Denoising with " + (model == null || model.getFileName() == null ? "a model" : model.getFileName());
    }

    @Override
    public Result run(ProgressListener progress, CancellationToken cancel) throws JobInputException, IOException {
        if (writer == null || (image == null && reader == null)) {
            throw new IllegalStateException("a denoise job needs a writer, and a reader for files");
        }
        Inputs.requireFile(MODEL, model);
        EachImage<Denoising> each = new EachImage<>(reader, writer, outputFolder);
        List<Path> files = image == null ? each.files(input) : List.of();
        each.checkOutputFolder();
        Device device = Inputs.device(deviceSpec);
        JobThread.prepare();
        progress.message("Loading " + model.getFileName());
        DenoiseModel opened;
        try {
            opened = DenoiseModel.open(model, device);
        } catch (ModelBundleException e) {
            throw new JobInputException(MODEL, e.getMessage(), e);
        }
        try (opened) {
            Denoiser denoiser = opened.denoiser(options.withDevice(device));
            Denoiser step = removedNoise ? denoiser.withRemovedNoise() : denoiser;
            Function<Denoising, List<EachImage.Output>> outputs = d -> EachImage.outputs(d.image(), "_noise", d.removedNoise());
            EachImage.Done<Denoising> done = image != null
                    ? each.apply(image, step::denoise, outputs, "Denoising", progress, cancel)
                    : each.apply(files, step::denoise, outputs, "Denoising", progress, cancel);
            return new Result(done.written(), Optional.ofNullable(outputFolder), done.images(), done.inMemory());
        }
    }
}
