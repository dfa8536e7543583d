package io.github.fijigan.core.image;

import java.util.Objects;

/**
 * The linear map from stored pixel values to physical values, {@code physical = slope * stored +
 * intercept}, as DICOM's rescale slope/intercept (CT in Hounsfield units) or ImageJ's straight-line
 * calibration function.
 *
 * @param slope the factor applied to stored values; never zero
 * @param intercept the offset added after scaling
 * @param unit the physical unit (e.g. "HU"); empty when the values have no unit
 */
public record ValueCalibration(double slope, double intercept, String unit) {

    /** Stored values are the physical values. */
    public static final ValueCalibration IDENTITY = new ValueCalibration(1, 0, "");

    public ValueCalibration {
        if (!(slope != 0 && Double.isFinite(slope)) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException(
                    "value calibration needs a finite non-zero slope and a finite intercept, got slope="
                            + slope + " intercept=" + intercept);
        }
        unit = Objects.requireNonNullElse(unit, "");
    }

    /** @return whether stored values equal physical values */
    public boolean isIdentity() {
        return slope == 1 && intercept == 0;
    }

    /** @return the physical value of a stored value */
    public double toPhysical(double stored) {
        return slope * stored + intercept;
    }

    /** @return the stored value (before rounding) that represents a physical value */
    public double toStored(double physical) {
        return (physical - intercept) / slope;
    }
}
