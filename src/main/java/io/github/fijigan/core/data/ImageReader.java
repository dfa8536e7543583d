package io.github.fijigan.core.data;

import java.nio.file.Path;

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
}
