package io.github.fijigan.core.infer;

/**
 * The weights with which overlapping tiles are averaged: separable, a raised cosine across each
 * overlap between neighbours, flat (1) in the middle of a tile and at image borders.
 *
 * <p>Across an overlap of {@code overlap} pixels between a tile and its neighbour, the first {@link
 * #margin()} pixels belong to the tile alone and the last {@code margin} pixels to the neighbour
 * alone; in between the neighbour's weight rises as {@code sin²} while the tile's falls as {@code
 * cos²}, so the two always sum to 1 and no seam shows. A tile's edge facing a neighbour therefore
 * has weight 0 for {@code margin} pixels: those pixels saw the network's zero or reflection
 * padding instead of the real neighbourhood, and a network whose boundary effect reaches no further
 * than {@code margin} pixels gives exactly its whole-image result. An edge at the image border keeps
 * weight 1, as nothing else covers it.
 *
 * <pre>{@code
 * BlendWindow window = new BlendWindow(32);   // margin 8, cosine ramp over the middle 16 pixels
 * float[] wx = window.weights(512, -1, 480);  // first column of tiles: left edge at the border
 * }</pre>
 */
public final class BlendWindow {

    private final int overlap;
    private final int margin;

    /** @param overlap pixels shared by neighbouring tiles, at least 0; the margin is a quarter of it */
    public BlendWindow(int overlap) {
        if (overlap < 0) {
            throw new IllegalArgumentException("tile overlap must be at least 0, got " + overlap);
        }
        this.overlap = overlap;
        this.margin = overlap / 4;
    }

    /** @return pixels shared by neighbouring tiles */
    public int overlap() {
        return overlap;
    }

    /** @return pixels at each edge of an overlap that only one of the two tiles contributes */
    public int margin() {
        return margin;
    }

    /**
     * The weight of the later of two neighbouring tiles, {@code d} pixels into their overlap: 0 in
     * the first {@link #margin()} pixels, 1 in the last, a raised cosine between. The earlier tile
     * weighs {@code 1 - rise(d)}.
     */
    public double rise(int d) {
        if (d < margin) {
            return 0;
        }
        int ramp = overlap - 2 * margin;
        if (d >= margin + ramp) {
            return 1;
        }
        double s = Math.sin(0.5 * Math.PI * (d - margin + 0.5) / ramp);
        return s * s;
    }

    /**
     * The weights along one axis of a tile.
     *
     * @param length the tile's length
     * @param leftZone where, from the tile's start, its overlap with the previous tile starts; -1
     *     when its start is the image border
     * @param rightZone where its overlap with the next tile starts; -1 when its end is the image border
     * @return {@code length} weights in [0, 1]
     */
    public float[] weights(int length, int leftZone, int rightZone) {
        if (leftZone > length || rightZone > length || (rightZone >= 0 && rightZone + overlap > length)) {
            throw new IllegalArgumentException("overlap zones at " + leftZone + " and " + rightZone + " do not fit a tile of "
                    + length + " with an overlap of " + overlap);
        }
        float[] w = new float[length];
        for (int i = 0; i < length; i++) {
            double v = 1;
            if (leftZone >= 0) {
                v = i < leftZone ? 0 : rise(i - leftZone);
            }
            if (rightZone >= 0 && i >= rightZone) {
                v *= 1 - rise(i - rightZone);
            }
            w[i] = (float) v;
        }
        return w;
    }

    @Override
    public String toString() {
        return "BlendWindow[overlap " + overlap + ", margin " + margin + "]";
    }
}
