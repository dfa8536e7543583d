package io.github.fijigan.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a network is for. Inference loads only generators; discriminators travel in checkpoints so
 * that training can resume.
 */
public enum NetworkRole {
    GENERATOR,
    DISCRIMINATOR,
    OTHER;

    /** @return the name in {@code model.json}, e.g. {@code generator} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the role named {@code id} (exact, lower case), if any */
    public static Optional<NetworkRole> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
