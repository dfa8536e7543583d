package io.github.fijigan.core.metrics.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import io.github.fijigan.core.data.RgbCanvas;
import org.junit.jupiter.api.Test;

/** The pair sheet: each image where its row and side say, enlarged and in its grey levels or colours. */
class ClosestPairsTest {

    @Test
    void greyPairsAreEnlargedToSixtyFourPixelsSideBySide() {
        float[] left = new float[32 * 32];
        float[] right = new float[32 * 32];
        java.util.Arrays.fill(left, -1f);
        java.util.Arrays.fill(right, 1f);
        left[3 * 32 + 5] = 0f;   // (x 5, y 3) mid grey: (0 + 1) * 127.5 = 127.5, rounded 128
        RgbCanvas canvas = ClosestPairs.render(List.of(new ClosestPairs.Pair(left, right, List.of("first", "rmse 0")),
                new ClosestPairs.Pair(right, left, List.of("second"))), 1, 32);
        int scale = ClosestPairs.scale(32);
        assertEquals(2, scale);
        int header = ClosestPairs.MARGIN + 7 + ClosestPairs.GAP;
        int x0 = ClosestPairs.MARGIN;
        int x1 = ClosestPairs.MARGIN + 64 + ClosestPairs.GAP;
        assertEquals(0x000000, canvas.get(x0, header));
        assertEquals(0x808080, canvas.get(x0 + 5 * scale + 1, header + 3 * scale + 1));
        assertEquals(0xffffff, canvas.get(x1 + 10, header + 10));
        int row2 = header + 64 + ClosestPairs.GAP;
        assertEquals(0xffffff, canvas.get(x0 + 10, row2 + 10));
        assertEquals(0x808080, canvas.get(x1 + 5 * scale, row2 + 3 * scale));
        assertEquals(row2 + 64 + ClosestPairs.MARGIN, canvas.height());
    }

    @Test
    void threeChannelsAreDrawnAsRgb() {
        float[] rgb = new float[3 * 64 * 64];
        for (int i = 0; i < 64 * 64; i++) {
            rgb[i] = 1f;                 // red full
            rgb[2 * 64 * 64 + i] = -1f;  // blue off, green 0 -> 128
        }
        RgbCanvas canvas = ClosestPairs.render(List.of(new ClosestPairs.Pair(rgb, rgb, List.of())), 3, 64);
        assertEquals(0xff8000, canvas.get(ClosestPairs.MARGIN + 20, ClosestPairs.MARGIN + 7 + ClosestPairs.GAP + 20));
        assertEquals(1, ClosestPairs.scale(64));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClosestPairs.render(List.of(new ClosestPairs.Pair(new float[5], rgb, List.of())), 3, 64));
        assertEquals("an image of 5 values is not 3 x 64 x 64", e.getMessage());
    }
}
