package io.github.fijigan.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import ai.djl.Device;
import io.github.fijigan.core.data.ImageWriter;
import io.github.fijigan.core.data.PngImageWriter;
import io.github.fijigan.core.job.Inputs;
import io.github.fijigan.core.job.Job;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.job.JobResult;
import io.github.fijigan.core.job.JobThread;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Draws samples from a trained synthesis model into a folder, one subfolder per class: the one code
 * path behind {@code fiji-gan generate}, <i>Plugins › GAN › Generate Samples</i> and
 * {@code Ext.generate}. The same model, seed and count give the same files.
 *
 * <pre>{@code
 * GenerateJob.Result result = GenerateJob.create(Path.of("run/model.zip"), Path.of("synthetic"), 100)
 *         .className("melanoma")          // or leave out for every class
 *         .seed(7)
 *         .run(ProgressListener.NONE, new CancellationToken());
 * result.files();                         // synthetic/melanoma/sample_00001.png ...
 * }</pre>
 */
public final class GenerateJob implements Job<GenerateJob.Result> {

    /** Input keys in messages. */
    public static final String MODEL = "model";
    public static final String OUTPUT_FOLDER = "output_folder";
    public static final String COUNT = "count";
    public static final String CLASS_NAME = "class_name";

    /** PNG for 8-bit and RGB samples; other pixel types need a writer from outside core (TIFF). */
    public static final Function<String, ImageWriter> PNG_ONLY = type -> {
        if (type.equals("uint8") || type.equals("rgb")) {
            return new PngImageWriter();
        }
        throw new IllegalArgumentException("samples of type " + type + " need a TIFF writer; PNG holds 8-bit and RGB only");
    };

    /**
     * What a generate job wrote.
     *
     * @param files every file, in order
     * @param folder the output folder
     * @param classes the classes written (empty for an unconditional model)
     * @param outputType the samples' pixel type
     */
    public record Result(List<Path> files, Path folder, List<String> classes, String outputType) implements JobResult {

        public Result {
            files = List.copyOf(files);
            classes = List.copyOf(classes);
        }

        @Override
        public String summary() {
            String which = classes.isEmpty() ? "" : " (" + (files.size() / classes.size()) + " per class: "
                    + String.join(", ", classes) + ")";
            return String.format(Locale.ROOT, "wrote %d %s samples%s to %s", files.size(), outputType, which, folder);
        }

        @Override
        public List<Path> outputs() {
            return List.of(folder);
        }
    }

    private final Path model;
    private final Path outputFolder;
    private final int count;
    private String className = "";
    private long seed;
    private String deviceSpec = "auto";
    private Device device;
    private Function<String, ImageWriter> writers = PNG_ONLY;

    private GenerateJob(Path model, Path outputFolder, int count) {
        this.model = model;
        this.outputFolder = outputFolder;
        this.count = count;
    }

    /**
     * @param model a synthesis model bundle (dcgan, wgangp, sngan, acgan)
     * @param outputFolder where the files go (created when missing)
     * @param count samples per class (in all, for an unconditional model)
     */
    public static GenerateJob create(Path model, Path outputFolder, int count) {
        return new GenerateJob(model, outputFolder, count);
    }

    /** @param name the one class to draw (AC-GAN); null or blank for every class */
    public GenerateJob className(String name) {
        this.className = name == null ? "" : name.strip();
        return this;
    }

    /** @param value the seed; the same seed gives the same samples */
    public GenerateJob seed(long value) {
        this.seed = value;
        return this;
    }

    /** @param spec {@code auto} (default), {@code cpu}, {@code gpu} or {@code gpu:N} */
    public GenerateJob device(String spec) {
        this.deviceSpec = Objects.requireNonNull(spec, "spec");
        return this;
    }

    /** @param computeOn a device already chosen, instead of starting the engine with a spec */
    public GenerateJob device(Device computeOn) {
        this.device = computeOn;
        return this;
    }

    /** @param byOutputType the writer for the samples' pixel type (see {@link SampleGenerator#outputType()}) */
    public GenerateJob writers(Function<String, ImageWriter> byOutputType) {
        this.writers = Objects.requireNonNull(byOutputType, "byOutputType");
        return this;
    }

    @Override
    public String title() {
        return "Generating samples from " + (model == null || model.getFileName() == null ? "a model" : model.getFileName());
    }

    @Override
    public Result run(ProgressListener progress, CancellationToken cancel) throws JobInputException, IOException {
        if (count < 1) {
            throw new JobInputException(COUNT, "must be at least 1, got " + count);
        }
        Inputs.requireFile(MODEL, model);
        Inputs.writableFolder(OUTPUT_FOLDER, outputFolder);
        Device computeOn = device != null ? device : Inputs.device(deviceSpec);
        JobThread.prepare();
        progress.message("Loading " + model.getFileName());
        SampleGenerator generator;
        try {
            generator = SampleGenerator.open(model, computeOn);
        } catch (ModelBundleException e) {
            throw new JobInputException(MODEL, e.getMessage(), e);
        }
        try (generator) {
            int classIndex = classIndex(generator);
            ImageWriter writer;
            try {
                writer = writers.apply(generator.outputType());
            } catch (IllegalArgumentException e) {
                throw new JobInputException(MODEL, model.getFileName() + ": " + e.getMessage(), e);
            }
            Files.createDirectories(outputFolder);
            List<Path> files = generator.writeFolder(outputFolder, count, seed, writer, classIndex, progress, cancel);
            List<String> written = classIndex >= 0 ? List.of(generator.classes().get(classIndex)) : generator.classes();
            return new Result(files, outputFolder, written, generator.outputType());
        }
    }

    private int classIndex(SampleGenerator generator) throws JobInputException {
        if (className.isEmpty()) {
            return -1;
        }
        List<String> classes = generator.classes();
        if (classes.isEmpty()) {
            throw new JobInputException(CLASS_NAME, "'" + className + "': " + model.getFileName() + " is a "
                    + generator.manifest().kind().id() + " model without classes; leave the class empty");
        }
        int index = classes.indexOf(className);
        if (index < 0) {
            throw new JobInputException(CLASS_NAME, "'" + className + "' is not a class of " + model.getFileName()
                    + "; its classes are " + String.join(", ", classes));
        }
        return index;
    }
}
