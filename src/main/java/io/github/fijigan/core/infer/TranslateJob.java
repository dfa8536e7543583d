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
 * Translates one image file or every image of a folder with a translation model (pix2pix,
 * CycleGAN, TorchScript) and writes the results, in the inputs' type, units and calibration, to an
 * output folder: {@code NAME.tif} for each input, and {@code NAME_reliability.tif} when asked
 * (CycleGAN). The one code path behind the command line's {@code translate}.
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
    public static final String INPUT = "input";
    public static final String OUTPUT_FOLDER = "output_folder";
    public static final String DIRECTION = "direction";

    /**
     * What a translate job wrote.
     *
     * @param files the translated images (and reliability maps), in input order
     * @param folder the output folder
     * @param images how many inputs were translated
     * @param direction the direction, {@code A->B} or {@code B->A}
     */
    public record Result(List<Path> files, Path folder, int images, String direction) implements JobResult {

        public Result {
            files = List.copyOf(files);
        }

        @Override
        public String summary() {
            return String.format(Locale.ROOT, "translated %d image%s %s to %s", images, images == 1 ? "" : "s", direction, folder);
        }

        @Override
        public List<Path> outputs() {
            return List.of(folder);
        }
    }

    private final Path model;
    private final Path input;
    private final Path outputFolder;
    private String direction = "";
    private TranslateOptions options = TranslateOptions.DEFAULTS;
    private boolean reliability;
    private String deviceSpec = "auto";
    private ImageReader reader;
    private ImageWriter writer;

    private TranslateJob(Path model, Path input, Path outputFolder) {
        this.model = model;
        this.input = input;
        this.outputFolder = outputFolder;
    }

    /**
     * @param model a translation model bundle
     * @param input an image file, or a folder whose images are all translated
     * @param outputFolder where the results go (created when missing)
     */
    public static TranslateJob create(Path model, Path input, Path outputFolder) {
        return new TranslateJob(model, input, outputFolder);
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
        if (reader == null || writer == null) {
            throw new IllegalStateException("a translate job needs a reader and a writer");
        }
        Inputs.requireFile(MODEL, model);
        List<Path> files = inputs();
        Inputs.writableFolder(OUTPUT_FOLDER, outputFolder);
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
            Files.createDirectories(outputFolder);
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                progress.progress(i, files.size(), "Translating " + file.getFileName());
                Translation t;
                try {
                    t = translator.translate(reader.read(file), ProgressListener.NONE, cancel);
                } catch (ImageReadException e) {
                    throw new JobInputException(INPUT, e.getMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw new JobInputException(INPUT, file.getFileName() + ": " + e.getMessage(), e);
                }
                String stem = stem(file);
                Path out = outputFolder.resolve(stem + "." + writer.extension());
                writer.write(t.image(), out);
                written.add(out);
                if (t.reliability().isPresent()) {
                    Path map = outputFolder.resolve(stem + "_reliability." + writer.extension());
                    writer.write(t.reliability().get(), map);
                    written.add(map);
                }
                progress.progress(i + 1, files.size(), "Translated " + file.getFileName());
            }
            return new Result(written, outputFolder, files.size(), opened.direction());
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
