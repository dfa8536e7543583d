package io.github.fijigan.io;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.scijava.Context;
import org.scijava.io.IOService;
import org.scijava.log.LogService;

import io.github.fijigan.core.data.ImageFolder;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.ij.ImageJReader;

/**
 * Chooses the {@link ImageReader} datasets use: through the context's {@link IOService} when
 * there is one (Bio-Formats and SCIFIO in Fiji), through ImageJ1's Opener otherwise.
 *
 * <p>DICOM files go to ImageJ1's reader first even in Fiji, because it applies the rescale
 * slope/intercept (CT's HU) while Bio-Formats hands back stored values without them; only a DICOM
 * it cannot read (e.g. JPEG-compressed) goes on to the IOService, with a warning that the values
 * are stored, not rescaled.
 *
 * <pre>{@code
 * ImageReader reader = ImageReaders.forContext(context);     // context may be null
 * ImageFolder trainA = ImageFolder.scan(Path.of("trainA"), reader);
 * }</pre>
 */
public final class ImageReaders {

    private static final System.Logger LOG = System.getLogger(ImageReaders.class.getName());

    private ImageReaders() {
    }

    /**
     * @param context a SciJava context, or null
     * @return an IOService-backed reader when the context has an IOService, else an ImageJReader;
     *     warnings go to the context's LogService, or the system logger
     */
    public static ImageReader forContext(Context context) {
        LogService log = context == null ? null : context.getService(LogService.class);
        Consumer<String> warnings = log != null ? log::warn : w -> LOG.log(Level.WARNING, w);
        ImageJReader imageJ = new ImageJReader(warnings);
        IOService io = context == null ? null : context.getService(IOService.class);
        if (io == null) {
            return imageJ;
        }
        IOServiceImageReader viaService = new IOServiceImageReader(io, warnings);
        return file -> {
            ImageReader.requireReadableFile(file);
            if (!isDicom(file)) {
                return viaService.read(file);
            }
            try {
                return imageJ.read(file);
            } catch (ImageReadException e) {
                warnings.accept(e.getMessage() + "; trying the other format plugins, whose DICOM values are"
                        + " stored values without rescale slope/intercept");
                return viaService.read(file);
            }
        };
    }

    private static boolean isDicom(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".dcm") || name.endsWith(".dicom") || name.endsWith(".ima") || ImageFolder.isDicom(file);
    }
}
