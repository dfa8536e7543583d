package io.github.fijigan.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.fijigan.core.image.CalibratedImage;

/**
 * Gathers the planes of one translation domain in one pass over its files: each plane's physical
 * values go into the normalisation sample at full resolution (what the model sees at inference),
 * then the plane is checked against the preprocessing, resized as it says and kept in physical
 * units. {@link #finish} fits the normalisation.
 */
final class DomainCollector {

    private final String folderName;
    private final String origin;
    private final TranslationImages.Options options;
    private final SourceUnits units = new SourceUnits();
    private final List<float[]> planes = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final List<Integer> heights = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private int channels = -1;
    private String firstName;

    /**
     * @param folderName {@code A} or {@code B}, the side of the data
     * @param origin where the images come from, for the summary
     */
    DomainCollector(String folderName, String origin, TranslationImages.Options options) {
        this.folderName = folderName;
        this.origin = origin;
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Notes an image's pixel type, calibration and channel count before its planes are added.
     *
     * @throws IllegalArgumentException when its channel count differs from the images before, or its
     *     pixel type is neither real nor ARGB
     */
    void note(CalibratedImage<?> image, String name) {
        int c = image.channels();
        if (channels < 0) {
            channels = c;
            firstName = name;
        } else if (c != channels) {
            throw new IllegalArgumentException(name + " has " + c + (c == 1 ? " channel" : " channels") + " but "
                    + firstName + " has " + channels + "; all images of domain " + folderName + " need the same channel count");
        }
        units.note(image);
    }

    /**
     * Adds one plane, noted before with {@link #note}.
     *
     * @param values {@code channels} blocks of width × height physical values; may be kept as is
     * @param source names the plane in messages and in {@link DomainImages#source(int)}
     * @throws IllegalArgumentException when the preprocessing cannot take an image of this size
     */
    void add(float[] values, int width, int height, String source) {
        Preprocess p = options.preprocess();
        String problem = p.problem(source, width, height, options.cropSize());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        units.sample(values, 0, values.length);
        int[] size = p.loadedSize(width, height, options.loadSize(), options.cropSize());
        boolean same = size[0] == width && size[1] == height;
        planes.add(same ? values : Resize.resize(values, width, height, channels, size[0], size[1], Resize.AREA));
        widths.add(size[0]);
        heights.add(size[1]);
        sources.add(source);
    }

    /** @return the number of planes added */
    int size() {
        return planes.size();
    }

    /** @return the name of a plane added, for messages */
    String source(int i) {
        return sources.get(i);
    }

    /** @return the loaded width of a plane added */
    int width(int i) {
        return widths.get(i);
    }

    /** @return the loaded height of a plane added */
    int height(int i) {
        return heights.get(i);
    }

    /** Fits the normalisation the spec names over every value added. */
    DomainImages finish(String normalization) {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("domain " + folderName + " (" + origin + ") holds no image planes");
        }
        return new DomainImages(folderName, origin, planes, widths.stream().mapToInt(Integer::intValue).toArray(),
                heights.stream().mapToInt(Integer::intValue).toArray(), sources, channels, units.fit(normalization),
                units.pixelType(), units.calibration());
    }
}
