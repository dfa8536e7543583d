package io.github.fijigan.ij;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

import io.github.fijigan.core.data.ImageWriter;
import io.github.fijigan.core.data.PngImageWriter;
import io.github.fijigan.core.image.CalibratedImage;

/**
 * The file format generated samples are written in, by their pixel type: PNG for 8-bit and RGB
 * (what most training pipelines read), ImageJ TIFF with calibration for 16-bit, signed and float
 * samples, which PNG cannot hold. The command line, the Fiji command and the macro functions all
 * pass {@link #BY_OUTPUT_TYPE} to {@code GenerateJob.writers}, so they write the same files.
 *
 * <pre>{@code
 * GenerateJob.create(model, out, 100).writers(SampleWriters.BY_OUTPUT_TYPE);
 * }</pre>
 */
public final class SampleWriters {

    /** PNG for {@code uint8} and {@code rgb}, TIFF for every other pixel type. */
    public static final Function<String, ImageWriter> BY_OUTPUT_TYPE =
            type -> type.equals("uint8") || type.equals("rgb") ? new PngImageWriter() : new Tiff();

    private SampleWriters() {
    }

    /** {@link TiffWriter} as an {@link ImageWriter}. */
    public static ImageWriter tiff() {
        return new Tiff();
    }

    private static final class Tiff implements ImageWriter {

        @Override
        public void write(CalibratedImage<?> image, Path file) throws IOException {
            TiffWriter.write(image, file);
        }

        @Override
        public String extension() {
            return "tif";
        }
    }
}
