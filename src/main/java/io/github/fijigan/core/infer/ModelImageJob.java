package io.github.fijigan.core.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

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
 * A job that applies a trained image-to-image model (translation, denoising, colorizing) to an
 * image in memory, one file or a folder: the settings they share (tiling options, device, reader,
 * writer) and the order of their work (check the inputs, load the model, apply it to each image,
 * close it). A subclass says how to open its model, what one step is and what it writes.
 *
 * @param <J> the job itself, so that the shared setters chain
 * @param <M> the opened model
 * @param <T> what one step makes of an image
 * @param <R> the job's result
 */
public abstract class ModelImageJob<J extends ModelImageJob<J, M, T, R>, M extends ModelImageJob.OpenModel, T, R extends JobResult>
        implements Job<R> {

    /** Input keys in messages. */
    public static final String MODEL = "model";
    public static final String INPUT = EachImage.INPUT;
    public static final String OUTPUT_FOLDER = EachImage.OUTPUT_FOLDER;

    /** A loaded model that holds native memory until closed; closing throws nothing. */
    public interface OpenModel extends AutoCloseable {
        @Override
        void close();
    }

    protected final Path model;
    protected final Path input;
    protected final CalibratedImage<?> image;
    protected final Path outputFolder;
    private TranslateOptions options = TranslateOptions.DEFAULTS;
    private String deviceSpec = "auto";
    private ImageReader reader;
    private ImageWriter writer;

    /**
     * @param model the model bundle
     * @param input an image file or folder, or null for an image in memory
     * @param image the image in memory, or null for files
     * @param outputFolder where results go; may be null for an image in memory (nothing written)
     */
    protected ModelImageJob(Path model, Path input, CalibratedImage<?> image, Path outputFolder) {
        this.model = model;
        this.input = input;
        this.image = image;
        this.outputFolder = outputFolder;
    }

    /** @param value tiling, batch and output type */
    public J options(TranslateOptions value) {
        this.options = Objects.requireNonNull(value, "options");
        return self();
    }

    /** @param spec {@code auto} (default), {@code cpu}, {@code gpu} or {@code gpu:N} */
    public J device(String spec) {
        this.deviceSpec = Objects.requireNonNull(spec, "spec");
        return self();
    }

    /** @param value reads the input images (e.g. ImageJ1's reader, or the IOService's in Fiji) */
    public J reader(ImageReader value) {
        this.reader = Objects.requireNonNull(value, "reader");
        return self();
    }

    /** @param value writes the outputs; it must hold every type the model makes (e.g. TIFF) */
    public J writer(ImageWriter value) {
        this.writer = Objects.requireNonNull(value, "writer");
        return self();
    }

    /** @return this job, as its own type */
    protected abstract J self();

    /** Opens the model; a {@link ModelBundleException} is reported as a problem of the {@code model} input. */
    protected abstract M open(Path bundle, Device device) throws ModelBundleException, JobInputException;

    /** @return what the job does to one image with the opened model and these options (on the job's device) */
    protected abstract EachImage.Step<T> step(M opened, TranslateOptions tiling) throws JobInputException;

    /** @return the images to write for one result */
    protected abstract List<EachImage.Output> outputs(T result);

    /** @return the progress message's verb, e.g. {@code Denoising} */
    protected abstract String verb();

    /** @return the job's result from what was done */
    protected abstract R result(EachImage.Done<T> done, M opened);

    @Override
    public final R run(ProgressListener progress, CancellationToken cancel) throws JobInputException, IOException {
        if (image == null && (reader == null || writer == null)) {
            throw new IllegalStateException(getClass().getSimpleName() + " needs a reader and a writer for files");
        }
        Inputs.requireFile(MODEL, model);
        EachImage<T> each = new EachImage<>(reader, writer, outputFolder);
        List<Path> files = image == null ? each.files(input) : List.of();
        each.checkOutputFolder(image == null);
        Device device = Inputs.device(deviceSpec);
        JobThread.prepare();
        progress.message("Loading " + model.getFileName());
        M opened;
        try {
            opened = open(model, device);
        } catch (ModelBundleException e) {
            throw new JobInputException(MODEL, e.getMessage(), e);
        }
        try (opened) {
            EachImage.Step<T> step = step(opened, options.withDevice(device));
            EachImage.Done<T> done = image != null
                    ? each.apply(image, step, this::outputs, verb(), progress, cancel)
                    : each.apply(files, step, this::outputs, verb(), progress, cancel);
            return result(done, opened);
        }
    }

    /** @return the title's model name: the bundle's file name */
    protected final String modelName() {
        return model == null || model.getFileName() == null ? "a model" : model.getFileName().toString();
    }
}
