package io.github.fijigan.ij;

import ij.ImagePlus;
import ij.measure.Calibration;

/**
 * Keeps pixel sizes bit-exact through ImageJ TIFF files.
 *
 * <p>ImageJ writes pixel width and height as TIFF resolution rationals (0.661468 mm comes back as
 * 0.6614684069…) and a single plane's pixel depth (e.g. a CT slice thickness) not at all; the rest
 * of its calibration goes into the description as exact decimals. The writer therefore adds the
 * three sizes as image properties, which ImageJ stores in the TIFF, and the reader takes them only
 * where they agree with what ImageJ read, so a file re-saved after a change of scale keeps the new
 * scale.
 */
final class ExactCalibration {

    static final String PIXEL_WIDTH = "fijigan.pixelWidth";
    static final String PIXEL_HEIGHT = "fijigan.pixelHeight";
    static final String PIXEL_DEPTH = "fijigan.pixelDepth";

    /** Relative disagreement tolerated between the stored rational and the exact value. */
    private static final double AGREEMENT = 1e-6;

    private ExactCalibration() {
    }

    /** @return the previous values of the properties, to hand to {@link #unmark} after saving */
    static String[] mark(ImagePlus imp) {
        String[] previous = {imp.getProp(PIXEL_WIDTH), imp.getProp(PIXEL_HEIGHT), imp.getProp(PIXEL_DEPTH)};
        Calibration cal = imp.getCalibration();
        imp.setProp(PIXEL_WIDTH, Double.toString(cal.pixelWidth));
        imp.setProp(PIXEL_HEIGHT, Double.toString(cal.pixelHeight));
        imp.setProp(PIXEL_DEPTH, Double.toString(cal.pixelDepth));
        return previous;
    }

    static void unmark(ImagePlus imp, String[] previous) {
        imp.setProp(PIXEL_WIDTH, previous[0]);
        imp.setProp(PIXEL_HEIGHT, previous[1]);
        imp.setProp(PIXEL_DEPTH, previous[2]);
    }

    /** Replaces ImageJ's rounded sizes by the exact ones stored by {@link #mark}, where they agree. */
    static void restore(ImagePlus imp) {
        Calibration cal = imp.getCalibration();
        double width = exact(imp, PIXEL_WIDTH, cal.pixelWidth);
        double height = exact(imp, PIXEL_HEIGHT, cal.pixelHeight);
        // ImageJ writes no depth for a single plane and reads it back as 1.
        double depth = imp.getNSlices() == 1 && cal.pixelDepth == 1
                ? stored(imp, PIXEL_DEPTH, cal.pixelDepth)
                : exact(imp, PIXEL_DEPTH, cal.pixelDepth);
        if (width != cal.pixelWidth || height != cal.pixelHeight || depth != cal.pixelDepth) {
            Calibration exact = cal.copy();
            exact.pixelWidth = width;
            exact.pixelHeight = height;
            exact.pixelDepth = depth;
            imp.setCalibration(exact);
        }
    }

    private static double exact(ImagePlus imp, String key, double read) {
        double value = stored(imp, key, read);
        return Math.abs(value - read) <= AGREEMENT * Math.max(Math.abs(value), Math.abs(read)) ? value : read;
    }

    private static double stored(ImagePlus imp, String key, double fallback) {
        String text = imp.getProp(key);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.strip());
            return value > 0 && Double.isFinite(value) ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
