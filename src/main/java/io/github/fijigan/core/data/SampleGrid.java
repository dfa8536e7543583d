package io.github.fijigan.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Writes a batch of network images as one PNG contact sheet, the way GAN runs show their samples
 * ({@code samples/epoch_NNN.png}).
 *
 * <p>The layout is torchvision's {@code make_grid(padding=2, pad_value=0)}: tiles sit left to
 * right, top to bottom, with a black gap of {@value #GAP} pixels between them and around the
 * border, so a grid of r rows and c columns of W × H tiles is {@code c(W + 2) + 2} pixels wide and
 * {@code r(H + 2) + 2} high. Values in [-1, 1] become 8-bit as {@code round((x + 1) / 2 × 255)},
 * clamped to 0..255 (NaN gives 0). One channel makes a grey PNG, three an RGB PNG.
 *
 * <pre>{@code
 * SampleGrid.write(run.resolve("samples/epoch_005.png"), generated, 8);      // (64, 1, 32, 32): 8 x 8 tiles
 * SampleGrid.write(run.resolve("samples/epoch_005.png"), List.of(circles, squares)); // AC-GAN: a row per class
 * }</pre>
 */
public final class SampleGrid {

    /** Pixels between tiles and around the border. */
    public static final int GAP = 2;

    private SampleGrid() {
    }

    /**
     * @param images (N, C, H, W) in [-1, 1], C 1 or 3, on any device and of any float type
     * @param columns tiles per row; fewer images than columns make one row of N tiles
     * @throws IOException when the file cannot be written (nothing half-written is left)
     */
    public static void write(Path png, NDArray images, int columns) throws IOException {
        if (columns < 1) {
            throw new IllegalArgumentException("a sample grid needs at least 1 column, got " + columns);
        }
        Shape shape = checkShape(images, "images");
        int n = Math.toIntExact(shape.get(0));
        if (n == 0) {
            throw new IllegalArgumentException("no images to put in a sample grid");
        }
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        Canvas canvas = new Canvas(shape, rows, cols);
        float[] values = floats(images);
        for (int i = 0; i < n; i++) {
            canvas.put(values, i, i / cols, i % cols);
        }
        canvas.write(png);
    }

    /**
     * One grid row per array, e.g. one class of a class-conditional GAN per row.
     *
     * @param rows arrays of (N_r, C, H, W) in [-1, 1], all with the same C, H and W; the grid is as
     *     wide as the longest row, shorter rows end in gap colour
     * @throws IOException when the file cannot be written
     */
    public static void write(Path png, List<NDArray> rows) throws IOException {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows to put in a sample grid");
        }
        Shape first = checkShape(rows.get(0), "row 0");
        int cols = 0;
        for (int r = 0; r < rows.size(); r++) {
            Shape s = checkShape(rows.get(r), "row " + r);
            if (s.get(1) != first.get(1) || s.get(2) != first.get(2) || s.get(3) != first.get(3)) {
                throw new IllegalArgumentException("sample grid rows must share channels and size: row 0 is " + first
                        + ", row " + r + " is " + s);
            }
            cols = Math.max(cols, Math.toIntExact(s.get(0)));
        }
        if (cols == 0) {
            throw new IllegalArgumentException("no images to put in a sample grid: every row is empty");
        }
        Canvas canvas = new Canvas(first, rows.size(), cols);
        for (int r = 0; r < rows.size(); r++) {
            float[] values = floats(rows.get(r));
            int n = Math.toIntExact(rows.get(r).getShape().get(0));
            for (int i = 0; i < n; i++) {
                canvas.put(values, i, r, i);
            }
        }
        canvas.write(png);
    }

    /** @return the 8-bit value of a network value in [-1, 1] */
    static int toByte(float x) {
        long v = Math.round((x + 1.0) * 127.5);
        return (int) Math.max(0, Math.min(255, v));
    }

    private static Shape checkShape(NDArray images, String what) {
        Shape shape = images.getShape();
        if (shape.dimension() != 4 || (shape.get(1) != 1 && shape.get(1) != 3)) {
            throw new IllegalArgumentException("sample grid " + what + " must be (N, C, H, W) with C 1 or 3, got " + shape);
        }
        return shape;
    }

    private static float[] floats(NDArray images) {
        if (images.getDataType() == DataType.FLOAT32) {
            return images.toFloatArray();
        }
        try (NDArray f = images.toType(DataType.FLOAT32, false)) {
            return f.toFloatArray();
        }
    }

    /** The grid's pixels, interleaved as the PNG wants them, gap pixels 0. */
    private static final class Canvas {
        final int channels, height, width, gridWidth, gridHeight;
        final byte[] pixels;

        Canvas(Shape tile, int rows, int cols) {
            channels = Math.toIntExact(tile.get(1));
            height = Math.toIntExact(tile.get(2));
            width = Math.toIntExact(tile.get(3));
            gridWidth = Math.addExact(Math.multiplyExact(cols, width + GAP), GAP);
            gridHeight = Math.addExact(Math.multiplyExact(rows, height + GAP), GAP);
            pixels = new byte[Math.multiplyExact(Math.multiplyExact(gridWidth, gridHeight), channels)];
        }

        /** Copies image {@code index} of a CHW float array into the tile at (row, col). */
        void put(float[] values, int index, int row, int col) {
            int plane = width * height;
            int base = index * channels * plane;
            int x0 = GAP + col * (width + GAP);
            int y0 = GAP + row * (height + GAP);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int at = ((y0 + y) * gridWidth + x0 + x) * channels;
                    for (int c = 0; c < channels; c++) {
                        pixels[at + c] = (byte) toByte(values[base + c * plane + y * width + x]);
                    }
                }
            }
        }

        void write(Path png) throws IOException {
            if (channels == 1) {
                PngWriter.writeGray(png, gridWidth, gridHeight, pixels);
            } else {
                PngWriter.writeRgb(png, gridWidth, gridHeight, pixels);
            }
        }
    }
}
