package io.github.fijigan.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code fiji-gan} command line: {@code java -jar fiji-gan-cli.jar <subcommand> [options]}.
 *
 * <p>Exit codes: 0 success, 1 the work failed (engine could not start, bad input data, …),
 * 2 the command line is malformed. Errors are printed as one message; {@code --debug} anywhere
 * on the line adds the stack trace.
 *
 * <pre>{@code
 * int code = new Main().run(new String[] {"info", "--device", "cpu"}, System.out, System.err);
 * }</pre>
 *
 * <p>SciJava's own command line is accepted too, as Fiji accepts it:
 * {@code --headless --run "Plugins>GAN>Model Info" "model='m.zip'"} (see {@link SciJavaRun}).
 *
 * <p>To add a subcommand, implement {@link Subcommand} (a job-based one is a few lines: parse the
 * options, build the job, {@code JobRunner.run}) and list it in {@link #defaultSubcommands()}.
 */
public final class Main {

    /** The program name used in messages. */
    public static final String PROGRAM = "fiji-gan";

    private static final String DEBUG = "--debug";
    private static final String DEV_VERSION = "dev";

    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();

    /** A command line with {@link #defaultSubcommands()}. */
    public Main() {
        this(defaultSubcommands());
    }

    /**
     * @param subcommands the subcommands to offer, in the order {@code help} lists them
     * @throws IllegalArgumentException if two share a name or one is called {@code help}
     */
    public Main(List<Subcommand> subcommands) {
        for (Subcommand s : subcommands) {
            if ("help".equals(s.name()) || this.subcommands.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("Subcommand name taken: " + s.name());
            }
        }
    }

    /** @return every subcommand of the shipped command line */
    public static List<Subcommand> defaultSubcommands() {
        return List.of(new InfoCommand(), new TrainSubcommand(), new GenerateSubcommand(), new TranslateSubcommand(), new DenoiseSubcommand(), new NormalizeStainSubcommand(),
                new EvaluateSubcommand(), new DemoSubcommand());
    }

    /**
     * The process entry point; the only place that calls {@link System#exit(int)}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // SLF4J has no provider in the CLI jar and would otherwise print three lines of warnings
        // before every command; a user who sets the property keeps their choice.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(new Main().run(args, System.out, System.err));
    }

    /**
     * Runs one command line.
     *
     * @param args the command line
     * @param out where results and help go
     * @param err where problems go
     * @return the exit code: 0 success, 1 failure, 2 malformed command line
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean debug = rest.removeIf(DEBUG::equals);
        if (rest.isEmpty()) {
            err.print(usage());
            return 2;
        }
        if (SciJavaRun.handles(rest)) {
            return SciJavaRun.run(rest, out, err, debug);
        }
        String name = rest.remove(0);
        if ("help".equals(name) || "--help".equals(name) || "-h".equals(name)) {
            return help(rest, out, err, debug);
        }
        Subcommand subcommand = subcommands.get(name);
        if (subcommand == null) {
            return unknown(name, err);
        }
        return dispatch(subcommand, rest.toArray(new String[0]), out, err, debug);
    }

    private int help(List<String> rest, PrintStream out, PrintStream err, boolean debug) {
        if (rest.isEmpty()) {
            out.print(usage());
            return 0;
        }
        Subcommand subcommand = subcommands.get(rest.get(0));
        if (subcommand == null) {
            return unknown(rest.get(0), err);
        }
        return dispatch(subcommand, new String[] {"--help"}, out, err, debug);
    }

    private static int unknown(String name, PrintStream err) {
        err.println(PROGRAM + ": " + (name.startsWith("-") ? "unknown option " + name
                : "unknown subcommand \"" + name + "\""));
        err.println("Run '" + PROGRAM + " help' to list the subcommands.");
        return 2;
    }

    private static int dispatch(Subcommand subcommand, String[] args, PrintStream out,
            PrintStream err, boolean debug) {
        try {
            return subcommand.run(args, out, err);
        } catch (UsageException e) {
            err.println(PROGRAM + " " + e.getMessage());
            err.println("Run '" + PROGRAM + " " + subcommand.name() + " --help' for its options.");
            printTraceIf(debug, e, err);
            return 2;
        } catch (CommandFailure e) {
            err.println(PROGRAM + " " + subcommand.name() + ": " + e.getMessage());
            printTraceIf(debug, e, err);
            return 1;
        } catch (Throwable e) { // NOPMD: the last line of defence against a bare stack trace
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            err.println(PROGRAM + " " + subcommand.name() + ": " + message);
            if (!debug) {
                err.println("Run again with " + DEBUG + " for the stack trace.");
            }
            printTraceIf(debug, e, err);
            return 1;
        }
    }

    private static void printTraceIf(boolean debug, Throwable e, PrintStream err) {
        if (debug) {
            e.printStackTrace(err);
        }
    }

    private String usage() {
        StringBuilder text = new StringBuilder(300)
                .append("Usage: ").append(PROGRAM).append(" [--debug] <subcommand> [options]\n")
                .append("       (").append(PROGRAM).append(" is java -jar fiji-gan-cli.jar)\n")
                .append("       ").append(PROGRAM).append(" [--headless] --run <menu path|title|class> \"key='value',...\"\n")
                .append("Subcommands:\n");
        int width = Math.max("help".length(),
                subcommands.keySet().stream().mapToInt(String::length).max().orElse(0));
        String line = "  %-" + width + "s  %s\n";
        for (Subcommand s : subcommands.values()) {
            text.append(String.format(line, s.name(), s.summary()));
        }
        text.append(String.format(line, "help", "show this list"))
                .append("Run '").append(PROGRAM)
                .append(" <subcommand> --help' for its options; --debug adds stack traces to"
                        + " errors.\n");
        return text.toString();
    }

    /** @return the Implementation-Version of the jar this class came from, or {@code dev} */
    public static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? DEV_VERSION : version;
    }
}
