package io.github.fijigan.ij;

/**
 * Runs ImageJ1 file operations one at a time and captures the error message they report.
 *
 * <p>ImageJ1's Opener and FileSaver report failures through {@code IJ.error}, which opens a dialog
 * in a GUI and merely prints in a headless JVM, and they return null or false. Redirecting error
 * messages keeps dialogs away, and {@code IJ.getErrorMessage()} hands back the text so it can go
 * into an exception. Both are static, JVM-wide state, as is the Opener's file type, hence the lock:
 * two concurrent opens would mix up each other's state and messages.
 */
final class ImageJErrors {

    private static final Object LOCK = new Object();

    /** A result and the error ImageJ1 reported while producing it (null when none). */
    record Outcome<T>(T value, String error) {
    }

    /** An ImageJ1 operation that may throw. */
    @FunctionalInterface
    interface Operation<T> {
        T run() throws Exception;
    }

    private ImageJErrors() {
    }

    static <T> Outcome<T> capture(Operation<T> operation) throws Exception {
        synchronized (LOCK) {
            ij.IJ.getErrorMessage(); // clears a message left over from earlier work
            ij.IJ.redirectErrorMessages(true);
            try {
                T value = operation.run();
                return new Outcome<>(value, clean(ij.IJ.getErrorMessage()));
            } finally {
                ij.IJ.redirectErrorMessages(false);
            }
        }
    }

    /** Joins ImageJ1's multi-line dialog text into one line. */
    private static String clean(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        return message.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
