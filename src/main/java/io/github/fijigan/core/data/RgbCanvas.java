package io.github.fijigan.core.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An RGB raster to draw plots on: pixels, lines, rectangles and 5 × 7 text, all clipped to the canvas.
 * Used by {@link LossPlot} and by other plots outside this package (e.g. the augmentation-benefit
 * bar chart), so every plot of the project looks alike and none needs AWT.
 *
 * <pre>{@code
 * RgbCanvas canvas = new RgbCanvas(320, 200, 0xffffff);
 * canvas.line(10, 190, 310, 190, 0x202020);
 * canvas.text(10, 10, "ACCURACY", 0x202020);
 * canvas.write(Path.of("plot.png"));
 * }</pre>
 */
public final class RgbCanvas {

    private final int width;
    private final int height;
    private final byte[] rgb;

    /** A canvas filled with one colour (0xRRGGBB). */
    public RgbCanvas(int width, int height, int background) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("canvas needs a positive size, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.rgb = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        fill(0, 0, width, height, background);
    }

    /** @return the width in pixels */
    public int width() {
        return width;
    }

    /** @return the height in pixels */
    public int height() {
        return height;
    }

    /** @return the colour at (x, y) as 0xRRGGBB */
    public int get(int x, int y) {
        int at = (y * width + x) * 3;
        return (rgb[at] & 0xff) << 16 | (rgb[at + 1] & 0xff) << 8 | (rgb[at + 2] & 0xff);
    }

    /** Sets one pixel; outside the canvas nothing happens. */
    public void set(int x, int y, int colour) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int at = (y * width + x) * 3;
        rgb[at] = (byte) (colour >> 16);
        rgb[at + 1] = (byte) (colour >> 8);
        rgb[at + 2] = (byte) colour;
    }

    /** Fills the rectangle [x, x + w) × [y, y + h). */
    public void fill(int x, int y, int w, int h, int colour) {
        for (int j = Math.max(0, y); j < Math.min(height, y + h); j++) {
            for (int i = Math.max(0, x); i < Math.min(width, x + w); i++) {
                set(i, j, colour);
            }
        }
    }

    /** Draws a one-pixel line with both ends included (Bresenham). */
    public void line(int x0, int y0, int x1, int y1, int colour) {
        int dx = Math.abs(x1 - x0), dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        while (true) {
            set(x0, y0, colour);
            if (x0 == x1 && y0 == y1) {
                return;
            }
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x0 += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y0 += sy;
            }
        }
    }

    /** Draws text with its top-left corner at (x, y) in {@link PixelFont}. */
    public void text(int x, int y, String text, int colour) {
        for (int k = 0; k < text.length(); k++) {
            int[] rows = PixelFont.rows(text.charAt(k));
            int left = x + k * PixelFont.ADVANCE;
            for (int r = 0; r < PixelFont.HEIGHT; r++) {
                for (int c = 0; c < PixelFont.WIDTH; c++) {
                    if ((rows[r] >> (PixelFont.WIDTH - 1 - c) & 1) != 0) {
                        set(left + c, y + r, colour);
                    }
                }
            }
        }
    }

    /** Copies another canvas onto this one with its top-left corner at (x, y), clipped to this canvas. */
    void paste(RgbCanvas other, int x, int y) {
        for (int j = 0; j < other.height; j++) {
            for (int i = 0; i < other.width; i++) {
                set(x + i, y + j, other.get(i, j));
            }
        }
    }

    /** Writes the canvas as an RGB PNG, atomically. */
    public void write(Path png) throws IOException {
        PngWriter.writeRgb(png, width, height, rgb);
    }
}
