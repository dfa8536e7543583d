package io.github.fijigan.core.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.noise.NoiseSimulator;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.normalize.Normalizer;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;
import net.imglib2.type.NativeType;

/**
 * Images for training a denoiser: clean planes with their noisy partners, either real (two folders
 * of images matched by name) or simulated afresh for every batch by a {@link NoiseSimulator}, held
 * in memory in physical units (HU for CT) and cut into patches in network units.
 *
 * <p><b>Samples</b> are random {@code cropSize} squares (flipped left-right with probability 1/2
 * unless flips are off) of the images at their own resolution: nothing is resized, since resizing
 * would change the noise. An epoch has {@code patchesPerImage} samples per plane. <b>2.5D:</b> with
 * {@code slices} = 2k + 1 > 1 the input of a sample holds the noisy planes z - k .. z + k of its
 * stack (the same file and frame), the edge slices repeated past the stack's ends, as channels
 * (slice-major); the target is the clean plane z. Each neighbour gets its own simulated noise.
 *
 * <p><b>Intensities:</b> noisy and clean share one map, from a {@link Normalizer} spec or
 * {@code auto}: {@code window:-1000,1000} for images in HU, otherwise as translation domains
 * ({@code window:0,255} for plain 8-bit data, else {@code percentile:0.5,99.5}), fitted over every
 * clean and real noisy value. The map never clips: a denoiser must give back every value, bone and
 * air outside the window included.
 *
 * <p><b>Random draws</b> per sample, in order: from {@code crops}, x and y ({@code nextInt}) then the
 * flip ({@code nextBoolean}, when flips are on); from {@code noise}, each slice's noise, slice by
 * slice, channel by channel, pixel by pixel in the (unflipped) window's row order.
 *
 * <pre>{@code
 * DenoiseImages data = DenoiseImages.load(Path.of("ct"), new ImageJReader(),   // ct/clean/*.dcm only
 *         DenoiseImages.Options.DEFAULT.withCropSize(64).withNoise(new PoissonNoise(1e5, 0.25, 0.0192, 20)),
 *         ProgressListener.NONE, new CancellationToken());
 * try (ImageBatch batch = data.batch(manager, new int[] {0, 1}, step.random("augment"), step.random("noise"))) {
 *     batch.images();   // (2, slices * C, 64, 64) noisy, network units
 *     batch.targets();  // (2, C, 64, 64) clean
 * }
 * }</pre>
 */
public final class DenoiseImages {

    /** The normalisation spec that picks a recipe from the images' units. */
    public static final String AUTO = SourceUnits.AUTO;

    /**
     * How to cut and normalise the images and where their noise comes from.
     *
     * @param cropSize the side of each patch, at least 1, at most every image's width and height
     * @param slices neighbouring slices per input, odd (1 for 2D)
     * @param flip whether patches are mirrored left-right at random
     * @param normalization {@code auto} or a {@link Normalizer#parse} spec (used without clipping)
     * @param patchesPerImage samples per plane in an epoch, at least 1
     * @param noise the simulator for clean-only data; null for real pairs
     */
    public record Options(int cropSize, int slices, boolean flip, String normalization, int patchesPerImage, NoiseSimulator noise) {

        /** 64-pixel patches, 2D, flips on, auto normalisation, one patch per image, real pairs. */
        public static final Options DEFAULT = new Options(64, 1, true, AUTO, 1, null);

        public Options {
            if (cropSize < 1) {
                throw new IllegalArgumentException("crop size must be at least 1 pixel, got " + cropSize);
            }
            if (slices < 1 || slices % 2 == 0) {
                throw new IllegalArgumentException("slices must be an odd number (1 for 2D, 3, 5, ...), got " + slices);
            }
            if (patchesPerImage < 1) {
                throw new IllegalArgumentException("patches per image must be at least 1, got " + patchesPerImage);
            }
            String s = Objects.requireNonNullElse(normalization, "").trim().toLowerCase(Locale.ROOT);
            if (!s.equals(AUTO)) {
                Normalizer.parse(s); // fail now, not after reading every file
            }
            normalization = s;
        }

