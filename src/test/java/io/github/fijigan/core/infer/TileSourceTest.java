package io.github.fijigan.core.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import io.github.fijigan.core.tensor.LinearMap;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

class TileSourceTest {

    /** A w x h image whose pixel (x, y) holds 10 * y + x. */
    private static float[] coordinates(int w, int h) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) v[y * w + x] = 10 * y + x;
        return v;
    }

    @Test
    void readsTilesMirroredPastTheImageThroughTheMap() {
        // 5 x 3 image; a tile 8 x 4 from (4, 0): columns 4 3 2 1 0 1 2 3, rows 0 1 2 1.
        TileSource source = TileSource.of(List.of(ArrayImgs.floats(coordinates(5, 3), 5, 3)), LinearMap.of(2, 1));
        float[] tile = new float[1 + 32];
        source.read(new Tile(0, 0, 4, 0, 8, 4), tile, 1);
        int[] cols = {4, 3, 2, 1, 0, 1, 2, 3}, rows = {0, 1, 2, 1};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 8; j++) {
                assertEquals(2 * (10 * rows[i] + cols[j]) + 1, tile[1 + i * 8 + j], "tile pixel " + j + "," + i);
            }
        }
        assertEquals(0, tile[0], "nothing written before the offset");
    }

    @Test
    void readsViewsWithOffsetsAndSeveralChannelPlanes() {
        var a = Views.translate(ArrayImgs.floats(coordinates(4, 4), 4, 4), 100, -7);
        float[] twice = coordinates(4, 4);
        for (int i = 0; i < twice.length; i++) twice[i] *= 2;
        var b = Views.translate(ArrayImgs.floats(twice, 4, 4), 100, -7);
        TileSource source = TileSource.of(List.of(a, b), LinearMap.IDENTITY);
        assertEquals(2, source.channels());
        float[] tile = new float[2 * 4];
        source.read(new Tile(0, 0, 2, 3, 2, 2), tile, 0);
        // Rows 3 and 4 -> 2 (mirrored), columns 2 and 3.
        assertArrayEquals(new float[] {32, 33, 22, 23, 64, 66, 44, 46}, tile);
    }

    @Test
    void oneRowAndOnePixelImagesRepeatTheirPixels() {
        TileSource row = TileSource.of(List.of(ArrayImgs.floats(new float[] {5, 6, 7}, 3, 1)), LinearMap.IDENTITY);
        float[] tile = new float[4 * 4];
        row.read(new Tile(0, 0, 0, 0, 4, 4), tile, 0);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(new float[] {5, 6, 7, 6}, java.util.Arrays.copyOfRange(tile, 4 * i, 4 * i + 4), "row " + i);
        }
        TileSource pixel = TileSource.of(List.of(ArrayImgs.unsignedShorts(new short[] {(short) 40000}, 1, 1)), LinearMap.IDENTITY);
        float[] one = new float[9];
        pixel.read(new Tile(0, 0, 0, 0, 3, 3), one, 0);
        for (float v : one) assertEquals(40000f, v);
    }

    @Test
    void readsTheThreeColoursOfAnArgbPlane() {
        int[] argb = {0xff102030, 0xff405060};
        TileSource source = TileSource.of(List.of(ArrayImgs.argbs(argb, 2, 1)), LinearMap.IDENTITY);
        assertEquals(3, source.channels());
        float[] tile = new float[3 * 2];
        source.read(new Tile(0, 0, 0, 0, 2, 1), tile, 0);
        assertArrayEquals(new float[] {0x10, 0x40, 0x20, 0x50, 0x30, 0x60}, tile);
    }

    @Test
    void refusesPlanesOfDifferentSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TileSource.of(
                List.of(ArrayImgs.unsignedShorts(4, 4), ArrayImgs.<UnsignedShortType>unsignedShorts(4, 5)), LinearMap.IDENTITY));
        assertEquals("channel planes must be 2D and of one size 4x4, got [4, 5]", e.getMessage());
    }
}
