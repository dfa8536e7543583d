package io.github.fijigan.ij;

import java.util.Arrays;
import java.util.function.Consumer;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.measure.CurveFitter;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;

/**
 * Translates ImageJ1's {@link Calibration} to and from the library's {@link SpatialCalibration}
 * and {@link ValueCalibration}.
 *
 * <p>ImageJ1 knows many value functions, but only the straight line maps onto a
 * {@link ValueCalibration}; any other function is reported as a warning and the values are kept as
 * stored, because a wrong physical value is worse than an honest raw one. ImageJ1 keeps no value
 * function on 32-bit and RGB images (it drops it in {@code Calibration.setImage}), so there the
 * value unit alone travels.
 *
 * <pre>{@code
 * SpatialCalibration s = CalibrationBridge.spatial(imp, warnings::add);
 * ValueCalibration v = CalibrationBridge.value(imp, warnings::add);   // e.g. HU for CT
 * CalibrationBridge.apply(s, v, otherImp);
 * }</pre>
 */
public final class CalibrationBridge {

    private CalibrationBridge() {
    }

    /** @return pixel size, units, origin and frame interval of an ImageJ1 image */
    public static SpatialCalibration spatial(ImagePlus imp, Consumer<String> warnings) {
        Calibration cal = imp.getCalibration();
        String unit = cal.getUnit();
        if (!unit.equals(cal.getYUnit()) || (imp.getNSlices() > 1 && !unit.equals(cal.getZUnit()))) {
            warnings.accept(imp.getTitle() + ": axes have different units (x " + unit + ", y " + cal.getYUnit()
                    + ", z " + cal.getZUnit() + "); all are taken as " + unit);
        }
        double interval = cal.frameInterval;
        if (!(interval >= 0 && Double.isFinite(interval))) {
            warnings.accept(imp.getTitle() + ": invalid frame interval " + interval + " taken as unknown (0)");
            interval = 0;
        }
        return new SpatialCalibration(
                size(imp, "pixel width", cal.pixelWidth, warnings),
                size(imp, "pixel height", cal.pixelHeight, warnings),
                size(imp, "pixel depth", cal.pixelDepth, warnings),
                unit, cal.xOrigin, cal.yOrigin, cal.zOrigin, interval, cal.getTimeUnit());
    }

    /**
     * @return the straight-line map from stored to physical values; identity (plus a warning) when
     *     ImageJ1's function is not a straight line
     */
    public static ValueCalibration value(ImagePlus imp, Consumer<String> warnings) {
        Calibration cal = imp.getCalibration();
        String unit = valueUnit(cal);
        int bitDepth = imp.getBitDepth();
        if (bitDepth == 24) {
            return ValueCalibration.IDENTITY;
        }
        int function = cal.getFunction();
        if (bitDepth == 32 || function == Calibration.NONE) {
            return new ValueCalibration(1, 0, unit);
        }
        double[] c = cal.getCoefficients();
        if (function == Calibration.STRAIGHT_LINE && c != null && c.length >= 2
                && c[1] != 0 && Double.isFinite(c[1]) && Double.isFinite(c[0])) {
            // For signed 16-bit data (DICOM CT) ImageJ stores value + 32768 and folds -32768 * slope
            // into the intercept, so this line maps ImageJ's stored values to the right HU.
            return new ValueCalibration(c[1], c[0], unit);
        }
        warnings.accept(imp.getTitle() + ": ImageJ value calibration '" + functionName(function, c)
                + "' is not a straight line; pixel values are kept as stored, without value calibration");
        return ValueCalibration.IDENTITY;
    }

    /**
     * Writes a spatial and value calibration into an ImageJ1 image. The value function is set only
     * on 8- and 16-bit images, the only ones where ImageJ1 keeps one; on 32-bit images the unit is
     * set alone (callers put physical values into 32-bit pixels).
     */
    public static void apply(SpatialCalibration s, ValueCalibration v, ImagePlus imp) {
        Calibration cal = imp.getCalibration().copy();
        cal.pixelWidth = s.pixelWidth();
        cal.pixelHeight = s.pixelHeight();
        cal.pixelDepth = s.pixelDepth();
        cal.setUnit(s.unit());
        cal.xOrigin = s.xOrigin();
        cal.yOrigin = s.yOrigin();
        cal.zOrigin = s.zOrigin();
        cal.frameInterval = s.frameInterval();
        cal.setTimeUnit(s.timeUnit());
        int bitDepth = imp.getBitDepth();
        String unit = v.unit().isEmpty() ? Calibration.DEFAULT_VALUE_UNIT : v.unit();
        if ((bitDepth == 8 || bitDepth == 16) && !v.isIdentity()) {
            cal.setFunction(Calibration.STRAIGHT_LINE, new double[] {v.intercept(), v.slope()}, unit);
        } else if (bitDepth != 24) {
            cal.disableDensityCalibration();
            cal.setValueUnit(unit);
        }
        imp.setCalibration(cal);
    }

    private static String valueUnit(Calibration cal) {
        String unit = cal.getValueUnit();
        return unit == null || unit.equals(Calibration.DEFAULT_VALUE_UNIT) ? "" : unit;
    }

    private static double size(ImagePlus imp, String what, double value, Consumer<String> warnings) {
        if (value > 0 && Double.isFinite(value)) {
            return value;
        }
        warnings.accept(imp.getTitle() + ": invalid " + what + " " + value + " taken as 1");
        return 1;
    }

    private static String functionName(int function, double[] coefficients) {
        if (function == Calibration.STRAIGHT_LINE) {
            return "straight line with unusable coefficients " + Arrays.toString(coefficients);
        }
        if (function >= 0 && function < CurveFitter.fitList.length) {
            return CurveFitter.fitList[function] + ": " + CurveFitter.fList[function];
        }
        if (function == Calibration.UNCALIBRATED_OD) {
            return "uncalibrated OD";
        }
        if (function == Calibration.CUSTOM) {
            return "custom table";
        }
        return "function #" + function;
    }
}