        /** @return these options with another patch side */
        public Options withCropSize(int size) {
            return new Options(size, slices, flip, normalization, patchesPerImage, noise);
        }

        /** @return these options with another number of neighbouring slices */
        public Options withSlices(int n) {
            return new Options(cropSize, n, flip, normalization, patchesPerImage, noise);
        }

        /** @return these options with random flips on or off */
        public Options withFlip(boolean on) {
            return new Options(cropSize, slices, on, normalization, patchesPerImage, noise);
        }

        /** @return these options with another normalisation spec */
        public Options withNormalization(String spec) {
            return new Options(cropSize, slices, flip, spec, patchesPerImage, noise);
        }

        /** @return these options with another number of patches per image and epoch */
        public Options withPatchesPerImage(int n) {
            return new Options(cropSize, slices, flip, normalization, n, noise);
        }

        /** @return these options simulating noise on clean images (null: real pairs) */
        public Options withNoise(NoiseSimulator simulator) {
            return new Options(cropSize, slices, flip, normalization, patchesPerImage, simulator);
        }
    }

    private final Options options;
    private final DenoisePlanes planes;
    private final IntensityMap map;
    private final List<String> warnings;

    DenoiseImages(Options options, DenoisePlanes planes, IntensityMap map, List<String> warnings) {
        this.options = options;
        this.planes = planes;
        this.map = map;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Loads a dataset: {@code root/clean} and {@code root/noisy} (real pairs, matched by file name
     * without extension, of equal size), or {@code root/clean} alone, or the images in {@code root}
     * (clean images, for a simulator).
     *
     * @throws ImageReadException naming the folder or file: no images, a file without its partner, a
     *     partner of another size, an image smaller than the crop, real pairs and a simulator both
     *     given, or clean images without a simulator
     */
    public static DenoiseImages load(Path root, ImageReader reader, Options options, ProgressListener progress,
            CancellationToken cancel) throws ImageReadException {
        return DenoiseLoader.load(root, reader, options, progress, cancel);
    }

    /**
     * A dataset of images already open (e.g. in Fiji).
     *
     * @param clean the clean images
     * @param noisy their noisy partners, in the same order and of the same size; null to simulate noise
     * @throws IllegalArgumentException as {@link #load} for files
     */
    public static DenoiseImages of(List<? extends CalibratedImage<?>> clean, List<? extends CalibratedImage<?>> noisy, Options options) {
        return DenoiseLoader.of(clean, noisy, options);
    }

    /**
     * Makes one batch of noisy and clean patches, drawn from the two streams alone (order in the
     * class comment), in network units.
     *
     * @param indices samples in [0, {@link #size()}); sample i is plane {@code i mod planes()}
     * @return images (N, slices × C, S, S) noisy, and targets (N, C, S, S) clean, S the crop size
     */
    public ImageBatch batch(NDManager manager, int[] indices, SplittableRandom crops, SplittableRandom noise) {
        Objects.requireNonNull(crops, "crops");
        Objects.requireNonNull(noise, "noise");
        CropWindow[] windows = new CropWindow[indices.length];
        int[] plane = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= size()) {
                throw new IndexOutOfBoundsException("sample " + indices[k] + " of " + size());
            }
            plane[k] = indices[k] % planes.size();
            int size = options.cropSize();
            int x = crops.nextInt(planes.width(plane[k]) - size + 1);
            int y = crops.nextInt(planes.height(plane[k]) - size + 1);
            windows[k] = new CropWindow(x, y, size, size, options.flip() && crops.nextBoolean());
        }
        return DenoisePatches.stack(manager, planes, options, map, plane, windows, noise);
    }

    /**
     * A batch that is the same every time, for sample grids: planes 0, 1, … (cycling), centre
     * patches, no flips, simulated noise from {@code noiseSeed}.
     *
     * @param count the samples wanted, at least 1; fewer when there are fewer planes
     */
    public ImageBatch fixed(NDManager manager, int count, long noiseSeed) {
        if (count < 1) {
            throw new IllegalArgumentException("a fixed batch needs at least one sample, got " + count);
        }
        int n = Math.min(count, planes.size());
        CropWindow[] windows = new CropWindow[n];
        int[] plane = new int[n];
        for (int k = 0; k < n; k++) {
            plane[k] = k;
            int size = options.cropSize();
            windows[k] = new CropWindow((planes.width(k) - size) / 2, (planes.height(k) - size) / 2, size, size, false);
        }
        return DenoisePatches.stack(manager, planes, options, map, plane, windows, new SplittableRandom(noiseSeed));
    }

    /** @return the samples per epoch: planes × patches per image */
    public int size() {
        return Math.multiplyExact(planes.size(), options.patchesPerImage());
    }

    /** @return the number of clean planes (every slice and frame of every image) */
    public int planes() {
        return planes.size();
    }

    /** @return the channels of each image: 1 grey, 3 RGB */
    public int channels() {
        return planes.channels();
    }

    /** @return the channels of a network input: slices × channels */
    public int inputChannels() {
        return options.slices() * planes.channels();
    }

    /** @return whether the noise is simulated (clean images only) rather than real pairs */
    public boolean simulated() {
        return options.noise() != null;
    }

    /** @return plane {@code i} in physical units, clean: C planes of width × height floats, rows of X (a copy) */
    public float[] clean(int i) {
        return planes.clean(i).clone();
    }

    /** @return the width of plane {@code i} */
    public int width(int i) {
        return planes.width(i);
    }

    /** @return the height of plane {@code i} */
    public int height(int i) {
        return planes.height(i);
    }

    /** @return the file and position of plane {@code i} */
    public String source(int i) {
        return planes.source(i);
    }

    /** @return the index of the plane {@code offset} slices from plane {@code i} in its stack, the ends repeated */
    public int neighbour(int i, int offset) {
        return planes.neighbour(i, offset);
    }

    /** @return the map between physical values and network units, unclipped */
    public IntensityMap intensityMap() {
        return map;
    }

    /** @return channels, intensity map and value unit, as a model bundle stores the images' domain */
    public DomainSpec spec() {
        return new DomainSpec(planes.channels(), map, planes.calibration().unit());
    }

    /** @return a new variable of the images' pixel type; {@code FloatType} when they mix types or calibrations */
    public NativeType<?> pixelType() {
        return (NativeType<?>) planes.pixelType().createVariable();
    }

    /** @return the images' value calibration; identity when they differ */
    public ValueCalibration valueCalibration() {
        return planes.calibration();
    }

    /** @return the options the data was loaded with */
    public Options options() {
        return options;
    }

    /** @return what the folder scans skipped and what the data may get wrong, one line each */
    public List<String> warnings() {
        return warnings;
    }

    /** @return the dataset's description for a model's provenance */
    public JsonObject summary() {
        JsonObject json = new JsonObject();
        json.addProperty("source", planes.origin());
        json.addProperty("planes", planes.size());
        json.addProperty("channels", planes.channels());
        json.addProperty("pixel_type", planes.pixelType().getClass().getSimpleName());
        json.addProperty("value_unit", planes.calibration().unit());
        json.addProperty("crop_size", options.cropSize());
        json.addProperty("slices", options.slices());
        json.addProperty("flip", options.flip());
        json.addProperty("patches_per_image", options.patchesPerImage());
        json.add("noise", options.noise() == null ? real() : options.noise().toJson());
        json.add("normalization", map.toJson());
        return json;
    }

    private static JsonObject real() {
        JsonObject json = new JsonObject();
        json.addProperty("name", "real pairs");
        return json;
    }

    @Override
    public String toString() {
        return "DenoiseImages[" + planes.size() + " planes from " + planes.origin() + ", " + planes.channels() + " channel(s), "
                + (options.noise() == null ? "real pairs" : options.noise().toJson().toString()) + ", " + map + "]";
    }
}
