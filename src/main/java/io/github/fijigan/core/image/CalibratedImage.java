package io.github.fijigan.core.image;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.view.Views;

/**
 * An imglib2 image with what a medical user expects to survive processing: the meaning of each
 * axis, pixel size and units, and the map from stored values to physical values (e.g. HU).
 *
 * <p>Axes are a subsequence of X, Y, C, Z, T in that order, always starting with X and Y. A colour
 * image stored as {@code ARGBType} has no C axis: its three channels live in the pixel type.
 *
 * <pre>{@code
 * CalibratedImage<UnsignedShortType> ct = ...;                // e.g. from the ImageJ1 bridge
 * RandomAccessibleInterval<UnsignedShortType> slice = ct.plane(0, 12, 0);
 * double hu = ct.valueCalibration().toPhysical(storedValue);
 * }</pre>
 *
 * @param <T> the pixel type
 */
public final class CalibratedImage<T> {

    private final RandomAccessibleInterval<T> data;
    private final List<Axis> axes;
    private final SpatialCalibration spatial;
    private final ValueCalibration value;
    private final String name;

    /**
     * @param data the pixels, dimensions in the order of {@code axes}
     * @param axes one axis per dimension, a subsequence of X, Y, C, Z, T starting with X, Y
     * @param spatial pixel sizes and units
     * @param value stored-to-physical value map
     * @param name a title for the image (file name, window title); may be empty
     */
    public CalibratedImage(
            RandomAccessibleInterval<T> data,
            List<Axis> axes,
            SpatialCalibration spatial,
            ValueCalibration value,
            String name) {
        this.data = Objects.requireNonNull(data, "data");
        this.axes = List.copyOf(axes);
        this.spatial = Objects.requireNonNull(spatial, "spatial calibration");
        this.value = Objects.requireNonNull(value, "value calibration");
        this.name = Objects.requireNonNullElse(name, "");
        checkAxes(data, this.axes);
    }

    /** A 2D image (X, Y) with no calibration. */
    public static <T> CalibratedImage<T> plain(RandomAccessibleInterval<T> xy, String name) {
        return new CalibratedImage<>(
                xy, List.of(Axis.X, Axis.Y), SpatialCalibration.UNCALIBRATED, ValueCalibration.IDENTITY, name);
    }

    /** @return the pixels, dimensions ordered as {@link #axes()} */
    public RandomAccessibleInterval<T> data() {
        return data;
    }

    /** @return the axis of each dimension */
    public List<Axis> axes() {
        return axes;
    }

    /** @return pixel size, origin and units */
    public SpatialCalibration spatialCalibration() {
        return spatial;
    }

    /** @return the stored-to-physical value map */
    public ValueCalibration valueCalibration() {
        return value;
    }

    /** @return the image's title */
    public String name() {
        return name;
    }

    /** @return the dimension index of an axis, or -1 when the image lacks it */
    public int indexOf(Axis axis) {
        return axes.indexOf(axis);
    }

    /** @return the length of an axis; 1 when the image lacks it */
    public long size(Axis axis) {
        int d = indexOf(axis);
        return d < 0 ? 1 : data.dimension(d);
    }

    /** @return the image's channels: the length of its C axis, times 3 for ARGB pixels (R, G, B) */
    public int channels() {
        int perPixel = data.getType() instanceof ARGBType ? 3 : 1;
        return Math.toIntExact(size(Axis.C) * perPixel);
    }

    /** @return the number of 2D planes (channels × slices × frames) */
    public long planeCount() {
        return size(Axis.C) * size(Axis.Z) * size(Axis.T);
    }

    /**
     * The 2D (X, Y) plane at a channel, slice and frame, as a view; indices count from 0 and are
     * relative to the image's own minimum.
     */
    public RandomAccessibleInterval<T> plane(long c, long z, long t) {
        RandomAccessibleInterval<T> view = data;
        // Slice the highest axes first so lower dimension indices stay valid.
        long[] at = {t, z, c};
        Axis[] order = {Axis.T, Axis.Z, Axis.C};
        for (int i = 0; i < order.length; i++) {
            int d = indexOf(order[i]);
            if (d < 0) {
                if (at[i] != 0) {
                    throw new IndexOutOfBoundsException(order[i] + " index " + at[i] + " but the image has no " + order[i] + " axis");
                }
                continue;
            }
            if (at[i] < 0 || at[i] >= view.dimension(d)) {
                throw new IndexOutOfBoundsException(order[i] + " index " + at[i] + " outside 0.." + (view.dimension(d) - 1));
            }
            view = Views.hyperSlice(view, d, view.min(d) + at[i]);
        }
        return view;
    }

    /** @return an image with the same axes and calibration but other pixels (e.g. a processed copy) */
    public <U> CalibratedImage<U> withData(RandomAccessibleInterval<U> newData) {
        return new CalibratedImage<>(newData, axes, spatial, value, name);
    }

    /** @return the same image with another value calibration */
    public CalibratedImage<T> withValueCalibration(ValueCalibration newValue) {
        return new CalibratedImage<>(data, axes, spatial, newValue, name);
    }

    private static void checkAxes(RandomAccessibleInterval<?> data, List<Axis> axes) {
        if (axes.size() != data.numDimensions()) {
            throw new IllegalArgumentException(
                    "image has " + data.numDimensions() + " dimensions but " + axes.size() + " axes " + axes);
        }
        if (axes.size() < 2 || axes.get(0) != Axis.X || axes.get(1) != Axis.Y) {
            throw new IllegalArgumentException("axes must start with X, Y; got " + axes);
        }
        EnumSet<Axis> seen = EnumSet.noneOf(Axis.class);
        int last = -1;
        for (Axis a : axes) {
            if (!seen.add(a) || a.ordinal() <= last) {
                throw new IllegalArgumentException("axes must be a subsequence of X, Y, C, Z, T; got " + axes);
            }
            last = a.ordinal();
        }
    }

    @Override
    public String toString() {
        return "CalibratedImage[" + name + ", axes=" + axes + ", dims=" + java.util.Arrays.toString(data.dimensionsAsLongArray())
                + ", " + spatial + ", " + value + "]";
    }
}
