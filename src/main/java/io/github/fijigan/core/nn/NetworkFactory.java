package io.github.fijigan.core.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;

/**
 * Builds networks by architecture name and JSON options, the way a model bundle or a training
 * config names them.
 *
 * <pre>{@code
 * JsonObject options = new JsonObject();
 * options.addProperty("ngf", 64);
 * NetworkSpec spec = NetworkSpec.of("resnet_9blocks", options, 1, 1, NetworkRole.GENERATOR);
 * Block g = NetworkFactory.build(spec);
 * g.initialize(manager, DataType.FLOAT32, NetworkFactory.inputShapes(spec, 1));
 * WeightInit.apply(g, "normal", 42);
 * int multiple = NetworkFactory.sizeMultiple(spec); // 4: pad tiles to a multiple of it
 * }</pre>
 *
 * Every unknown architecture, role or option, and every bad option value, is refused with a message
 * that names it. Options not given take the defaults below.
 *
 * <h2>dcgan_32, dcgan_64, dcgan_128</h2>
 * DCGAN for S×S images (32 is for tiny tests). See {@link DcganGenerator} and {@link
 * DcganDiscriminator}.
 * <ul>
 *   <li>Generator: in_channels = noise size nz, out_channels = image channels. Input noise {@code (N,
 *       nz, 1, 1)} (and labels {@code (N)} with classes), output image {@code (N, C, S, S)}, tanh.
 *       Options: {@code ngf} (64), {@code norm} ({@code batch} | {@code instance} | {@code none}),
 *       {@code upsample} ({@code convtranspose} | {@code nearest}: {@link UpsampleConv} 3×3 for the
 *       stride-2 stages), {@code classes} (0; AC-GAN when > 0), {@code embed_dim} (nz).
 *   <li>Discriminator: in_channels = image channels, out_channels = 1. Input {@code (N, C, S, S)},
 *       output logits {@code (N)} (and class logits {@code (N, classes)}). Options: {@code ndf} (64),
 *       {@code norm} ({@code batch} | {@code instance} | {@code layer} | {@code none}; default batch,
 *       or none with spectral norm), {@code spectral_norm} (false), {@code minibatch_std} (false),
 *       {@code classes} (0).
 * </ul>
 * With batch or layer norm the convolutions have no bias (DCGAN); with instance norm (no affine) or
 * none, every convolution has one.
 *
 * <h2>resnet_6blocks, resnet_9blocks, unet_128, unet_256 (generators)</h2>
 * pix2pix/CycleGAN's image-to-image generators, {@link ResnetGenerator} with 6 or 9 residual blocks
 * and {@link UnetGenerator} with 7 or 8 levels. in_channels and out_channels are any image channels
 * (1 to 1, 1 to 3, 3 to 3...). Input {@code (N, in, H, W)}, output {@code (N, out, H, W)} in [-1,
 * 1] (tanh), H and W multiples of {@link #sizeMultiple}: 4 for ResNet (at least 8), 128 for
 * unet_128, 256 for unet_256. Options: {@code ngf} (64), {@code norm} ({@code instance} | {@code
 * batch} | {@code none}; default instance), {@code use_dropout} (false for ResNet, true for U-Net:
 * {@link Dropout} 0.5, seeded with {@link Dropout#seedAll}), {@code upsample} ({@code
 * convtranspose}: PyTorch's transposed convolutions, exactly; {@code nearest}: nearest ×2 and a 3×3
 * convolution, {@link UpsampleConv}).
 *
 * <h2>basic, n_layers, pixel (discriminators)</h2>
 * pix2pix/CycleGAN's discriminators: {@link PatchDiscriminator} with 3 stride-2 layers ({@code
 * basic}, the 70×70 PatchGAN) or {@code n_layers}, and the 1×1 {@link PixelDiscriminator} ({@code
 * pixel}). in_channels = image channels (pix2pix's conditional D takes input and output stacked),
 * out_channels = 1. Input {@code (N, C, H, W)}, output a map of logits {@code (N, 1, h, w)}, no
 * sigmoid: {@code h = floor(H / 2^layers) - 2} (30 for basic on 256), {@code h = H} for pixel.
 * Options: {@code ndf} (64), {@code norm} ({@code instance} | {@code batch} | {@code none}; default
 * instance as CycleGAN; pix2pix's configs choose batch), {@code n_layers} (3; n_layers only).
 *
 * <p>In all pix2pix/CycleGAN networks, convolutions followed by a norm have a bias exactly when the
 * norm is instance (no affine) or none, as pix2pix's {@code use_bias}.
 *
 * <h2>dncnn (denoising generator)</h2>
 * {@link ResidualDenoiser}: 3×3 convolutions estimate the noise and the output is the input's centre
 * slice minus it. out_channels = image channels; in_channels = slices × out_channels for an odd number
 * of neighbouring slices (2.5D; 1 for 2D). Input {@code (N, in, H, W)}, output {@code (N, out, H, W)},
 * no final activation, any H and W (size multiple 1). Options: {@code ngf} (64), {@code layers} (17,
 * at least 2: DnCNN's depth), {@code norm} ({@code none} | {@code batch} | {@code instance}; default
 * none).
 */
