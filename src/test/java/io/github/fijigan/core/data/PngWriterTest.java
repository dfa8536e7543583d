package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Inflater;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;

/** PNGs read back bit-exactly by ImageJ1 and ImageIO; a failed write leaves nothing behind. */
class PngWriterTest {

    @TempDir
    Path dir;

    /** Random noise, smooth ramps and flat areas, so that every row filter gets chosen somewhere. */
    private static byte[] pixels(int width, int height, int channels, long seed) {
        Random random = new Random(seed);
        byte[] px = new byte[width * height * channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    int v = switch ((y / 3) % 5) {
                        case 0 -> random.nextInt(256);             // noise
                        case 1 -> 7 * x + c * 40;                  // horizontal ramp: Sub
                        case 2 -> 50 + c;                          // flat
                        case 3 -> 3 * y + 5 * c + (x % 2);         // vertical structure: Up
                        default -> (int) (100 + 60 * Math.sin(x * 0.3 + y * 0.2 + c)) + random.nextInt(3);
                    };
                    px[(y * width + x) * channels + c] = (byte) v;
                }
            }
        }
        return px;
    }

    @Test
    void grayReadsBackExactlyAtOddSizes() throws IOException {
        for (int[] size : new int[][] {{1, 1}, {7, 5}, {33, 17}, {1, 40}, {101, 3}}) {
            int w = size[0], h = size[1];
            byte[] px = pixels(w, h, 1, w * 31L + h);
            Path file = dir.resolve("gray_" + w + "x" + h + ".png");
            PngWriter.writeGray(file, w, h, px);

            ImagePlus imp = IJ.openImage(file.toString());
            assertEquals(ImagePlus.GRAY8, imp.getType(), file.toString());
            assertEquals(w, imp.getWidth());
            assertEquals(h, imp.getHeight());
            assertArrayEquals(px, (byte[]) imp.getProcessor().getPixels(), file.toString());

            Raster raster = ImageIO.read(file.toFile()).getRaster();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertEquals(px[y * w + x] & 0xff, raster.getSample(x, y, 0), "ImageIO " + file + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void rgbReadsBackExactlyWithChannelsInOrder() throws IOException {
        for (int[] size : new int[][] {{1, 1}, {5, 9}, {31, 29}}) {
            int w = size[0], h = size[1];
            byte[] px = pixels(w, h, 3, w * 131L + h);
            Path file = dir.resolve("rgb_" + w + "x" + h + ".png");
            PngWriter.writeRgb(file, w, h, px);

            ImagePlus imp = IJ.openImage(file.toString());
            assertEquals(ImagePlus.COLOR_RGB, imp.getType());
            int[] argb = (int[]) imp.getProcessor().getPixels();
            BufferedImage image = ImageIO.read(file.toFile());
            for (int i = 0; i < w * h; i++) {
                int expected = (px[3 * i] & 0xff) << 16 | (px[3 * i + 1] & 0xff) << 8 | (px[3 * i + 2] & 0xff);
                assertEquals(expected, argb[i] & 0xffffff, "ImageJ " + file + " pixel " + i);
                assertEquals(expected, image.getRGB(i % w, i / w) & 0xffffff, "ImageIO " + file + " pixel " + i);
            }
        }
    }

    @Test
    void allFiveRowFiltersAreUsedAndTheChunksAreWellFormed() throws Exception {
        byte[] png = PngWriter.encode(64, 60, pixels(64, 60, 3, 5), 3);
        ByteBuffer buffer = ByteBuffer.wrap(png);
        byte[] signature = new byte[8];
        buffer.get(signature);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, signature);
        List<String> chunks = new java.util.ArrayList<>();
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        while (buffer.hasRemaining()) {
            int length = buffer.getInt();
            byte[] typeAndData = new byte[4 + length];
            buffer.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            assertEquals((int) crc.getValue(), buffer.getInt(), "CRC");
            String type = new String(typeAndData, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
            chunks.add(type);
            if (type.equals("IHDR")) {
                assertArrayEquals(new byte[] {0, 0, 0, 64, 0, 0, 0, 60, 8, 2, 0, 0, 0}, java.util.Arrays.copyOfRange(typeAndData, 4, 17));
            } else if (type.equals("IDAT")) {
                idat.write(typeAndData, 4, length);
            }
        }
        assertEquals(List.of("IHDR", "IDAT", "IEND"), chunks);
        Inflater inflater = new Inflater();
        inflater.setInput(idat.toByteArray());
        byte[] raw = new byte[60 * (64 * 3 + 1)];
        assertEquals(raw.length, inflater.inflate(raw));
        assertTrue(inflater.finished());
        inflater.end();
        TreeSet<Integer> filters = new TreeSet<>();
        for (int y = 0; y < 60; y++) {
            filters.add((int) raw[y * (64 * 3 + 1)]);
        }
        assertEquals(new TreeSet<>(List.of(0, 1, 2, 3, 4)), filters, "row filters chosen");
    }

    @Test
    void paethPredictorFollowsTheSpecification() {
        // p = a + b - c; the nearest of a, b, c to p wins, ties going to a, then b.
        assertEquals(15, RowFilter.paeth(10, 20, 15));  // p=15: pa=5, pb=5, pc=0
        assertEquals(20, RowFilter.paeth(10, 20, 10));  // p=20: pa=10, pb=0, pc=10
        assertEquals(20, RowFilter.paeth(20, 10, 10));  // p=20: pa=0
        assertEquals(0, RowFilter.paeth(10, 0, 20));    // p=-10: pa=20, pb=10, pc=30
        assertEquals(10, RowFilter.paeth(10, 30, 30));  // p=10: pa=0, pb=20, pc=20
    }

    @Test
    void aStreamFailingMidwayLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("samples.png");
        byte[] first = pixels(20, 10, 1, 1);
        PngWriter.writeGray(file, 20, 10, first);
        byte[] previous = Files.readAllBytes(file);

        IOException e = assertThrows(IOException.class,
                () -> PngWriter.write(file, 20, 10, pixels(20, 10, 1, 2), 1, out -> new FailAfter(out, 30)));
        assertEquals("Cannot write " + file + ": disk full (injected after 30 bytes)", e.getMessage());
        assertArrayEquals(previous, Files.readAllBytes(file));
        assertEquals(List.of("samples.png"), folder());
    }

    @Test
    void aFailureWithoutPreviousFileLeavesNothing() {
        Path file = dir.resolve("new.png");
        assertThrows(IOException.class, () -> PngWriter.write(file, 3, 3, new byte[9], 1, out -> new FailAfter(out, 0)));
        assertEquals(List.of(), folderQuietly());
    }

    @Test
    void badTargetsAndSizesAreRefusedWithoutWriting() throws IOException {
        Files.createDirectory(dir.resolve("taken.png"));
        IOException folder = assertThrows(IOException.class, () -> PngWriter.writeGray(dir.resolve("taken.png"), 1, 1, new byte[1]));
        assertEquals("Cannot write " + dir.resolve("taken.png") + ": it is a folder", folder.getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> PngWriter.writeGray(dir.resolve("no/such/x.png"), 1, 1, new byte[1]));
        assertTrue(missing.getMessage().endsWith("does not exist"), missing.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> PngWriter.writeRgb(dir.resolve("x.png"), 2, 2, new byte[11]));
        assertEquals("a 2x2 RGB PNG needs 12 bytes, got 11", size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PngWriter.writeGray(dir.resolve("x.png"), 0, 2, new byte[0]));
        assertEquals(List.of("taken.png"), folder());
    }

    private List<String> folder() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> folderQuietly() {
        try {
            return folder();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Passes {@code limit} bytes through, then fails like a full disk. */
    private static final class FailAfter extends FilterOutputStream {
        private final int limit;
        private int written;

        FailAfter(OutputStream out, int limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int room = Math.max(0, limit - written);
            out.write(b, off, Math.min(room, len));
            written += Math.min(room, len);
            if (len > room) {
                throw new IOException("disk full (injected after " + limit + " bytes)");
            }
        }
    }
}
