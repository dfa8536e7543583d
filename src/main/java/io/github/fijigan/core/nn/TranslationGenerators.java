package io.github.fijigan.core.nn;

import java.util.List;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;

/**
 * pix2pix/CycleGAN's image-to-image generators: {@code resnet_6blocks}, {@code resnet_9blocks}
 * ({@link ResnetGenerator}) and {@code unet_128}, {@code unet_256} ({@link UnetGenerator}).
 */
final class TranslationGenerators implements NetworkFamily {

    private static final List<String> NAMES = List.of("resnet_6blocks", "resnet_9blocks", "unet_128", "unet_256");
    /** pix2pix's crop size: what the networks are initialised with when no size is given. */
    static final int DEFAULT_SIZE = 256;
    /** Two stride-2 stages; then the residual blocks' reflection padding 1 needs at least 2 pixels. */
    private static final int RESNET_MULTIPLE = 4;
    private static final int RESNET_MINIMUM = 8;

    @Override
    public List<String> architectures() {
        return NAMES;
    }

    private static boolean isUnet(String architecture) {
        return architecture.startsWith("unet_");
    }

    /** @return the number after the prefix: residual blocks, or the U-Net's image size */
    private static int number(String architecture) {
        return Integer.parseInt(architecture.replaceAll("\\D", ""));
    }

    @Override
    public Block build(String architecture, NetworkRole role, JsonObject json, int inChannels, int outChannels) {
        if (role != NetworkRole.GENERATOR) {
            throw NetworkFamily.wrongRole(architecture, role, "generator");
        }
        NetworkOptions options = new NetworkOptions(architecture + " generator", json);
        int ngf = options.integer("ngf", 64, 1);
        String norm = options.word("norm", Norms.INSTANCE, Norms.PIX2PIX);
        // pix2pix trains its U-Net with dropout (--no_dropout off); CycleGAN its ResNet without.
        boolean dropout = options.bool("use_dropout", isUnet(architecture));
        boolean nearest = options.word("upsample", "convtranspose", List.of("convtranspose", "nearest")).equals("nearest");
        options.rejectUnknown();
        if (isUnet(architecture)) {
            int levels = Integer.numberOfTrailingZeros(number(architecture));
            return new UnetGenerator(inChannels, outChannels, levels, ngf, norm, dropout, nearest);
        }
        return new ResnetGenerator(inChannels, outChannels, ngf, number(architecture), norm, dropout, nearest);
    }

    @Override
    public Shape[] inputShapes(NetworkSpec spec, int batch, int size) {
        if (spec.role() != NetworkRole.GENERATOR) {
            throw NetworkFamily.wrongRole(spec.architecture(), spec.role(), "generator");
        }
        NetworkFamily.checkSize(this, spec, size);
        return new Shape[] {new Shape(batch, spec.inChannels(), size, size)};
    }

    @Override
    public int sizeMultiple(NetworkSpec spec) {
        return isUnet(spec.architecture()) ? number(spec.architecture()) : RESNET_MULTIPLE;
    }

    @Override
    public int minimumSize(NetworkSpec spec) {
        return isUnet(spec.architecture()) ? number(spec.architecture()) : RESNET_MINIMUM;
    }

    @Override
    public int defaultSize(NetworkSpec spec) {
        return Math.max(DEFAULT_SIZE, minimumSize(spec));
    }
}
