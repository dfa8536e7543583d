package io.github.fijigan.core.progress;

/**
 * A task stopped because its {@link CancellationToken} was cancelled. Unchecked, so it passes
 * through code that neither knows nor cares about cancellation (e.g. a loop over images inside a
 * lambda); the command or trainer that started the task catches it and reports "cancelled", which
 * is not an error.
 */
public class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was cancelled (e.g. "loading training images cancelled") */
    public CancelledException(String message) {
        super(message);
    }
}
