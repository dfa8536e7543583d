package io.github.fijigan.core.metrics.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.github.fijigan.core.data.LossPlot;
import io.github.fijigan.core.data.PixelFont;
import io.github.fijigan.core.data.RgbCanvas;

/**
 * Draws box plots of several series (e.g. real and synthetic) for each of several groups (e.g.
 * classes) into an RGB PNG without AWT, in the style of {@link LossPlot}: white background, "nice"
 * ticks with light grid lines on the value axis, matplotlib's tab10 colours in series order, the
 * value label and the legend in a row above the plot, labels in the built-in 5 × 7 capitals.
 *
 * <p>Each box spans the quartiles with a line at the median ({@link Quartiles}: linear
 * interpolation), whiskers reach the furthest values within 1.5 IQR, and the values beyond are
 * drawn as dots. A series without finite values leaves its place empty.
 *
 * <pre>{@code
 * BoxPlot.write(out.resolve("latent_distances.png"), List.of(
 *         new BoxPlot.Group("circle", List.of(realCircle, syntheticCircle)),
 *         new BoxPlot.Group("square", List.of(realSquare, syntheticSquare))),
 *         List.of("real", "synthetic"), "distance to the real centroid");
 * }</pre>
 */
public final class BoxPlot {

    /** Series colours: matplotlib's tab10. */
    static final int[] COLOURS = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    static final int BACKGROUND = 0xffffff;
    static final int INK = 0x202020;
    static final int GRID = 0xe4e4e4;
    /** Default image height in pixels. */
    public static final int DEFAULT_HEIGHT = 400;

    /**
     * The boxes of one group.
     *
     * @param name shown under the group (in capitals)
     * @param series the values of each series, in the order of the series names
     */
    public record Group(String name, List<double[]> series) {

        public Group {
            Objects.requireNonNull(name, "name");
            series = series.stream().map(double[]::clone).toList();
        }
    }

    private BoxPlot() {}

    /**
     * Writes a plot {@value #DEFAULT_HEIGHT} pixels high and wide enough for the boxes (at least 360).
     *
     * @param seriesNames one per series, for the legend
     * @param valueLabel what the values are, written above the value axis
     * @throws IllegalArgumentException when there are no groups or a group's series count differs from the names
     * @throws IOException when the file cannot be written (nothing half-written is left)
     */
    public static void write(Path png, List<Group> groups, List<String> seriesNames, String valueLabel) throws IOException {
        int width = Math.max(360, 120 + groups.size() * (seriesNames.size() * 44 + 40));
        render(groups, seriesNames, valueLabel, width, DEFAULT_HEIGHT).write(png);
    }

    static RgbCanvas render(List<Group> groups, List<String> seriesNames, String valueLabel, int width, int height) {
        Layout f = Layout.of(groups, seriesNames, width, height);
        RgbCanvas canvas = new RgbCanvas(width, height, BACKGROUND);
        for (double t : f.ticks) {
            int y = f.py(t);
            canvas.line(f.left, y, f.right(), y, GRID);
            canvas.line(f.left - 3, y, f.left - 1, y, INK);
            String label = LossPlot.label(t, f.step);
            canvas.text(f.left - 5 - PixelFont.width(label), y - PixelFont.HEIGHT / 2, label, INK);
        }
        canvas.text(f.left, 4, PixelFont.displayed(valueLabel), INK);
        for (int g = 0; g < groups.size(); g++) {
            String name = PixelFont.displayed(groups.get(g).name());
            int centre = f.groupCentre(g);
            canvas.line(centre, f.bottom() + 1, centre, f.bottom() + 3, INK);
            canvas.text(centre - PixelFont.width(name) / 2, f.bottom() + 6, name, INK);
            for (int s = 0; s < seriesNames.size(); s++) {
                drawBox(canvas, f, groups.get(g).series().get(s), f.boxCentre(g, s), COLOURS[s % COLOURS.length]);
            }
        }
        canvas.line(f.left, f.top, f.left, f.bottom(), INK);
        canvas.line(f.left, f.bottom(), f.right(), f.bottom(), INK);
        drawLegend(canvas, f, seriesNames);
        return canvas;
    }

    private static void drawBox(RgbCanvas canvas, Layout f, double[] values, int centre, int colour) {
        Quartiles q = Quartiles.of(values);
        if (q.n() == 0) {
            return;
        }
        int half = f.boxHalfWidth;
        int top = f.py(q.q3());
        int bottom = f.py(q.q1());
        canvas.line(centre, f.py(q.highWhisker()), centre, top, colour);
        canvas.line(centre, bottom, centre, f.py(q.lowWhisker()), colour);
        canvas.line(centre - half / 2, f.py(q.highWhisker()), centre + half / 2, f.py(q.highWhisker()), colour);
        canvas.line(centre - half / 2, f.py(q.lowWhisker()), centre + half / 2, f.py(q.lowWhisker()), colour);
        canvas.fill(centre - half, top, 2 * half + 1, bottom - top + 1, tint(colour));
        canvas.line(centre - half, top, centre + half, top, colour);
        canvas.line(centre - half, bottom, centre + half, bottom, colour);
        canvas.line(centre - half, top, centre - half, bottom, colour);
        canvas.line(centre + half, top, centre + half, bottom, colour);
        canvas.line(centre - half, f.py(q.median()), centre + half, f.py(q.median()), colour);
        for (double v : values) {
            if (Double.isFinite(v) && q.isOutlier(v)) {
                canvas.fill(centre - 1, f.py(v) - 1, 3, 3, colour);
            }
        }
    }

