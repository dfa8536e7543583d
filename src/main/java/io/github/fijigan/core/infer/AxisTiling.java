package io.github.fijigan.core.infer;

import java.util.Arrays;

/**
 * How one axis of an image is cut into tiles: the length padded up to the network's multiple, the
 * tile length, where tiles start, and where each pair of neighbours blends.
 *
 * <p>Tiles start at multiples of the network's size multiple, so that a network that down-samples
 * sees every tile on the same sampling grid as the whole image would. They step by {@code tile -
 * overlap}; the last one is pulled back to end at the padded length, so no tile reaches past it.
 * Neighbours {@code i} and {@code i+1} blend over {@code [end(i) - overlap, end(i))}, which lies in
 * both of them; for a pulled-back last tile that is the right end of a larger overlap, so every
 * blend zone is {@code overlap} long and zones never meet (the tile is at least twice the overlap).
 */
final class AxisTiling {

    private final int length;
    private final int padded;
    private final int tile;
    private final int overlap;
    private final int[] starts;

    private AxisTiling(int length, int padded, int tile, int overlap, int[] starts) {
        this.length = length;
        this.padded = padded;
        this.tile = tile;
        this.overlap = overlap;
        this.starts = starts;
    }

    /**
     * @param length the image's length, at least 1
     * @param tile the largest tile length, a positive multiple of {@code multiple}
     * @param overlap a multiple of {@code multiple}, at most half the tile
     * @param multiple the network's size multiple, at least 1
     */
    static AxisTiling of(int length, int tile, int overlap, int multiple) {
        if (length < 1) {
            throw new IllegalArgumentException("image length must be at least 1, got " + length);
        }
        long paddedLong = roundUp(length, multiple);
        if (paddedLong > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("image length " + length + " padded to a multiple of " + multiple + " overflows");
        }
        int padded = (int) paddedLong;
        if (padded <= tile) {
            // One tile: the whole (padded) image, so a small image costs no more than itself.
            return new AxisTiling(length, padded, padded, overlap, new int[] {0});
        }
        int stride = tile - overlap;
        int[] starts = new int[(padded - overlap + stride - 1) / stride + 1];
        int n = 0;
        int s = 0;
        while (true) {
            starts[n++] = s;
            if (s + tile >= padded) {
                break;
            }
            s = Math.min(s + stride, padded - tile);
        }
        return new AxisTiling(length, padded, tile, overlap, Arrays.copyOf(starts, n));
    }

    static long roundUp(long value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** @return the image's length */
    int length() {
        return length;
    }

    /** @return the length padded up to the network's multiple */
    int padded() {
        return padded;
    }

    /** @return the tiles' length along this axis */
    int tile() {
        return tile;
    }

    /** @return the number of tiles along this axis */
    int count() {
        return starts.length;
    }

    /** @return where tile {@code i} starts */
    int start(int i) {
        return starts[i];
    }

    /**
     * @return the offset, from tile {@code i}'s start, of the zone where it blends with tile {@code
     *     i-1}; -1 for the first tile, whose left edge is the image border
     */
    int leftZone(int i) {
        return i == 0 ? -1 : starts[i - 1] + tile - overlap - starts[i];
    }

    /** @return the offset of the zone where tile {@code i} blends with tile {@code i+1}; -1 for the last tile */
    int rightZone(int i) {
        return i == starts.length - 1 ? -1 : tile - overlap;
    }

    @Override
    public String toString() {
        return "length " + length + " padded " + padded + ", tiles of " + tile + " at " + Arrays.toString(starts);
    }
}
