package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

/** Tiles land where torchvision's make_grid(padding=2) puts them, with the documented 8-bit mapping. */
class SampleGridTest {

    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void networkValuesMapToBytesAsDocumented() {
        assertEquals(0, SampleGrid.toByte(-1));
        assertEquals(255, SampleGrid.toByte(1));
        assertEquals(128, SampleGrid.toByte(0));        // 127.5 rounds up
        assertEquals(64, SampleGrid.toByte(-0.5f));     // 63.75
        assertEquals(191, SampleGrid.toByte(0.5f));     // 191.25
        assertEquals(255, SampleGrid.toByte(3));
        assertEquals(0, SampleGrid.toByte(-2));
        assertEquals(0, SampleGrid.toByte(Float.NaN));
    }

    @Test
    void grayTilesWithGapsAndAnEmptyLastCell() throws IOException {
        // Three 3-wide, 2-high tiles, image i filled with a distinct value, one pixel marked.
        float[] v = new float[3 * 6];
        float[] fill = {-1, 0, 0.5f};
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 6; p++) v[i * 6 + p] = fill[i];
            v[i * 6 + 5] = 1; // bottom-right pixel of each tile (x = 2, y = 1)
        }
        Path png = dir.resolve("grid.png");
        try (NDArray images = manager.create(v, new Shape(3, 1, 2, 3))) {
            SampleGrid.write(png, images, 2);
        }
        ImageProcessor ip = IJ.openImage(png.toString()).getProcessor();
        // 2 columns x 2 rows of 3x2 tiles: 2*(3+2)+2 = 12 wide, 2*(2+2)+2 = 10 high.
        assertEquals(12, ip.getWidth());
        assertEquals(10, ip.getHeight());
        int[][] expected = new int[10][12];
        int[] bytes = {0, 128, 191};
        for (int i = 0; i < 3; i++) {
            int x0 = 2 + (i % 2) * 5, y0 = 2 + (i / 2) * 4;
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    expected[y0 + y][x0 + x] = x == 2 && y == 1 ? 255 : bytes[i];
                }
            }
        }
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 12; x++) {
                assertEquals(expected[y][x], ip.get(x, y), "pixel " + x + "," + y);
            }
        }
        // Spot checks by hand: tile 1 starts at x = 7, the empty fourth cell and the gaps are black.
        assertEquals(128, ip.get(7, 2));
        assertEquals(255, ip.get(9, 3));
        assertEquals(0, ip.get(6, 2));
        assertEquals(191, ip.get(2, 6));
        assertEquals(0, ip.get(8, 7));
    }

    @Test
    void rgbTilesKeepChannelOrderAndFewImagesMakeOneRow() throws IOException {
        // Two 2x2 RGB tiles: tile 0 pure red, tile 1 with (R, G, B) = (-1, 0, 1) but one green pixel.
        float[] v = new float[2 * 3 * 4];
        for (int p = 0; p < 4; p++) {
            v[p] = 1;          // tile 0 R
            v[4 + p] = -1;     // tile 0 G
            v[8 + p] = -1;     // tile 0 B
            v[12 + p] = -1;    // tile 1 R
            v[16 + p] = 0;     // tile 1 G
            v[20 + p] = 1;     // tile 1 B
        }
        v[16 + 2] = 1;         // tile 1 G at x = 0, y = 1
        Path png = dir.resolve("rgb.png");
        try (NDArray images = manager.create(v, new Shape(2, 3, 2, 2))) {
            SampleGrid.write(png, images, 8);
        }
        ImagePlus imp = IJ.openImage(png.toString());
        assertEquals(ImagePlus.COLOR_RGB, imp.getType());
        assertEquals(2 * 4 + 2, imp.getWidth());
        assertEquals(4 + 2, imp.getHeight());
        ImageProcessor ip = imp.getProcessor();
        assertEquals(0xff0000, ip.getPixel(2, 2) & 0xffffff);
        assertEquals(0xff0000, ip.getPixel(3, 3) & 0xffffff);
        assertEquals(0x0080ff, ip.getPixel(6, 2) & 0xffffff);
        assertEquals(0x00ffff, ip.getPixel(6, 3) & 0xffffff);
        assertEquals(0x0080ff, ip.getPixel(7, 3) & 0xffffff);
        assertEquals(0, ip.getPixel(4, 2) & 0xffffff);
        assertEquals(0, ip.getPixel(9, 5) & 0xffffff);
    }

    @Test
    void oneRowPerClassPadsShortRows() throws IOException {
        Path png = dir.resolve("classes.png");
        try (NDArray a = manager.full(new Shape(1, 1, 2, 2), 1f);
                NDArray b = manager.full(new Shape(3, 1, 2, 2), 0f);
                NDArray half = manager.full(new Shape(3, 1, 2, 2), -0.5f).toType(DataType.FLOAT64, false)) {
            SampleGrid.write(png, List.of(a, b, half));
        }
        ImageProcessor ip = IJ.openImage(png.toString()).getProcessor();
        assertEquals(3 * 4 + 2, ip.getWidth());
        assertEquals(3 * 4 + 2, ip.getHeight());
        assertEquals(255, ip.get(2, 2));     // row 0, tile 0
        assertEquals(0, ip.get(6, 2));       // row 0, tile 1: empty
        assertEquals(0, ip.get(10, 3));      // row 0, tile 2: empty
        assertEquals(128, ip.get(2, 6));     // row 1, tile 0
        assertEquals(128, ip.get(11, 7));    // row 1, tile 2, last pixel
        assertEquals(64, ip.get(7, 11));     // row 2 (float64 input), tile 1
        assertEquals(0, ip.get(7, 12));      // the bottom border
    }

    @Test
    void badShapesAreRefusedWithoutWriting() {
        try (NDArray two = manager.zeros(new Shape(1, 2, 4, 4));
                NDArray flat = manager.zeros(new Shape(4, 4));
                NDArray gray = manager.zeros(new Shape(1, 1, 4, 4));
                NDArray wide = manager.zeros(new Shape(1, 1, 4, 5))) {
            assertEquals("sample grid images must be (N, C, H, W) with C 1 or 3, got (1, 2, 4, 4)",
                    assertThrows(IllegalArgumentException.class, () -> SampleGrid.write(dir.resolve("x.png"), two, 4)).getMessage());
            assertThrows(IllegalArgumentException.class, () -> SampleGrid.write(dir.resolve("x.png"), flat, 4));
            assertThrows(IllegalArgumentException.class, () -> SampleGrid.write(dir.resolve("x.png"), gray, 0));
            assertEquals("sample grid rows must share channels and size: row 0 is (1, 1, 4, 4), row 1 is (1, 1, 4, 5)",
                    assertThrows(IllegalArgumentException.class,
                            () -> SampleGrid.write(dir.resolve("x.png"), List.of(gray, wide))).getMessage());
        }
        assertEquals(false, Files.exists(dir.resolve("x.png")));
    }
}
