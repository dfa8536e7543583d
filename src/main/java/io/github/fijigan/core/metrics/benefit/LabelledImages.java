package io.github.fijigan.core.metrics.benefit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.fijigan.core.data.TrainingImages;

/**
 * Square images in network units with a class index each, over a fixed list of class names: a
 * training set or a test set of the augmentation-benefit experiment. Immutable; subsets and unions
 * share the pixel arrays, which nobody writes.
 *
 * <pre>{@code
 * LabelledImages real = LabelledImages.of(TrainingImages.load(folder, reader, options), classes);
 * LabelledImages train = real.subset(split.train()).plus(synthetic.subset(chosen));
 * int[] perClass = train.classCounts();
 * }</pre>
 */
public final class LabelledImages {

    private final List<float[]> images;
    private final int[] labels;
    private final List<String> classes;
    private final int channels;
    private final int imageSize;

    /**
     * @param images each {@code channels × imageSize × imageSize} values
     * @param labels one class index into {@code classes} per image
     * @throws IllegalArgumentException when the counts or an image's length do not fit, or a label is not a class index
     */
    public LabelledImages(List<float[]> images, int[] labels, List<String> classes, int channels, int imageSize) {
        this.images = List.copyOf(images);
        this.labels = labels.clone();
        this.classes = List.copyOf(classes);
        this.channels = channels;
        this.imageSize = imageSize;
        if (this.images.size() != this.labels.length) {
            throw new IllegalArgumentException(this.images.size() + " images but " + this.labels.length + " labels");
        }
        int length = channels * imageSize * imageSize;
        for (int i = 0; i < this.labels.length; i++) {
            if (this.images.get(i).length != length) {
                throw new IllegalArgumentException("image " + i + " has " + this.images.get(i).length + " values, expected "
                        + channels + " × " + imageSize + " × " + imageSize);
            }
            if (this.labels[i] < 0 || this.labels[i] >= this.classes.size()) {
                throw new IllegalArgumentException("image " + i + " has label " + this.labels[i] + ", not one of the "
                        + this.classes.size() + " classes " + this.classes);
            }
        }
    }

    /**
     * Takes labelled training images, numbering their classes by their place in {@code classes}.
     *
     * @param classes the experiment's class names; every class of {@code data} must be among them
     * @throws IllegalArgumentException when {@code data} is unlabelled or has a class not in {@code classes}
     */
    public static LabelledImages of(TrainingImages data, List<String> classes) {
        if (!data.isLabelled()) {
            throw new IllegalArgumentException("the images carry no class labels");
        }
        int[] index = new int[data.classes().size()];
        for (int k = 0; k < index.length; k++) {
            index[k] = classes.indexOf(data.classes().get(k));
            if (index[k] < 0) {
                throw new IllegalArgumentException("class '" + data.classes().get(k) + "' is not one of " + classes);
            }
        }
        List<float[]> images = new ArrayList<>(data.size());
        int[] labels = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            images.add(data.pixels(i));
            labels[i] = index[data.label(i)];
        }
        return new LabelledImages(images, labels, classes, data.channels(), data.imageSize());
    }

    /** @return the images at {@code indices}, in that order (repeats allowed) */
    public LabelledImages subset(int[] indices) {
        List<float[]> picked = new ArrayList<>(indices.length);
        int[] picks = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked.add(images.get(check(indices[i])));
            picks[i] = labels[indices[i]];
        }
        return new LabelledImages(picked, picks, classes, channels, imageSize);
    }

    /**
     * @return these images followed by {@code other}'s
     * @throws IllegalArgumentException when the two differ in classes, channels or size
     */
    public LabelledImages plus(LabelledImages other) {
        if (!classes.equals(other.classes) || channels != other.channels || imageSize != other.imageSize) {
            throw new IllegalArgumentException("cannot join " + this + " and " + other + ": classes, channels or size differ");
        }
        List<float[]> joined = new ArrayList<>(images);
        joined.addAll(other.images);
        int[] all = Arrays.copyOf(labels, labels.length + other.labels.length);
        System.arraycopy(other.labels, 0, all, labels.length, other.labels.length);
        return new LabelledImages(joined, all, classes, channels, imageSize);
    }

    /** @return new images of the same classes, channels and size */
    public LabelledImages with(List<float[]> newImages, int[] newLabels) {
        return new LabelledImages(newImages, newLabels, classes, channels, imageSize);
    }

    /** @return the number of images */
    public int size() {
        return images.size();
    }

    /** @return the class names; labels index into them */
    public List<String> classes() {
        return classes;
    }

    /** @return channels per image */
    public int channels() {
        return channels;
    }

    /** @return the side of the square images */
    public int imageSize() {
        return imageSize;
    }

    /** @return image i's class index */
    public int label(int i) {
        return labels[check(i)];
    }

    /** @return every image's class index, in order (a copy) */
    public int[] labels() {
        return labels.clone();
    }

    /** @return image i's values, channel planes one after the other (shared: do not write) */
    public float[] pixels(int i) {
        return images.get(check(i));
    }

    /** @return the number of images of each class, in the order of {@link #classes()} */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /** @return the indices of the images of class k, in order */
    public int[] indicesOf(int k) {
        Objects.checkIndex(k, classes.size());
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == k).toArray();
    }

    /** @return the images at {@code indices} as one (N, C, S, S) float32 array of {@code manager} */
    public NDArray batch(NDManager manager, int[] indices) {
        int stride = channels * imageSize * imageSize;
        float[] all = new float[Math.multiplyExact(indices.length, stride)];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(images.get(check(indices[i])), 0, all, i * stride, stride);
        }
        return manager.create(all, new Shape(indices.length, channels, imageSize, imageSize));
    }

    private int check(int i) {
        return Objects.checkIndex(i, images.size());
    }

    @Override
    public String toString() {
        return "LabelledImages[" + images.size() + " images, " + channels + " channel(s), " + imageSize + "x" + imageSize
                + ", classes " + classes + " " + Arrays.toString(classCounts()) + "]";
    }
}
