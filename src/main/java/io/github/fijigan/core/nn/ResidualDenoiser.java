package io.github.fijigan.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A residual CNN denoiser: a plain stack of 3×3 convolutions estimates the noise of the centre
 * slice, and the output is the input minus that estimate, {@code y = x_centre - G(x)} (residual
 * learning as DnCNN, Zhang et al. 2017; the generator of Wolterink et al. 2017 and, without its
 * perceptual loss, of Yang et al. 2018's WGAN-VGG). Images go in and out in network units, with
 * no final activation, so values outside [-1, 1] (bone, air outside a CT window) pass through.
 * <ol>
 *   <li>3×3 convolution (zero padding 1, with bias) to {@code ngf} channels, ReLU;
 *   <li>{@code layers - 2} times: 3×3 convolution to {@code ngf} channels, norm, ReLU;
 *   <li>3×3 convolution (with bias) to {@code out} channels: the noise estimate G(x).
 * </ol>
 * <b>2.5D:</b> the input may hold {@code slices} (odd) neighbouring slices of a volume, slice-major
 * ({@code in = slices * out} channels: slice 0's channels, then slice 1's, …); the output is the
 * centre slice's. Each output pixel sees a square of {@code 2 * layers + 1} input pixels. Any
 * height and width work. Built by {@link NetworkFactory} as {@code dncnn}.
 */
public final class ResidualDenoiser extends BodyNetwork {

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int outChannels;
    private final int slices;
    private final int layers;

    /**
     * @param inChannels input channels, {@code slices * outChannels}
     * @param outChannels image channels
     * @param ngf channels of the hidden convolutions
     * @param layers convolutions in all, at least 2
     * @param norm {@code none}, {@code batch} or {@code instance}
     * @throws IllegalArgumentException when the input channels are not an odd multiple of the output channels
     */
    ResidualDenoiser(int inChannels, int outChannels, int ngf, int layers, String norm) {
        super(VERSION);
        if (inChannels % outChannels != 0 || (inChannels / outChannels) % 2 == 0) {
            throw new IllegalArgumentException("dncnn generator: in_channels (" + inChannels + ") must be an odd number of slices times "
                    + "out_channels (" + outChannels + ")");
        }
        if (layers < 2) {
            throw new IllegalArgumentException("dncnn generator needs at least 2 layers, got " + layers);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.slices = inChannels / outChannels;
        this.layers = layers;
        boolean bias = Norms.convolutionBias(norm);
        SequentialBlock body = new SequentialBlock();
        body.add(Layers.conv2d(ngf, 3, 1, 1, true));
        body.add(Activation.reluBlock());
        for (int i = 0; i < layers - 2; i++) {
            body.add(Layers.conv2d(ngf, 3, 1, 1, bias));
            Norms.addTo(body, norm, ngf);
            body.add(Activation.reluBlock());
        }
        body.add(Layers.conv2d(outChannels, 3, 1, 1, true));
        setBody(body);
    }

    /** @return the neighbouring slices the network takes, odd */
    public int slices() {
        return slices;
    }

    /** @return the side of the square of input pixels each output pixel depends on, {@code 2 * layers + 1} */
    public int receptiveField() {
        return 2 * layers + 1;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray noise = super.forwardInternal(parameterStore, inputs, training, params).singletonOrThrow();
        NDArray x = inputs.singletonOrThrow();
        int from = slices / 2 * outChannels;
        NDArray centre = slices == 1 ? x : x.get(new NDIndex(":, {}:{}", from, from + outChannels));
        return new NDList(centre.sub(noise));
    }

    @Override
    protected Shape outputShape(Shape in) {
        return new Shape(in.get(0), outChannels, in.get(2), in.get(3));
    }

    @Override
    protected void checkInput(Shape[] shapes) {
        if (shapes.length != 1) {
            throw new IllegalArgumentException("dncnn generator expects one image (N, " + inChannels + ", H, W), got " + shapes.length
                    + " inputs");
        }
        Layers.checkChannels("dncnn generator", shapes[0], inChannels);
    }
}
