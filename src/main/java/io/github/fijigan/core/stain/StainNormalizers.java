package io.github.fijigan.core.stain;

import java.util.List;
import java.util.Locale;

/**
 * Stain normalisers by name, as a command or macro gives them.
 *
 * <pre>{@code
 * StainNormalizer n = StainNormalizers.create("Macenko", StainTarget.read(Path.of("target.json")));
 * }</pre>
 */
public final class StainNormalizers {

    /** The classical methods' names. */
    public static final List<String> METHODS = List.of(Reinhard.METHOD, Macenko.METHOD);

    private StainNormalizers() {}

    /**
     * @param method "reinhard" or "macenko" (case and surrounding spaces ignored)
     * @throws IllegalArgumentException for an unknown method, or a target that lacks the method's statistics
     */
    public static StainNormalizer create(String method, StainTarget target) {
        return switch (canonical(method)) {
            case Reinhard.METHOD -> new Reinhard(target);
            case Macenko.METHOD -> new Macenko(target);
            default -> throw new IllegalStateException("unreachable");
        };
    }

    /**
     * @return the method's name in lower case
     * @throws IllegalArgumentException naming the known methods when it is not one
     */
    static String canonical(String method) {
        String m = method == null ? "" : method.trim().toLowerCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new IllegalArgumentException("unknown stain normalisation method '" + method + "'; known: " + String.join(", ", METHODS));
        }
        return m;
    }
}
