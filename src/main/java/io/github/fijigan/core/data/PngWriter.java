package io.github.fijigan.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes 8-bit grey and 8-bit RGB PNG files with the JDK's {@link Deflater} and {@link CRC32}
 * only, so core can write sample grids and plots without AWT or ImageIO (absent or unwanted on
 * headless servers).
 *
 * <p>Each row is filtered with the one of PNG's five filters (None, Sub, Up, Average, Paeth) that
 * gives the smallest sum of absolute values, libpng's heuristic, and the data are compressed at
 * Deflater's default level. The file is written atomically: into a hidden temporary file in the
 * same folder, then moved over the target, so readers (a viewer refreshing a preview, a failed run)
 * never see half a PNG. On failure the temporary file is removed and any previous file is left
 * as it was.
 *
 * <pre>{@code
 * byte[] gray = new byte[width * height];                 // row by row, top row first
 * PngWriter.writeGray(run.resolve("mask.png"), width, height, gray);
 * byte[] rgb = new byte[3 * width * height];              // R, G, B of each pixel in turn
 * PngWriter.writeRgb(run.resolve("samples/epoch_001.png"), width, height, rgb);
 * }</pre>
 */
public final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int GRAY = 0;
    private static final int RGB = 2;

    private PngWriter() {
    }

    /**
     * @param pixels {@code width × height} grey values, rows top to bottom
     * @throws IllegalArgumentException when the sizes and the array do not agree (nothing is written)
     * @throws IOException when the file cannot be written; the message names it
     */
    public static void writeGray(Path file, int width, int height, byte[] pixels) throws IOException {
        write(file, width, height, pixels, 1, UnaryOperator.identity());
    }

    /**
     * @param rgbInterleaved {@code 3 × width × height} bytes: R, G, B of each pixel, rows top to bottom
     * @throws IllegalArgumentException when the sizes and the array do not agree (nothing is written)
     * @throws IOException when the file cannot be written; the message names it
     */
    public static void writeRgb(Path file, int width, int height, byte[] rgbInterleaved) throws IOException {
        write(file, width, height, rgbInterleaved, 3, UnaryOperator.identity());
    }

    /** @return the bytes of a PNG file of 1 (grey) or 3 (RGB) channels */
    static byte[] encode(int width, int height, byte[] pixels, int channels) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("PNG needs a positive size, got " + width + "x" + height);
        }
        long expected = (long) width * height * channels;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("a " + width + "x" + height + (channels == 1 ? " grey" : " RGB")
                    + " PNG needs " + expected + " bytes, got " + pixels.length);
        }
        if (((long) width * channels + 1) * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image of " + width + "x" + height + " is too large for one PNG buffer");
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per sample
        header[9] = (byte) (channels == 1 ? GRAY : RGB);
        // compression 0 (deflate), filter method 0 (adaptive), interlace 0 (none)
        chunk(png, "IHDR", header);
        chunk(png, "IDAT", deflate(RowFilter.filter(pixels, width * channels, height, channels)));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION); // zlib wrapper, as PNG requires
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
            byte[] buffer = new byte[65536];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        png.writeBytes(length);
        png.writeBytes(name);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        png.writeBytes(sum);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** Encodes and writes atomically through a stream wrapper (identity outside tests, which inject failures there). */
    static void write(Path file, int width, int height, byte[] pixels, int channels, UnaryOperator<OutputStream> wrap)
            throws IOException {
        AtomicFile.write(file, encode(width, height, pixels, channels), wrap);
    }
}
