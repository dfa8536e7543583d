package io.github.fijigan.core.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import ai.djl.Device;
import io.github.fijigan.core.data.ImageFolder;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.data.ImageWriter;
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
    public static final String INPUT = "input";
    public static final String OUTPUT_FOLDER = "output_folder";

    /**
     * What a denoise job wrote.
     *
     * @param files the denoised images (and removed noise), in input order
     * @param folder the output folder
     * @param images how many inputs were denoised
     */
    public record Result(List<Path> files, Path folder, int images) implements JobResult {

        public Result {
            files = List.copyOf(files);
        }

        @Override
        public String summary() {
            return String.format(Locale.ROOT, "denoised %d image%s to %s", images, images == 1 ? "" : "s", folder);
        }

        @Override
        public List<Path> outputs() {
            return List.of(folder);
        }
    }

    private final Path model;
    private final Path input;
    private final Path outputFolder;
    private TranslateOptions options = TranslateOptions.DEFAULTS;
    private boolean removedNoise;
    private String deviceSpec = "auto";
    private ImageReader reader;
    private ImageWriter writer;

    private DenoiseJob(Path model, Path input, Path outputFolder) {
        this.model = model;
        this.input = input;
        this.outputFolder = outputFolder;
    }

    /**
     * @param model a denoiser bundle
     * @param input an image file, or a folder whose images are all denoised
     * @param outputFolder where the results go (created when missing)
     */
    public static DenoiseJob create(Path model, Path input, Path outputFolder) {
        return new DenoiseJob(model, input, outputFolder);
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
        if (reader == null || writer == null) {
            throw new IllegalStateException("a denoise job needs a reader and a writer");
        }
        Inputs.requireFile(MODEL, model);
        List<Path> files = inputs();
        Inputs.writableFolder(OUTPUT_FOLDER, outputFolder);
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
            if (removedNoise) {
                denoiser = denoiser.withRemovedNoise();
            }
            Files.createDirectories(outputFolder);
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                progress.progress(i, files.size(), "Denoising " + file.getFileName());
                Denoising d;
                try {
                    d = denoiser.denoise(reader.read(file), ProgressListener.NONE, cancel);
                } catch (ImageReadException e) {
                    throw new JobInputException(INPUT, e.getMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw new JobInputException(INPUT, file.getFileName() + ": " + e.getMessage(), e);
                }
                String stem = stem(file);
                Path out = outputFolder.resolve(stem + "." + writer.extension());
                writer.write(d.image(), out);
                written.add(out);
                if (d.removedNoise().isPresent()) {
                    Path noise = outputFolder.resolve(stem + "_noise." + writer.extension());
                    writer.write(d.removedNoise().get(), noise);
                    written.add(noise);
                }
                progress.progress(i + 1, files.size(), "Denoised " + file.getFileName());
            }
            return new Result(written, outputFolder, files.size());
        }
    }

    private List<Path> inputs() throws JobInputException {
        if (input == null) {
            throw new JobInputException(INPUT, "no image or folder given");
        }
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        Inputs.requireFolder(INPUT, input);
        try {
            List<Path> files = ImageFolder.scan(input, reader).files();
            if (files.isEmpty()) {
                throw new JobInputException(INPUT, input + ": no images in this folder");
            }
            return files;
        } catch (ImageReadException e) {
            throw new JobInputException(INPUT, e.getMessage(), e);
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
