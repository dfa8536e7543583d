package io.github.fijigan.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.metrics.Metric;
import io.github.fijigan.core.metrics.MetricImage;
import io.github.fijigan.core.tensor.LinearMap;
import io.github.fijigan.core.tensor.PlaneReader;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * Held-out image pairs a training run measures its generator on, to pick its best epoch: each
 * pair's input goes through the model as users apply it (whole image, tiled, in the image's own
 * units and type) and its output is compared with the reference under full-reference metrics, at
 * one data range. Stacks are compared plane by plane; a metric's value for the set is its mean over
 * every plane of every pair.
 *
 * <pre>{@code
 * ValidationSet set = ValidationData.load(config, new ImageJReader());          // config's validation folders
 * Map<String, Double> means = set.measure(image -> translator.translate(image).image(),
 *         MetricRegistry.parse("psnr, ssim"));                                     // {psnr=24.1, ssim=0.83}
 * new GanTrainer(config, data, runFolder).validation(set).train();
 * }</pre>
 */
public final class ValidationSet {

    /**
     * One held-out pair.
     *
     * @param name the pair's name (the file name without extension)
     * @param input what the model takes, in its own units (e.g. the A image, the noisy image)
     * @param reference what its output should be: same width, height, slices and frames
     */
    public record Pair(String name, CalibratedImage<?> input, CalibratedImage<?> reference) {

        /** @throws IllegalArgumentException naming the pair when input and reference differ in size */
        public Pair {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(reference, "reference");
            for (Axis axis : new Axis[] {Axis.X, Axis.Y, Axis.Z, Axis.T}) {
                if (input.size(axis) != reference.size(axis)) {
                    throw new IllegalArgumentException("validation pair '" + name + "': the input is " + size(input)
                            + " but the reference is " + size(reference));
                }
            }
        }

        private static String size(CalibratedImage<?> image) {
            return image.size(Axis.X) + "x" + image.size(Axis.Y) + " pixels, " + image.size(Axis.Z) + " slice(s), " + image.size(Axis.T)
                    + " frame(s)";
        }
    }

    private final List<Pair> pairs;
    private final double dataRange;

    private ValidationSet(List<Pair> pairs, double dataRange) {
        this.pairs = pairs;
        this.dataRange = dataRange;
    }

    /**
     * @param pairs at least one
     * @param dataRange the width of the references' value range in their physical units, or 0 for
     *     {@link #dataRangeOf}
     * @throws IllegalArgumentException when there is no pair or the range is negative or not finite
     */
    public static ValidationSet of(List<Pair> pairs, double dataRange) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no validation pairs");
        }
        if (!(dataRange >= 0) || Double.isInfinite(dataRange)) {
            throw new IllegalArgumentException("data_range: must be 0 (from the images) or positive, got " + dataRange);
        }
        List<Pair> copy = List.copyOf(pairs);
        return new ValidationSet(copy, dataRange > 0 ? dataRange : dataRangeOf(copy));
    }

    /**
     * The data range the metrics use when the config leaves it to the images ({@code data_range}
     * 0): 255 when every reference is 8-bit (grey or RGB) without a value calibration, as
     * scikit-image takes it for {@code uint8}; otherwise the references' own range, max − min of
     * their physical values (a 16-bit CT in HU, float images), since such types say nothing of the
     * values they hold. Fixed once for the set, so every epoch is measured alike.
     *
     * @return a positive range (1 when every reference is flat)
     */
    public static double dataRangeOf(List<Pair> pairs) {
        boolean eightBit = true;
        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        for (Pair p : pairs) {
            CalibratedImage<?> r = p.reference();
            Object type = r.data().getType();
            eightBit &= (type instanceof UnsignedByteType || type instanceof ARGBType) && r.valueCalibration().isIdentity();
            LinearMap physical = physical(r.valueCalibration());
            for (long t = 0; t < r.size(Axis.T); t++) {
                for (long z = 0; z < r.size(Axis.Z); z++) {
                    for (long c = 0; c < r.size(Axis.C); c++) {
                        for (float v : PlaneReader.read(r.plane(c, z, t), physical)) {
                            if (Float.isFinite(v)) {
                                low = Math.min(low, v);
                                high = Math.max(high, v);
                            }
                        }
                    }
                }
            }
        }
        if (eightBit) {
            return 255;
        }
        return high > low ? high - low : 1;
    }

    /** @return the pairs, in the order they are measured */
    public List<Pair> pairs() {
        return pairs;
    }

    /** @return the width of the references' value range the metrics use */
    public double dataRange() {
        return dataRange;
    }

    /**
     * Measures a model on every pair.
     *
     * @param model the model as users apply it: an input image to its output, in the reference's
     *     units and of its size
     * @param metrics the metrics to compute
     * @return each metric's mean over every plane of every pair, by name, in the order given
     * @throws IllegalArgumentException naming the pair when an output cannot be compared with its
     *     reference (channels, size, non-finite values)
     */
    public Map<String, Double> measure(UnaryOperator<CalibratedImage<?>> model, List<Metric> metrics) {
        double[] sums = new double[metrics.size()];
        long planes = 0;
        for (Pair pair : pairs) {
            CalibratedImage<?> output = model.apply(pair.input());
            CalibratedImage<?> reference = pair.reference();
            for (long t = 0; t < reference.size(Axis.T); t++) {
                for (long z = 0; z < reference.size(Axis.Z); z++) {
                    MetricImage want = plane(reference, z, t);
                    MetricImage got = plane(output, z, t);
                    for (int m = 0; m < sums.length; m++) {
                        try {
                            sums[m] += metrics.get(m).compute(want, got, dataRange);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("validation pair '" + pair.name() + "': " + e.getMessage(), e);
                        }
                    }
                    planes++;
                }
            }
        }
        Map<String, Double> means = new LinkedHashMap<>();
        for (int m = 0; m < sums.length; m++) {
            means.put(metrics.get(m).name(), sums[m] / planes);
        }
        return means;
    }

    /** @return plane (z, t) of an image, all its channels, as the metrics see it */
    static MetricImage plane(CalibratedImage<?> image, long z, long t) {
        return MetricImage.of(slice(image, z, t));
    }

    private static <T> CalibratedImage<T> slice(CalibratedImage<T> image, long z, long t) {
        RandomAccessibleInterval<T> view = image.data();
        List<Axis> axes = new ArrayList<>(image.axes());
        // The highest axis first, so the lower one's dimension index stays valid.
        for (Axis axis : new Axis[] {Axis.T, Axis.Z}) {
            int d = image.indexOf(axis);
            if (d >= 0) {
                view = Views.hyperSlice(view, d, view.min(d) + (axis == Axis.T ? t : z));
                axes.remove(axis);
            }
        }
        return new CalibratedImage<>(view, axes, image.spatialCalibration(), image.valueCalibration(), image.name());
    }

    private static LinearMap physical(ValueCalibration vc) {
        return vc.isIdentity() ? LinearMap.IDENTITY : LinearMap.of(vc.slope(), vc.intercept());
    }

    @Override
    public String toString() {
        return "ValidationSet[" + pairs.size() + " pair(s), data range " + dataRange + "]";
    }
}
