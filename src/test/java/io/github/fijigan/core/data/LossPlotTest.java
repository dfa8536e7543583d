package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

/** Ticks, labels, where lines land, gaps at NaN, the font, and the PNG ImageJ1 reads back. */
class LossPlotTest {

    @TempDir
    Path dir;

    private static final double[] X = {0, 25, 50, 75, 100};

    @Test
    void ticksAreRoundStepsInsideTheRange() {
        assertArrayEquals(new double[] {0, 200, 400, 600, 800, 1000}, LossPlot.ticks(0, 1000, 5));
        assertArrayEquals(new double[] {0.5, 1.0, 1.5, 2.0, 2.5}, LossPlot.ticks(0.13, 2.7, 5));
        assertArrayEquals(new double[] {-0.02, 0, 0.02, 0.04, 0.06}, LossPlot.ticks(-0.03, 0.07, 5));
        assertArrayEquals(new double[] {0.3, 0.4, 0.5}, LossPlot.ticks(0.25, 0.55, 3));
        assertEquals(0.5, LossPlot.step(0.13, 2.7, 5));
        assertEquals(2000, LossPlot.step(0, 14990, 6));
    }

    @Test
    void labelsShowTheDecimalsTheStepNeeds() {
        assertEquals("1500", LossPlot.label(1500, 500));
        assertEquals("0.3", LossPlot.label(0.1 + 0.2, 0.1));
        assertEquals("0.25", LossPlot.label(0.25, 0.05));
        assertEquals("0.00002", LossPlot.label(2e-5, 1e-5));
        assertEquals("-0.5", LossPlot.label(-0.5, 0.5));
        assertEquals("0.0", LossPlot.label(-1e-17, 0.1));
    }

    @Test
    void linesLandOnTheMappedPixels() {
        List<LossPlot.Series> series = List.of(
                new LossPlot.Series("low", X, new double[] {1, 1, 1, 1, 1}),
                new LossPlot.Series("high", X, new double[] {3, 3, 3, 3, 3}));
        RgbCanvas canvas = LossPlot.render(series, 400, 300);
        LossPlot.Frame f = LossPlot.Frame.of(series, 400, 300);
        // y spans 1..3 with 5 % room: 0.9..3.1.
        assertEquals(0.9, f.yMin, 1e-12);
        assertEquals(3.1, f.yMax, 1e-12);
        assertEquals(f.left, f.px(0));
        assertEquals(f.right(), f.px(100));
        assertEquals(f.top, f.py(3.1));
        assertEquals(f.bottom(), f.py(0.9));
        int low = f.py(1), high = f.py(3);
        assertEquals(f.top + Math.round(2.1 / 2.2 * (f.plotHeight - 1)), low);
        for (int x = f.px(1); x <= f.px(40); x++) {
            assertEquals(LossPlot.COLOURS[0], canvas.get(x, low), "low series at column " + x);
            assertEquals(LossPlot.COLOURS[1], canvas.get(x, high), "high series at column " + x);
            assertNotEquals(LossPlot.COLOURS[0], canvas.get(x, low - 1), "the line is one pixel thick");
            assertNotEquals(LossPlot.COLOURS[0], canvas.get(x, low + 1), "the line is one pixel thick");
        }
        // Axes: the frame's left and bottom edges are ink; the corner outside is background.
        assertEquals(LossPlot.INK, canvas.get(f.left, f.top + 5));
        assertEquals(LossPlot.INK, canvas.get(f.left + 50, f.bottom()));
        assertEquals(LossPlot.BACKGROUND, canvas.get(0, 0));
    }

