package io.github.fijigan.cli;

/**
 * The work failed for a reason the message says in full (a missing input file, a folder that
 * cannot be written): {@link Main} prints the message as one line, with no hint about stack
 * traces, and exits with code 1.
 */
public class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the option or file, e.g. {@code --model: m.zip: file not found}
     * @param cause the exception behind it, shown with {@code --debug}
     */
    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
