package io.github.fijigan.core.stain;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.fijigan.core.data.PngImageWriter;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.view.Views;

/**
 * Tiles of the IHC slide {@code test-data/histology/ihc.png} (512 × 512 RGB) for the colorizer
 * tests: its left half is the target stain's data, its right half the held-out source; colour
 * statistics and grey versions of ARGB pixels.
 */
final class StainTiles {

    static final int SIDE = 512;
    private final int[] argb;

    private StainTiles(int[] argb) {
        this.argb = argb;
    }

    static StainTiles ihc() throws Exception {
        CalibratedImage<?> image = new ImageJReader().read(Path.of("test-data/histology/ihc.png"));
        int[] argb = new int[SIDE * SIDE];
        int i = 0;
        for (Cursor<?> c = Views.flatIterable(image.data()).cursor(); c.hasNext(); ) {
            argb[i++] = ((ARGBType) c.next()).get();
        }
        if (i != argb.length) {
            throw new IllegalStateException("ihc.png is not " + SIDE + "x" + SIDE);
        }
        return new StainTiles(argb);
    }

    /** @return the {@code w × h} window at (x, y), its channels permuted: out (R, G, B) = in (c[0], c[1], c[2]) */
    int[] window(int x, int y, int w, int h, int... order) {
        int[] out = new int[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int v = argb[(y + r) * SIDE + x + c];
                int[] rgb = {(v >> 16) & 255, (v >> 8) & 255, v & 255};
                out[r * w + c] = 0xff000000 | rgb[order[0]] << 16 | rgb[order[1]] << 8 | rgb[order[2]];
            }
        }
        return out;
    }

    static CalibratedImage<ARGBType> image(int[] argb, int w, int h, String name) {
        return CalibratedImage.plain(ArrayImgs.argbs(argb.clone(), w, h), name);
    }

    /** Writes the left half (the target stain's slide) as {@code folder/target.png}. */
    Path writeTargetFolder(Path folder) throws Exception {
        Files.createDirectories(folder);
        new PngImageWriter().write(image(window(0, 0, SIDE / 2, SIDE, 0, 1, 2), SIDE / 2, SIDE, "target"),
                folder.resolve("target.png"));
        return folder;
    }

    static int[] pixels(CalibratedImage<?> rgb) {
        int[] out = new int[Math.toIntExact(rgb.data().dimension(0) * rgb.data().dimension(1))];
        int i = 0;
        for (Cursor<?> c = Views.flatIterable(rgb.data()).cursor(); c.hasNext(); ) {
            out[i++] = ((ARGBType) c.next()).get();
        }
        return out;
    }

    /** @return mean R, G, B then std R, G, B (population), 0..255 */
    static double[] stats(int[] argb) {
        double[] s = new double[6];
        double[] sq = new double[3];
        for (int v : argb) {
            for (int c = 0; c < 3; c++) {
                int x = (v >> (16 - 8 * c)) & 255;
                s[c] += x;
                sq[c] += (double) x * x;
            }
        }
        for (int c = 0; c < 3; c++) {
            s[c] /= argb.length;
            s[3 + c] = Math.sqrt(Math.max(sq[c] / argb.length - s[c] * s[c], 0));
        }
        return s;
    }

    /** @return the Euclidean distance of two {@link #stats} vectors */
    static double distance(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(d);
    }

    /** @return the BT.601 luma of every pixel, 0..255 */
    static float[] gray(int[] argb) {
        float[] g = new float[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int v = argb[i];
            g[i] = (float) Luma.of((v >> 16) & 255, (v >> 8) & 255, v & 255);
        }
        return g;
    }
}
