package io.github.fijigan.core.infer;

import java.util.List;

import io.github.fijigan.core.tensor.LinearMap;
import io.github.fijigan.core.tensor.PlaneReader;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.view.Views;

/**
 * The network input of one image plane, read a tile at a time: its channels (one 2D plane each, or
 * one ARGB plane holding three) mapped to network units, mirrored past the image's edges.
 *
 * <p>Only the pixels a tile needs are read, so no float copy of the whole plane is ever made.
 *
 * <pre>{@code
 * TileSource source = TileSource.of(List.of(image.plane(0, z, t)), map.toNetwork(image.valueCalibration()));
 * float[] tile = new float[source.channels() * 512 * 512];
 * source.read(new Tile(0, 0, 0, 0, 512, 512), tile, 0);
 * }</pre>
 */
public final class TileSource {

    private final List<? extends RandomAccessibleInterval<?>> planes;
    private final LinearMap map;
    private final int width;
    private final int height;
    private final int channels;

    private TileSource(List<? extends RandomAccessibleInterval<?>> planes, LinearMap map) {
        this.planes = List.copyOf(planes);
        this.map = map;
        RandomAccessibleInterval<?> first = this.planes.get(0);
        this.width = Math.toIntExact(first.dimension(0));
        this.height = Math.toIntExact(first.dimension(1));
        int c = 0;
        for (RandomAccessibleInterval<?> p : this.planes) {
            if (p.numDimensions() != 2 || p.dimension(0) != width || p.dimension(1) != height) {
                throw new IllegalArgumentException("channel planes must be 2D and of one size " + width + "x" + height
                        + ", got " + java.util.Arrays.toString(p.dimensionsAsLongArray()));
            }
            c += PlaneReader.channels(p.getType());
        }
        this.channels = c;
    }

    /**
     * @param planes the channels' 2D (X, Y) planes, in channel order; an ARGB plane counts as three
     * @param map stored values to network units (normalisation and value calibration together)
     */
    public static TileSource of(List<? extends RandomAccessibleInterval<?>> planes, LinearMap map) {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("a tile source needs at least one channel plane");
        }
        return new TileSource(planes, map);
    }

    /** @return the plane's width */
    public int width() {
        return width;
    }

    /** @return the plane's height */
    public int height() {
        return height;
    }

    /** @return the network channels a tile has */
    public int channels() {
        return channels;
    }

    /**
     * Writes the tile's values to {@code dst} from {@code offset}: one block of {@code width * height}
     * floats per channel, rows of X. Positions past the image are mirrored ({@link Tiler#mirror}).
     */
    public void read(Tile tile, float[] dst, int offset) {
        int w = tile.width(), h = tile.height();
        int[] sx = sources(tile.x(), w, width);
        int[] sy = sources(tile.y(), h, height);
        int x0 = min(sx), x1 = max(sx), y0 = min(sy), y1 = max(sy);
        int rw = x1 - x0 + 1, rh = y1 - y0 + 1;
        int c = 0;
        for (RandomAccessibleInterval<?> plane : planes) {
            RandomAccessibleInterval<?> rect = Views.interval(plane, new FinalInterval(
                    new long[] {plane.min(0) + x0, plane.min(1) + y0}, new long[] {plane.min(0) + x1, plane.min(1) + y1}));
            int planeChannels = PlaneReader.channels(plane.getType());
            float[] values = PlaneReader.read(rect, map);
            for (int k = 0; k < planeChannels; k++, c++) {
                int from = k * rw * rh;
                int to = offset + c * w * h;
                for (int i = 0; i < h; i++) {
                    int row = from + (sy[i] - y0) * rw - x0;
                    int out = to + i * w;
                    for (int j = 0; j < w; j++) {
                        dst[out + j] = values[row + sx[j]];
                    }
                }
            }
        }
    }

    private static int[] sources(int start, int length, int size) {
        int[] s = new int[length];
        for (int i = 0; i < length; i++) {
            s[i] = Tiler.mirror((long) start + i, size);
        }
        return s;
    }

    private static int min(int[] a) {
        int m = a[0];
        for (int v : a) m = Math.min(m, v);
        return m;
    }

    private static int max(int[] a) {
        int m = a[0];
        for (int v : a) m = Math.max(m, v);
        return m;
    }
}
