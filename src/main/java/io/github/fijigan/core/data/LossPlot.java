package io.github.fijigan.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws loss curves (several named series over iterations) into an RGB PNG without AWT, for the
 * {@code losses.png} a training run keeps up to date in its folder.
 *
 * <p>White background, a frame with "nice" ticks (steps of 1, 2 or 5 × 10^k) and light grid lines
 * on both axes, one line per series in the matplotlib "tab10" colours, and a legend in the top
 * right corner. Labels use a built-in 5 × 7 pixel font in capitals. The y range covers every finite
 * value with 5 % room above and below; non-finite values (a diverged loss) break a line instead of
 * stretching the axis.
 *
 * <pre>{@code
 * LossPlot.write(run.resolve("losses.png"), List.of(
 *         new LossPlot.Series("G_GAN", iterations, generatorLosses),
 *         new LossPlot.Series("D", iterations, discriminatorLosses)));
 * }</pre>
 */
public final class LossPlot {

    /** Default image width in pixels. */
    public static final int DEFAULT_WIDTH = 640;
    /** Default image height in pixels. */
    public static final int DEFAULT_HEIGHT = 400;
    /** Height of one panel of {@link #writePanels}, in pixels. */
    public static final int PANEL_HEIGHT = 200;

    /** Line colours, in order of the series: matplotlib's tab10. */
    static final int[] COLOURS = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    static final int BACKGROUND = 0xffffff;
    static final int INK = 0x202020;
    static final int GRID = 0xe4e4e4;

    /**
     * One curve.
     *
     * @param name shown in the legend (drawn in capitals)
     * @param iterations the x value of each point, e.g. the training iteration
     * @param values the y value of each point, e.g. the loss; NaN or infinite values leave a gap
     */
    public record Series(String name, double[] iterations, double[] values) {

        public Series {
            Objects.requireNonNull(name, "name");
            if (iterations.length != values.length) {
                throw new IllegalArgumentException("series " + name + " has " + iterations.length + " iterations but "
                        + values.length + " values");
            }
            iterations = iterations.clone();
            values = values.clone();
        }
    }

    private LossPlot() {
    }

