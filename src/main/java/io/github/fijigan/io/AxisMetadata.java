package io.github.fijigan.io;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;

import io.github.fijigan.core.image.Axis;

/**
 * What imagej-common's {@code CalibratedAxis} says about one dimension, read by reflection.
 *
 * <p>imagej-common is not on the compile classpath (the library must build without Fiji), so the
 * methods are looked up by name and shape: {@code axis(int)} on the image, and on the axis
 * {@code type().getLabel()}, {@code averageScale(double, double)}, {@code unit()} and
 * {@code calibratedValue(double)}. Anything missing reads as unknown rather than failing.
 *
 * @param label the axis type's label ("X", "Y", "Channel", "Z", "Time", or another), null if unknown
 * @param scale calibrated size of one pixel step, NaN if unknown
 * @param unit the axis unit, null if unknown
 * @param origin calibrated position of pixel 0, NaN if unknown
 */
record AxisMetadata(String label, double scale, String unit, double origin) {

    static final AxisMetadata UNKNOWN = new AxisMetadata(null, Double.NaN, null, Double.NaN);

    private static final Map<String, Axis> LABELS = Map.of(
            "x", Axis.X, "y", Axis.Y, "channel", Axis.C, "c", Axis.C, "z", Axis.Z, "time", Axis.T, "t", Axis.T);

    /** @return whether an image exposes imagej-common's {@code axis(int)} */
    static boolean available(Object image) {
        return find(image, "axis", int.class) != null;
    }

    /** @return the metadata of dimension {@code d}, with unknown parts where a method is missing */
    static AxisMetadata of(Object image, int d) {
        Object axis = call(image, "axis", new Class<?>[] {int.class}, d);
        if (axis == null) {
            return UNKNOWN;
        }
        Object type = call(axis, "type", new Class<?>[0]);
        Object label = type == null ? null : call(type, "getLabel", new Class<?>[0]);
        Object scale = call(axis, "averageScale", new Class<?>[] {double.class, double.class}, 0.0, 1.0);
        Object unit = call(axis, "unit", new Class<?>[0]);
        Object origin = call(axis, "calibratedValue", new Class<?>[] {double.class}, 0.0);
        return new AxisMetadata(
                label instanceof String s ? s : null,
                scale instanceof Double v ? v : Double.NaN,
                unit instanceof String s && !s.isBlank() ? s : null,
                origin instanceof Double v ? v : Double.NaN);
    }

    /** @return the library axis this label names, or null for other labels (e.g. "Lifetime") */
    Axis axis() {
        return label == null ? null : LABELS.get(label.strip().toLowerCase(Locale.ROOT));
    }

    /** @return the scale if it is a usable pixel size, else the fallback */
    double scaleOr(double fallback) {
        return scale > 0 && Double.isFinite(scale) ? scale : fallback;
    }

    /** @return the origin in pixels (ImageJ's convention: pixel index of position 0), 0 if unknown */
    double originInPixels() {
        double s = scaleOr(Double.NaN);
        // 0.0 - keeps an origin of 0 from becoming -0.0.
        return Double.isFinite(origin) && Double.isFinite(s) ? 0.0 - origin / s : 0;
    }

    private static Method find(Object target, String name, Class<?>... parameters) {
        try {
            return target.getClass().getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object call(Object target, String name, Class<?>[] parameters, Object... arguments) {
        Method method = find(target, name, parameters);
        if (method == null) {
            return null;
        }
        try {
            return invoke(method, target, arguments);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A metadata method that fails leaves that piece unknown; pixels stay readable.
            return null;
        }
    }

    private static Object invoke(Method method, Object target, Object[] arguments)
            throws IllegalAccessException, InvocationTargetException {
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            // A public method of a non-public class (e.g. an anonymous axis) needs this.
            method.setAccessible(true);
            return method.invoke(target, arguments);
        }
    }
}
