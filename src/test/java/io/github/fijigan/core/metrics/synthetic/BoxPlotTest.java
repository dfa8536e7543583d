package io.github.fijigan.core.metrics.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.github.fijigan.core.data.RgbCanvas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The box plot's geometry: each statistic lands on the row the value axis gives it, in its series' colour. */
class BoxPlotTest {

    private static final double[] WITH_OUTLIER = {30, 9, 1, 8, 2, 7, 3, 6, 4, 5};
    private static final double[] NARROW = {10, 11, 12, 13, 14};
    private static final List<BoxPlot.Group> GROUPS = List.of(
            new BoxPlot.Group("circle", List.of(WITH_OUTLIER, NARROW)),
            new BoxPlot.Group("square", List.of(NARROW, new double[0])));
    private static final List<String> SERIES = List.of("real", "synthetic");

    @TempDir
    Path dir;

    @Test
    void boxMedianWhiskersAndOutliersSitWhereTheValuesSay() {
        RgbCanvas canvas = BoxPlot.render(GROUPS, SERIES, "distance", 480, 400);
        BoxPlot.Layout f = BoxPlot.Layout.of(GROUPS, SERIES, 480, 400);
        int blue = BoxPlot.COLOURS[0];
        int orange = BoxPlot.COLOURS[1];
        int x = f.boxCentre(0, 0);
        int half = f.boxHalfWidth;
        // Median 5.5, quartiles 3.25 and 7.75, whiskers 1 and 9, outlier 30 (see QuartilesTest).
        assertEquals(blue, canvas.get(x, f.py(5.5)), "median line");
        assertEquals(blue, canvas.get(x + half - 1, f.py(5.5)), "median line across the box");
        assertEquals(blue, canvas.get(x - half, f.py(7.75)), "box top-left corner at q3");
        assertEquals(blue, canvas.get(x + half, f.py(3.25)), "box bottom-right corner at q1");
        assertEquals(BoxPlot.tint(blue), canvas.get(x, (f.py(5.5) + f.py(7.75)) / 2), "fill between median and q3");
        assertEquals(blue, canvas.get(x, (f.py(7.75) + f.py(9)) / 2), "upper whisker");
        assertEquals(blue, canvas.get(x, f.py(9)), "upper whisker end");
        assertEquals(blue, canvas.get(x, (f.py(1) + f.py(3.25)) / 2), "lower whisker");
        assertEquals(blue, canvas.get(x, f.py(30)), "outlier dot");
        assertNotEquals(blue, canvas.get(x, (f.py(9) + f.py(30)) / 2), "nothing between the whisker and the outlier");
        assertNotEquals(blue, canvas.get(x + half + 2, f.py(5.5)), "the box ends at its half width");
        // The second series of the first group, in the second colour: median 12.
        assertEquals(orange, canvas.get(f.boxCentre(0, 1), f.py(12)));
        assertTrue(f.boxCentre(0, 0) < f.groupCentre(0) && f.groupCentre(0) < f.boxCentre(0, 1));
        // An empty series leaves its place blank: only background and grid in its column.
        for (int y = f.top; y < f.bottom(); y++) {
            int c = canvas.get(f.boxCentre(1, 1), y);
            assertTrue(c == BoxPlot.BACKGROUND || c == BoxPlot.GRID, "empty series at row " + y);
        }
        // The value axis spans the data with 5 % room: 1 and 30 lie inside the plot.
        assertTrue(f.py(30) > f.top && f.py(1) < f.bottom());
    }

    @Test
    void writesAPngOfTheSizeAsked() throws Exception {
        Path png = dir.resolve("box.png");
        BoxPlot.write(png, GROUPS, SERIES, "distance to the real centroid");
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4));
        ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8);
        assertEquals(120 + 2 * (2 * 44 + 40), header.getInt(), "width: room for 2 groups of 2 boxes");
        assertEquals(BoxPlot.DEFAULT_HEIGHT, header.getInt());
    }

    @Test
    void mismatchedSeriesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BoxPlot.render(
                List.of(new BoxPlot.Group("a", List.of(NARROW))), SERIES, "d", 400, 300));
        assertEquals("group a has 1 series, but 2 series are named [real, synthetic]", e.getMessage());
    }
}
