package io.github.fijigan.core.data;

import java.util.List;
import java.util.Objects;

import com.google.gson.JsonObject;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.tensor.LinearMap;
import net.imglib2.type.NativeType;

/**
 * The images of one domain of a {@link TranslationImages} dataset, held in memory in physical
 * units (the images' value calibration applied: HU for CT) at their loaded size (after the
 * preprocessing's fixed resize, before any crop), with the normalisation fitted for the domain.
 *
 * <p>Each 2D plane of a file (every slice z and frame t) is one image; its channels (the C axis,
 * or R, G, B) stay together.
 *
 * <pre>{@code
 * DomainImages a = data.domainA();
 * DomainSpec spec = a.spec();                          // for the model bundle
 * Img<?> out = ImageTensors.toImage(fakeA, 0, a.pixelType(), a.fromNetwork());
 * }</pre>
 */
public final class DomainImages {

    private final String folderName;
    private final String origin;
    private final List<float[]> planes;
    private final int[] widths;
    private final int[] heights;
    private final List<String> sources;
    private final int channels;
    private final IntensityMap map;
    private final NativeType<?> pixelType;
    private final ValueCalibration calibration;

    DomainImages(String folderName, String origin, List<float[]> planes, int[] widths, int[] heights, List<String> sources,
            int channels, IntensityMap map, NativeType<?> pixelType, ValueCalibration calibration) {
        this.folderName = Objects.requireNonNull(folderName, "folderName");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.planes = List.copyOf(planes);
        this.widths = widths.clone();
        this.heights = heights.clone();
        this.sources = List.copyOf(sources);
        this.channels = channels;
        this.map = Objects.requireNonNull(map, "map");
        this.pixelType = Objects.requireNonNull(pixelType, "pixelType");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    /**
     * @return {@code A} or {@code B}: the side of the data the images were loaded from (folder
     *     {@code trainA} or {@code trainB}, the first or second folder, the left or right half),
     *     whatever the direction made of them
     */
    public String folderName() {
        return folderName;
    }

    /** @return where the images came from: the folder, or the folder and which half */
    public String origin() {
        return origin;
    }

    /** @return the number of images (planes) */
    public int size() {
        return planes.size();
    }

    /** @return the channels of every image: 1 grey, 3 RGB */
    public int channels() {
        return channels;
    }

    /** @return the width of image {@code i} after the preprocessing's fixed resize */
    public int width(int i) {
        return widths[checkIndex(i)];
    }

    /** @return the height of image {@code i} after the preprocessing's fixed resize */
    public int height(int i) {
        return heights[checkIndex(i)];
    }

    /** @return the file image {@code i} came from, with z and t for a stack's plane */
    public String source(int i) {
        return sources.get(checkIndex(i));
    }

    /** @return image {@code i} in physical units: C planes of width × height floats, rows of X (a copy) */
    public float[] pixels(int i) {
        return planes.get(checkIndex(i)).clone();
    }

    /** The stored array itself, for batching without a copy. */
    float[] plane(int i) {
        return planes.get(i);
    }

    /** @return the fitted map between physical values and the network's [-1, 1] */
    public IntensityMap intensityMap() {
        return map;
    }

    /** @return channels, intensity map and value unit, as a model bundle stores the domain */
    public DomainSpec spec() {
        return new DomainSpec(channels, map, valueUnit());
    }

    /**
     * @return a new variable of the images' pixel type ({@code UnsignedByteType},
     *     {@code UnsignedShortType}, {@code ShortType}, {@code FloatType}, {@code ARGBType}, ...);
     *     {@code FloatType} when the images mix types or value calibrations
     */
    public NativeType<?> pixelType() {
        return (NativeType<?>) pixelType.createVariable();
    }

    /** @return the images' value calibration (stored to physical); identity when they differ */
    public ValueCalibration valueCalibration() {
        return calibration;
    }

    /** @return the unit of the physical values (e.g. "HU"); empty when none */
    public String valueUnit() {
        return calibration.unit();
    }

    /** @return stored values of {@link #pixelType()} to network units, clamped as the map says */
    public LinearMap toNetwork() {
        return map.toNetwork(calibration);
    }

    /** @return network units back to stored values of {@link #pixelType()} (unclamped; the type clamps) */
    public LinearMap fromNetwork() {
        return map.fromNetwork(calibration);
    }

    /** @return what a model's provenance keeps of the domain */
    JsonObject summary() {
        JsonObject json = new JsonObject();
        json.addProperty("folder", folderName);
        json.addProperty("source", origin);
        json.addProperty("images", size());
        json.addProperty("channels", channels);
        json.addProperty("pixel_type", pixelType.getClass().getSimpleName());
        json.addProperty("value_unit", valueUnit());
        json.add("normalization", map.toJson());
        return json;
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= planes.size()) {
            throw new IndexOutOfBoundsException("image " + i + " of " + planes.size() + " in domain " + folderName);
        }
        return i;
    }

    @Override
    public String toString() {
        return "DomainImages[" + folderName + " from " + origin + ", " + size() + " images, " + channels + " channel(s), "
                + map + ", " + pixelType.getClass().getSimpleName() + "]";
    }
}
