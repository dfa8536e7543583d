package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Flips and reflect-pad crops against hand-made cases; parse/spec round trips. */
class AugmentationTest {

    /** 0 1 2 / 3 4 5 / 6 7 8, then the same plus 10 as a second channel. */
    private static final float[] THREE = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18};

    private static float[] transform(float[] src, int channels, int size, boolean fx, boolean fy, int dx, int dy) {
        float[] dst = new float[channels * size * size];
        Augmentation.transform(src, 0, dst, 0, channels, size, fx, fy, dx, dy);
        return dst;
    }

    @Test
    void flipsMirrorEveryChannelExactly() {
        assertArrayEquals(new float[] {2, 1, 0, 5, 4, 3, 8, 7, 6, 12, 11, 10, 15, 14, 13, 18, 17, 16},
                transform(THREE, 2, 3, true, false, 0, 0));
        assertArrayEquals(new float[] {6, 7, 8, 3, 4, 5, 0, 1, 2, 16, 17, 18, 13, 14, 15, 10, 11, 12},
                transform(THREE, 2, 3, false, true, 0, 0));
        assertArrayEquals(new float[] {8, 7, 6, 5, 4, 3, 2, 1, 0, 18, 17, 16, 15, 14, 13, 12, 11, 10},
                transform(THREE, 2, 3, true, true, 0, 0));
        assertArrayEquals(THREE, transform(THREE, 2, 3, false, false, 0, 0));
    }

    @Test
    void cropTakesAWindowOfTheReflectPaddedImage() {
        float[] img = new float[16];
        for (int i = 0; i < 16; i++) img[i] = i; // value = 4 * row + column
        // Padding 2, window at the padded image's corner (shift -2, -2): rows and columns 2,1,0,1.
        assertArrayEquals(new float[] {10, 9, 8, 9, 6, 5, 4, 5, 2, 1, 0, 1, 6, 5, 4, 5},
                transform(img, 1, 4, false, false, -2, -2));
        // Shift right by one: columns 1, 2, 3 and the reflected 2.
        assertArrayEquals(new float[] {1, 2, 3, 2, 5, 6, 7, 6, 9, 10, 11, 10, 13, 14, 15, 14},
                transform(img, 1, 4, false, false, 1, 0));
        // The crop is taken first and flipped after: row 0 of the crop above, 1 2 3 2, mirrored.
        assertArrayEquals(new float[] {2, 3, 2, 1, 6, 7, 6, 5, 10, 11, 10, 9, 14, 15, 14, 13},
                transform(img, 1, 4, true, false, 1, 0));
        // Down by 3 on a 4-row image: rows 3, reflected 2, 1, 0.
        assertArrayEquals(new float[] {12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3},
                transform(img, 1, 4, false, false, 0, 3));
    }

    @Test
    void drawsComeFromTheRandomInTheDocumentedOrder() {
        float[] img = new float[2 * 25];
        for (int i = 0; i < img.length; i++) img[i] = i * 0.5f - 3;
        Augmentation all = new Augmentation(true, true, 2);
        for (long seed = 0; seed < 50; seed++) {
            float[] dst = new float[img.length];
            all.apply(img, 0, dst, 0, 2, 5, new SplittableRandom(seed));
            SplittableRandom same = new SplittableRandom(seed);
            boolean fx = same.nextBoolean(), fy = same.nextBoolean();
            int dx = same.nextInt(5) - 2, dy = same.nextInt(5) - 2;
            assertArrayEquals(transform(img, 2, 5, fx, fy, dx, dy), dst, "seed " + seed);
        }
    }

    @Test
    void everyFlipAndShiftOccursEquallyOften() {
        float[] img = new float[16];
        for (int i = 0; i < 16; i++) img[i] = i;
        // Each of the 2 x 3 x 3 (flip, dx, dy) outcomes of a 4x4 image gives a different picture.
        java.util.Map<String, int[]> counts = new java.util.HashMap<>();
        for (int fx = 0; fx < 2; fx++) {
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    counts.put(java.util.Arrays.toString(transform(img, 1, 4, fx == 1, false, dx, dy)), new int[1]);
                }
            }
        }
        assertEquals(18, counts.size());
        Augmentation aug = new Augmentation(true, false, 1);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 3600; i++) {
            float[] dst = new float[16];
            aug.apply(img, 0, dst, 0, 1, 4, random);
            counts.get(java.util.Arrays.toString(dst))[0]++;
        }
        // 200 expected each; the binomial standard deviation is about 14.
        for (var e : counts.entrySet()) {
            assertTrue(e.getValue()[0] > 140 && e.getValue()[0] < 260, e.getKey() + " drawn " + e.getValue()[0] + " times");
        }
    }

    @Test
    void noneCopiesAndDrawsNothing() {
        SplittableRandom random = new SplittableRandom(3);
        float[] dst = new float[18];
        Augmentation.NONE.apply(THREE, 0, dst, 0, 2, 3, random);
        assertArrayEquals(THREE, dst);
        assertEquals(new SplittableRandom(3).nextLong(), random.nextLong(), "NONE consumed random numbers");
        assertTrue(Augmentation.NONE.isNone());
    }

    @Test
    void offsetsInBothArraysAreHonoured() {
        float[] src = new float[5 + 9];
        System.arraycopy(THREE, 0, src, 5, 9);
        float[] dst = new float[3 + 9 + 2];
        Augmentation.transform(src, 5, dst, 3, 1, 3, true, false, 0, 0);
        assertArrayEquals(new float[] {0, 0, 0, 2, 1, 0, 5, 4, 3, 8, 7, 6, 0, 0}, dst);
    }

    @Test
    void paddingMustBeSmallerThanTheImage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Augmentation(false, false, 4).apply(new float[16], 0, new float[16], 0, 1, 4, new SplittableRandom(1)));
        assertEquals("crop padding of 4 pixels needs images larger than that; they are 4x4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(false, false, -1));
    }

    @Test
    void parseAndSpecRoundTrip() {
        assertEquals(new Augmentation(true, true, 4), Augmentation.parse("hflip,vflip,crop"));
        assertEquals(new Augmentation(true, false, 8), Augmentation.parse(" HFlip , crop:8 "));
        assertEquals(new Augmentation(false, true, 0), Augmentation.parse("vflip"));
        assertEquals(Augmentation.NONE, Augmentation.parse("none"));
        assertEquals(Augmentation.NONE, Augmentation.parse(""));
        assertEquals(Augmentation.NONE, Augmentation.parse(null));
        assertEquals("hflip,vflip,crop:4", new Augmentation(true, true, 4).spec());
        assertEquals("none", Augmentation.NONE.spec());
        for (String spec : new String[] {"hflip", "vflip,crop:2", "hflip,vflip,crop:16", "none"}) {
            assertEquals(spec, Augmentation.parse(spec).spec());
        }
        assertFalse(Augmentation.parse("crop").isNone());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("hflip,rotate"));
        assertEquals("augmentation 'hflip,rotate': 'rotate' not understood; use a comma-separated list of hflip, vflip, "
                + "crop, crop:N (pixels), or none", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("crop:x")).getMessage()
                .contains("'crop:x' needs a whole number of pixels"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("crop:0")).getMessage()
                .contains("crop padding must be >= 1 pixel, got 0"));
    }
}
