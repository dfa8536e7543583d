package io.github.fijigan.core.data;

import java.util.Locale;

/**
 * Which way a translation dataset goes, as pix2pix/CycleGAN's {@code --direction}: {@code AtoB}
 * gives the A images as inputs and the B images as targets; {@code BtoA} swaps the two domains,
 * each keeping its own images and normalisation.
 *
 * <pre>{@code
 * TranslationDirection d = TranslationDirection.parse("BtoA");
 * }</pre>
 */
public enum TranslationDirection {

    /** Inputs from A, targets from B. */
    A_TO_B("AtoB"),

    /** Inputs from B, targets from A. */
    B_TO_A("BtoA");

    private final String spec;

    TranslationDirection(String spec) {
        this.spec = spec;
    }

    /** @return {@code AtoB} or {@code BtoA} */
    public String spec() {
        return spec;
    }

    /** @return whether the domains swap */
    public boolean swaps() {
        return this == B_TO_A;
    }

    /**
     * @param spec {@code AtoB} or {@code BtoA}; case, spaces and an arrow ({@code A->B}) are accepted
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static TranslationDirection parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT).replace("->", "to").replace(" ", "");
        if (s.equals("atob")) {
            return A_TO_B;
        }
        if (s.equals("btoa")) {
            return B_TO_A;
        }
        throw new IllegalArgumentException("direction '" + spec + "' not understood; use AtoB or BtoA");
    }
}
