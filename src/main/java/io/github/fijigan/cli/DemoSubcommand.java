package io.github.fijigan.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import io.github.fijigan.core.job.Failures;
import io.github.fijigan.core.job.JobInputException;

/**
 * {@code fiji-gan demo}: the README's main job. On the repository's {@code test-data/} it trains a
 * small pix2pix model and translates held-out images, trains a small CT denoiser and denoises a
 * simulated low-dose slice in HU, and writes images, loss plots and {@code report.md}.
 *
 * <pre>
 * java -jar target/fiji-gan-cli.jar demo --output demo-output
 * </pre>
 */
public final class DemoSubcommand implements Subcommand {

    private static final String OUTPUT = "--output";
    private static final String QUICK = "--quick";
    private static final String HELP = "--help";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "train and apply small translation and denoising models, normalise a stain, on test-data/, with a report";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineOptions options = CommandLineOptions.parse(name(), args, Set.of(OUTPUT), Set.of(HELP, QUICK));
        if (options.has(HELP)) {
            out.print("Usage: fiji-gan demo [--output FOLDER] [--quick]\n"
                    + "  --output  where the images, loss plots and report.md go (default demo-output; must not exist yet)\n"
                    + "  --quick   one epoch each (seconds; for tests) instead of a few minutes of training\n"
                    + "Run from the repository's root folder: the demo reads test-data/.\n");
            return 0;
        }
        Subcommands.noPositional(name(), options);
        Path output = Subcommands.path(name(), OUTPUT, options.value(OUTPUT, "demo-output"));
        if (Files.exists(output)) {
            throw new CommandFailure(OUTPUT + ": " + output + " already exists: give a new folder, or delete it", null);
        }
        try {
            Path report = new Demo(output, options.has(QUICK) ? Demo.Size.QUICK : Demo.Size.FULL, out, err).run();
            out.println("report: " + report);
            return 0;
        } catch (JobInputException e) {
            throw new CommandFailure(e.getMessage(), e);
        } catch (Exception e) {
            throw new CommandFailure(Failures.message(e), e);
        }
    }
}