    @Test
    void aRisingLineIsContinuousAndNanLeavesAGap() {
        double[] y = {0, 1, 2, 3, 4};
        double[] gap = {-0.5, -0.5, Double.NaN, -0.5, -0.5}; // below the rising line, so they never cross
        List<LossPlot.Series> series = List.of(new LossPlot.Series("rise", X, y), new LossPlot.Series("gap", X, gap));
        RgbCanvas canvas = LossPlot.render(series, 400, 300);
        LossPlot.Frame f = LossPlot.Frame.of(series, 400, 300);
        int rise = LossPlot.COLOURS[0];
        // Every column between the first and the last point holds a pixel of the rising line (no holes).
        for (int x = f.px(0) + 1; x <= f.px(60); x++) {
            boolean found = false;
            for (int r = f.top; r <= f.bottom(); r++) found |= canvas.get(x, r) == rise;
            assertTrue(found, "rising line missing in column " + x);
        }
        assertEquals(rise, canvas.get(f.px(50), f.py(2)));
        int flat = f.py(-0.5), colour = LossPlot.COLOURS[1];
        assertEquals(colour, canvas.get(f.px(10), flat));
        assertNotEquals(colour, canvas.get(f.px(50), flat), "NaN must break the line");
        assertNotEquals(colour, canvas.get(f.px(40), flat));
        assertEquals(colour, canvas.get(f.px(85), flat));
    }

    @Test
    void thePngHasEveryColourAndReadsBack() throws IOException {
        double[] it = new double[200], a = new double[200], b = new double[200], c = new double[200];
        for (int i = 0; i < 200; i++) {
            it[i] = 10 * i;
            a[i] = 2 + Math.sin(i / 10.0);
            b[i] = 0.7 + 0.001 * i;
            c[i] = Math.exp(-i / 50.0);
        }
        Path png = dir.resolve("losses.png");
        LossPlot.write(png, List.of(new LossPlot.Series("G_GAN", it, a), new LossPlot.Series("D_real", it, b),
                new LossPlot.Series("cycle_A", it, c)));
        ImagePlus imp = IJ.openImage(png.toString());
        assertEquals(ImagePlus.COLOR_RGB, imp.getType());
        assertEquals(LossPlot.DEFAULT_WIDTH, imp.getWidth());
        assertEquals(LossPlot.DEFAULT_HEIGHT, imp.getHeight());
        ImageProcessor ip = imp.getProcessor();
        int[] counts = new int[4];
        for (int y = 0; y < imp.getHeight(); y++) {
            for (int x = 0; x < imp.getWidth(); x++) {
                int v = ip.getPixel(x, y) & 0xffffff;
                for (int s = 0; s < 3; s++) counts[s] += v == LossPlot.COLOURS[s] ? 1 : 0;
                counts[3] += v == LossPlot.INK ? 1 : 0;
            }
        }
        for (int s = 0; s < 3; s++) assertTrue(counts[s] > 100, "series " + s + " has " + counts[s] + " pixels");
        assertTrue(counts[3] > 500, "axes and labels have " + counts[3] + " ink pixels");
    }

