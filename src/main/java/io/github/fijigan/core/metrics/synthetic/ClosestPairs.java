package io.github.fijigan.core.metrics.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.github.fijigan.core.data.PixelFont;
import io.github.fijigan.core.data.RgbCanvas;

/**
 * Draws pairs of images side by side, one pair a row, with a few lines of text beside each: the
 * synthetic images most like a real one next to that real image, so a user sees at a glance
 * whether the GAN copied training images. Images are in network units ([-1, 1] shown black to
 * white); 3 channels are drawn as RGB, any other count as grey from the first channel. Images
 * smaller than 64 pixels are enlarged by a whole factor (nearest neighbour) to stay visible.
 *
 * <pre>{@code
 * ClosestPairs.write(out.resolve("closest_pairs.png"), List.of(
 *         new ClosestPairs.Pair(synthetic, real, List.of("1. circle/sample_00007.png", "real circle/circle_012.png", "rmse 0.0"))),
 *         1, 32);
 * }</pre>
 */
public final class ClosestPairs {

    static final int BACKGROUND = 0xffffff;
    static final int INK = 0x202020;
    static final int MARGIN = 6;
    static final int GAP = 4;

    /**
     * One row.
     *
     * @param synthetic the left image, C planes of S × S in network units
     * @param real the right image, alike
     * @param lines text beside the pair, top to bottom (drawn in capitals)
     */
    public record Pair(float[] synthetic, float[] real, List<String> lines) {

        public Pair {
            Objects.requireNonNull(synthetic, "synthetic");
            Objects.requireNonNull(real, "real");
            lines = List.copyOf(lines);
        }
    }

    private ClosestPairs() {}

    /**
     * @param channels C of every image
     * @param size S of every image
     * @throws IllegalArgumentException when there are no pairs or an image has the wrong length
     * @throws IOException when the file cannot be written (nothing half-written is left)
     */
    public static void write(Path png, List<Pair> pairs, int channels, int size) throws IOException {
        render(pairs, channels, size).write(png);
    }

    static RgbCanvas render(List<Pair> pairs, int channels, int size) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no image pairs to draw");
        }
        int scale = scale(size);
        int side = size * scale;
        int textWidth = PixelFont.width("NEAREST REAL");
        int lineHeight = PixelFont.HEIGHT + 3;
        for (Pair p : pairs) {
            check(p.synthetic(), channels, size);
            check(p.real(), channels, size);
            for (String line : p.lines()) {
                textWidth = Math.max(textWidth, PixelFont.width(PixelFont.displayed(line)));
            }
        }
        int rowHeight = Math.max(side, pairs.stream().mapToInt(p -> p.lines().size()).max().orElse(0) * lineHeight);
        int header = MARGIN + PixelFont.HEIGHT + GAP;
        int width = MARGIN + side + GAP + side + 2 * GAP + textWidth + MARGIN;
        int height = header + pairs.size() * (rowHeight + GAP) - GAP + MARGIN;
        RgbCanvas canvas = new RgbCanvas(width, height, BACKGROUND);
        canvas.text(MARGIN, MARGIN, "SYNTHETIC", INK);
        canvas.text(MARGIN + side + GAP, MARGIN, "NEAREST REAL", INK);
        for (int r = 0; r < pairs.size(); r++) {
            int y = header + r * (rowHeight + GAP);
            Pair p = pairs.get(r);
            drawImage(canvas, p.synthetic(), channels, size, scale, MARGIN, y);
            drawImage(canvas, p.real(), channels, size, scale, MARGIN + side + GAP, y);
            for (int l = 0; l < p.lines().size(); l++) {
                canvas.text(MARGIN + 2 * side + 3 * GAP, y + l * lineHeight, PixelFont.displayed(p.lines().get(l)), INK);
            }
        }
        return canvas;
    }

    /** @return the whole enlargement factor that brings an image to at least 64 pixels (1 for 64 and more) */
    static int scale(int size) {
        return size >= 64 ? 1 : (64 + size - 1) / size;
    }

    private static void drawImage(RgbCanvas canvas, float[] pixels, int channels, int size, int scale, int x0, int y0) {
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int at = y * size + x;
                int colour;
                if (channels == 3) {
                    colour = toByte(pixels[at]) << 16 | toByte(pixels[plane + at]) << 8 | toByte(pixels[2 * plane + at]);
                } else {
                    int v = toByte(pixels[at]);
                    colour = v << 16 | v << 8 | v;
                }
                canvas.fill(x0 + x * scale, y0 + y * scale, scale, scale, colour);
            }
        }
    }

    /** @return a network value in [-1, 1] as 0..255, rounded, clamped */
    static int toByte(float x) {
        long v = Math.round((x + 1) * 127.5);
        return (int) Math.max(0, Math.min(255, v));
    }

    private static void check(float[] image, int channels, int size) {
        if (image.length != channels * size * size) {
            throw new IllegalArgumentException("an image of " + image.length + " values is not " + channels + " x " + size + " x " + size);
        }
    }
}
