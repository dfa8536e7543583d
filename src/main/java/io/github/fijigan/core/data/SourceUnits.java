package io.github.fijigan.core.data;

import java.util.Locale;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.normalize.IntensitySample;
import io.github.fijigan.core.normalize.Normalizer;
import io.github.fijigan.core.normalize.PercentileNormalizer;
import io.github.fijigan.core.normalize.WindowNormalizer;
import io.github.fijigan.core.tensor.LinearMap;
import io.github.fijigan.core.tensor.PlaneReader;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The units of a set of images that share one normalisation (a training set, or one domain of a
 * translation set): their pixel type and value calibration, whether they are plain 8-bit, and a
 * sample of their physical values at full resolution, from which the normalisation is fitted.
 *
 * <p>{@code auto} stands for {@code window:0,255} (clipped; the usual GAN scaling of 8-bit data)
 * when every image is 8-bit grey or RGB without value calibration, and otherwise for
 * {@code percentile:0.5,99.5} (clipped).
 */
final class SourceUnits {

    /** The normalisation spec that picks a recipe from the pixel types. */
    static final String AUTO = "auto";

    private final IntensitySample sample = new IntensitySample();
    private Class<?> typeClass;
    private NativeType<?> type;
    private boolean mixedTypes;
    private ValueCalibration calibration;
    private boolean mixedCalibrations;
    private boolean allEightBit = true;

    /**
     * Notes an image's pixel type and value calibration.
     *
     * @throws IllegalArgumentException when its pixel type is neither real nor ARGB
     */
    void note(CalibratedImage<?> image) {
        Object pixel = image.data().getType();
        PlaneReader.channels(pixel); // refuses types that are neither real nor ARGB, naming them
        ValueCalibration vc = image.valueCalibration();
        if (typeClass == null) {
            typeClass = pixel.getClass();
            type = pixel instanceof NativeType<?> n ? (NativeType<?>) n.createVariable() : new FloatType();
            calibration = vc;
        } else {
            mixedTypes |= pixel.getClass() != typeClass;
            mixedCalibrations |= !vc.equals(calibration);
        }
        allEightBit &= (pixel instanceof UnsignedByteType || pixel instanceof ARGBType) && vc.isIdentity();
    }

    /** Adds physical values to the sample the normalisation is fitted on. */
    void sample(float[] values, int from, int length) {
        sample.add(values, from, length);
    }

    /** @return the recipe a spec names, {@code auto} resolved with the images noted so far */
    Normalizer normalizer(String spec) {
        String s = spec.trim();
        if (!s.toLowerCase(Locale.ROOT).equals(AUTO)) {
            return Normalizer.parse(s);
        }
        return allEightBit ? new WindowNormalizer(0, 255, true) : new PercentileNormalizer(0.5, 99.5, true);
    }

    /** @return the map fitted over every value sampled */
    IntensityMap fit(String spec) {
        return normalizer(spec).fit(sample);
    }

    /** @return whether the images share one pixel type and one value calibration */
    boolean uniform() {
        return !mixedTypes && !mixedCalibrations;
    }

    /** @return the shared pixel type, or {@code FloatType} when the images mix types or calibrations */
    NativeType<?> pixelType() {
        return uniform() && type != null ? type : new FloatType();
    }

    /** @return the shared value calibration, or identity when the images mix types or calibrations */
    ValueCalibration calibration() {
        return uniform() && calibration != null ? calibration : ValueCalibration.IDENTITY;
    }

    /**
     * @return every channel of the plane at slice {@code z}, frame {@code t} in physical units: C
     *     blocks of width × height floats (3 per channel for ARGB), rows of X
     */
    static float[] readPlane(CalibratedImage<?> image, long z, long t) {
        ValueCalibration vc = image.valueCalibration();
        LinearMap toPhysical = vc.isIdentity() ? LinearMap.IDENTITY : LinearMap.of(vc.slope(), vc.intercept());
        int planeSize = Math.multiplyExact(Math.toIntExact(image.size(Axis.X)), Math.toIntExact(image.size(Axis.Y)));
        int perPixel = image.data().getType() instanceof ARGBType ? 3 : 1;
        float[] values = new float[Math.multiplyExact(image.channels(), planeSize)];
        for (long c = 0; c < image.size(Axis.C); c++) {
            PlaneReader.read(image.plane(c, z, t), toPhysical, values, (int) c * perPixel * planeSize);
        }
        return values;
    }

    /** Maps values in place, in float arithmetic like core/tensor's own conversion, so both give the same network values. */
    static void apply(LinearMap map, float[] v) {
        float a = (float) map.scale(), b = (float) map.offset();
        float lo = (float) Math.max(map.lower(), -Float.MAX_VALUE), hi = (float) Math.min(map.upper(), Float.MAX_VALUE);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.min(Math.max(Math.fma(a, v[i], b), lo), hi);
        }
    }
}
