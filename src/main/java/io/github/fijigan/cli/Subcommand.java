package io.github.fijigan.cli;

import java.io.PrintStream;

/**
 * One verb of the {@code fiji-gan} command line ({@code info}, later {@code train},
 * {@code translate}, …). {@link Main} lists the subcommands and dispatches to them by name.
 *
 * <p>A subcommand reports a malformed command line by throwing {@link UsageException}, which
 * {@link Main} turns into a message and exit code 2; other exceptions become exit code 1.
 */
public interface Subcommand {

    /** @return the word users type, e.g. {@code info} */
    String name();

    /** @return one line for the subcommand list in {@code fiji-gan help} */
    String summary();

    /**
     * Runs the subcommand.
     *
     * @param args the arguments after the subcommand name
     * @param out where results go
     * @param err where problems go
     * @return the process exit code: 0 for success
     * @throws UsageException if the arguments are malformed
     */
    int run(String[] args, PrintStream out, PrintStream err);
}