    @Test
    void panelsStackOneSeriesEachWithItsOwnAxisAndMarkedPoints() throws IOException {
        double[] epochs = {1, 2, 3};
        Path png = dir.resolve("validation.png");
        // PSNR in dB and SSIM in [0, 1]: on one axis the SSIM curve would be flat at the bottom.
        LossPlot.writePanels(png, List.of(new LossPlot.Series("psnr", epochs, new double[] {20, 24, 22}),
                new LossPlot.Series("ssim", epochs, new double[] {0.5, 0.7, 0.6})), "epoch");
        ImagePlus imp = IJ.openImage(png.toString());
        assertEquals(LossPlot.DEFAULT_WIDTH, imp.getWidth());
        assertEquals(2 * LossPlot.PANEL_HEIGHT, imp.getHeight());
        ImageProcessor ip = imp.getProcessor();
        for (int panel = 0; panel < 2; panel++) {
            int[] rows = {Integer.MAX_VALUE, Integer.MIN_VALUE};
            int others = 0;
            for (int y = 0; y < imp.getHeight(); y++) {
                for (int x = 0; x < imp.getWidth(); x++) {
                    if ((ip.getPixel(x, y) & 0xffffff) == LossPlot.COLOURS[panel]) {
                        boolean inside = y / LossPlot.PANEL_HEIGHT == panel;
                        others += inside ? 0 : 1;
                        if (inside) {
                            rows[0] = Math.min(rows[0], y % LossPlot.PANEL_HEIGHT);
                            rows[1] = Math.max(rows[1], y % LossPlot.PANEL_HEIGHT);
                        }
                    }
                }
            }
            assertEquals(0, others, "panel " + panel + "'s colour stays in its panel");
            // Each series spans its own y range: from near the top of its plot to near the bottom.
            assertTrue(rows[1] - rows[0] > LossPlot.PANEL_HEIGHT / 2, "panel " + panel + " spans rows " + rows[0] + ".." + rows[1]);
        }
        RgbCanvas one = LossPlot.render(List.of(new LossPlot.Series("ssim", epochs, new double[] {0.5, 0.7, 0.6})),
                LossPlot.DEFAULT_WIDTH, LossPlot.PANEL_HEIGHT, "epoch", LossPlot.COLOURS[0], true);
        LossPlot.Frame f = LossPlot.Frame.of(List.of(new LossPlot.Series("ssim", epochs, new double[] {0.5, 0.7, 0.6})),
                LossPlot.DEFAULT_WIDTH, LossPlot.PANEL_HEIGHT);
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                assertEquals(LossPlot.COLOURS[0], one.get(f.px(3) + dx, f.py(0.6) + dy), "3 x 3 mark at the last point");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> LossPlot.writePanels(png, List.of(), "epoch"));
    }

    @Test
    void theFontHasDistinctGlyphsAndCapitalisesSmallLetters() {
        String chars = PixelFont.characters();
        assertEquals(49, chars.length(), chars);
        Set<String> shapes = new HashSet<>();
        for (char c : chars.toCharArray()) {
            int[] rows = PixelFont.rows(c);
            assertEquals(7, rows.length);
            for (int r : rows) assertTrue(r >= 0 && r < 32, "row of '" + c + "' wider than 5 pixels");
            assertTrue(shapes.add(Arrays.toString(rows)), "'" + c + "' looks like another character");
        }
        assertArrayEquals(PixelFont.rows('G'), PixelFont.rows('g'));
        assertArrayEquals(PixelFont.rows('?'), PixelFont.rows('#'));
        assertFalse(PixelFont.covers('#'));
        assertTrue(PixelFont.covers('q'));
        assertEquals(11, PixelFont.width("AB"));
        // '1' drawn at (2, 3): its stem is column 2 of the glyph, rows 0..6.
        RgbCanvas canvas = new RgbCanvas(10, 12, 0xffffff);
        canvas.text(2, 3, "1", 0);
        for (int r = 0; r < 7; r++) assertEquals(0, canvas.get(4, 3 + r), "stem row " + r);
        assertEquals(0xffffff, canvas.get(2, 4));
        assertEquals(0, canvas.get(3, 4));     // the flag of the 1
    }

    @Test
    void badInputsAreRefused() {
        assertEquals("no loss series to plot",
                assertThrows(IllegalArgumentException.class, () -> LossPlot.write(dir.resolve("x.png"), List.of())).getMessage());
        assertEquals("series D has 2 iterations but 3 values", assertThrows(IllegalArgumentException.class,
                () -> new LossPlot.Series("D", new double[2], new double[3])).getMessage());
        List<LossPlot.Series> one = List.of(new LossPlot.Series("D", X, X));
        assertThrows(IllegalArgumentException.class, () -> LossPlot.write(dir.resolve("x.png"), one, 100, 100));
        // No finite value at all still gives a frame (0..1 on both axes), not an exception.
        RgbCanvas empty = LossPlot.render(List.of(new LossPlot.Series("D", new double[] {Double.NaN}, new double[] {1})), 200, 150);
        assertEquals(LossPlot.BACKGROUND, empty.get(199, 0));
    }
}
