package io.github.fijigan.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The PyTorch engine could not be started, usually because its native library is missing or does
 * not match. The message says what was expected, what to install, and what went wrong underneath;
 * the original error stays available as {@link #getCause()}.
 */
public class EngineStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Enough of a cause chain to see the real reason without a wall of text. */
    private static final int MAX_CAUSES = 4;

    /**
     * @param message the full explanation
     * @param cause the error DJL or the JVM raised
     */
    public EngineStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Wraps a failure to load the engine with advice on what to install.
     *
     * @param cause what DJL or the JVM threw
     * @param offline whether DJL was kept from downloading
     * @return the exception to throw
     */
    static EngineStartException loadFailed(Throwable cause, boolean offline) {
        String message = "Could not start the PyTorch engine: " + describeChain(cause) + "\n"
                + NativeRequirements.installAdvice()
                + (offline ? "\nDJL runs offline (ai.djl.offline=true or DJL_OFFLINE=true),"
                        + " so it did not try to download anything." : "");
        return new EngineStartException(message, cause);
    }

    /** @return "Type: message ← Type: message …", each distinct message once */
    static String describeChain(Throwable error) {
        List<String> parts = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable t = error;
        while (t != null && seen.add(t) && parts.size() < MAX_CAUSES) {
            String part = t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage());
            if (!parts.contains(part)) {
                parts.add(part);
            }
            t = t.getCause();
        }
        return String.join(" ← ", parts);
    }
}
