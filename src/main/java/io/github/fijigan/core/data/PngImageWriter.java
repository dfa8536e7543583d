package io.github.fijigan.core.data;

import java.io.IOException;
import java.nio.file.Path;

import io.github.fijigan.core.image.CalibratedImage;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * Writes 8-bit gray and RGB images as PNG, without AWT, atomically. For other pixel types use a
 * TIFF writer: PNG cannot hold float or calibrated values.
 */
public final class PngImageWriter implements ImageWriter {

    @Override
    public void write(CalibratedImage<?> image, Path file) throws IOException {
        RandomAccessibleInterval<?> data = image.data();
        if (data.numDimensions() != 2) {
            throw new IllegalArgumentException(file + ": PNG holds one 2D plane, the image has " + data.numDimensions() + " dimensions");
        }
        int w = Math.toIntExact(data.dimension(0));
        int h = Math.toIntExact(data.dimension(1));
        Object type = data.getType();
        if (type instanceof UnsignedByteType) {
            byte[] pixels = new byte[w * h];
            int i = 0;
            for (Cursor<?> c = Views.flatIterable(data).cursor(); c.hasNext(); ) {
                pixels[i++] = (byte) ((UnsignedByteType) c.next()).get();
            }
            PngWriter.writeGray(file, w, h, pixels);
        } else if (type instanceof ARGBType) {
            byte[] rgb = new byte[3 * w * h];
            int i = 0;
            for (Cursor<?> c = Views.flatIterable(data).cursor(); c.hasNext(); ) {
                int v = ((ARGBType) c.next()).get();
                rgb[i++] = (byte) (v >> 16);
                rgb[i++] = (byte) (v >> 8);
                rgb[i++] = (byte) v;
            }
            PngWriter.writeRgb(file, w, h, rgb);
        } else {
            throw new IllegalArgumentException(file + ": PNG holds 8-bit gray or RGB images, not " + type.getClass().getSimpleName()
                    + "; write TIFF instead");
        }
    }

    @Override
    public String extension() {
        return "png";
    }
}
