package io.github.fijigan.core.nn;

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
 * NetworkSpec spec = NetworkSpec.of("dcgan_64", options, 100, 3, NetworkRole.GENERATOR);
 * Block g = NetworkFactory.build(spec);
 * g.initialize(manager, DataType.FLOAT32, NetworkFactory.inputShapes(spec, 16));
 * WeightInit.apply(g, "normal", 42);
 * }</pre>
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
 */
public final class NetworkFactory {

    private static final Map<String, Integer> DCGAN_SIZES = Map.of("dcgan_32", 32, "dcgan_64", 64, "dcgan_128", 128);
    private static final List<String> ARCHITECTURES = List.of("dcgan_32", "dcgan_64", "dcgan_128");

    private NetworkFactory() {}

    /** @return the architecture names {@link #build} knows */
    public static List<String> architectures() {
        return ARCHITECTURES;
    }

    /** @return the network a spec describes, not initialised yet */
    public static Block build(NetworkSpec spec) {
        return build(spec.architecture(), spec.role(), spec.options(), spec.inChannels(), spec.outChannels());
    }

    /**
     * @param architecture one of {@link #architectures()}
     * @param role generator or discriminator
     * @param options hyper-parameters; null or empty for the defaults
     * @param inChannels generator: noise size; discriminator: image channels
     * @param outChannels generator: image channels; discriminator: 1
     * @return the network, not initialised yet
     * @throws IllegalArgumentException for an unknown architecture (listing the known ones), a role it
     *     has no network for, bad channels, or an unknown or bad option (naming it)
     */
    public static Block build(String architecture, NetworkRole role, JsonObject options, int inChannels, int outChannels) {
        Integer size = DCGAN_SIZES.get(architecture);
        if (size == null) {
            throw unknown(architecture);
        }
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException(architecture + ": channels must be at least 1, got in " + inChannels + ", out "
                    + outChannels);
        }
        return switch (role) {
            case GENERATOR -> dcganGenerator(architecture, size, options, inChannels, outChannels);
            case DISCRIMINATOR -> dcganDiscriminator(architecture, size, options, inChannels, outChannels);
            default -> throw new IllegalArgumentException(architecture + " has no " + role.id() + " network; roles: generator, discriminator");
        };
    }

    private static Block dcganGenerator(String architecture, int size, JsonObject json, int latent, int channels) {
        NetworkOptions options = new NetworkOptions(architecture + " generator", json);
        int ngf = options.integer("ngf", 64, 1);
        String norm = options.word("norm", Norms.BATCH, Norms.GENERATOR);
        boolean nearest = options.word("upsample", "convtranspose", List.of("convtranspose", "nearest")).equals("nearest");
        int classes = options.integer("classes", 0, 0);
        int embedDim = options.integer("embed_dim", latent, 1);
        options.rejectUnknown();
        return new DcganGenerator(size, latent, channels, ngf, norm, nearest, classes, embedDim);
    }

    private static Block dcganDiscriminator(String architecture, int size, JsonObject json, int channels, int out) {
        NetworkOptions options = new NetworkOptions(architecture + " discriminator", json);
        if (out != 1) {
            throw new IllegalArgumentException(architecture + " discriminator: out_channels must be 1 (one real/fake logit), got " + out);
        }
        int ndf = options.integer("ndf", 64, 1);
        boolean spectral = options.bool("spectral_norm", false);
        // SN-GAN replaces batch norm: without an explicit norm, spectral norm means no norm.
        String norm = options.word("norm", spectral ? Norms.NONE : Norms.BATCH, Norms.DISCRIMINATOR);
        boolean minibatchStd = options.bool("minibatch_std", false);
        int classes = options.integer("classes", 0, 0);
        options.rejectUnknown();
        return new DcganDiscriminator(size, channels, ndf, norm, spectral, minibatchStd, classes);
    }

    /**
     * @param batch samples per batch, at least 1
     * @return the shapes to initialise the spec's network with, which are also the shapes its {@code
     *     forward} takes: generator noise {@code (batch, nz, 1, 1)} (and labels {@code (batch)} with
     *     classes), discriminator images {@code (batch, C, S, S)}
     */
    public static Shape[] inputShapes(NetworkSpec spec, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        Integer size = DCGAN_SIZES.get(spec.architecture());
        if (size == null) {
            throw unknown(spec.architecture());
        }
        return switch (spec.role()) {
            case GENERATOR -> {
                int classes = new NetworkOptions(spec.architecture(), spec.options()).integer("classes", 0, 0);
                Shape noise = new Shape(batch, spec.inChannels(), 1, 1);
                yield classes > 0 ? new Shape[] {noise, new Shape(batch)} : new Shape[] {noise};
            }
            case DISCRIMINATOR -> new Shape[] {new Shape(batch, spec.inChannels(), size, size)};
            default -> throw new IllegalArgumentException(spec.architecture() + " has no " + spec.role().id()
                    + " network; roles: generator, discriminator");
        };
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

    private static IllegalArgumentException unknown(String architecture) {
        return new IllegalArgumentException("unknown network architecture '" + architecture + "'; known: "
                + String.join(", ", ARCHITECTURES));
    }
}
