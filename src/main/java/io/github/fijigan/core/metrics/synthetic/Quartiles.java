package io.github.fijigan.core.metrics.synthetic;

import java.util.Arrays;

/**
 * The five-number summary of a sample and the whiskers of its box plot. Quartiles interpolate
 * linearly between order statistics at position {@code p (n − 1)}, as NumPy's {@code percentile}
 * and R's type 7 do; the whiskers reach the most extreme values within 1.5 IQR of the box (Tukey),
 * values beyond them are outliers.
 *
 * <pre>{@code
 * Quartiles q = Quartiles.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 30});
 * q.median();        // 5.5
 * q.highWhisker();   // 9: 30 is beyond q3 + 1.5 IQR = 14.5, an outlier
 * }</pre>
 *
 * @param n the number of finite values summarised (NaN and infinite values are left out)
 * @param min smallest value
 * @param q1 first quartile (25th percentile)
 * @param median second quartile
 * @param q3 third quartile (75th percentile)
 * @param max largest value
 * @param lowWhisker smallest value at or above {@code q1 − 1.5 IQR}
 * @param highWhisker largest value at or below {@code q3 + 1.5 IQR}
 * @param mean arithmetic mean
 */
public record Quartiles(int n, double min, double q1, double median, double q3, double max, double lowWhisker,
        double highWhisker, double mean) {

    /** The summary of no values: every statistic NaN. */
    public static final Quartiles EMPTY = new Quartiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN);

    /** @return the summary of the finite values; {@link #EMPTY} when there are none */
    public static Quartiles of(double[] values) {
        double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return EMPTY;
        }
        double q1 = percentile(sorted, 25);
        double q3 = percentile(sorted, 75);
        double reach = 1.5 * (q3 - q1);
        double low = sorted[sorted.length - 1];
        double high = sorted[0];
        double sum = 0;
        for (double v : sorted) {
            if (v >= q1 - reach) {
                low = Math.min(low, v);
            }
            if (v <= q3 + reach) {
                high = Math.max(high, v);
            }
            sum += v;
        }
        return new Quartiles(sorted.length, sorted[0], q1, percentile(sorted, 50), q3, sorted[sorted.length - 1], low, high,
                sum / sorted.length);
    }

    /**
     * @param sorted ascending, at least one value
     * @param p percent, 0 to 100
     * @return the value at position {@code p/100 · (n − 1)}, interpolated linearly
     */
    static double percentile(double[] sorted, double p) {
        double position = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    /** @return whether a value lies beyond the whiskers */
    public boolean isOutlier(double value) {
        return value < lowWhisker || value > highWhisker;
    }
}
