package io.github.fijigan.core.data;

import java.util.Objects;

import ai.djl.ndarray.NDArray;

/**
 * One batch of training images on a device, ready for a network.
 *
 * <pre>{@code
 * try (ImageBatch batch = data.batch(manager, indices, augmentation, random)) {
 *     NDArray real = batch.images();      // (N, C, S, S) in [-1, 1]
 *     NDArray classes = batch.labels();   // (N) int32, or null
 * }
 * }</pre>
 *
 * @param images (N, C, S, S) float32 in network units, [-1, 1]
 * @param labels (N) int32 class indices into the dataset's {@code classes()}, or null when the
 *     images are unlabelled
 */
public record ImageBatch(NDArray images, NDArray labels) implements AutoCloseable {

    public ImageBatch {
        Objects.requireNonNull(images, "images");
    }

    /** @return the number of images N */
    public int size() {
        return Math.toIntExact(images.getShape().get(0));
    }

    /** @return whether the batch carries class labels */
    public boolean isLabelled() {
        return labels != null;
    }

    /** Closes the images and the labels. */
    @Override
    public void close() {
        images.close();
        if (labels != null) {
            labels.close();
        }
    }
}
