package io.github.fijigan.core.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.core.stain.Luma;

/**
 * Training pairs of a colorizer, made from ONE folder of 8-bit RGB images of the target stain style:
 * each sample is a random tile of an image (crop and flip as {@link TranslationImages} draws them),
 * the input its grey version ({@link Luma}, BT.601) and the target the tile itself. Intensities map
 * to [-1, 1] by the fixed window {@value #NORMALIZATION} for all three channels, so the grey input
 * is the luma of the 8-bit values under the same map.
 *
 * <p>An epoch has {@code images × patchesPerImage} samples; sample {@code i} is a tile of image
 * {@code i / patchesPerImage}, its window drawn from the batch's random stream.
 *
 * <pre>{@code
 * ColorizerImages tiles = ColorizerImages.load(Path.of("target-slides"), new ImageJReader(),
 *         ColorizerImages.Options.DEFAULT.withCropSize(256), ProgressListener.NONE, new CancellationToken());
 * try (ImageBatch b = tiles.batch(manager, new int[] {0, 5}, random)) {
 *     b.images();    // (2, 1, 256, 256) grey
 *     b.targets();   // (2, 3, 256, 256) colour
 * }
 * }</pre>
 */
public final class ColorizerImages {

    /** The fixed map of 8-bit values to network units, for every channel and the grey version. */
    public static final String NORMALIZATION = "window:0,255";

    /**
     * How to cut the tiles.
     *
     * @param preprocess a preprocessing that crops: {@code crop} (the slides' own scale),
     *     {@code resize_and_crop} or {@code scale_width_and_crop}
     * @param loadSize the size the images are resized to first (the resizing modes)
     * @param cropSize the side of each tile
     * @param flip whether tiles are mirrored left-right at random
     * @param patchesPerImage tiles per image and epoch
     */
    public record Options(Preprocess preprocess, int loadSize, int cropSize, boolean flip, int patchesPerImage) {

        /** crop, load 286, crop 256, flips on, 16 tiles per image. */
        public static final Options DEFAULT = new Options(Preprocess.CROP, 286, 256, true, 16);

        public Options {
            Objects.requireNonNull(preprocess, "preprocess");
            if (!preprocess.crops()) {
                throw new IllegalArgumentException("preprocess " + preprocess.spec() + " does not crop; a colorizer trains on "
                        + "square tiles (crop, resize_and_crop or scale_width_and_crop)");
            }
            if (patchesPerImage < 1) {
                throw new IllegalArgumentException("patches per image must be at least 1, got " + patchesPerImage);
            }
        }

        /** @return these options with another tile side */
        public Options withCropSize(int crop) {
            return new Options(preprocess, loadSize, crop, flip, patchesPerImage);
        }

        /** @return these options with another preprocessing and load size */
        public Options withPreprocess(Preprocess p, int load) {
            return new Options(p, load, cropSize, flip, patchesPerImage);
        }

        /** @return these options with random flips on or off */
        public Options withFlip(boolean on) {
            return new Options(preprocess, loadSize, cropSize, on, patchesPerImage);
        }

        /** @return these options with another number of tiles per image and epoch */
        public Options withPatchesPerImage(int n) {
            return new Options(preprocess, loadSize, cropSize, flip, n);
        }

        TranslationImages.Options translation() {
            return TranslationImages.Options.DEFAULT.withMode(DatasetMode.SINGLE).withPreprocess(preprocess, loadSize, cropSize)
                    .withFlip(flip).withNormalization(NORMALIZATION, NORMALIZATION);
        }
    }

    private final TranslationImages images;
    private final Options options;

    private ColorizerImages(TranslationImages images, Options options) {
        this.images = images;
        this.options = options;
    }

    /**
     * Reads every image of {@code folder} once.
     *
     * @throws ImageReadException naming the file: not 8-bit RGB (e.g. grey, 16-bit, float), smaller
     *     than a tile, unreadable; or the folder: missing, without images
     * @throws io.github.fijigan.core.progress.CancelledException when cancelled
     */
    public static ColorizerImages load(Path folder, ImageReader reader, Options options, ProgressListener progress,
            CancellationToken cancel) throws ImageReadException {
        Objects.requireNonNull(reader, "reader");
        ImageReader rgbOnly = file -> requireRgb8(reader.read(file), file);
        return new ColorizerImages(TranslationImages.load(folder, null, rgbOnly, options.translation(), progress, cancel), options);
    }

    private static CalibratedImage<?> requireRgb8(CalibratedImage<?> image, Path file) throws ImageReadException {
        if (!Luma.isRgb8(image)) {
            throw new ImageReadException(file, "is " + Luma.describe(image) + "; a colorizer learns the colours of 8-bit RGB"
                    + " images of the target stain (convert the slide or tile to RGB Color)");
        }
        return image;
    }

    /**
     * @param indices samples in [0, {@link #size()}), repeats allowed
     * @param random the tiles' windows and flips (see the class comment)
     * @return images: the grey tiles (N, 1, S, S); targets: the tiles (N, 3, S, S); [-1, 1], owned by {@code manager}
     */
    public ImageBatch batch(NDManager manager, int[] indices, SplittableRandom random) {
        int[] images = Arrays.stream(indices).map(this::image).toArray();
        return pairs(this.images.batch(manager, images, random));
    }

    /** @return the same tiles every time for sample grids: centre tiles of the first {@code count} images, not flipped */
    public ImageBatch fixed(NDManager manager, int count) {
        return pairs(images.fixed(manager, count));
    }

    private static ImageBatch pairs(ImageBatch colour) {
        NDArray rgb = colour.images();
        return new ImageBatch(Luma.gray(rgb), null, rgb);
    }

    private int image(int sample) {
        if (sample < 0 || sample >= size()) {
            throw new IndexOutOfBoundsException("sample " + sample + " of " + size());
        }
        return sample / options.patchesPerImage();
    }

    /** @return the samples per epoch: images × patches per image */
    public int size() {
        return Math.multiplyExact(images.size(), options.patchesPerImage());
    }

    /** @return the number of images (planes) read */
    public int imageCount() {
        return images.size();
    }

    /** @return the options the tiles are cut with */
    public Options options() {
        return options;
    }

    /** @return the colour domain: 3 channels, the fixed 8-bit window */
    public DomainSpec colourSpec() {
        return images.domainA().spec();
    }

    /** @return the grey domain: 1 channel, the colour domain's map and unit */
    public DomainSpec graySpec() {
        DomainSpec c = colourSpec();
        return new DomainSpec(1, c.normalization(), c.valueUnit());
    }

    /** @return what the folder scan skipped */
    public List<String> warnings() {
        return images.warnings();
    }

    /** @return the data's description for a model's provenance */
    public JsonObject summary() {
        JsonObject json = images.summary();
        json.remove("mode");
        json.remove("direction");
        json.addProperty("patches_per_image", options.patchesPerImage());
        json.addProperty("samples", size());
        json.addProperty("gray", Luma.NAME);
        return json;
    }

    @Override
    public String toString() {
        return "ColorizerImages[" + images.size() + " images x " + options.patchesPerImage() + " tiles of " + options.cropSize() + "]";
    }
}
