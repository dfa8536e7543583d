package io.github.fijigan.core.infer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;

/**
 * A network that maps a batch of images to a batch of images of the same size, in network units
 * (usually [-1, 1]): a pix2pix or CycleGAN generator, a denoiser.
 *
 * <pre>{@code
 * ImageToImageNetwork g = new BlockNetwork(generator.block(), manager, 1, 1, 4);
 * NDArray y = g.forward(x);   // (N, 1, h, w) -> (N, 1, h, w), h and w multiples of 4
 * }</pre>
 */
public interface ImageToImageNetwork {

    /**
     * Runs the network for inference.
     *
     * @param batch (N, {@link #inChannels()}, h, w) float32 in network units, h and w multiples of
     *     {@link #sizeMultiple()}; not closed by this method
     * @return (N, {@link #outChannels()}, h, w); the caller closes it (arrays an op makes belong to
     *     the manager of its first operand, usually the batch's)
     */
    NDArray forward(NDArray batch);

    /** @return channels of the input images */
    int inChannels();

    /** @return channels of the output images */
    int outChannels();

    /** @return the number that image heights and widths given to {@link #forward} must be multiples of */
    int sizeMultiple();

    /** @return the device the network computes on, where its input should be; the CPU unless said otherwise */
    default Device device() {
        return Device.cpu();
    }
}
