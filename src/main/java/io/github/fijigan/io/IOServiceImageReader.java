package io.github.fijigan.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import org.scijava.io.IOService;

import ij.ImagePlus;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.ij.ImagePlusBridge;
import net.imglib2.RandomAccessibleInterval;

/**
 * Reads images through SciJava's {@link IOService}, i.e. through whichever format plugin ranks
 * highest: SCIFIO/Bio-Formats in Fiji, {@link IJ1ImageIOPlugin} in a plain SciJava context.
 *
 * <p>An {@link ImagePlus} result goes through {@link ImagePlusBridge}; an imglib2 image of real or
 * ARGB pixels (what SCIFIO's {@code Dataset} is) gets its axes, scales and units from
 * imagej-common's axis methods, found by reflection because imagej-common is not a compile-time
 * dependency, and is reordered to X, Y, C, Z, T.
 *
 * <pre>{@code
 * ImageReader reader = new IOServiceImageReader(context.service(IOService.class), log::warn);
 * CalibratedImage<?> image = reader.read(Path.of("cells.czi"));   // Bio-Formats in Fiji
 * }</pre>
 */
public final class IOServiceImageReader implements ImageReader {

    private final IOService io;
    private final Consumer<String> warnings;

    /**
     * @param io the service to open files with
     * @param warnings receives what could not be carried over exactly (e.g. missing axis metadata)
     */
    public IOServiceImageReader(IOService io, Consumer<String> warnings) {
        this.io = Objects.requireNonNull(io, "IOService");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public CalibratedImage<?> read(Path file) throws ImageReadException {
        ImageReader.requireReadableFile(file);
        Object data;
        try {
            data = io.open(file.toAbsolutePath().toString());
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(file, "the format plugin failed: " + message(e), e);
        }
        if (data == null) {
            throw new ImageReadException(file, "no format plugin could read " + file.getFileName());
        }
        String name = file.getFileName().toString();
        if (data instanceof ImagePlus imp) {
            return ImagePlusBridge.toCalibratedImage(imp, warnings);
        }
        if (data instanceof RandomAccessibleInterval<?> rai) {
            try {
                return RaiImages.toCalibratedImage(rai, name, warnings);
            } catch (IllegalArgumentException e) {
                throw new ImageReadException(file, "the format plugin returned " + data.getClass().getName()
                        + " whose " + e.getMessage(), e);
            }
        }
        throw new ImageReadException(file, "the format plugin returned " + data.getClass().getName()
                + ", which is not an image (need an ImagePlus or an imglib2 image)");
    }

    private static String message(Exception e) {
        // IOService wraps plugin failures; the innermost message is the one that says what happened.
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
