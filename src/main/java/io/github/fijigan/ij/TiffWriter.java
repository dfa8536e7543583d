package io.github.fijigan.ij;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Consumer;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileSaver;
import io.github.fijigan.core.image.CalibratedImage;

/**
 * Writes images as ImageJ TIFF (single plane, stack or hyperstack) with pixel size, units, origin,
 * frame interval and value calibration, so that {@link ImageJReader} (and ImageJ, Fiji, Bio-Formats)
 * read them back unchanged.
 *
 * <p>Writing is atomic: the TIFF goes to a hidden temporary file in the target folder, which then
 * replaces the target in one rename. A failed or interrupted write leaves neither a half-written
 * target nor the temporary file, and an existing target stays as it was.
 *
 * <pre>{@code
 * TiffWriter.write(translated, Path.of("out/ct_translated.tif"));
 * }</pre>
 */
public final class TiffWriter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TiffWriter() {
    }

    /** Writes a calibrated image; see {@link ImagePlusBridge#toImagePlus} for the type mapping. */
    public static void write(CalibratedImage<?> image, Path file) throws IOException {
        write(image, file, w -> { });
    }

    /**
     * Writes a calibrated image.
     *
     * @param warnings receives what ImageJ1 cannot hold (e.g. a value calibration on RGB)
     * @throws IOException naming the file and the reason when the write fails
     */
    public static void write(CalibratedImage<?> image, Path file, Consumer<String> warnings) throws IOException {
        write(ImagePlusBridge.toImagePlus(image, warnings), file);
    }

    /**
     * Writes an ImageJ1 image as it is (with its overlay, properties and display settings). The
     * image's title and file info stay as they were: FileSaver would rename it after the temporary
     * file.
     *
     * @throws IOException naming the file and the reason when the write fails
     */
    public static void write(ImagePlus imp, Path file) throws IOException {
        Objects.requireNonNull(imp, "image");
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("Cannot write " + file + ": folder " + folder + " does not exist or is not a folder");
        }
        Path temp = createTemp(folder, target, file);
        boolean moved = false;
        try {
            save(imp, temp, file);
            move(temp, target);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Creates the temporary file with the folder's default permissions; Files.createTempFile would
     * make it owner-only, and the rename would pass that on to the result.
     */
    private static Path createTemp(Path folder, Path target, Path file) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part.tif");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw new IOException("Cannot write " + file + ": no free temporary file name in " + folder, e);
                }
            } catch (IOException e) {
                throw new IOException("Cannot write " + file + ": cannot create a file in " + folder + " (" + e + ")", e);
            }
        }
    }

    private static void save(ImagePlus imp, Path temp, Path file) throws IOException {
        String title = imp.getTitle();
        FileInfo info = imp.getOriginalFileInfo();
        boolean changes = imp.changes;
        String[] previous = ExactCalibration.mark(imp);
        ImageJErrors.Outcome<Boolean> outcome;
        try {
            outcome = ImageJErrors.capture(() -> new FileSaver(imp).saveAsTiff(temp.toString()));
        } catch (Exception e) {
            throw new IOException("Cannot write " + file + ": " + e, e);
        } finally {
            ExactCalibration.unmark(imp, previous);
            imp.setTitle(title);
            imp.setFileInfo(info);
            imp.changes = changes;
        }
        if (!Boolean.TRUE.equals(outcome.value())) {
            throw new IOException("Cannot write " + file + ": "
                    + (outcome.error() != null ? outcome.error() : "ImageJ's FileSaver failed without a reason"));
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this happens only on odd file systems; a plain replace is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IOException("Cannot write " + target + ": cannot replace it (" + e + ")", e);
        }
    }
}
