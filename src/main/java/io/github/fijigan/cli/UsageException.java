package io.github.fijigan.cli;

/**
 * The command line is malformed: an unknown option, a missing value, a value that cannot be read.
 * {@link Main} prints the message with a usage hint and exits with code 2.
 */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, starting with the subcommand name and naming the offending
     *     option or value, e.g. {@code info: unknown option --colour}
     */
    public UsageException(String message) {
        super(message);
    }
}