    /** Writes a {@value #DEFAULT_WIDTH} × {@value #DEFAULT_HEIGHT} plot; see {@link #write(Path, List, int, int)}. */
    public static void write(Path png, List<Series> series) throws IOException {
        write(png, series, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * @param series at least one; more than ten reuse the colours
     * @throws IllegalArgumentException when there are no series or the image is too small for a plot (below 160 × 120)
     * @throws IOException when the file cannot be written (nothing half-written is left)
     */
    public static void write(Path png, List<Series> series, int width, int height) throws IOException {
        render(series, width, height).write(png);
    }

    /**
     * Writes one panel per series, stacked from top to bottom, each {@value #DEFAULT_WIDTH} × {@value
     * #PANEL_HEIGHT} pixels with its own y axis, so curves of different scales (PSNR in dB, SSIM in
     * [0, 1]) each fill their panel; every point is marked, so a curve of a few points (e.g. one per
     * validated epoch) shows where it was measured. The legend of each panel names its series.
     *
     * <pre>{@code
     * LossPlot.writePanels(run.resolve("validation.png"), List.of(
     *         new LossPlot.Series("psnr", epochs, psnr), new LossPlot.Series("ssim", epochs, ssim)), "epoch");
     * }</pre>
     *
     * @param xLabel the x axis' name, e.g. {@code epoch}
     * @throws IllegalArgumentException when there are no series
     * @throws IOException when the file cannot be written (nothing half-written is left)
     */
    public static void writePanels(Path png, List<Series> panels, String xLabel) throws IOException {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no series to plot");
        }
        RgbCanvas canvas = new RgbCanvas(DEFAULT_WIDTH, PANEL_HEIGHT * panels.size(), BACKGROUND);
        for (int p = 0; p < panels.size(); p++) {
            RgbCanvas panel = render(List.of(panels.get(p)), DEFAULT_WIDTH, PANEL_HEIGHT, xLabel, COLOURS[p % COLOURS.length], true);
            canvas.paste(panel, 0, p * PANEL_HEIGHT);
        }
        canvas.write(png);
    }

    static RgbCanvas render(List<Series> series, int width, int height) {
        return render(series, width, height, "iteration", -1, false);
    }

    /**
     * @param colour the colour of a single series, or -1 for the tab10 colours in turn
     * @param markers whether to draw a 3 × 3 mark at every point
     */
    static RgbCanvas render(List<Series> series, int width, int height, String xLabel, int colour, boolean markers) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no loss series to plot");
        }
        if (width < 160 || height < 120) {
            throw new IllegalArgumentException("a loss plot needs at least 160x120 pixels, got " + width + "x" + height);
        }
        Frame f = Frame.of(series, width, height);
        RgbCanvas canvas = new RgbCanvas(width, height, BACKGROUND);
        for (double t : f.yTicks) {
            int y = f.py(t);
            canvas.line(f.left, y, f.right(), y, GRID);
            canvas.line(f.left - 3, y, f.left - 1, y, INK);
            String label = label(t, f.yStep);
            canvas.text(f.left - 5 - PixelFont.width(label), y - PixelFont.HEIGHT / 2, label, INK);
        }
        for (double t : f.xTicks) {
            int x = f.px(t);
            canvas.line(x, f.top, x, f.bottom(), GRID);
            canvas.line(x, f.bottom() + 1, x, f.bottom() + 3, INK);
            String label = label(t, f.xStep);
            canvas.text(x - PixelFont.width(label) / 2, f.bottom() + 6, label, INK);
        }
        String axis = PixelFont.displayed(xLabel);
        canvas.text(f.left + (f.plotWidth - PixelFont.width(axis)) / 2, f.bottom() + 17, axis, INK);
        for (int s = 0; s < series.size(); s++) {
            drawSeries(canvas, f, series.get(s), colourOf(s, colour), markers);
        }
        canvas.line(f.left, f.top, f.left, f.bottom(), INK);
        canvas.line(f.left, f.bottom(), f.right(), f.bottom(), INK);
        drawLegend(canvas, f, series, colour);
        return canvas;
    }

    private static int colourOf(int s, int single) {
        return single >= 0 ? single : COLOURS[s % COLOURS.length];
    }

    private static void drawSeries(RgbCanvas canvas, Frame f, Series s, int colour, boolean markers) {
        int lastX = 0, lastY = 0;
        boolean drawing = false;
        for (int i = 0; i < s.values().length; i++) {
            double x = s.iterations()[i], y = s.values()[i];
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                drawing = false;
                continue;
            }
            int px = f.px(x), py = f.py(y);
            if (markers) {
                canvas.fill(px - 1, py - 1, 3, 3, colour);
            }
            if (drawing) {
                canvas.line(lastX, lastY, px, py, colour);
            } else {
                canvas.set(px, py, colour);
            }
            lastX = px;
            lastY = py;
            drawing = true;
        }
    }

    private static void drawLegend(RgbCanvas canvas, Frame f, List<Series> series, int single) {
        int longest = 0;
        for (Series s : series) {
            longest = Math.max(longest, PixelFont.width(PixelFont.displayed(s.name())));
        }
        int rowHeight = PixelFont.HEIGHT + 4;
        int w = 4 + 14 + 4 + longest + 4;
        int h = 4 + rowHeight * series.size();
        int x0 = f.right() - 6 - w, y0 = f.top + 6;
        canvas.fill(x0, y0, w, h, BACKGROUND);
        canvas.line(x0, y0, x0 + w - 1, y0, GRID);
        canvas.line(x0, y0 + h - 1, x0 + w - 1, y0 + h - 1, GRID);
        canvas.line(x0, y0, x0, y0 + h - 1, GRID);
        canvas.line(x0 + w - 1, y0, x0 + w - 1, y0 + h - 1, GRID);
        for (int s = 0; s < series.size(); s++) {
            int y = y0 + 4 + s * rowHeight;
            int colour = colourOf(s, single);
            canvas.fill(x0 + 4, y + PixelFont.HEIGHT / 2 - 1, 14, 2, colour);
            canvas.text(x0 + 4 + 14 + 4, y, PixelFont.displayed(series.get(s).name()), INK);
        }
    }

    /**
     * @return about {@code target} round values in [lo, hi]: multiples of a step of 1, 2 or 5 × 10^k
     */
    public static double[] ticks(double lo, double hi, int target) {
        double step = step(lo, hi, target);
        long first = (long) Math.ceil(lo / step - 1e-9), last = (long) Math.floor(hi / step + 1e-9);
        List<Double> ticks = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            // k * step, rounded to the step's decimals so 0.1 * 3 prints and places as 0.3
            ticks.add(Double.parseDouble(label(k * step, step)));
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return the tick step for a range: 1, 2 or 5 times a power of ten */
    public static double step(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / magnitude;
        return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
    }

    /** @return a tick label with as many decimals as the step needs (0.25 with step 0.05 gives "0.25") */
    public static String label(double value, double step) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        if (decimals > 0 && Math.abs(step * Math.pow(10, decimals) - Math.round(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    /** Where the plot area lies and how data map to pixels. */
    static final class Frame {
        final int left, top, plotWidth, plotHeight;
        final double xMin, xMax, yMin, yMax, xStep, yStep;
        final double[] xTicks, yTicks;

        private Frame(int left, int top, int plotWidth, int plotHeight, double[] x, double[] y) {
            this.left = left;
            this.top = top;
            this.plotWidth = plotWidth;
            this.plotHeight = plotHeight;
            xMin = x[0];
            xMax = x[1];
            yMin = y[0];
            yMax = y[1];
            xStep = step(xMin, xMax, 6);
            yStep = step(yMin, yMax, 5);
            xTicks = ticks(xMin, xMax, 6);
            yTicks = ticks(yMin, yMax, 5);
        }

        static Frame of(List<Series> series, int width, int height) {
            double[] x = range(series, true);
            double[] y = range(series, false);
            double pad = (y[1] - y[0]) * 0.05;
            y = new double[] {y[0] - pad, y[1] + pad};
            int labelWidth = 0;
            for (double t : ticks(y[0], y[1], 5)) {
                labelWidth = Math.max(labelWidth, PixelFont.width(label(t, step(y[0], y[1], 5))));
            }
            int left = labelWidth + 10, top = 10;
            return new Frame(left, top, width - left - 12, height - top - 30, x, y);
        }

        /** @return [min, max] of the finite x or y values, widened by ½ when flat, [0, 1] when there are none */
        private static double[] range(List<Series> series, boolean x) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (Series s : series) {
                for (int i = 0; i < s.values().length; i++) {
                    double xv = s.iterations()[i], yv = s.values()[i];
                    if (Double.isFinite(xv) && Double.isFinite(yv)) {
                        double v = x ? xv : yv;
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            if (lo > hi) {
                return new double[] {0, 1};
            }
            return hi > lo ? new double[] {lo, hi} : new double[] {lo - 0.5, hi + 0.5};
        }

        int right() {
            return left + plotWidth - 1;
        }

        int bottom() {
            return top + plotHeight - 1;
        }

        /** @return the column of an x value: xMin at the left edge, xMax at the right edge */
        int px(double x) {
            return left + (int) Math.round((x - xMin) / (xMax - xMin) * (plotWidth - 1));
        }

        /** @return the row of a y value: yMax at the top edge, yMin at the bottom edge */
        int py(double y) {
            return top + (int) Math.round((yMax - y) / (yMax - yMin) * (plotHeight - 1));
        }
    }
}
