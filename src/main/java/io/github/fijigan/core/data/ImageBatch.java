package io.github.fijigan.core.data;

import java.util.Objects;

import ai.djl.ndarray.NDArray;

/**
 * One batch of training images on a device, ready for a network: images alone (unconditional
 * GANs), images with class labels (AC-GAN), or images with their targets (image translation:
 * pix2pix, CycleGAN).
 *
 * <pre>{@code
 * try (ImageBatch batch = data.batch(manager, indices, augmentation, random)) {
 *     NDArray real = batch.images();      // (N, C, S, S) in [-1, 1]
 *     NDArray classes = batch.labels();   // (N) int32, or null
 * }
 * try (ImageBatch pair = translation.batch(manager, indices, random)) {
 *     NDArray realA = pair.images();      // (N, Ca, S, S) in [-1, 1]
 *     NDArray realB = pair.targets();     // (N, Cb, S, S) in [-1, 1], or null for a single domain
 * }
 * }</pre>
 *
 * @param images (N, C, S, S) float32 in network units, [-1, 1]
 * @param labels (N) int32 class indices into the dataset's {@code classes()}, or null when the
 *     images are unlabelled
 * @param targets (N, Cb, H, W) float32 in network units: the domain-B images of a translation
 *     batch, paired with {@code images} (aligned data) or drawn independently (unaligned data);
 *     null when the batch has none
 */
public record ImageBatch(NDArray images, NDArray labels, NDArray targets) implements AutoCloseable {

    public ImageBatch {
        Objects.requireNonNull(images, "images");
        if (targets != null && targets.getShape().get(0) != images.getShape().get(0)) {
            throw new IllegalArgumentException("a batch of " + images.getShape().get(0) + " images needs as many targets, got "
                    + targets.getShape().get(0));
        }
    }

    /** A batch without targets: images and labels (or null). */
    public ImageBatch(NDArray images, NDArray labels) {
        this(images, labels, null);
    }

    /** @return the number of images N */
    public int size() {
        return Math.toIntExact(images.getShape().get(0));
    }

    /** @return whether the batch carries class labels */
    public boolean isLabelled() {
        return labels != null;
    }

    /** @return whether the batch carries target images (domain B) */
    public boolean hasTargets() {
        return targets != null;
    }

    /** Closes the images, the labels and the targets. */
    @Override
    public void close() {
        images.close();
        if (labels != null) {
            labels.close();
        }
        if (targets != null) {
            targets.close();
        }
    }
}