    /** @return the colour mixed with 70 % white: the box's fill, light enough for the median line to show */
    static int tint(int colour) {
        int r = colour >> 16 & 0xff, g = colour >> 8 & 0xff, b = colour & 0xff;
        return mix(r) << 16 | mix(g) << 8 | mix(b);
    }

    private static int mix(int channel) {
        return (int) Math.round(channel * 0.3 + 255 * 0.7);
    }

    /** One row above the plot, right-aligned, so the legend never hides a box. */
    private static void drawLegend(RgbCanvas canvas, Layout f, List<String> names) {
        int x = f.right() + 1;
        for (int s = names.size() - 1; s >= 0; s--) {
            String name = PixelFont.displayed(names.get(s));
            x -= PixelFont.width(name);
            canvas.text(x, 4, name, INK);
            x -= 4 + 10;
            int colour = COLOURS[s % COLOURS.length];
            canvas.fill(x, 4, 10, PixelFont.HEIGHT, tint(colour));
            canvas.fill(x, 4 + PixelFont.HEIGHT / 2, 10, 1, colour);
            x -= 12;
        }
    }

    /** Where the plot area lies, where each box goes, and how values map to rows. */
    static final class Layout {
        final int left, top, plotWidth, plotHeight, groups, series, boxHalfWidth;
        final double min, max, step;
        final double[] ticks;

        private Layout(int left, int top, int plotWidth, int plotHeight, int groups, int series, double[] range) {
            this.left = left;
            this.top = top;
            this.plotWidth = plotWidth;
            this.plotHeight = plotHeight;
            this.groups = groups;
            this.series = series;
            this.min = range[0];
            this.max = range[1];
            this.step = LossPlot.step(min, max, 5);
            this.ticks = LossPlot.ticks(min, max, 5);
            int slot = plotWidth / groups / (series + 1);
            this.boxHalfWidth = Math.max(2, Math.min(16, slot / 2 - 2));
        }

        static Layout of(List<Group> groups, List<String> seriesNames, int width, int height) {
            if (groups.isEmpty() || seriesNames.isEmpty()) {
                throw new IllegalArgumentException("a box plot needs at least one group and one series");
            }
            for (Group g : groups) {
                if (g.series().size() != seriesNames.size()) {
                    throw new IllegalArgumentException("group " + g.name() + " has " + g.series().size() + " series, but "
                            + seriesNames.size() + " series are named " + seriesNames);
                }
            }
            if (width < 160 || height < 120) {
                throw new IllegalArgumentException("a box plot needs at least 160x120 pixels, got " + width + "x" + height);
            }
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (Group g : groups) {
                for (double[] values : g.series()) {
                    for (double v : values) {
                        if (Double.isFinite(v)) {
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
            }
            double[] range = lo > hi ? new double[] {0, 1} : hi > lo ? new double[] {lo, hi} : new double[] {lo - 0.5, hi + 0.5};
            double pad = (range[1] - range[0]) * 0.05;
            range = new double[] {range[0] - pad, range[1] + pad};
            int labelWidth = 0;
            for (double t : LossPlot.ticks(range[0], range[1], 5)) {
                labelWidth = Math.max(labelWidth, PixelFont.width(LossPlot.label(t, LossPlot.step(range[0], range[1], 5))));
            }
            int left = labelWidth + 10, top = 4 + PixelFont.HEIGHT + 8;
            return new Layout(left, top, width - left - 12, height - top - 22, groups.size(), seriesNames.size(), range);
        }

        int right() {
            return left + plotWidth - 1;
        }

        int bottom() {
            return top + plotHeight - 1;
        }

        /** @return the column at the middle of group {@code g}'s slot */
        int groupCentre(int g) {
            return left + (int) Math.round((g + 0.5) * plotWidth / groups);
        }

        /** @return the column of series {@code s}'s box in group {@code g}: spread evenly over the slot */
        int boxCentre(int g, int s) {
            double slot = (double) plotWidth / groups;
            return left + (int) Math.round(g * slot + (s + 1) * slot / (series + 1));
        }

        /** @return the row of a value: max at the top edge, min at the bottom edge */
        int py(double v) {
            return top + (int) Math.round((max - v) / (max - min) * (plotHeight - 1));
        }
    }
}