public final class NetworkFactory {

    private static final List<NetworkFamily> FAMILIES = List.of(new DcganNetworks(), new TranslationGenerators(),
            new PatchDiscriminators(), new DenoiserNetworks());
    private static final Map<String, NetworkFamily> BY_NAME = byName();

    private NetworkFactory() {}

    private static Map<String, NetworkFamily> byName() {
        Map<String, NetworkFamily> map = new LinkedHashMap<>();
        for (NetworkFamily family : FAMILIES) {
            family.architectures().forEach(name -> map.put(name, family));
        }
        return Collections.unmodifiableMap(map);
    }

    /** @return the architecture names {@link #build} knows */
    public static List<String> architectures() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** @return the network a spec describes, not initialised yet */
    public static Block build(NetworkSpec spec) {
        return build(spec.architecture(), spec.role(), spec.options(), spec.inChannels(), spec.outChannels());
    }

    /**
     * @param architecture one of {@link #architectures()}
     * @param role generator or discriminator
     * @param options hyper-parameters; null or empty for the defaults
     * @param inChannels DCGAN generator: noise size; otherwise image channels in
     * @param outChannels generator: image channels; discriminator: 1
     * @return the network, not initialised yet
     * @throws IllegalArgumentException for an unknown architecture (listing the known ones), a role it
     *     has no network for, bad channels, or an unknown or bad option (naming it)
     */
    public static Block build(String architecture, NetworkRole role, JsonObject options, int inChannels, int outChannels) {
        NetworkFamily family = family(architecture);
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException(architecture + ": channels must be at least 1, got in " + inChannels + ", out "
                    + outChannels);
        }
        return family.build(architecture, role, options, inChannels, outChannels);
    }

    /**
     * The shapes to initialise the spec's network with, which are also the shapes its {@code forward}
     * takes: DCGAN generator noise {@code (batch, nz, 1, 1)} (and labels {@code (batch)} with
     * classes); images {@code (batch, C, S, S)} for every other network, S being the DCGAN size, the
     * U-Net size, or 256 (pix2pix's crop) for ResNet generators and discriminators (more when
     * {@code n_layers} needs a larger input). Parameter shapes do not depend on S.
     *
     * @param batch samples per batch, at least 1
     */
    public static Shape[] inputShapes(NetworkSpec spec, int batch) {
        return inputShapes(spec, batch, family(spec.architecture()).defaultSize(spec));
    }

    /**
     * The input shapes for S×S images, e.g. to run an image-to-image generator on tiles of that size.
     *
     * @param batch samples per batch, at least 1
     * @param size the image side S: a multiple of {@link #sizeMultiple} and at least {@link
     *     #minimumSize}; exactly the architecture's size for DCGAN
     * @return as {@link #inputShapes(NetworkSpec, int)}, with S×S images
     * @throws IllegalArgumentException for a size the network cannot take, naming the multiple and
     *     the minimum
     */
    public static Shape[] inputShapes(NetworkSpec spec, int batch, int size) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        return family(spec.architecture()).inputShapes(spec, batch, size);
    }

    /**
     * @return what image sides must be a multiple of for the network to give an output of the same
     *     size: 4 for ResNet generators, 128 for unet_128, 256 for unet_256, 1 for the
     *     discriminators, the size S for dcgan_S (which takes and makes S×S only). Inference pads
     *     images (or chooses tiles) to a multiple of it.
     */
    public static int sizeMultiple(NetworkSpec spec) {
        return family(spec.architecture()).sizeMultiple(spec);
    }

    /**
     * @return the smallest image side the network takes: 8 for ResNet generators, 128 and 256 for
     *     the U-Nets, {@code 3 * 2^layers} for PatchGAN (24 for basic), 1 for pixel, S for dcgan_S
     */
    public static int minimumSize(NetworkSpec spec) {
        return family(spec.architecture()).minimumSize(spec);
    }

    /**
     * Counts the numbers an optimiser trains, as PyTorch's {@code sum(p.numel() for p in
     * net.parameters() if p.requires_grad)}: batch-norm running statistics and {@link SpectralNorm}'s
     * {@code u}, {@code v} are left out.
     *
     * @throws IllegalStateException when a parameter has no shape yet (initialise the block first)
     */
    public static long trainableParameterCount(Block block) {
        long count = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().requiresGradient()) {
                continue;
            }
            Shape shape = p.getValue().getShape();
            if (shape == null) {
                throw new IllegalStateException("parameter '" + p.getKey() + "' has no shape yet; initialise the block first");
            }
            count += shape.size();
        }
        return count;
    }

    private static NetworkFamily family(String architecture) {
        NetworkFamily family = BY_NAME.get(architecture);
        if (family == null) {
            throw new IllegalArgumentException("unknown network architecture '" + architecture + "'; known: "
                    + String.join(", ", BY_NAME.keySet()));
        }
        return family;
    }
}
