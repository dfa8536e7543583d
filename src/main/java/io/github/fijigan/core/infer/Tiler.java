package io.github.fijigan.core.infer;

/**
 * Cuts images into tiles a network can take: tile size and overlap rounded up to the network's size
 * multiple, and a {@link TilePlan} per image size.
 *
 * <pre>{@code
 * Tiler tiler = new Tiler(512, 32, 4);          // a ResNet generator needs multiples of 4
 * TilePlan plan = tiler.plan(2000, 1500);       // 4 x 3 tiles of 512 x 512
 * TilePlan small = tiler.plan(37, 53);          // one tile of 40 x 56, cropped back to 37 x 53
 * }</pre>
 */
public final class Tiler {

    private final int tileSize;
    private final int overlap;
    private final int multiple;

    /**
     * @param tileSize the largest tile side, at least 1; rounded up to a multiple of {@code multiple}
     * @param overlap pixels neighbouring tiles share, at least 0; rounded up to a multiple of {@code multiple}
     * @param multiple the network's size multiple, at least 1
     * @throws IllegalArgumentException when a value is out of range or the rounded overlap is more
     *     than half the rounded tile
     */
    public Tiler(int tileSize, int overlap, int multiple) {
        if (multiple < 1) {
            throw new IllegalArgumentException("network size multiple must be at least 1, got " + multiple);
        }
        if (tileSize < 1) {
            throw new IllegalArgumentException("tile size must be at least 1, got " + tileSize);
        }
        if (overlap < 0) {
            throw new IllegalArgumentException("tile overlap must be at least 0, got " + overlap);
        }
        long tile = AxisTiling.roundUp(tileSize, multiple);
        long over = AxisTiling.roundUp(overlap, multiple);
        if (tile > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tile size " + tileSize + " rounded up to a multiple of " + multiple + " overflows");
        }
        if (2 * over > tile) {
            throw new IllegalArgumentException("tile overlap " + overlap + (over != overlap ? " (" + over + " as a multiple of " + multiple + ")" : "")
                    + " must be at most half the tile size " + tileSize + (tile != tileSize ? " (" + tile + " as a multiple of " + multiple + ")" : "")
                    + "; choose a larger tile or a smaller overlap");
        }
        this.tileSize = (int) tile;
        this.overlap = (int) over;
        this.multiple = multiple;
    }

    /** @return the tile side, a multiple of {@link #multiple()} */
    public int tileSize() {
        return tileSize;
    }

    /** @return the overlap of neighbouring tiles, a multiple of {@link #multiple()} */
    public int overlap() {
        return overlap;
    }

    /** @return the network's size multiple */
    public int multiple() {
        return multiple;
    }

    /**
     * @return the tiles covering a {@code width} x {@code height} image; an image smaller than a tile
     *     gets one tile of its own size padded up to the multiple
     * @throws IllegalArgumentException for an empty image or one too large to address with int indices
     */
    public TilePlan plan(long width, long height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("cannot tile an empty image of " + width + "x" + height + " pixels");
        }
        if (width > Integer.MAX_VALUE - multiple || height > Integer.MAX_VALUE - multiple) {
            throw new IllegalArgumentException("image of " + width + "x" + height + " pixels is too large to tile");
        }
        return new TilePlan(AxisTiling.of((int) width, tileSize, overlap, multiple),
                AxisTiling.of((int) height, tileSize, overlap, multiple), new BlendWindow(overlap));
    }

    /**
     * The source index for a position along an axis of {@code length} pixels: positions past the
     * ends are mirrored without repeating the edge pixel (as PyTorch's reflection padding), periodically
     * when the padding is longer than the image; an axis of one pixel repeats it.
     */
    public static int mirror(long position, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("cannot mirror into an empty axis");
        }
        if (length == 1) {
            return 0;
        }
        long period = 2L * (length - 1);
        long k = Math.floorMod(position, period);
        return (int) (k < length ? k : period - k);
    }

    @Override
    public String toString() {
        return "Tiler[tile " + tileSize + ", overlap " + overlap + ", multiple " + multiple + "]";
    }
}
