package io.github.fijigan.core.metrics.benefit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.github.fijigan.core.data.PixelFont;
import io.github.fijigan.core.data.RgbCanvas;

/**
 * Draws {@code benefit.png}: a grouped bar chart with one group per arm and, in each, a bar for the
 * mean accuracy and one for the mean macro-F1 over the repeats, with error bars of ± one sample
 * standard deviation (left out for a single repeat), each mean written above its bar. Drawn without
 * AWT in the style of the loss plot: white background, a y axis from 0 to 1 with light grid lines
 * every 0.2, the matplotlib "tab10" colours, labels in the 5 × 7 pixel font.
 *
 * <pre>{@code
 * BenefitPlot.write(output.resolve("benefit.png"), table);
 * }</pre>
 */
public final class BenefitPlot {

    /** Image width in pixels. */
    public static final int WIDTH = 640;
    /** Image height in pixels. */
    public static final int HEIGHT = 400;

    /** The metrics drawn, and their bar colours (tab10 blue and orange). */
    static final List<String> METRICS = List.of("accuracy", "macro_f1");
    static final int[] COLOURS = {0x1f77b4, 0xff7f0e};
    private static final List<String> LEGEND = List.of("ACCURACY", "MACRO-F1");
    private static final int BACKGROUND = 0xffffff;
    private static final int INK = 0x202020;
    private static final int GRID = 0xe4e4e4;

    private BenefitPlot() {
    }

    /**
     * @throws IllegalArgumentException when the table has no runs
     * @throws IOException when the file cannot be written (nothing half-written is left)
     */
    public static void write(Path png, BenefitTable table) throws IOException {
        render(table).write(png);
    }

    static RgbCanvas render(BenefitTable table) {
        List<Arm> arms = table.arms();
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("no runs to plot");
        }
        Layout f = new Layout(arms.size());
        RgbCanvas canvas = new RgbCanvas(WIDTH, HEIGHT, BACKGROUND);
        int repeats = (int) table.runs().stream().filter(r -> r.arm() == arms.get(0)).count();
        long first = table.runs().stream().mapToLong(BenefitTable.Run::seed).min().orElse(0);
        long last = table.runs().stream().mapToLong(BenefitTable.Run::seed).max().orElse(0);
        String title = "HELD-OUT TEST, MEAN" + (repeats > 1 ? " +- SD" : "") + " OVER " + repeats
                + (repeats == 1 ? " REPEAT, SEED " + first : " REPEATS, SEEDS " + first + " TO " + last);
        canvas.text(f.left, 8, title, INK);
        int x = f.right() - 4;
        for (int m = LEGEND.size() - 1; m >= 0; m--) {
            x -= PixelFont.width(LEGEND.get(m));
            canvas.text(x, 8, LEGEND.get(m), INK);
            x -= 4 + 14;
            canvas.fill(x, 8 + PixelFont.HEIGHT / 2 - 2, 14, 4, COLOURS[m]);
            x -= 12;
        }
        for (int t = 0; t <= 5; t++) {
            double v = t / 5.0;
            int y = f.py(v);
            canvas.line(f.left, y, f.right(), y, GRID);
            canvas.line(f.left - 3, y, f.left - 1, y, INK);
            String label = String.format(Locale.ROOT, "%.1f", v);
            canvas.text(f.left - 5 - PixelFont.width(label), y - PixelFont.HEIGHT / 2, label, INK);
        }
        for (int a = 0; a < arms.size(); a++) {
            for (int m = 0; m < METRICS.size(); m++) {
                BenefitTable.Summary s = table.summary(arms.get(a), METRICS.get(m));
                drawBar(canvas, f, f.barLeft(a, m), s.mean(), s.sd(), COLOURS[m]);
            }
            String name = PixelFont.displayed(arms.get(a).label());
            canvas.text(f.groupCentre(a) - PixelFont.width(name) / 2, f.bottom() + 8, name, INK);
        }
        canvas.line(f.left, f.top, f.left, f.bottom(), INK);
        canvas.line(f.left, f.bottom(), f.right(), f.bottom(), INK);
        return canvas;
    }

    private static void drawBar(RgbCanvas canvas, Layout f, int left, double mean, double sd, int colour) {
        if (!Double.isFinite(mean)) {
            return;
        }
        int top = f.py(mean);
        canvas.fill(left, top, f.barWidth, f.bottom() - top, colour);
        int centre = left + f.barWidth / 2;
        int labelBottom = top;
        if (Double.isFinite(sd) && sd > 0) {
            int hi = f.py(mean + sd), lo = f.py(mean - sd);
            canvas.line(centre, hi, centre, lo, INK);
            canvas.line(centre - 3, hi, centre + 3, hi, INK);
            canvas.line(centre - 3, lo, centre + 3, lo, INK);
            labelBottom = Math.min(labelBottom, hi);
        }
        String value = String.format(Locale.ROOT, "%.2f", mean);
        canvas.text(centre - PixelFont.width(value) / 2, labelBottom - 3 - PixelFont.HEIGHT, value, INK);
    }

    /** Where the plot area, the groups and the bars lie, and how values map to rows. */
    static final class Layout {
        final int left = 40;
        final int top = 40;
        final int plotWidth = WIDTH - 40 - 12;
        final int plotHeight = HEIGHT - 40 - 26;
        final int groups;
        final int barWidth;

        Layout(int groups) {
            this.groups = groups;
            this.barWidth = Math.max(2, plotWidth / groups * 3 / 10);
        }

        int right() {
            return left + plotWidth - 1;
        }

        int bottom() {
            return top + plotHeight - 1;
        }

        int groupCentre(int group) {
            return left + (2 * group + 1) * plotWidth / (2 * groups);
        }

        /** @return the first column of bar m (0 accuracy, 1 macro-F1) of a group; the two bars touch the centre */
        int barLeft(int group, int metric) {
            return groupCentre(group) - (metric == 0 ? barWidth + 1 : -1);
        }

        /** @return the row of a value, clamped to [0, 1]: 0 at the bottom edge, 1 at the top edge */
        int py(double value) {
            double v = Math.min(1, Math.max(0, value));
            return top + (int) Math.round((1 - v) * (plotHeight - 1));
        }
    }
}
