package io.github.fijigan.core.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.normalize.Normalizer;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.core.tensor.LinearMap;
import net.imglib2.type.NativeType;

/**
 * 2D training images held in memory as float32 in network units ([-1, 1]) at one square size, with
 * optional class labels: what an unconditional or class-conditional GAN trains on.
 *
 * <p><b>Planes.</b> Each 2D plane of a file or image (every slice z and frame t of a stack) is one
 * training image. The channels of an image (its C axis, or R, G, B of an RGB image) stay together
 * as the image's channels: 1 for grey, 3 for RGB; every image must have the same count.
 *
 * <p><b>Size.</b> Every plane is brought to {@code size × size} by {@link Resize}: {@code area}
 * (the default) averages a larger image down as a whole, {@code crop} keeps its centre; a smaller
 * axis is upscaled bilinearly in both modes.
 *
 * <p><b>Intensities.</b> Values are taken in physical units (the images' value calibration
 * applied) and mapped to [-1, 1] by the {@link Normalizer} the options name, fitted over the whole
 * dataset at full resolution. {@code auto} chooses {@code window:0,255} (the usual GAN scaling of
 * 8-bit data) when every image is 8-bit grey or RGB without value calibration, and otherwise
 * {@code percentile:0.5,99.5} (clipped) fitted over all pixels of all images.
 *
 * <p><b>Writing samples back.</b> {@link #pixelType()} and {@link #valueCalibration()} describe
 * the sources: {@code ImageTensors.toImage(generated, i, data.pixelType(), data.fromNetwork())}
 * gives an image in the units and pixel type of the training data. Sources of mixed pixel types or
 * value calibrations give float images in physical units instead.
 *
 * <pre>{@code
 * TrainingImages data = TrainingImages.load(Path.of("data/shapes"), new ImageJReader(),
 *         TrainingImages.Options.DEFAULT.withSize(32).withClassSubfolders(true));
 * int[][] batches = BatchOrder.batches(data.size(), 16, seed, epoch, true);
 * try (NDManager step = manager.newSubManager();
 *         ImageBatch batch = data.batch(step, batches[0], Augmentation.parse("hflip"),
 *                 BatchOrder.random(seed, epoch, 0, "augment"))) {
 *     ... batch.images() (16, 1, 32, 32), batch.labels() (16) ...
 * }
 * }</pre>
 */
public final class TrainingImages {

    /** The normalisation spec that picks a recipe from the pixel types (see the class comment). */
    public static final String AUTO = "auto";

    /**
     * How to load.
     *
     * @param size the side of the square training images in pixels (e.g. 32, 64, 128)
     * @param resize {@code area} (whole image, area-averaged) or {@code crop} (centre); see {@link Resize}
     * @param normalization {@code auto} or a {@link Normalizer#parse} spec such as {@code percentile:1,99.8}
     * @param classSubfolders whether images are labelled by the class subfolder they sit in
     */
    public record Options(int size, String resize, String normalization, boolean classSubfolders) {

        /** 64 × 64, area, auto normalisation, unlabelled. */
        public static final Options DEFAULT = new Options(64, Resize.AREA, AUTO, false);

        public Options {
            if (size < 1) {
                throw new IllegalArgumentException("training image size must be >= 1 pixel, got " + size);
            }
            resize = Resize.checkMode(resize);
            normalization = Objects.requireNonNullElse(normalization, "").trim().toLowerCase(Locale.ROOT);
            if (!normalization.equals(AUTO)) {
                Normalizer.parse(normalization); // fail now, with the parser's message, not after reading every file
            }
        }

        /** @return these options with another training image size */
        public Options withSize(int newSize) {
            return new Options(newSize, resize, normalization, classSubfolders);
        }

        /** @return these options with another resize mode, {@code area} or {@code crop} */
        public Options withResize(String mode) {
            return new Options(size, mode, normalization, classSubfolders);
        }

        /** @return these options with another normalisation spec ({@code auto} or a Normalizer spec) */
        public Options withNormalization(String spec) {
            return new Options(size, resize, spec, classSubfolders);
        }

        /** @return these options with class subfolder labels on or off */
        public Options withClassSubfolders(boolean on) {
            return new Options(size, resize, normalization, on);
        }
    }

