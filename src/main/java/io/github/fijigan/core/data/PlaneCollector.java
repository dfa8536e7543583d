package io.github.fijigan.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * Gathers the planes of {@link TrainingImages} in one pass over the sources: each plane is read in
 * physical units, its values go into the intensity sample at full resolution (what the model will
 * see at inference), and it is resized and kept. When every source is in, the normalisation is
 * fitted and applied in place, so no source is read twice.
 */
final class PlaneCollector {

    private final TrainingImages.Options options;
    private final IntensitySample sample = new IntensitySample();
    private final List<float[]> planes = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private int channels = -1;
    private String firstName;
    private Class<?> typeClass;
    private NativeType<?> type;
    private boolean mixedTypes;
    private ValueCalibration calibration;
    private boolean mixedCalibrations;
    private boolean allEightBit = true;

    PlaneCollector(TrainingImages.Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Adds every (z, t) plane of an image as one training image.
     *
     * @param name names the image in messages and in {@link TrainingImages#source(int)}
     * @throws IllegalArgumentException when its channel count differs from the images before, or its
     *     pixel type is neither real nor ARGB
     */
    void add(CalibratedImage<?> image, String label, String name) {
        int c = image.channels();
        if (channels < 0) {
            channels = c;
            firstName = name;
        } else if (c != channels) {
            throw new IllegalArgumentException(name + " has " + c + (c == 1 ? " channel" : " channels") + " but "
                    + firstName + " has " + channels + "; all training images need the same channel count");
        }
        Object pixel = image.data().getType();
        PlaneReader.channels(pixel); // refuses types that are neither real nor ARGB, naming them
        noteType(pixel, image.valueCalibration());
        ValueCalibration vc = image.valueCalibration();
        LinearMap toPhysical = vc.isIdentity() ? LinearMap.IDENTITY : LinearMap.of(vc.slope(), vc.intercept());
        int width = Math.toIntExact(image.size(Axis.X));
        int height = Math.toIntExact(image.size(Axis.Y));
        int planeSize = Math.multiplyExact(width, height);
        int perPixel = pixel instanceof ARGBType ? 3 : 1;
        long zs = image.size(Axis.Z), ts = image.size(Axis.T);
        for (long t = 0; t < ts; t++) {
            for (long z = 0; z < zs; z++) {
                float[] values = new float[Math.multiplyExact(channels, planeSize)];
                for (long ci = 0; ci < image.size(Axis.C); ci++) {
                    PlaneReader.read(image.plane(ci, z, t), toPhysical, values, (int) ci * perPixel * planeSize);
                }
                sample.add(values, 0, values.length);
                int size = options.size();
                planes.add(Resize.resize(values, width, height, channels, size, size, options.resize()));
                labels.add(label);
                sources.add(zs * ts == 1 ? name : name + " [z=" + (z + 1) + ", t=" + (t + 1) + "]");
            }
        }
    }

    private void noteType(Object pixel, ValueCalibration vc) {
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

    /** @return the recipe {@code "auto"} stands for with the images collected so far */
    Normalizer normalizer() {
        String spec = options.normalization().trim();
        if (!spec.equalsIgnoreCase(TrainingImages.AUTO)) {
            return Normalizer.parse(spec);
        }
        return allEightBit ? new WindowNormalizer(0, 255, true) : new PercentileNormalizer(0.5, 99.5, true);
    }

    /** Fits the normalisation over everything collected and converts the planes to network units in place. */
    TrainingImages finish(List<String> warnings) {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("no training images: the sources hold no planes");
        }
        IntensityMap map = normalizer().fit(sample);
        LinearMap toNetwork = map.toNetwork();
        for (float[] p : planes) {
            apply(toNetwork, p);
        }
        boolean keepStored = !mixedTypes && !mixedCalibrations;
        return new TrainingImages(planes, labels, sources, channels, options.size(), map,
                keepStored ? type : new FloatType(), keepStored ? calibration : ValueCalibration.IDENTITY, warnings);
    }

    /** In float arithmetic like core/tensor's own conversion, so both give the same network values. */
    private static void apply(LinearMap map, float[] v) {
        float a = (float) map.scale(), b = (float) map.offset();
        float lo = (float) Math.max(map.lower(), -Float.MAX_VALUE), hi = (float) Math.min(map.upper(), Float.MAX_VALUE);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.min(Math.max(Math.fma(a, v[i], b), lo), hi);
        }
    }
}
