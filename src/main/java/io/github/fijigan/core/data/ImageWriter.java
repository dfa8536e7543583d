package io.github.fijigan.core.data;

import java.io.IOException;
import java.nio.file.Path;

import io.github.fijigan.core.image.CalibratedImage;

/**
 * Writes one image file, whole or not at all. The library writes through this interface, so the
 * same code writes TIFF through ImageJ1 in Fiji ({@code ij.TiffWriter}) and PNG on its own
 * ({@link PngImageWriter}).
 *
 * <pre>{@code
 * ImageWriter writer = new PngImageWriter();
 * writer.write(sample, folder.resolve("sample_0001." + writer.extension()));
 * }</pre>
 */
public interface ImageWriter {

    /**
     * @throws IOException naming the file, when the image cannot be written (nothing is left behind)
     * @throws IllegalArgumentException when this format cannot hold the image (e.g. 16-bit in PNG)
     */
    void write(CalibratedImage<?> image, Path file) throws IOException;

    /** @return the file extension, without the dot, e.g. {@code tif} */
    String extension();
}