    private final List<float[]> images;
    private final int[] labels;
    private final List<String> classes;
    private final List<String> sources;
    private final int channels;
    private final int imageSize;
    private final IntensityMap map;
    private final NativeType<?> pixelType;
    private final ValueCalibration calibration;
    private final List<String> warnings;

    TrainingImages(List<float[]> images, List<String> labels, List<String> sources, int channels, int imageSize,
            IntensityMap map, NativeType<?> pixelType, ValueCalibration calibration, List<String> warnings) {
        this.images = List.copyOf(images);
        this.sources = List.copyOf(sources);
        this.channels = channels;
        this.imageSize = imageSize;
        this.map = map;
        this.pixelType = pixelType;
        this.calibration = calibration;
        this.warnings = List.copyOf(warnings);
        boolean labelled = labels.stream().anyMatch(l -> !l.isEmpty());
        TreeSet<String> names = new TreeSet<>(NaturalOrder.STRINGS);
        labels.forEach(l -> { if (!l.isEmpty()) names.add(l); });
        this.classes = List.copyOf(names);
        this.labels = labelled ? labels.stream().mapToInt(this.classes::indexOf).toArray() : null;
    }

    /** Scans a folder with {@link ImageFolder} (class subfolders as the options say) and loads it. */
    public static TrainingImages load(Path folder, ImageReader reader, Options options) throws ImageReadException {
        ImageFolder scanned = ImageFolder.scan(folder, reader,
                ImageFolder.Options.DEFAULT.withClassSubfolders(options.classSubfolders()));
        return load(scanned, reader, options, ProgressListener.NONE, new CancellationToken());
    }

    /** Loads a scanned folder without progress reports; see the full overload. */
    public static TrainingImages load(ImageFolder folder, ImageReader reader, Options options) throws ImageReadException {
        return load(folder, reader, options, ProgressListener.NONE, new CancellationToken());
    }

    /**
     * Reads every image of a scanned folder once, reporting each file.
     *
     * <p>With {@code options.classSubfolders()} the folder's labels become classes, and the folder
     * must have been scanned with class subfolders; without it the images are unlabelled even if
     * the folder has labels.
     *
     * @throws ImageReadException naming the file that could not be read or differs in channel count
     * @throws IllegalArgumentException when labels are asked for but the folder has none
     * @throws io.github.fijigan.core.progress.CancelledException when {@code cancel} is cancelled
     */
    public static TrainingImages load(ImageFolder folder, ImageReader reader, Options options,
            ProgressListener progress, CancellationToken cancel) throws ImageReadException {
        Objects.requireNonNull(reader, "reader");
        if (options.classSubfolders() && folder.labels().isEmpty()) {
            throw new IllegalArgumentException(folder.folder() + ": class labels asked for, but the folder was scanned "
                    + "without class subfolders (ImageFolder.Options.withClassSubfolders(true))");
        }
        PlaneCollector collector = new PlaneCollector(options);
        List<ImageFolder.Entry> entries = folder.entries();
        for (int i = 0; i < entries.size(); i++) {
            cancel.throwIfCancelled("loading training images");
            Path file = entries.get(i).file();
            progress.progress(i, entries.size(), "Reading " + file.getFileName());
            CalibratedImage<?> image = reader.read(file);
            try {
                collector.add(image, options.classSubfolders() ? entries.get(i).label() : "", file.getFileName().toString());
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ImageReadException(file, e.getMessage(), e);
            }
        }
        progress.progress(entries.size(), entries.size(), "Fitting the normalisation");
        return collector.finish(folder.warnings());
    }

