package io.github.fijigan.core.progress;

/**
 * A flag a user (a Cancel button, Ctrl+C in the command line) sets and a long task checks between
 * steps. Thread-safe: any thread may cancel, and the working thread sees it at its next check,
 * because the flag is volatile. Once cancelled it stays cancelled.
 *
 * <pre>{@code
 * CancellationToken token = new CancellationToken();
 * // UI thread: cancelButton.onClick(token::cancel);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     token.throwIfCancelled();          // CancelledException ends the loop
 *     ...
 * }
 * }</pre>
 */
public final class CancellationToken {

    private volatile boolean cancelled;

    /** A token that is not cancelled yet. */
    public CancellationToken() {
    }

    /** Asks the task to stop at its next check; calling it again does nothing more. */
    public void cancel() {
        cancelled = true;
    }

    /** @return whether {@link #cancel()} has been called */
    public boolean isCancelled() {
        return cancelled;
    }

    /** @throws CancelledException saying "cancelled" when {@link #cancel()} has been called */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException("cancelled");
        }
    }

    /**
     * @param what names the task for the exception's message, e.g. "loading training images"
     * @throws CancelledException saying "{@code what} cancelled" when {@link #cancel()} has been called
     */
    public void throwIfCancelled(String what) {
        if (cancelled) {
            throw new CancelledException(what + " cancelled");
        }
    }

    @Override
    public String toString() {
        return cancelled ? "CancellationToken[cancelled]" : "CancellationToken[active]";
    }
}
