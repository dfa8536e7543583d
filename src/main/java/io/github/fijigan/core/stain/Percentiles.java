package io.github.fijigan.core.stain;

import java.util.Arrays;

/**
 * Percentiles with NumPy's default ("linear") interpolation, {@code h = (n − 1) q / 100} and the
 * value at h interpolated between its two neighbouring order statistics, found by selection in
 * O(n) rather than by sorting, which matters for 16 megapixel planes.
 */
final class Percentiles {

    private Percentiles() {}

    /**
     * @param values the first {@code count} entries are the data; they are reordered
     * @param q the percentile in [0, 100]
     */
    static double of(float[] values, int count, double q) {
        if (count < 1) {
            throw new IllegalArgumentException("percentile of no values");
        }
        if (!(q >= 0 && q <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + q);
        }
        double h = (count - 1) * (q / 100);
        int lo = (int) Math.floor(h);
        select(values, count, lo);
        double low = values[lo];
        if (lo + 1 >= count || h == lo) {
            return low;
        }
        // After selection everything past lo is >= values[lo]; the next order statistic is their minimum.
        float next = values[lo + 1];
        for (int i = lo + 2; i < count; i++) {
            next = Math.min(next, values[i]);
        }
        return low + (h - lo) * (next - low);
    }

    /** Reorders {@code a[0..count)} so that a[k] is the k-th smallest, smaller ones before it and larger after. */
    static void select(float[] a, int count, int k) {
        int lo = 0, hi = count - 1;
        for (int round = 0; hi > lo; round++) {
            if (round > 64) {
                // Pathological pivots: finish by sorting what is left.
                Arrays.sort(a, lo, hi + 1);
                return;
            }
            float pivot = median(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            // Now a[lo..j] <= pivot, a[i..hi] >= pivot and everything between equals the pivot.
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static float median(float x, float y, float z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
