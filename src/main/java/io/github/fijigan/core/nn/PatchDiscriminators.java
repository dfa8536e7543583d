package io.github.fijigan.core.nn;

import java.util.List;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;

/**
 * pix2pix/CycleGAN's discriminators: {@code basic} (the 70×70 PatchGAN) and {@code n_layers}
 * ({@link PatchDiscriminator}), and {@code pixel} ({@link PixelDiscriminator}).
 */
final class PatchDiscriminators implements NetworkFamily {

    private static final List<String> NAMES = List.of("basic", "n_layers", "pixel");
    static final int BASIC_LAYERS = 3;

    @Override
    public List<String> architectures() {
        return NAMES;
    }

    @Override
    public Block build(String architecture, NetworkRole role, JsonObject json, int inChannels, int outChannels) {
        if (role != NetworkRole.DISCRIMINATOR) {
            throw NetworkFamily.wrongRole(architecture, role, "discriminator");
        }
        if (outChannels != 1) {
            throw new IllegalArgumentException(architecture + " discriminator: out_channels must be 1 (a map of real/fake logits), got "
                    + outChannels);
        }
        NetworkOptions options = new NetworkOptions(architecture + " discriminator", json);
        int ndf = options.integer("ndf", 64, 1);
        String norm = options.word("norm", Norms.INSTANCE, Norms.PIX2PIX);
        int layers = layers(architecture, options);
        options.rejectUnknown();
        if (architecture.equals("pixel")) {
            return new PixelDiscriminator(inChannels, ndf, norm);
        }
        return new PatchDiscriminator(inChannels, ndf, layers, norm);
    }

    /** @return the stride-2 layers: 3 for basic, the {@code n_layers} option (default 3) for n_layers, 0 for pixel */
    private static int layers(String architecture, NetworkOptions options) {
        return switch (architecture) {
            case "basic" -> BASIC_LAYERS;
            case "n_layers" -> checkedLayers(options);
            default -> 0;
        };
    }

    /** The minimum size 3 * 2^n_layers must stay an int. */
    private static int checkedLayers(NetworkOptions options) {
        int layers = options.integer("n_layers", BASIC_LAYERS, 1);
        if (layers > 20) {
            throw options.bad("n_layers", "must be at most 20 (the input must be at least 3 * 2^n_layers wide), got " + layers);
        }
        return layers;
    }

    private static int layers(NetworkSpec spec) {
        return layers(spec.architecture(), new NetworkOptions(spec.architecture(), spec.options()));
    }

    @Override
    public Shape[] inputShapes(NetworkSpec spec, int batch, int size) {
        if (spec.role() != NetworkRole.DISCRIMINATOR) {
            throw NetworkFamily.wrongRole(spec.architecture(), spec.role(), "discriminator");
        }
        NetworkFamily.checkSize(this, spec, size);
        return new Shape[] {new Shape(batch, spec.inChannels(), size, size)};
    }

    /** Any side works; the logit map just has {@code floor(S / 2^layers) - 2} rows. */
    @Override
    public int sizeMultiple(NetworkSpec spec) {
        return 1;
    }

    @Override
    public int minimumSize(NetworkSpec spec) {
        return spec.architecture().equals("pixel") ? 1 : 3 << layers(spec);
    }

    @Override
    public int defaultSize(NetworkSpec spec) {
        return Math.max(TranslationGenerators.DEFAULT_SIZE, minimumSize(spec));
    }
}
