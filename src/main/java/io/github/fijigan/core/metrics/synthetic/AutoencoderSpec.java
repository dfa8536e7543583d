package io.github.fijigan.core.metrics.synthetic;

/**
 * The shape of a {@link LatentAutoencoder}: square images of {@code imageSize} with
 * {@code channels}, encoded by stride-2 convolutions, each halving the side, down to a latent of
 * {@code latentSize × latentSize × latentChannels}. The convolutions before the latent have
 * {@code width}, {@code 2 width}, {@code 4 width} and then {@code 8 width} channels.
 *
 * <pre>{@code
 * AutoencoderSpec xray = AutoencoderSpec.of(256, 1);          // 256 -> 16 x 16 x 8, as in the chest X-ray study
 * AutoencoderSpec tiny = new AutoencoderSpec(32, 1, 4, 8, 8);  // 32 -> 4 x 4 x 8
 * }</pre>
 *
 * @param imageSize the side of the images in pixels; {@code latentSize} times a power of 2
 * @param channels image channels, 1 (grey) or more (e.g. 3 for RGB)
 * @param latentSize the side of the latent; at most half the image size
 * @param latentChannels channels of the latent
 * @param width channels of the first convolution
 */
public record AutoencoderSpec(int imageSize, int channels, int latentSize, int latentChannels, int width) {

    /** The latent side the study used for 256 × 256 images: four halvings. */
    public static final int DEFAULT_LATENT_SIZE = 16;
    /** Latent channels as in the study. */
    public static final int DEFAULT_LATENT_CHANNELS = 8;
    /** Channels of the first convolution. */
    public static final int DEFAULT_WIDTH = 16;

    public AutoencoderSpec {
        if (imageSize < 2 || channels < 1 || latentSize < 1 || latentChannels < 1 || width < 1) {
            throw new IllegalArgumentException("autoencoder sizes must be positive (image at least 2): image " + imageSize
                    + ", channels " + channels + ", latent " + latentSize + ", latent channels " + latentChannels + ", width " + width);
        }
        if (imageSize % latentSize != 0 || Integer.bitCount(imageSize / latentSize) != 1 || imageSize == latentSize) {
            throw new IllegalArgumentException("the image size " + imageSize + " must be the latent size " + latentSize
                    + " times 2, 4, 8, ... (each encoder convolution halves it)");
        }
    }

    /** @return a spec with {@value #DEFAULT_LATENT_SIZE}² × {@value #DEFAULT_LATENT_CHANNELS} latents and width {@value #DEFAULT_WIDTH} */
    public static AutoencoderSpec of(int imageSize, int channels) {
        return new AutoencoderSpec(imageSize, channels, DEFAULT_LATENT_SIZE, DEFAULT_LATENT_CHANNELS, DEFAULT_WIDTH);
    }

    /** @return the number of stride-2 convolutions: log2(imageSize / latentSize) */
    public int downsamplings() {
        return Integer.numberOfTrailingZeros(imageSize / latentSize);
    }

    /** @return the length of a latent vector: latentSize² × latentChannels */
    public int latentDimension() {
        return latentSize * latentSize * latentChannels;
    }

    /** @return the values of one image: channels × imageSize² */
    public int imageValues() {
        return channels * imageSize * imageSize;
    }

    /** @return the channels after encoder convolution {@code level} (0-based); the last gives the latent */
    int encoderChannels(int level) {
        return level == downsamplings() - 1 ? latentChannels : width << Math.min(level, 3);
    }
}
