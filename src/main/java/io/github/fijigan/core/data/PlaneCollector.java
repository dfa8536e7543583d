package io.github.fijigan.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.tensor.LinearMap;

/**
 * Gathers the planes of {@link TrainingImages} in one pass over the sources: each plane is read in
 * physical units, its values go into the intensity sample at full resolution (what the model will
 * see at inference), and it is resized and kept. When every source is in, the normalisation is
 * fitted and applied in place, so no source is read twice.
 */
final class PlaneCollector {

    private final TrainingImages.Options options;
    private final SourceUnits units = new SourceUnits();
    private final List<float[]> planes = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private int channels = -1;
    private String firstName;

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
        units.note(image);
        int width = Math.toIntExact(image.size(Axis.X));
        int height = Math.toIntExact(image.size(Axis.Y));
        long zs = image.size(Axis.Z), ts = image.size(Axis.T);
        for (long t = 0; t < ts; t++) {
            for (long z = 0; z < zs; z++) {
                float[] values = SourceUnits.readPlane(image, z, t);
                units.sample(values, 0, values.length);
                int size = options.size();
                planes.add(Resize.resize(values, width, height, channels, size, size, options.resize()));
                labels.add(label);
                sources.add(zs * ts == 1 ? name : name + " [z=" + (z + 1) + ", t=" + (t + 1) + "]");
            }
        }
    }

    /** Fits the normalisation over everything collected and converts the planes to network units in place. */
    TrainingImages finish(List<String> warnings) {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("no training images: the sources hold no planes");
        }
        IntensityMap map = units.fit(options.normalization());
        LinearMap toNetwork = map.toNetwork();
        for (float[] p : planes) {
            SourceUnits.apply(toNetwork, p);
        }
        return new TrainingImages(planes, labels, sources, channels, options.size(), map,
                units.pixelType(), units.calibration(), warnings);
    }
}
