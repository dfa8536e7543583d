package io.github.fijigan.core.job;

import java.io.UncheckedIOException;

/**
 * Turns any exception from a job into the one line a user sees. Wrappers that add nothing
 * ({@link UncheckedIOException}, a RuntimeException around a checked exception) are looked
 * through, so the line is the message of the exception that knows what went wrong.
 *
 * <pre>{@code
 * catch (Exception e) { log.error(Failures.message(e)); }
 * }</pre>
 */
public final class Failures {

    private Failures() {
    }

    /** @return the most informative message in the exception's chain; never null or blank */
    public static String message(Throwable failure) {
        Throwable t = failure;
        while (isWrapper(t)) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName() + (t == failure ? "" : " (in " + failure.getClass().getSimpleName() + ")");
        }
        return message;
    }

    /** A wrapper whose message only repeats its cause's (e.g. "java.io.IOException: x"). */
    private static boolean isWrapper(Throwable t) {
        Throwable cause = t.getCause();
        if (cause == null || cause == t) {
            return false;
        }
        if (t instanceof UncheckedIOException) {
            return true;
        }
        String message = t.getMessage();
        return message == null || message.isBlank() || message.equals(cause.toString());
    }
}
