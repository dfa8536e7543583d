package io.github.fijigan.core.normalize;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.tensor.LinearMap;
import io.github.fijigan.core.tensor.PlaneReader;
import net.imglib2.RandomAccessibleInterval;

/**
 * The intensities of an image or a whole dataset, in physical units, from which normalisers are
 * fitted: exact minimum and maximum, and a uniform random sample for percentiles.
 *
 * <p>Up to {@code capacity} values (4 Mi by default, a 2048² image) are kept exactly; beyond that a
 * seeded reservoir sample (Vitter's algorithm L) of that size stands for them, so memory stays
 * bounded on datasets of any size and the result is reproducible. NaN and infinite values are
 * ignored.
 */
public final class IntensitySample {

    /** Values kept before sampling starts. */
    public static final int DEFAULT_CAPACITY = 1 << 22;

    private final float[] reservoir;
    private final SplittableRandom random;
    private long seen;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double skipWeight;
    private long nextReplaced;
    private float[] sorted;

    /** A sample that keeps {@link #DEFAULT_CAPACITY} values, seeded with 0. */
    public IntensitySample() {
        this(DEFAULT_CAPACITY, 0);
    }

    /**
     * @param capacity the values kept exactly before sampling starts
     * @param seed the seed of the reservoir's random choices
     */
    public IntensitySample(int capacity, long seed) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.reservoir = new float[capacity];
        this.random = new SplittableRandom(seed);
    }

    /** Adds every plane (and every channel) of an image, in physical units. */
    public IntensitySample add(CalibratedImage<?> image) {
        for (long t = 0; t < image.size(Axis.T); t++) {
            for (long z = 0; z < image.size(Axis.Z); z++) {
                for (long c = 0; c < image.size(Axis.C); c++) {
                    add(image.plane(c, z, t), image.valueCalibration());
                }
            }
        }
        return this;
    }

    /** Adds a 2D plane whose stored values map to physical ones through {@code calibration}. */
    public IntensitySample add(RandomAccessibleInterval<?> plane, ValueCalibration calibration) {
        LinearMap toPhysical = calibration.isIdentity() ? LinearMap.IDENTITY : LinearMap.of(calibration.slope(), calibration.intercept());
        float[] values = PlaneReader.read(plane, toPhysical);
        add(values, 0, values.length);
        return this;
    }

    /** Adds {@code length} physical values from {@code values[from]}. */
    public void add(float[] values, int from, int length) {
        sorted = null;
        int k = reservoir.length;
        for (int i = from; i < from + length; i++) {
            float v = values[i];
            if (!Float.isFinite(v)) {
                continue;
            }
            if (v < min) min = v;
            if (v > max) max = v;
            if (seen < k) {
                reservoir[(int) seen] = v;
                if (seen == k - 1) {
                    skipWeight = Math.exp(Math.log(uniform()) / k);
                    nextReplaced = seen + skip() + 1;
                }
            } else if (seen == nextReplaced) {
                reservoir[random.nextInt(k)] = v;
                skipWeight *= Math.exp(Math.log(uniform()) / k);
                nextReplaced = seen + skip() + 1;
            }
            seen++;
        }
    }

    /** @return how many finite values were added */
    public long count() {
        return seen;
    }

    /** @return whether every value added is kept, so percentiles are exact */
    public boolean isExact() {
        return seen <= reservoir.length;
    }

    /** @return the smallest finite value added */
    public double min() {
        requireValues();
        return min;
    }

    /** @return the largest finite value added */
    public double max() {
        requireValues();
        return max;
    }

    /**
     * @param p in [0, 100]
     * @return the p-th percentile with linear interpolation between ranks (NumPy's default), exact
     *     while {@link #isExact()}, an estimate from the reservoir after that
     */
    public double percentile(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + p);
        }
        requireValues();
        if (sorted == null) {
            sorted = Arrays.copyOf(reservoir, (int) Math.min(seen, reservoir.length));
            Arrays.sort(sorted);
        }
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = rank - below;
        return sorted[below] + fraction * ((double) sorted[above] - sorted[below]);
    }

    private void requireValues() {
        if (seen == 0) {
            throw new IllegalStateException("no finite intensities to fit a normalisation to (empty or all-NaN images)");
        }
    }

    private long skip() {
        return (long) Math.floor(Math.log(uniform()) / Math.log(1 - skipWeight));
    }

    /** @return a uniform value in (0, 1): never 0, whose logarithm would be infinite */
    private double uniform() {
        double u;
        do {
            u = random.nextDouble();
        } while (u == 0);
        return u;
    }
}
