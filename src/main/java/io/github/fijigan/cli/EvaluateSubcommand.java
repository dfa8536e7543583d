package io.github.fijigan.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fiji-gan evaluate <evaluation>}: {@code quality} (results against references),
 * {@code synthetic} (synthetic images against real ones in a latent space, memorisation check) and
 * {@code benefit} (what synthetic images do for a classifier); each is its own {@link Subcommand}.
 *
 * <pre>
 * java -jar fiji-gan-cli.jar evaluate quality --reference testB/ --test results/ --output eval/
 * java -jar fiji-gan-cli.jar evaluate synthetic --real train/ --test synthetic/ --output realism/
 * java -jar fiji-gan-cli.jar evaluate benefit --real train/ --synthetic synthetic/ --output benefit/
 * </pre>
 */
public final class EvaluateSubcommand implements Subcommand {

    private static final String HELP = "--help";

    private final Map<String, Subcommand> evaluations = new LinkedHashMap<>();

    /** The three evaluations. */
    public EvaluateSubcommand() {
        for (Subcommand s : List.of(new EvaluateQuality(), new EvaluateSynthetic(), new EvaluateBenefit())) {
            evaluations.put(s.name().substring(name().length() + 1), s);
        }
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "measure results: image quality against references, synthetic against real images, classifier benefit";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(usage());
            return 2;
        }
        if (HELP.equals(args[0])) {
            out.print(usage());
            return 0;
        }
        Subcommand evaluation = evaluations.get(args[0]);
        if (evaluation == null) {
            throw new UsageException(name() + ": unknown evaluation \"" + args[0] + "\"; choose " + String.join(", ", evaluations.keySet()));
        }
        return evaluation.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }

    private String usage() {
        StringBuilder text = new StringBuilder("Usage: fiji-gan evaluate <evaluation> [options]\nEvaluations:\n");
        evaluations.forEach((word, s) -> text.append(String.format("  %-10s %s%n", word, s.summary())));
        return text.append("Run 'fiji-gan evaluate <evaluation> --help' for its options.\n").toString();
    }
}
