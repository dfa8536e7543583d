package io.github.fijigan.io;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

import org.scijava.Priority;
import org.scijava.io.AbstractIOPlugin;
import org.scijava.io.IOPlugin;
import org.scijava.io.location.FileLocation;
import org.scijava.io.location.Location;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.TiffWriter;

/**
 * Opens TIFF, PNG, JPEG, BMP, GIF and uncompressed DICOM files as {@link ImagePlus} through
 * ImageJ1's Opener, and saves ImagePlus as TIFF, for SciJava's {@code IOService}.
 *
 * <p>Its priority is low on purpose: in Fiji, SCIFIO and Bio-Formats plugins rank higher and open
 * these files (and many more); in a plain SciJava context, e.g. the command line, this plugin is
 * what serves. Only local files are handled.
 *
 * <pre>{@code
 * try (Context context = new Context(IOService.class)) {
 *     ImagePlus imp = (ImagePlus) context.service(IOService.class).open("scan.tif");
 * }
 * }</pre>
 */
@Plugin(type = IOPlugin.class, priority = Priority.LOW)
public class IJ1ImageIOPlugin extends AbstractIOPlugin<ImagePlus> {

    @Override
    public Class<ImagePlus> getDataType() {
        return ImagePlus.class;
    }

    @Override
    public boolean supportsOpen(Location source) {
        return ImageJReader.EXTENSIONS.contains(extension(source)) && file(source) != null;
    }

    @Override
    public ImagePlus open(Location source) throws IOException {
        Path file = file(source);
        if (file == null) {
            throw new IOException("Cannot read " + source + ": ImageJ1's Opener reads local files only");
        }
        return new ImageJReader().open(file);
    }

    @Override
    public boolean supportsSave(Location destination) {
        String extension = extension(destination);
        return (extension.equals("tif") || extension.equals("tiff")) && file(destination) != null;
    }

    @Override
    public void save(ImagePlus data, Location destination) throws IOException {
        Path file = file(destination);
        if (file == null) {
            throw new IOException("Cannot write " + destination + ": only local files can be written");
        }
        TiffWriter.write(data, file);
    }

    /** @return the local file behind a location, or null when it is not one */
    static Path file(Location location) {
        if (location instanceof FileLocation fileLocation) {
            return fileLocation.getFile().toPath();
        }
        URI uri = location == null ? null : location.getURI();
        return uri != null && "file".equalsIgnoreCase(uri.getScheme()) ? Path.of(uri) : null;
    }

    private static String extension(Location location) {
        Path file = file(location);
        String name = file == null || file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
