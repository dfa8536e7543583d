package io.github.fijigan.core.image;

import java.util.Objects;

/**
 * Pixel size, origin and units of an image's spatial and time axes, as ImageJ's {@code Calibration}
 * or DICOM's pixel spacing and slice thickness describe them.
 *
 * @param pixelWidth size of a pixel along X, in {@code unit}
 * @param pixelHeight size of a pixel along Y, in {@code unit}
 * @param pixelDepth distance between slices along Z, in {@code unit}
 * @param unit the spatial unit (e.g. "mm", "µm"); "pixel" when uncalibrated
 * @param xOrigin origin along X, in pixels (ImageJ's convention)
 * @param yOrigin origin along Y, in pixels
 * @param zOrigin origin along Z, in slices
 * @param frameInterval time between frames along T, in {@code timeUnit}; 0 when unknown
 * @param timeUnit the time unit (e.g. "s")
 */
public record SpatialCalibration(
        double pixelWidth,
        double pixelHeight,
        double pixelDepth,
        String unit,
        double xOrigin,
        double yOrigin,
        double zOrigin,
        double frameInterval,
        String timeUnit) {

    /** One pixel per unit "pixel": an image that carries no spatial calibration. */
    public static final SpatialCalibration UNCALIBRATED =
            new SpatialCalibration(1, 1, 1, "pixel", 0, 0, 0, 0, "sec");

    public SpatialCalibration {
        requirePositive("pixel width", pixelWidth);
        requirePositive("pixel height", pixelHeight);
        requirePositive("pixel depth", pixelDepth);
        if (!(frameInterval >= 0 && Double.isFinite(frameInterval))) {
            throw new IllegalArgumentException("frame interval must be finite and >= 0, got " + frameInterval);
        }
        unit = Objects.requireNonNullElse(unit, "pixel");
        timeUnit = Objects.requireNonNullElse(timeUnit, "sec");
    }

    /** Pixel sizes in a unit, everything else uncalibrated. */
    public static SpatialCalibration of(double pixelWidth, double pixelHeight, double pixelDepth, String unit) {
        return new SpatialCalibration(pixelWidth, pixelHeight, pixelDepth, unit, 0, 0, 0, 0, "sec");
    }

    private static void requirePositive(String what, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + value);
        }
    }
}
