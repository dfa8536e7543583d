package io.github.fijigan.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import io.github.fijigan.core.image.CalibratedImage;

/**
 * Reads one image file into a {@link CalibratedImage}. Datasets depend on this interface only, so
 * the same code reads through ImageJ1's Opener in a plain JVM and through SCIFIO/Bio-Formats in
 * Fiji.
 *
 * <pre>{@code
 * ImageReader reader = new ImageJReader();                  // or ImageReaders.forContext(context)
 * CalibratedImage<?> ct = reader.read(Path.of("CT_small.dcm"));
 * double hu = ct.valueCalibration().toPhysical(stored);
 * }</pre>
 */
@FunctionalInterface
public interface ImageReader {

    /**
     * @param file the image file
     * @return the image with its axes and calibration
     * @throws ImageReadException when the file is missing, a folder, unsupported or corrupt; the
     *     message names the file and the reason
     */
    CalibratedImage<?> read(Path file) throws ImageReadException;

    /**
     * The checks every reader starts with, so all report the common problems in the same words.
     *
     * @throws ImageReadException when the file is missing, a folder, unreadable or empty
     */
    static void requireReadableFile(Path file) throws ImageReadException {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            throw new ImageReadException(file, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new ImageReadException(file, "is a folder, not an image file");
        }
        if (!Files.isReadable(file)) {
            throw new ImageReadException(file, "no permission to read it");
        }
        try {
            if (Files.size(file) == 0) {
                throw new ImageReadException(file, "empty file (0 bytes)");
            }
        } catch (IOException e) {
            throw new ImageReadException(file, "cannot read its size: " + e, e);
        }
    }
}
