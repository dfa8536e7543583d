package io.github.fijigan.core.metrics.benefit;

import java.util.Locale;

/** How many synthetic images join the real training images in the {@link Arm#SYNTHETIC} arm. */
public enum SyntheticMode {

    /**
     * Each class gets synthetic images until it has as many as the largest real class (a class
     * with too few synthetic images gets all it has).
     */
    BALANCE,
    /** Every synthetic image is added. */
    ALL;

    /** @return the name commands take: {@code balance} or {@code all} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the text and the two accepted names
     */
    public static SyntheticMode parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (SyntheticMode m : values()) {
            if (m.id().equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a synthetic mode; use balance or all");
    }
}
