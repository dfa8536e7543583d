package io.github.fijigan.core.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.github.fijigan.core.data.ImageFolder;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.data.ImageWriter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * The frame every image-to-image job shares (translate, denoise, normalise stain, colorize): one
 * step applied to an image in memory, to one file, or to every image of a folder, with each result
 * written as {@code NAME.tif} (and e.g. {@code NAME_noise.tif}) to an output folder. Input problems
 * become {@link JobInputException}s naming the {@code input} and the file; a step's
 * {@link IllegalArgumentException} (wrong channel count, image too small, …) too.
 *
 * <pre>{@code
 * EachImage<Denoising> each = new EachImage<>(reader, writer, outputFolder);
 * List<Path> files = each.files(Path.of("ct/"));            // checked before the model loads
 * each.checkOutputFolder(true);
 * EachImage.Done<Denoising> done = each.apply(files, denoiser::denoise,
 *         d -> EachImage.outputs(d.image(), "_noise", d.removedNoise()), "Denoising", progress, cancel);
 * }</pre>
 *
 * @param <T> what the step makes of one image
 */
public final class EachImage<T> {

    /** The input key in messages. */
    public static final String INPUT = "input";
    /** The output folder key in messages. */
    public static final String OUTPUT_FOLDER = "output_folder";

    /** What a job does to one image. */
    @FunctionalInterface
    public interface Step<T> {
        /**
         * @throws IllegalArgumentException if the image does not suit the step; reported as a bad input
         */
        T apply(CalibratedImage<?> image, ProgressListener progress, CancellationToken cancel) throws IOException;
    }

    /**
     * One image to write for a result.
     *
     * @param suffix added to the input's name: empty for the main result, e.g. {@code _noise}
     * @param image the pixels
     */
    public record Output(String suffix, CalibratedImage<?> image) {

        public Output {
            Objects.requireNonNull(suffix, "suffix");
            Objects.requireNonNull(image, "image");
        }
    }

    /**
     * What the step made.
     *
     * @param written every file written, in input order
     * @param images how many inputs were processed
     * @param inMemory the result for an image given in memory; empty for files
     */
    public record Done<T>(List<Path> written, int images, Optional<T> inMemory) {

        public Done {
            written = List.copyOf(written);
        }
    }

    private final ImageReader reader;
    private final ImageWriter writer;
    private final Path outputFolder;

    /**
     * @param reader reads the input files; may be null for an image in memory
     * @param writer writes the results; may be null when there is no output folder
     * @param outputFolder where results go; null to write nothing (an image in memory only)
     */
    public EachImage(ImageReader reader, ImageWriter writer, Path outputFolder) {
        if (writer == null && outputFolder != null) {
            throw new IllegalStateException("writing to " + outputFolder + " needs a writer");
        }
        this.reader = reader;
        this.writer = writer;
        this.outputFolder = outputFolder;
    }

    /**
     * The input files: call before loading a model, so a bad path is reported at once.
     *
     * @param input an image file, or a folder whose images are all taken (natural order)
     * @throws JobInputException naming {@link #INPUT}
     */
    public List<Path> files(Path input) throws JobInputException {
        if (reader == null) {
            throw new IllegalStateException("reading files needs a reader");
        }
        if (input == null) {
            throw new JobInputException(INPUT, "no image or folder given");
        }
        List<Path> files;
        if (Files.isRegularFile(input)) {
            files = List.of(input);
        } else {
            Inputs.requireFolder(INPUT, input);
            try {
                files = ImageFolder.scan(input, reader).files();
            } catch (ImageReadException e) {
                // also a folder without images: the message says so
                throw new JobInputException(INPUT, e.getMessage(), e);
            }
        }
        return files;
    }

    /**
     * Checks that the output folder can be written, creating nothing.
     *
     * @param required whether there must be one (files need one; an image in memory does not)
     * @throws JobInputException naming {@link #OUTPUT_FOLDER}
     */
    public void checkOutputFolder(boolean required) throws JobInputException {
        if (required || outputFolder != null) {
            Inputs.writableFolder(OUTPUT_FOLDER, outputFolder);
        }
    }

    /**
     * Applies the step to each file and writes its outputs.
     *
     * @param verb the progress message's verb, e.g. {@code Denoising}
     */
    public Done<T> apply(List<Path> files, Step<T> step, Function<T, List<Output>> outputs, String verb,
            ProgressListener progress, CancellationToken cancel) throws JobInputException, IOException {
        Files.createDirectories(outputFolder);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            cancel.throwIfCancelled(verb.toLowerCase(Locale.ROOT));
            Path file = files.get(i);
            String name = file.getFileName().toString();
            progress.progress(i, files.size(), verb + " " + name);
            CalibratedImage<?> image;
            try {
                image = reader.read(file);
            } catch (ImageReadException e) {
                throw new JobInputException(INPUT, e.getMessage(), e);
            }
            write(outputs.apply(applyTo(step, image, name, ProgressListener.NONE, cancel)), stem(name), written);
            progress.progress(i + 1, files.size(), verb + " " + name + ": done");
        }
        return new Done<>(written, files.size(), Optional.empty());
    }

    /**
     * Applies the step to an image in memory, and writes its outputs when there is an output folder.
     *
     * @param verb the progress message's verb, e.g. {@code Denoising}
     */
    public Done<T> apply(CalibratedImage<?> image, Step<T> step, Function<T, List<Output>> outputs, String verb,
            ProgressListener progress, CancellationToken cancel) throws JobInputException, IOException {
        progress.message(verb + " " + image.name());
        T result = applyTo(step, image, image.name(), progress, cancel);
        List<Path> written = new ArrayList<>();
        if (outputFolder != null) {
            Files.createDirectories(outputFolder);
            write(outputs.apply(result), stem(image.name()), written);
        }
        return new Done<>(written, 1, Optional.of(result));
    }

    /** @return the outputs of a result: the main image, and the optional second one under its suffix */
    public static List<Output> outputs(CalibratedImage<?> main, String suffix, Optional<? extends CalibratedImage<?>> second) {
        List<Output> list = new ArrayList<>(2);
        list.add(new Output("", main));
        second.ifPresent(s -> list.add(new Output(suffix, s)));
        return list;
    }

    /** @return the name without its extension ({@code slice.dcm} → {@code slice}); a leading dot is kept */
    public static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static <T> T applyTo(Step<T> step, CalibratedImage<?> image, String name, ProgressListener progress, CancellationToken cancel)
            throws JobInputException, IOException {
        try {
            return step.apply(image, progress, cancel);
        } catch (IllegalArgumentException e) {
            throw new JobInputException(INPUT, name + ": " + e.getMessage(), e);
        }
    }

    private void write(List<Output> outputs, String stem, List<Path> written) throws IOException {
        for (Output o : outputs) {
            Path out = outputFolder.resolve(stem + o.suffix() + "." + writer.extension());
            writer.write(o.image(), out);
            written.add(out);
        }
    }
}