    /**
     * Takes images already open (e.g. in Fiji), each labelled or none.
     *
     * @param labels one class name per image, or null for unlabelled images; {@code options.classSubfolders()} is not used
     * @throws IllegalArgumentException when the lists differ in length, a label is blank, or the
     *     images differ in channel count
     */
    public static TrainingImages of(List<? extends CalibratedImage<?>> images, List<String> labels, Options options) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no training images given");
        }
        if (labels != null && labels.size() != images.size()) {
            throw new IllegalArgumentException(images.size() + " images but " + labels.size() + " labels");
        }
        PlaneCollector collector = new PlaneCollector(options);
        for (int i = 0; i < images.size(); i++) {
            CalibratedImage<?> image = images.get(i);
            String label = labels == null ? "" : Objects.requireNonNull(labels.get(i), "label " + i).trim();
            String name = image.name().isEmpty() ? "image " + (i + 1) : image.name();
            if (labels != null && label.isEmpty()) {
                throw new IllegalArgumentException(name + ": blank class label");
            }
            collector.add(image, label, name);
        }
        return collector.finish(List.of());
    }

    /**
     * Makes one batch: the images at {@code indices}, each augmented with draws from {@code random}
     * alone, copied into one float array and handed to the engine in one {@code create}.
     *
     * @param indices images to take, repeats allowed
     * @return images (N, C, S, S) and labels (N) int32 or null, both owned by {@code manager}
     */
    public ImageBatch batch(NDManager manager, int[] indices, Augmentation augmentation, SplittableRandom random) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one image index");
        }
        int stride = channels * imageSize * imageSize;
        float[] pixels = new float[Math.multiplyExact(indices.length, stride)];
        int[] batchLabels = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int index = checkIndex(indices[i]);
            augmentation.apply(images.get(index), 0, pixels, i * stride, channels, imageSize, random);
            if (batchLabels != null) {
                batchLabels[i] = labels[index];
            }
        }
        NDArray x = manager.create(pixels, new Shape(indices.length, channels, imageSize, imageSize));
        return new ImageBatch(x, batchLabels == null ? null : manager.create(batchLabels, new Shape(indices.length)));
    }

    /** @return the number of training images (planes) */
    public int size() {
        return images.size();
    }

    /** @return the channels C of every image: 1 grey, 3 RGB */
    public int channels() {
        return channels;
    }

    /** @return the side S of the square images */
    public int imageSize() {
        return imageSize;
    }

    /** @return the class names in natural order; empty when unlabelled */
    public List<String> classes() {
        return classes;
    }

    /** @return whether the images carry class labels */
    public boolean isLabelled() {
        return labels != null;
    }

    /** @return the class index of image {@code i} into {@link #classes()} */
    public int label(int i) {
        if (labels == null) {
            throw new IllegalStateException("the training images are unlabelled");
        }
        return labels[checkIndex(i)];
    }

    /** @return the number of images of each class, in the order of {@link #classes()}; empty when unlabelled */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        if (labels != null) {
            for (int l : labels) {
                counts[l]++;
            }
        }
        return counts;
    }

    /** @return image {@code i}'s values, C planes of S × S in network units (a copy) */
    public float[] pixels(int i) {
        return images.get(checkIndex(i)).clone();
    }

    /** @return where image {@code i} came from: the file or image name, with z and t for a stack's plane */
    public String source(int i) {
        return sources.get(checkIndex(i));
    }

    /** @return the fitted map from physical values to [-1, 1] (for the model bundle's DomainSpec) */
    public IntensityMap intensityMap() {
        return map;
    }

    /**
     * @return a new variable of the sources' pixel type (e.g. {@code UnsignedByteType},
     *     {@code UnsignedShortType}, {@code FloatType}, {@code ARGBType}); {@code FloatType} when the
     *     sources mix types or value calibrations
     */
    public NativeType<?> pixelType() {
        return (NativeType<?>) pixelType.createVariable();
    }

    /** @return the sources' value calibration (stored to physical); identity when they differ */
    public ValueCalibration valueCalibration() {
        return calibration;
    }

    /** @return network units back to stored values of {@link #pixelType()} (unclamped; the type clamps) */
    public LinearMap fromNetwork() {
        return map.fromNetwork(calibration);
    }

    /** @return the unit of the physical values (e.g. "HU"); empty when none */
    public String valueUnit() {
        return calibration.unit();
    }

    /** @return what the folder scan skipped, one line each; empty for open images */
    public List<String> warnings() {
        return warnings;
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= images.size()) {
            throw new IndexOutOfBoundsException("training image " + i + " of " + images.size());
        }
        return i;
    }

    @Override
    public String toString() {
        return "TrainingImages[" + images.size() + " images, " + channels + " channel(s), " + imageSize + "x" + imageSize
                + (classes.isEmpty() ? "" : ", classes " + classes + " " + Arrays.toString(classCounts()))
                + ", " + map + ", " + pixelType.getClass().getSimpleName() + "]";
    }
}
