package io.github.fijigan.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one subcommand, read from {@code --name value}, {@code --name=value} and
 * {@code --flag} arguments. Anything not declared is refused, so typos fail loudly instead of
 * being ignored.
 *
 * <pre>{@code
 * CommandLineOptions options = CommandLineOptions.parse("info", args,
 *         Set.of("--device", "--threads"), Set.of("--help"));
 * String device = options.value("--device", "auto");
 * }</pre>
 */
public final class CommandLineOptions {

    private final String command;
    private final Map<String, String> values;
    private final Set<String> flags;
    private final List<String> positional;

    private CommandLineOptions(String command, Map<String, String> values, Set<String> flags,
            List<String> positional) {
        this.command = command;
        this.values = values;
        this.flags = flags;
        this.positional = positional;
    }

    /**
     * @param command the subcommand, for messages
     * @param args the arguments after the subcommand name
     * @param valueOptions options that take a value, e.g. {@code --device}
     * @param flagOptions options that take none, e.g. {@code --help}
     * @return the options found
     * @throws UsageException for an unknown option, a missing value, or a repeated option
     */
    public static CommandLineOptions parse(String command, String[] args, Set<String> valueOptions,
            Set<String> flagOptions) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (flagOptions.contains(name)) {
                if (eq >= 0) {
                    throw new UsageException(command + ": option " + name + " takes no value");
                }
                flags.add(name);
            } else if (valueOptions.contains(name)) {
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException(command + ": option " + name + " needs a value");
                }
                if (values.put(name, value) != null) {
                    throw new UsageException(command + ": option " + name + " given twice");
                }
            } else {
                throw new UsageException(command + ": unknown option " + name);
            }
        }
        return new CommandLineOptions(command, values, flags, List.copyOf(positional));
    }

    /**
     * @param name a flag option
     * @return whether it was given
     */
    public boolean has(String name) {
        return flags.contains(name);
    }

    /**
     * @param name a value option
     * @param fallback returned when the option was not given
     * @return the value given, or {@code fallback}
     */
    public String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * @param name a value option
     * @param fallback returned when the option was not given
     * @param min the smallest value allowed
     * @return the value as an integer
     * @throws UsageException if it is not an integer or is below {@code min}
     */
    public int intValue(String name, int fallback, int min) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(
                    command + ": " + name + " needs a whole number, got \"" + text + "\"");
        }
        if (value < min) {
            throw new UsageException(
                    command + ": " + name + " must be " + min + " or more, got " + value);
        }
        return value;
    }

    /** @return arguments that are not options, in order */
    public List<String> positional() {
        return Collections.unmodifiableList(positional);
    }
}
