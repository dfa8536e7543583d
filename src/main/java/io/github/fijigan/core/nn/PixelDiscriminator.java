package io.github.fijigan.core.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;

/**
 * The 1×1 PixelGAN discriminator of pix2pix ({@code PixelDiscriminator}): every pixel judged on its
 * own, an image {@code (N, C, H, W)} to raw logits {@code (N, 1, H, W)}. 1×1 convolutions to {@code
 * ndf} channels (with bias), LeakyReLU 0.2, to {@code 2 * ndf}, norm, LeakyReLU 0.2, to 1 channel.
 * The last two convolutions have a bias exactly when the norm is instance or none (as in pix2pix,
 * the output one too). Built by {@link NetworkFactory} as {@code pixel}.
 */
public final class PixelDiscriminator extends BodyNetwork {

    private static final byte VERSION = 1;

    private final int channels;

    /**
     * @param channels image channels in
     * @param ndf channels of the first convolution
     * @param norm {@code instance}, {@code batch} or {@code none}
     */
    PixelDiscriminator(int channels, int ndf, String norm) {
        super(VERSION);
        this.channels = channels;
        boolean bias = Norms.convolutionBias(norm);
        SequentialBlock sequence = new SequentialBlock();
        sequence.add(Layers.conv2d(ndf, 1, 1, 0, true));
        sequence.add(Activation.leakyReluBlock(0.2f));
        sequence.add(Layers.conv2d(Math.multiplyExact(ndf, 2), 1, 1, 0, bias));
        Norms.addTo(sequence, norm, 2 * ndf);
        sequence.add(Activation.leakyReluBlock(0.2f));
        sequence.add(Layers.conv2d(1, 1, 1, 0, bias));
        setBody(sequence);
    }

    @Override
    protected Shape outputShape(Shape in) {
        return new Shape(in.get(0), 1, in.get(2), in.get(3));
    }

    @Override
    protected void checkInput(Shape[] shapes) {
        if (shapes.length != 1) {
            throw new IllegalArgumentException("PixelGAN discriminator expects one image (N, " + channels + ", H, W), got "
                    + shapes.length + " inputs");
        }
        Layers.checkChannels("PixelGAN discriminator", shapes[0], channels);
    }
}
