package io.github.fijigan.core.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import io.github.fijigan.core.normalize.Normalizer;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Images for image-to-image translation (pix2pix, CycleGAN), held in memory in physical units and
 * cut into batches of inputs (domain A) and targets (domain B) in network units, [-1, 1].
 *
 * <p><b>Modes</b> ({@link DatasetMode}) follow pix2pix/CycleGAN's datasets: {@code unaligned} (two
 * folders, epoch of max(|A|, |B|) samples, sample {@code i} takes A image {@code i mod |A|} and a B
 * image drawn from the batch's random stream), {@code aligned} (pairs by file name in two folders,
 * or A|B images side by side in one folder; A and B of a pair share one crop and flip),
 * {@code single} (one folder; batches without targets). {@link TranslationDirection#B_TO_A} swaps
 * the domains: {@link #domainA()} then holds the B folder's images, with the B normalisation.
 *
 * <p><b>Images</b> are 2D planes (every slice and frame of a stack is one), with their channels
 * together (1 grey, 3 RGB), in the images' own pixel type: 8-, 16- or 32-bit grey, RGB, or DICOM in
 * HU through the {@link ImageReader}. The preprocessing ({@link Preprocess}) resizes them once at
 * load; each sample is then a random crop (when the mode crops) flipped left-right with probability
 * 1/2 (unless flips are off).
 *
 * <p><b>Intensities</b> map to [-1, 1] per domain, by a {@link Normalizer} spec or {@code auto}
 * ({@code window:0,255} for plain 8-bit data, else {@code percentile:0.5,99.5} clipped), fitted over
 * all pixels of the domain's images at full resolution.
 *
 * <p><b>Random draws</b> per sample, in this order, from the {@code random} given to
 * {@link #batch}: unaligned: the B index ({@code nextInt(|B|)}), A's window, B's window; aligned:
 * one window for both; single: A's window. A window draws x, y ({@code nextInt}) when the mode
 * crops, then the flip ({@code nextBoolean}) when flips are on.
 *
 * <pre>{@code
 * TranslationImages data = TranslationImages.load(Path.of("maps/trainA"), Path.of("maps/trainB"),
 *         new ImageJReader(), TranslationImages.Options.DEFAULT.withMode(DatasetMode.ALIGNED));
 * int[][] batches = BatchOrder.batches(data.size(), 1, seed, epoch, true);
 * try (NDManager step = manager.newSubManager();
 *         ImageBatch batch = data.batch(step, batches[it], BatchOrder.random(seed, epoch, it, "augment"))) {
 *     ... batch.images() (1, Ca, 256, 256), batch.targets() (1, Cb, 256, 256) ...
 * }
 * DomainSpec a = data.domainA().spec(), b = data.domainB().spec();   // for the model bundle
 * }</pre>
 */
public final class TranslationImages {

    /** The normalisation spec that picks a recipe from the pixel types (see the class comment). */
    public static final String AUTO = SourceUnits.AUTO;

    /**
     * How to load and cut the images, with pix2pix's defaults.
     *
     * @param mode how A and B pair
     * @param direction which domain is the input
     * @param preprocess the fixed resize and whether samples are cropped
     * @param loadSize the side images are resized to (resize_and_crop) or the width (scale_width...)
     * @param cropSize the side of each sample when the preprocessing crops
     * @param flip whether samples are mirrored left-right at random (pix2pix's {@code no_flip} off)
     * @param normalizationA {@code auto} or a {@link Normalizer#parse} spec for the A images (folder
     *     A, trainA, the left halves), whatever the direction; a single folder counts as A with
     *     {@code AtoB} and as B with {@code BtoA}
     * @param normalizationB the same for the B images
     */
    public record Options(DatasetMode mode, TranslationDirection direction, Preprocess preprocess, int loadSize, int cropSize,
            boolean flip, String normalizationA, String normalizationB) {

        /** unaligned, AtoB, resize_and_crop, load 286, crop 256, flips on, auto normalisation for both domains. */
        public static final Options DEFAULT = new Options(DatasetMode.UNALIGNED, TranslationDirection.A_TO_B,
                Preprocess.RESIZE_AND_CROP, 286, 256, true, AUTO, AUTO);

        public Options {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(preprocess, "preprocess");
            if (loadSize < 1 || cropSize < 1) {
                throw new IllegalArgumentException("load and crop sizes must be >= 1 pixel, got " + loadSize + " and " + cropSize);
            }
            if (preprocess.crops() && preprocess.usesLoadSize() && cropSize > loadSize) {
                throw new IllegalArgumentException("crop size " + cropSize + " is larger than the load size " + loadSize
                        + " that preprocess " + preprocess.spec() + " resizes to");
            }
            normalizationA = checkNormalization(normalizationA, "A");
            normalizationB = checkNormalization(normalizationB, "B");
        }

        private static String checkNormalization(String spec, String domain) {
            String s = Objects.requireNonNullElse(spec, "").trim().toLowerCase(Locale.ROOT);
            if (!s.equals(AUTO)) {
                try {
                    Normalizer.parse(s); // fail now, not after reading every file
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("normalisation of domain " + domain + ": " + e.getMessage(), e);
                }
            }
            return s;
        }

        /** @return these options with another dataset mode */
        public Options withMode(DatasetMode m) {
            return new Options(m, direction, preprocess, loadSize, cropSize, flip, normalizationA, normalizationB);
        }

        /** @return these options with another direction */
        public Options withDirection(TranslationDirection d) {
            return new Options(mode, d, preprocess, loadSize, cropSize, flip, normalizationA, normalizationB);
        }

        /** @return these options with another preprocessing, load size and crop size */
        public Options withPreprocess(Preprocess p, int load, int crop) {
            return new Options(mode, direction, p, load, crop, flip, normalizationA, normalizationB);
        }

        /** @return these options with random flips on or off */
        public Options withFlip(boolean on) {
            return new Options(mode, direction, preprocess, loadSize, cropSize, on, normalizationA, normalizationB);
        }

        /** @return these options with normalisation specs for the A and the B images */
        public Options withNormalization(String a, String b) {
            return new Options(mode, direction, preprocess, loadSize, cropSize, flip, a, b);
        }
    }

    private final Options options;
    private final DomainImages domainA;
    private final DomainImages domainB;
    private final List<String> warnings;
    private final TranslationSamples samples;

    TranslationImages(Options options, DomainImages domainA, DomainImages domainB, List<String> warnings) {
        this.options = options;
        this.domainA = Objects.requireNonNull(domainA, "domainA");
        this.domainB = domainB;
        this.warnings = List.copyOf(warnings);
        this.samples = new TranslationSamples(options, domainA, domainB);
    }

    /**
     * Loads a dataset from one path: the root holding {@code trainA} and {@code trainB}
     * (unaligned), a folder of A|B side-by-side images (aligned), or the folder (single).
     */
    public static TranslationImages load(Path folder, ImageReader reader, Options options) throws ImageReadException {
        return load(folder, null, reader, options, ProgressListener.NONE, new CancellationToken());
    }

    /** Loads a dataset from two folders, A and B (unaligned, or aligned pairs matched by name). */
    public static TranslationImages load(Path folderA, Path folderB, ImageReader reader, Options options)
            throws ImageReadException {
        return load(folderA, folderB, reader, options, ProgressListener.NONE, new CancellationToken());
    }

    /**
     * Scans the folders and reads every image once, reporting each file.
     *
     * @param first the root, the one folder, or folder A (see the other overloads)
     * @param second folder B, or null for the one-path forms
     * @throws ImageReadException naming the folder or file: a folder missing or without readable
     *     images, {@code trainA}/{@code trainB} missing, an unreadable file, a file without its
     *     partner, images of a different channel count, or a size the preprocessing refuses
     * @throws io.github.fijigan.core.progress.CancelledException when {@code cancel} is cancelled
     */
    public static TranslationImages load(Path first, Path second, ImageReader reader, Options options,
            ProgressListener progress, CancellationToken cancel) throws ImageReadException {
        return TranslationLoader.load(first, second, reader, options, progress, cancel);
    }

    /**
     * Makes one batch of random crops and flips, drawn from {@code random} alone (order in the class
     * comment), copied into one float array per domain and handed to the engine in one
     * {@code create} each.
     *
     * @param indices samples in [0, {@link #size()}), repeats allowed
     * @return images (N, Ca, H, W) and targets (N, Cb, H', W') float32 in [-1, 1] (null targets
     *     for a single dataset), owned by {@code manager}; H = W = {@link #cropSize()} when the
     *     preprocessing crops
     * @throws IllegalArgumentException when the samples differ in size (preprocess none or
     *     scale_width with several images per batch)
     */
    public ImageBatch batch(NDManager manager, int[] indices, SplittableRandom random) {
        Objects.requireNonNull(random, "random");
        int[] checked = indices.clone();
        for (int i : checked) {
            checkIndex(i);
        }
        return samples.drawn(checked, random).stack(manager);
    }

    /**
     * A batch that is the same every time, for sample grids: the first {@code count} samples (B image
     * {@code i mod |B|} for unaligned data), centre crops (offsets rounded down), no flips.
     *
     * @param count the samples wanted; fewer when the dataset has fewer
     * @throws IllegalArgumentException when the samples differ in size (see {@link #batch})
     */
    public ImageBatch fixed(NDManager manager, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a fixed batch needs at least one sample, got " + count);
        }
        return samples.fixed(Math.min(count, size())).stack(manager);
    }

    /** @return the samples per epoch: max(|A|, |B|) unaligned, the pairs aligned, the images single */
    public int size() {
        return domainB == null || options.mode() == DatasetMode.ALIGNED ? domainA.size()
                : Math.max(domainA.size(), domainB.size());
    }

    /** @return the input domain (the B folder's images when the direction is BtoA) */
    public DomainImages domainA() {
        return domainA;
    }

    /**
     * @return the target domain (the A folder's images when the direction is BtoA)
     * @throws IllegalStateException for single data, which has none
     */
    public DomainImages domainB() {
        if (domainB == null) {
            throw new IllegalStateException("a single-domain dataset has no domain B");
        }
        return domainB;
    }

    /** @return whether batches carry targets (every mode but single) */
    public boolean hasTargets() {
        return domainB != null;
    }

    /** @return the channels of the inputs */
    public int channelsA() {
        return domainA.channels();
    }

    /** @return the channels of the targets; see {@link #domainB()} */
    public int channelsB() {
        return domainB().channels();
    }

    /** @return the side of every sample when the preprocessing crops; 0 when samples keep their loaded size */
    public int cropSize() {
        return options.preprocess().crops() ? options.cropSize() : 0;
    }

    /** @return the options the dataset was loaded with */
    public Options options() {
        return options;
    }

    /** @return what the folder scans skipped, one line each, prefixed by the side (A, B or A|B) */
    public List<String> warnings() {
        return warnings;
    }

    /** @return the dataset's description for a model's provenance: options, and per domain its source, count, units and map */
    public JsonObject summary() {
        JsonObject json = new JsonObject();
        json.addProperty("mode", options.mode().spec());
        json.addProperty("direction", options.direction().spec());
        json.addProperty("preprocess", options.preprocess().spec());
        json.addProperty("load_size", options.loadSize());
        json.addProperty("crop_size", options.cropSize());
        json.addProperty("flip", options.flip());
        json.addProperty("samples", size());
        json.add("A", domainA.summary());
        if (domainB != null) {
            json.add("B", domainB.summary());
        }
        return json;
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("sample " + i + " of " + size());
        }
        return i;
    }

    @Override
    public String toString() {
        return "TranslationImages[" + options.mode().spec() + " " + options.direction().spec() + ", " + size() + " samples, "
                + options.preprocess().spec() + ", A " + domainA + (domainB == null ? "" : ", B " + domainB) + "]";
    }
}
