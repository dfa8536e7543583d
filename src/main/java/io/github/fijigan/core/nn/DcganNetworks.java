package io.github.fijigan.core.nn;

import java.util.List;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;

/** {@code dcgan_32}, {@code dcgan_64}, {@code dcgan_128}: {@link DcganGenerator} and {@link DcganDiscriminator}. */
final class DcganNetworks implements NetworkFamily {

    private static final List<String> NAMES = List.of("dcgan_32", "dcgan_64", "dcgan_128");

    @Override
    public List<String> architectures() {
        return NAMES;
    }

    private static int size(String architecture) {
        return Integer.parseInt(architecture.substring("dcgan_".length()));
    }

    @Override
    public Block build(String architecture, NetworkRole role, JsonObject options, int inChannels, int outChannels) {
        return switch (role) {
            case GENERATOR -> generator(architecture, options, inChannels, outChannels);
            case DISCRIMINATOR -> discriminator(architecture, options, inChannels, outChannels);
            default -> throw NetworkFamily.wrongRole(architecture, role, "generator, discriminator");
        };
    }

    private static Block generator(String architecture, JsonObject json, int latent, int channels) {
        NetworkOptions options = new NetworkOptions(architecture + " generator", json);
        int ngf = options.integer("ngf", 64, 1);
        String norm = options.word("norm", Norms.BATCH, Norms.GENERATOR);
        boolean nearest = options.word("upsample", "convtranspose", List.of("convtranspose", "nearest")).equals("nearest");
        int classes = options.integer("classes", 0, 0);
        int embedDim = options.integer("embed_dim", latent, 1);
        options.rejectUnknown();
        return new DcganGenerator(size(architecture), latent, channels, ngf, norm, nearest, classes, embedDim);
    }

    private static Block discriminator(String architecture, JsonObject json, int channels, int out) {
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
        return new DcganDiscriminator(size(architecture), channels, ndf, norm, spectral, minibatchStd, classes);
    }

    /** Generator: noise (and labels with classes), whatever the size; discriminator: S×S images. */
    @Override
    public Shape[] inputShapes(NetworkSpec spec, int batch, int size) {
        if (size != size(spec.architecture())) {
            throw new IllegalArgumentException(spec.architecture() + " " + spec.role().id() + " works on " + size(spec.architecture())
                    + "x" + size(spec.architecture()) + " images only, got size " + size);
        }
        return switch (spec.role()) {
            case GENERATOR -> {
                int classes = new NetworkOptions(spec.architecture(), spec.options()).integer("classes", 0, 0);
                Shape noise = new Shape(batch, spec.inChannels(), 1, 1);
                yield classes > 0 ? new Shape[] {noise, new Shape(batch)} : new Shape[] {noise};
            }
            case DISCRIMINATOR -> new Shape[] {new Shape(batch, spec.inChannels(), size, size)};
            default -> throw NetworkFamily.wrongRole(spec.architecture(), spec.role(), "generator, discriminator");
        };
    }

    /** The generator makes and the discriminator takes S×S images only: S is the multiple, the minimum and the default. */
    @Override
    public int sizeMultiple(NetworkSpec spec) {
        return size(spec.architecture());
    }

    @Override
    public int minimumSize(NetworkSpec spec) {
        return size(spec.architecture());
    }

    @Override
    public int defaultSize(NetworkSpec spec) {
        return size(spec.architecture());
    }
}
