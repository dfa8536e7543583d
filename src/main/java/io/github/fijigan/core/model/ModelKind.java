package io.github.fijigan.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kind of model a bundle holds; it decides which networks inference needs and how. */
public enum ModelKind {
    DCGAN(true),
    WGANGP(true),
    SNGAN(true),
    ACGAN(true),
    PIX2PIX(false),
    CYCLEGAN(false),
    DENOISE(false),
    COLORIZER(false),
    TORCHSCRIPT(false);

    private final boolean generatesFromNoise;

    ModelKind(boolean generatesFromNoise) {
        this.generatesFromNoise = generatesFromNoise;
    }

    /** @return the name in {@code model.json}, e.g. {@code cyclegan} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether the generator starts from a latent vector, so the bundle must state its size */
    public boolean generatesFromNoise() {
        return generatesFromNoise;
    }

    /** @return the kind named {@code id} (exact, lower case), if any */
    public static Optional<ModelKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }

    /** @return the ids, comma separated, for messages */
    public static String ids() {
        return Arrays.stream(values()).map(ModelKind::id).collect(Collectors.joining(", "));
    }
}
