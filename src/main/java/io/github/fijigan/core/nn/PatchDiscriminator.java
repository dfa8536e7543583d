package io.github.fijigan.core.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;

/**
 * The PatchGAN discriminator of pix2pix and CycleGAN (pix2pix's {@code NLayerDiscriminator}): an
 * image {@code (N, C, H, W)} to a map of raw real/fake logits {@code (N, 1, h, w)}, one per
 * overlapping patch, no sigmoid. All convolutions are 4×4 with padding 1:
 * <ol>
 *   <li>stride 2 to {@code ndf} channels (with bias, no norm), LeakyReLU 0.2;
 *   <li>{@code layers - 1} times stride 2 to {@code ndf * min(2^n, 8)} channels, norm, LeakyReLU 0.2;
 *   <li>stride 1 to {@code ndf * min(2^layers, 8)} channels, norm, LeakyReLU 0.2;
 *   <li>stride 1 to 1 channel (with bias).
 * </ol>
 * Each stride-2 convolution maps a size s to {@code floor(s / 2)}, each stride-1 one to {@code s -
 * 1}: {@code h = floor(H / 2^layers) - 2}. Each logit sees a square window of the input, {@link
 * #receptiveField} wide: 70×70 for 3 layers ({@code basic}). Convolutions before a norm have a bias
 * exactly when the norm is instance or none. Built by {@link NetworkFactory} as {@code basic} (3
 * layers) and {@code n_layers}.
 */
public final class PatchDiscriminator extends BodyNetwork {

    private static final byte VERSION = 1;

    private final int channels;
    private final int layers;

    /**
     * @param channels image channels in
     * @param ndf channels of the first convolution
     * @param layers stride-2 convolutions, at least 1 (3 for the 70×70 PatchGAN)
     * @param norm {@code instance}, {@code batch} or {@code none}
     */
    PatchDiscriminator(int channels, int ndf, int layers, String norm) {
        super(VERSION);
        this.channels = channels;
        this.layers = layers;
        boolean bias = Norms.convolutionBias(norm);
        SequentialBlock sequence = new SequentialBlock();
        sequence.add(Layers.conv2d(ndf, 4, 2, 1, true));
        sequence.add(Activation.leakyReluBlock(0.2f));
        for (int n = 1; n <= layers; n++) {
            int width = Math.multiplyExact(ndf, 1 << Math.min(n, 3));
            sequence.add(Layers.conv2d(width, 4, n < layers ? 2 : 1, 1, bias));
            Norms.addTo(sequence, norm, width);
            sequence.add(Activation.leakyReluBlock(0.2f));
        }
        sequence.add(Layers.conv2d(1, 4, 1, 1, true));
        setBody(sequence);
    }

    /** @return stride-2 convolutions */
    public int layers() {
        return layers;
    }

    /**
     * @return the side of the square input window each logit depends on, {@code 9 * 2^layers - 2}:
     *     70 for 3 layers (the two stride-1 4×4 convolutions see 7 pixels; each stride-2 one doubles
     *     that and adds 2)
     */
    public static int receptiveField(int layers) {
        int field = 7;
        for (int i = 0; i < layers; i++) {
            field = 2 * field + 2;
        }
        return field;
    }

    /** @return the side of the logit map for an input side {@code size}, less than 1 when the input is too small */
    public static long outputSize(long size, int layers) {
        return (size >> layers) - 2;
    }

    @Override
    protected Shape outputShape(Shape in) {
        return new Shape(in.get(0), 1, outputSize(in.get(2), layers), outputSize(in.get(3), layers));
    }

    @Override
    protected void checkInput(Shape[] shapes) {
        if (shapes.length != 1) {
            throw new IllegalArgumentException("PatchGAN discriminator expects one image (N, " + channels + ", H, W), got "
                    + shapes.length + " inputs");
        }
        Shape s = shapes[0];
        Layers.checkChannels("PatchGAN discriminator", s, channels);
        long minimum = 3L << layers;
        if (s.get(2) < minimum || s.get(3) < minimum) {
            throw new IllegalArgumentException("PatchGAN discriminator with " + layers + " layers needs a height and width of at least "
                    + minimum + ", got " + s.get(2) + "x" + s.get(3) + " (input shape " + s + ")");
        }
    }
}
