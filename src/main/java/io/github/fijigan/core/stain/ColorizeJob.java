package io.github.fijigan.core.stain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import ai.djl.Device;
import io.github.fijigan.core.data.ImageFolder;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.data.ImageWriter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.TranslateOptions;
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
    public static final String INPUT = "input";
    public static final String OUTPUT_FOLDER = "output_folder";

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
        if ((image == null || outputFolder != null) && writer == null || image == null && reader == null) {
            throw new IllegalStateException("a colorize job needs a writer to write files, and a reader for files");
        }
        Inputs.requireFile(MODEL, model);
        List<Path> files = image == null ? inputs() : List.of();
        if (image == null || outputFolder != null) {
            Inputs.writableFolder(OUTPUT_FOLDER, outputFolder);
        }
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
            if (outputFolder != null) {
                Files.createDirectories(outputFolder);
            }
            List<Path> written = new ArrayList<>();
            if (image != null) {
                progress.message("Normalising " + image.name());
                CalibratedImage<?> out = colorize(opened, on, image, image.name(), progress, cancel);
                if (outputFolder != null) {
                    written.add(write(out, stem(image.name())));
                }
                return new Result(written, Optional.ofNullable(outputFolder), 1, Optional.of(out));
            }
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                progress.progress(i, files.size(), "Normalising " + file.getFileName());
                CalibratedImage<?> read;
                try {
                    read = reader.read(file);
                } catch (ImageReadException e) {
                    throw new JobInputException(INPUT, e.getMessage(), e);
                }
                String name = file.getFileName().toString();
                written.add(write(colorize(opened, on, read, name, ProgressListener.NONE, cancel), stem(name)));
                progress.progress(i + 1, files.size(), "Normalised " + file.getFileName());
            }
            return new Result(written, Optional.of(outputFolder), files.size(), Optional.empty());
        }
    }

    private static CalibratedImage<?> colorize(Colorizer colorizer, TranslateOptions options, CalibratedImage<?> source, String name,
            ProgressListener progress, CancellationToken cancel) throws JobInputException {
        try {
            return colorizer.colorize(source, options, progress, cancel);
        } catch (IllegalArgumentException e) {
            throw new JobInputException(INPUT, name + ": " + e.getMessage(), e);
        }
    }

    private Path write(CalibratedImage<?> out, String stem) throws IOException {
        Path file = outputFolder.resolve(stem + "." + writer.extension());
        writer.write(out, file);
        return file;
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
            List<Path> found = ImageFolder.scan(input, reader).files();
            if (found.isEmpty()) {
                throw new JobInputException(INPUT, input + ": no images in this folder");
            }
            return found;
        } catch (ImageReadException e) {
            throw new JobInputException(INPUT, e.getMessage(), e);
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
