package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Area averaging, centre crop and bilinear upscaling on cases worked out by hand. */
class ResizeTest {

    private static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return v;
    }

    @Test
    void areaAveragesBlocks() {
        // 0..15 in a 4x4: the 2x2 blocks average to 2.5, 4.5, 10.5, 12.5.
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, Resize.resize(ramp(16), 4, 4, 1, 2, 2, "area"));
        // Each channel on its own.
        float[] two = new float[32];
        for (int i = 0; i < 16; i++) {
            two[i] = i;
            two[16 + i] = 100;
        }
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f, 100, 100, 100, 100}, Resize.resize(two, 4, 4, 2, 2, 2, "area"));
    }

    @Test
    void areaWeighsPartlyCoveredPixels() {
        // 1..5 to 2: output 0 covers [0, 2.5): (1 + 2 + 0.5 * 3) / 2.5 = 1.8; output 1: (0.5 * 3 + 4 + 5) / 2.5 = 4.2.
        float[] out = Resize.resize(new float[] {1, 2, 3, 4, 5}, 5, 1, 1, 2, 1, "area");
        assertEquals(1.8f, out[0], 1e-6);
        assertEquals(4.2f, out[1], 1e-6);
        // 3 to 2: [0, 1.5) and [1.5, 3): (a + b/2) / 1.5 and (b/2 + c) / 1.5, along Y too.
        float[] col = Resize.resize(new float[] {3, 6, 9}, 1, 3, 1, 1, 2, "area");
        assertEquals(4f, col[0], 1e-6);
        assertEquals(8f, col[1], 1e-6);
        // Everything to one pixel: the mean.
        assertArrayEquals(new float[] {7.5f}, Resize.resize(ramp(16), 4, 4, 1, 1, 1, "area"));
    }

    @Test
    void cropKeepsTheCentre() {
        // 5x5 ramp to 3x3: rows and columns 1..3.
        assertArrayEquals(new float[] {6, 7, 8, 11, 12, 13, 16, 17, 18}, Resize.resize(ramp(25), 5, 5, 1, 3, 3, "crop"));
        // An odd excess rounds the start down: 4 to 1 keeps index 1.
        assertArrayEquals(new float[] {1}, Resize.resize(ramp(4), 4, 1, 1, 1, 1, "crop"));
        // Non-square: 6 wide, 2 high to 2x2 keeps columns 2, 3 of both rows.
        assertArrayEquals(new float[] {2, 3, 8, 9}, Resize.resize(ramp(12), 6, 2, 1, 2, 2, "crop"));
    }

    @Test
    void smallerAxesAreUpscaledBilinearlyWithHalfPixelCentres() {
        // PyTorch: F.interpolate(tensor([[[0., 10.]]]), size=4, mode="linear", align_corners=False) = 0, 2.5, 7.5, 10.
        assertArrayEquals(new float[] {0, 2.5f, 7.5f, 10}, Resize.resize(new float[] {0, 10}, 2, 1, 1, 4, 1, "area"));
        assertArrayEquals(new float[] {0, 2.5f, 7.5f, 10}, Resize.resize(new float[] {0, 10}, 2, 1, 1, 4, 1, "crop"));
        // 2x2 to 4x4: rows then columns, the same weights on both axes.
        float[] out = Resize.resize(new float[] {0, 10, 20, 30}, 2, 2, 1, 4, 4, "area");
        float[] expected = {
            0, 2.5f, 7.5f, 10,
            5, 7.5f, 12.5f, 15,
            15, 17.5f, 22.5f, 25,
            20, 22.5f, 27.5f, 30};
        assertArrayEquals(expected, out, 1e-5f);
        // 3 to 5: x_j = (j + 0.5) * 0.6 - 0.5 = -0.2 (clamped to 0), 0.4, 1.0, 1.6, 2.2 (clamped to 2).
        float[] five = Resize.resize(new float[] {0, 10, 40}, 3, 1, 1, 5, 1, "area");
        assertArrayEquals(new float[] {0, 4, 10, 28, 40}, five, 1e-5f);
        // One pixel stays constant.
        assertArrayEquals(new float[] {3, 3, 3, 3}, Resize.resize(new float[] {3}, 1, 1, 1, 2, 2, "area"));
    }

    @Test
    void mixedAxes() {
        // 4 wide, 1 high to 2x2: columns averaged in pairs, the row repeated.
        assertArrayEquals(new float[] {0.5f, 2.5f, 0.5f, 2.5f}, Resize.resize(ramp(4), 4, 1, 1, 2, 2, "area"));
        assertArrayEquals(ramp(6), Resize.resize(ramp(6), 3, 2, 1, 3, 2, "area"));
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("resize mode 'bicubic' not understood; use area or crop",
                assertThrows(IllegalArgumentException.class, () -> Resize.resize(ramp(4), 2, 2, 1, 1, 1, "bicubic")).getMessage());
        assertEquals("resize of 1 x 2x2 needs 4 values, got 3",
                assertThrows(IllegalArgumentException.class, () -> Resize.resize(ramp(3), 2, 2, 1, 1, 1, "area")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Resize.resize(ramp(4), 2, 2, 1, 0, 1, "area"));
    }
}
