package io.github.fijigan.core.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TilerTest {

    @Test
    void mirrorsWithoutRepeatingTheEdgeAndPeriodicallyBeyond() {
        // Length 4: ... 2 1 | 0 1 2 3 | 2 1 0 1 2 3 2 ...
        int[] expected = {2, 1, 0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], Tiler.mirror(i - 2, 4), "position " + (i - 2));
        }
        // Length 2 alternates; length 1 repeats its only pixel instead of dividing by a zero period.
        assertEquals(List.of(0, 1, 0, 1, 0), List.of(Tiler.mirror(0, 2), Tiler.mirror(1, 2), Tiler.mirror(2, 2),
                Tiler.mirror(3, 2), Tiler.mirror(4, 2)));
        for (int i = -5; i < 300; i++) {
            assertEquals(0, Tiler.mirror(i, 1));
        }
    }

    @Test
    void roundsTileAndOverlapUpToTheMultiple() {
        Tiler tiler = new Tiler(30, 5, 4);
        assertEquals(32, tiler.tileSize());
        assertEquals(8, tiler.overlap());
        TilePlan plan = tiler.plan(100, 10);
        // Padded 100 x 12; stride 24: starts 0, 24, 48, then 68 pulled back to end at 100.
        assertEquals(List.of(0, 24, 48, 68), columnStarts(plan));
        assertEquals(12, plan.tileHeight());
        assertEquals(1, plan.rows());
        assertEquals(100, plan.paddedWidth());
    }

    @Test
    void smallImagesGetOneTilePaddedToTheMultiple() {
        TilePlan plan = new Tiler(512, 32, 4).plan(37, 53);
        assertEquals(1, plan.tiles().size());
        assertEquals(new Tile(0, 0, 0, 0, 40, 56), plan.tiles().get(0));
        assertEquals(37, plan.imageWidth());
        assertEquals(53, plan.imageHeight());
        float[] ones = new float[40];
        java.util.Arrays.fill(ones, 1f);
        assertArrayEquals(ones, plan.columnWeights(0), "image borders keep full weight");
        TilePlan pixel = new Tiler(512, 32, 256).plan(1, 3);
        assertEquals(new Tile(0, 0, 0, 0, 256, 256), pixel.tiles().get(0));
    }

    @Test
    void refusesAnOverlapOfMoreThanHalfATile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Tiler(62, 34, 4));
        assertTrue(e.getMessage().contains("overlap 34 (36 as a multiple of 4) must be at most half the tile size 62 (64 as a multiple of 4)"),
                e.getMessage());
        assertEquals(32, new Tiler(64, 32, 4).overlap(), "exactly half is allowed");
        assertThrows(IllegalArgumentException.class, () -> new Tiler(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Tiler(64, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Tiler(64, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> new Tiler(64, 8, 4).plan(0, 5));
    }

    /**
     * For many image, tile and overlap sizes: tiles start at multiples, stay inside the padded image,
     * cover it; the weights sum to 1 at every pixel; a tile never weighs a pixel within the margin
     * of an edge that faces another tile; at image borders the weight is never cut.
     */
    @ParameterizedTest(name = "{0}x{1} tile {2} overlap {3} multiple {4}")
    @CsvSource({"100,37,32,8,4", "64,64,32,16,1", "65,33,32,16,1", "200,3,48,16,8", "1,1,16,4,4", "97,130,40,12,4",
            "33,33,32,0,1", "300,17,64,32,16"})
    void weightsFormAPartitionOfUnityAwayFromFacingEdges(int width, int height, int tile, int overlap, int multiple) {
        TilePlan plan = new Tiler(tile, overlap, multiple).plan(width, height);
        int margin = plan.window().margin();
        double[] sum = new double[width * height];
        for (Tile t : plan.tiles()) {
            assertEquals(0, t.x() % multiple);
            assertEquals(0, t.y() % multiple);
            assertTrue(t.x() + t.width() <= plan.paddedWidth() && t.y() + t.height() <= plan.paddedHeight(), t.toString());
            assertTrue(plan.paddedWidth() - width < multiple && plan.paddedHeight() - height < multiple);
            float[] wx = plan.columnWeights(t.column()), wy = plan.rowWeights(t.row());
            boolean leftFaces = t.x() > 0, rightFaces = t.x() + t.width() < plan.paddedWidth();
            boolean topFaces = t.y() > 0, bottomFaces = t.y() + t.height() < plan.paddedHeight();
            for (int j = 0; j < margin; j++) {
                if (leftFaces) assertEquals(0f, wx[j]);
                if (rightFaces) assertEquals(0f, wx[t.width() - 1 - j]);
            }
            for (int i = 0; i < margin; i++) {
                if (topFaces) assertEquals(0f, wy[i]);
                if (bottomFaces) assertEquals(0f, wy[t.height() - 1 - i]);
            }
            if (!leftFaces) assertEquals(1f, wx[0]);
            if (!topFaces) assertEquals(1f, wy[0]);
            for (int i = 0; i < t.height() && t.y() + i < height; i++) {
                for (int j = 0; j < t.width() && t.x() + j < width; j++) {
                    sum[(t.y() + i) * width + t.x() + j] += (double) wx[j] * wy[i];
                }
            }
        }
        for (int p = 0; p < sum.length; p++) {
            assertEquals(1.0, sum[p], 1e-6, "weight sum at " + (p % width) + "," + (p / width));
        }
    }

    @Test
    void theWindowRisesAsARaisedCosineBetweenTheMargins() {
        BlendWindow window = new BlendWindow(32);
        assertEquals(8, window.margin());
        for (int d = 0; d < 8; d++) assertEquals(0, window.rise(d));
        for (int d = 24; d < 40; d++) assertEquals(1, window.rise(d));
        // Symmetric about the middle of the overlap: rise(d) + rise(31 - d) = 1.
        for (int d = 0; d < 32; d++) assertEquals(1, window.rise(d) + window.rise(31 - d), 1e-12);
        assertEquals(Math.pow(Math.sin(Math.PI / 4 * 0.5 / 16 * 2), 2), window.rise(8), 1e-12);
        // A tile of 64 in the middle of a row: 0 for 8, up for 16, flat, down for 16, 0 for 8.
        float[] w = window.weights(64, 0, 32);
        assertEquals(0f, w[7]);
        assertTrue(w[8] > 0 && w[8] < 0.01);
        assertEquals(1f, w[24]);
        assertEquals(1f, w[39]);
        assertTrue(w[55] > 0 && w[55] < 0.01);
        assertEquals(0f, w[56]);
    }

    private static List<Integer> columnStarts(TilePlan plan) {
        List<Integer> starts = new ArrayList<>();
        for (Tile t : plan.tiles()) {
            if (t.row() == 0) starts.add(t.x());
        }
        return starts;
    }
}
