package io.github.fijigan.core.metrics.benefit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The geometry of the classical augmentation, exactly: quarter turns are numpy's rot90, flips only
 * move pixels, scale 1 at 0° is the identity; bilinear sampling reproduces a linear ramp and the
 * edges are replicated; draws follow the seed and stay in their ranges.
 */
class ClassicalAugmentationTest {

    private static final int N = 5;

    /** Two channels of distinct values, so a mix-up of rows, columns or channels shows. */
    private static float[] image(int w, int h) {
        float[] v = new float[2 * w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 1.5f - 7;
        }
        return v;
    }

    private static float at(float[] img, int w, int h, int c, int x, int y) {
        return img[c * w * h + y * w + x];
    }

    @Test
    void quarterTurnIsRot90() {
        float[] src = image(N, N);
        float[] out = new ClassicalAugmentation.Transform(90, 1, false, false).apply(src, 2, N, N);
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    // numpy.rot90(m)[i][j] = m[j][n-1-i]: rows mirrored, then transposed
                    assertEquals(at(src, N, N, c, N - 1 - y, x), at(out, N, N, c, x, y), "c" + c + " x" + x + " y" + y);
                }
            }
        }
        // on the display, the top-right corner goes to the top-left
        assertEquals(at(src, N, N, 0, N - 1, 0), at(out, N, N, 0, 0, 0));
        float[] minus = new ClassicalAugmentation.Transform(-90, 1, false, false).apply(out, 2, N, N);
        assertArrayEquals(src, minus);
        float[] half = new ClassicalAugmentation.Transform(180, 1, false, false).apply(src, 2, N, N);
        assertArrayEquals(new ClassicalAugmentation.Transform(0, 1, true, true).apply(src, 2, N, N), half);
    }

    @Test
    void scaleOneIsTheIdentityAndFlipsMirror() {
        int w = 6, h = 4;
        float[] src = image(w, h);
        assertArrayEquals(src, new ClassicalAugmentation.Transform(0, 1, false, false).apply(src, 2, w, h));
        float[] hf = new ClassicalAugmentation.Transform(0, 1, true, false).apply(src, 2, w, h);
        float[] vf = new ClassicalAugmentation.Transform(0, 1, false, true).apply(src, 2, w, h);
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertEquals(at(src, w, h, c, w - 1 - x, y), at(hf, w, h, c, x, y));
                    assertEquals(at(src, w, h, c, x, h - 1 - y), at(vf, w, h, c, x, y));
                }
            }
        }
        assertArrayEquals(src, ClassicalAugmentation.NONE.apply(src, 2, w, h, new SplittableRandom(3)));
    }

    @Test
    void bilinearReproducesARampAndReplicatesEdges() {
        int n = 9;
        float[] ramp = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                ramp[y * n + x] = x + 2 * y;
            }
        }
        double c = (n - 1) / 2.0;
        // zoom out by 2: output (x, y) samples the input at c + 2 (x - c), clamped to the image
        float[] small = new ClassicalAugmentation.Transform(0, 0.5, false, false).apply(ramp, 1, n, n);
        // zoom in by 1.6: sample points fall between pixels, where bilinear is exact on a ramp
        float[] large = new ClassicalAugmentation.Transform(0, 1.6, false, false).apply(ramp, 1, n, n);
        // 30°: rotated coordinates, clamped
        double a = Math.toRadians(30);
        float[] turned = new ClassicalAugmentation.Transform(30, 1, false, false).apply(ramp, 1, n, n);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double sx = clamp(c + 2 * (x - c), n), sy = clamp(c + 2 * (y - c), n);
                assertEquals(sx + 2 * sy, small[y * n + x], 1e-5, "x" + x + " y" + y);
                assertEquals(c + (x - c) / 1.6 + 2 * (c + (y - c) / 1.6), large[y * n + x], 1e-5);
                double u = x - c, v = y - c;
                double rx = clamp(c + u * Math.cos(a) - v * Math.sin(a), n), ry = clamp(c + u * Math.sin(a) + v * Math.cos(a), n);
                assertEquals(rx + 2 * ry, turned[y * n + x], 1e-5);
            }
        }
        // the corners of the zoomed-out image repeat the input's corners
        assertEquals(0, small[0]);
        assertEquals(3 * (n - 1), small[n * n - 1]);
    }

    @Test
    void drawsFollowTheSeedAndStayInRange() {
        ClassicalAugmentation aug = ClassicalAugmentation.parse("rotate:20, scale:0.8-1.25, hflip, vflip");
        assertEquals(new ClassicalAugmentation(20, 0.8, 1.25, true, true), aug);
        float[] src = image(N, N);
        assertArrayEquals(aug.apply(src, 2, N, N, new SplittableRandom(11)), aug.apply(src, 2, N, N, new SplittableRandom(11)));
        assertFalse(Arrays.equals(aug.apply(src, 2, N, N, new SplittableRandom(11)), aug.apply(src, 2, N, N, new SplittableRandom(12))));
        SplittableRandom random = new SplittableRandom(5);
        int h = 0, v = 0;
        double lo = 0, hi = 0;
        for (int i = 0; i < 400; i++) {
            ClassicalAugmentation.Transform t = aug.draw(random);
            assertTrue(Math.abs(t.degrees()) <= 20 && t.scale() >= 0.8 && t.scale() <= 1.25, t.toString());
            lo = Math.min(lo, t.degrees());
            hi = Math.max(hi, t.degrees());
            h += t.horizontalFlip() ? 1 : 0;
            v += t.verticalFlip() ? 1 : 0;
        }
        assertTrue(lo < -18 && hi > 18, lo + " " + hi);
        assertTrue(h > 150 && h < 250 && v > 150 && v < 250, h + " " + v);
        // flips off: the angle and scale drawn are the same as with them on
        ClassicalAugmentation noFlips = new ClassicalAugmentation(20, 0.8, 1.25, false, false);
        ClassicalAugmentation.Transform a = aug.draw(new SplittableRandom(9)), b = noFlips.draw(new SplittableRandom(9));
        assertEquals(a.degrees(), b.degrees());
        assertEquals(a.scale(), b.scale());
    }

    @Test
    void theShortFormReadsBackAndBadItemsAreNamed() {
        ClassicalAugmentation d = ClassicalAugmentation.parse(ClassicalAugmentation.DEFAULT_SPEC);
        assertEquals(new ClassicalAugmentation(15, 0.9, 1.1, true, true), d);
        assertEquals(d, ClassicalAugmentation.parse(d.spec()));
        assertEquals(ClassicalAugmentation.NONE, ClassicalAugmentation.parse("none"));
        assertEquals("none", ClassicalAugmentation.NONE.spec());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassicalAugmentation.parse("rotate:15, shear:3"));
        assertTrue(e.getMessage().startsWith("augmentation 'rotate:15, shear:3': 'shear:3': unknown item"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassicalAugmentation.parse("scale:1.2-0.8"));
        assertThrows(IllegalArgumentException.class, () -> ClassicalAugmentation.parse("rotate:x"));
        assertThrows(IllegalArgumentException.class, () -> ClassicalAugmentation.parse("rotate:200"));
    }

    private static double clamp(double v, int n) {
        return Math.min(Math.max(v, 0), n - 1);
    }
}
