package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Preprocess geometry by hand, and the names of modes, directions and preprocessings. */
class PreprocessTest {

    @Test
    void loadedSizesFollowPix2pix() {
        assertArrayEquals(new int[] {286, 286}, Preprocess.RESIZE_AND_CROP.loadedSize(512, 384, 286, 256));
        assertArrayEquals(new int[] {512, 384}, Preprocess.CROP.loadedSize(512, 384, 286, 256));
        assertArrayEquals(new int[] {512, 384}, Preprocess.NONE.loadedSize(512, 384, 286, 256));
        // 286 * 384 / 512 = 214.5 -> 214, raised to the crop 256.
        assertArrayEquals(new int[] {286, 256}, Preprocess.SCALE_WIDTH.loadedSize(512, 384, 286, 256));
        // 50 * 300 / 100 = 150.
        assertArrayEquals(new int[] {50, 150}, Preprocess.SCALE_WIDTH_AND_CROP.loadedSize(100, 300, 50, 20));
        // 100 * 7 / 3 = 233.33 -> 233 (floor, as pix2pix's int()).
        assertArrayEquals(new int[] {100, 233}, Preprocess.SCALE_WIDTH.loadedSize(3, 7, 100, 20));
        // Width already the load size and tall enough: unchanged.
        assertArrayEquals(new int[] {286, 300}, Preprocess.SCALE_WIDTH.loadedSize(286, 300, 286, 256));
    }

    @Test
    void sizeRules() {
        assertNull(Preprocess.CROP.problem("a.png", 24, 30, 24));
        assertEquals("a.png is 23x30, smaller than the crop size 24; use a smaller crop or preprocess resize_and_crop",
                Preprocess.CROP.problem("a.png", 23, 30, 24));
        assertNull(Preprocess.NONE.problem("a.png", 32, 12, 256));
        assertTrue(Preprocess.NONE.problem("a.png", 32, 14, 256).startsWith("a.png is 32x14; preprocess none needs"));
        assertNull(Preprocess.RESIZE_AND_CROP.problem("a.png", 3, 3, 256));
        assertTrue(Preprocess.CROP.crops() && !Preprocess.NONE.crops() && !Preprocess.SCALE_WIDTH.crops());
    }

    @Test
    void namesParseBackAndUnknownOnesAreListed() {
        for (Preprocess p : Preprocess.values()) {
            assertEquals(p, Preprocess.parse(" " + p.spec().toUpperCase() + " "));
        }
        for (DatasetMode m : DatasetMode.values()) {
            assertEquals(m, DatasetMode.parse(m.spec()));
        }
        assertEquals(TranslationDirection.B_TO_A, TranslationDirection.parse("BtoA"));
        assertEquals(TranslationDirection.A_TO_B, TranslationDirection.parse("A->B"));
        assertEquals("AtoB", TranslationDirection.A_TO_B.spec());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preprocess.parse("scale"));
        assertEquals("preprocess 'scale' not understood; use one of [resize_and_crop, crop, scale_width, scale_width_and_crop, none]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DatasetMode.parse("paired"));
        assertEquals("dataset mode 'paired' not understood; use one of [unaligned, aligned, single]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TranslationDirection.parse("AtoC"));
        assertEquals("direction 'AtoC' not understood; use AtoB or BtoA", e.getMessage());
    }
}
