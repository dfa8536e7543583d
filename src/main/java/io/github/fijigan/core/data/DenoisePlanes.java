package io.github.fijigan.core.data;

import java.util.ArrayList;
import java.util.List;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import net.imglib2.type.NativeType;

/**
 * The planes of a {@link DenoiseImages} dataset in physical units, clean and (for real pairs)
 * noisy, with the stack each belongs to, so that 2.5D inputs can take a plane's neighbours. Filled
 * image by image, then read only.
 */
final class DenoisePlanes {

    private final String origin;
    private final int cropSize;
    private final SourceUnits units = new SourceUnits();
    private final List<float[]> clean = new ArrayList<>();
    private final List<float[]> noisy = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private final List<int[]> geometry = new ArrayList<>();   // width, height, first plane of its stack, stack length
    private int channels = -1;
    private String firstName;
    private boolean pairs;

    /**
     * @param origin where the images come from, for the summary
     * @param cropSize every plane must be at least this wide and high
     */
    DenoisePlanes(String origin, int cropSize) {
        this.origin = origin;
        this.cropSize = cropSize;
    }

    /**
     * Adds every plane of an image: each frame's slices form one stack.
     *
     * @param noisyImage its noisy partner of the same size, or null (simulated noise); all images
     *     of a dataset have one or none
     * @param name names the image in messages and in {@link #source}
     * @throws IllegalArgumentException when the channels differ from the first image's, the partner's
     *     size differs, or a plane is smaller than the crop
     */
    void add(CalibratedImage<?> cleanImage, CalibratedImage<?> noisyImage, String name) {
        if (clean.isEmpty()) {
            pairs = noisyImage != null;
        } else if (pairs != (noisyImage != null)) {
            throw new IllegalArgumentException(name + ": either every clean image has a noisy partner or none has");
        }
        int c = cleanImage.channels();
        if (channels < 0) {
            channels = c;
            firstName = name;
        } else if (c != channels) {
            throw new IllegalArgumentException(name + " has " + c + (c == 1 ? " channel" : " channels") + " but " + firstName + " has "
                    + channels + "; all images need the same channel count");
        }
        if (noisyImage != null) {
            checkSameSize(cleanImage, noisyImage, name);
        }
        units.note(cleanImage);
        int width = Math.toIntExact(cleanImage.size(Axis.X)), height = Math.toIntExact(cleanImage.size(Axis.Y));
        if (width < cropSize || height < cropSize) {
            throw new IllegalArgumentException(name + " is " + width + "x" + height + " pixels, smaller than the crop size " + cropSize
                    + "; choose a smaller crop_size");
        }
        long zs = cleanImage.size(Axis.Z), ts = cleanImage.size(Axis.T);
        for (long t = 0; t < ts; t++) {
            int first = clean.size();
            for (long z = 0; z < zs; z++) {
                float[] values = SourceUnits.readPlane(cleanImage, z, t);
                units.sample(values, 0, values.length);
                clean.add(values);
                if (noisyImage != null) {
                    float[] partner = SourceUnits.readPlane(noisyImage, z, t);
                    units.sample(partner, 0, partner.length);
                    noisy.add(partner);
                }
                sources.add(zs * ts == 1 ? name : name + " [z=" + (z + 1) + ", t=" + (t + 1) + "]");
                geometry.add(new int[] {width, height, first, (int) zs});
            }
        }
    }

    private static void checkSameSize(CalibratedImage<?> cleanImage, CalibratedImage<?> noisyImage, String name) {
        if (cleanImage.channels() != noisyImage.channels()) {
            throw new IllegalArgumentException(name + ": the noisy image has " + noisyImage.channels() + " channel(s) but the clean one "
                    + cleanImage.channels());
        }
        for (Axis axis : Axis.values()) {
            if (cleanImage.size(axis) != noisyImage.size(axis)) {
                throw new IllegalArgumentException(name + ": the noisy image has " + noisyImage.size(axis) + " along " + axis
                        + " but the clean one " + cleanImage.size(axis) + "; a pair must have the same size and planes");
            }
        }
    }

    int size() {
        return clean.size();
    }

    int channels() {
        return channels;
    }

    boolean pairs() {
        return pairs;
    }

    String origin() {
        return origin;
    }

    float[] clean(int i) {
        return clean.get(i);
    }

    /** @return the real noisy plane of a pair, or the clean plane the simulator will add noise to */
    float[] noisyOrClean(int i) {
        return pairs ? noisy.get(i) : clean.get(i);
    }

    int width(int i) {
        return geometry.get(i)[0];
    }

    int height(int i) {
        return geometry.get(i)[1];
    }

    String source(int i) {
        return sources.get(i);
    }

    /** @return the plane {@code offset} slices away from plane {@code i} in its stack, clamped to the stack's ends */
    int neighbour(int i, int offset) {
        int[] g = geometry.get(i);
        int z = i - g[2];
        return g[2] + Math.min(Math.max(z + offset, 0), g[3] - 1);
    }

    SourceUnits units() {
        return units;
    }

    NativeType<?> pixelType() {
        return units.pixelType();
    }

    ValueCalibration calibration() {
        return units.calibration();
    }
}
