package io.github.fijigan.core.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;

/**
 * The ResNet generator of pix2pix and CycleGAN (Johnson et al. 2016; pix2pix's {@code
 * ResnetGenerator} with reflection padding): an image {@code (N, in, H, W)} to an image {@code (N,
 * out, H, W)} in [-1, 1], for H and W multiples of 4.
 * <ol>
 *   <li>reflection pad 3, 7×7 convolution to {@code ngf} channels, norm, ReLU;
 *   <li>two 3×3 stride-2 convolutions (padding 1) doubling the channels, each with norm and ReLU;
 *   <li>{@code blocks} {@link ResnetBlock}s at {@code 4 * ngf} channels and a quarter of the size;
 *   <li>two up-samplings halving the channels, each with norm and ReLU: PyTorch's {@code
 *       ConvTranspose2d(kernel 3, stride 2, padding 1, output_padding 1)} ({@link ConvTranspose2d}),
 *       or nearest ×2 and a 3×3 convolution ({@link UpsampleConv});
 *   <li>reflection pad 3, 7×7 convolution to {@code out} channels (always with a bias), tanh.
 * </ol>
 * Convolutions before a norm have a bias exactly when the norm is instance or none. Built by {@link
 * NetworkFactory} as {@code resnet_6blocks} and {@code resnet_9blocks}.
 */
public final class ResnetGenerator extends BodyNetwork {

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int outChannels;

    /**
     * @param inChannels image channels in
     * @param outChannels image channels out
     * @param ngf channels of the first convolution
     * @param blocks residual blocks, at least 0 (6 or 9 in pix2pix)
     * @param norm {@code instance}, {@code batch} or {@code none}
     * @param dropout a {@link Dropout} 0.5 inside every residual block
     * @param nearest up-sample with {@link UpsampleConv} 3×3 instead of {@link ConvTranspose2d}
     */
    ResnetGenerator(int inChannels, int outChannels, int ngf, int blocks, String norm, boolean dropout, boolean nearest) {
        super(VERSION);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        boolean bias = Norms.convolutionBias(norm);
        SequentialBlock layers = new SequentialBlock();
        layers.add(new ReflectionPad2d(3));
        layers.add(Layers.conv2d(ngf, 7, 1, 0, bias));
        Norms.addTo(layers, norm, ngf);
        layers.add(Activation.reluBlock());
        int width = ngf;
        for (int i = 0; i < 2; i++) {
            width = Math.multiplyExact(width, 2);
            layers.add(Layers.conv2d(width, 3, 2, 1, bias));
            Norms.addTo(layers, norm, width);
            layers.add(Activation.reluBlock());
        }
        for (int i = 0; i < blocks; i++) {
            layers.add(new ResnetBlock(width, norm, dropout));
        }
        for (int i = 0; i < 2; i++) {
            layers.add(nearest ? new UpsampleConv(width, width / 2, 3, bias) : new ConvTranspose2d(width, width / 2, 3, 2, 1, 1, bias));
            width /= 2;
            Norms.addTo(layers, norm, width);
            layers.add(Activation.reluBlock());
        }
        layers.add(new ReflectionPad2d(3));
        layers.add(Layers.conv2d(outChannels, 7, 1, 0, true));
        layers.add(Activation.tanhBlock());
        setBody(layers);
    }

    @Override
    protected Shape outputShape(Shape in) {
        return new Shape(in.get(0), outChannels, in.get(2), in.get(3));
    }

    /** Two stride-2 stages down and two ×2 stages up give the input size back only for multiples of 4. */
    @Override
    protected void checkInput(Shape[] shapes) {
        if (shapes.length != 1) {
            throw new IllegalArgumentException("ResNet generator expects one image (N, " + inChannels + ", H, W), got "
                    + shapes.length + " inputs");
        }
        Shape s = shapes[0];
        Layers.checkChannels("ResNet generator", s, inChannels);
        if (s.get(2) % 4 != 0 || s.get(3) % 4 != 0 || s.get(2) < 8 || s.get(3) < 8) {
            throw new IllegalArgumentException("ResNet generator needs a height and width that are multiples of 4 and at least 8, got "
                    + s.get(2) + "x" + s.get(3) + " (input shape " + s + ")");
        }
    }
}
