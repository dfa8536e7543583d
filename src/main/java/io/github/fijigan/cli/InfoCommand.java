package io.github.fijigan.cli;

import io.github.fijigan.core.engine.DeviceSpec;
import io.github.fijigan.core.engine.EngineInfo;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;

/**
 * {@code fiji-gan info}: starts the engine and prints what runs where, the first thing to look at
 * when something fails on a new machine and the text to paste into a bug report.
 *
 * <pre>
 * java -jar fiji-gan-cli.jar info --device gpu:0 --threads 8
 * </pre>
 */
public final class InfoCommand implements Subcommand {

    private static final String DEVICE = "--device";
    private static final String THREADS = "--threads";
    private static final String HELP = "--help";

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "start the engine and show versions, native library, devices and threads";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineOptions options =
                CommandLineOptions.parse(name(), args, Set.of(DEVICE, THREADS), Set.of(HELP));
        if (options.has(HELP)) {
            out.print(usage());
            return 0;
        }
        if (!options.positional().isEmpty()) {
            throw new UsageException(name() + ": unexpected argument \"" + options.positional().get(0)
                    + "\"");
        }
        DeviceSpec device;
        try {
            device = DeviceSpec.parse(options.value(DEVICE, "auto"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(name() + ": " + DEVICE + ": " + e.getMessage());
        }
        int threads = options.intValue(THREADS, 0, 0);

        EngineInfo info = EngineStarter.start(
                EngineOptions.defaults().withDevice(device).withIntraOpThreads(threads));
        out.print(runtimeDescription());
        out.print(info.describe());
        out.flush();
        return 0;
    }

    private String usage() {
        return "Usage: fiji-gan info [--device auto|cpu|gpu|gpu:N] [--threads N]\n"
                + "  --device   device to select (default auto: the first GPU if any, else cpu)\n"
                + "  --threads  intra-op threads for PyTorch (default 0: PyTorch's choice)\n";
    }

    /** @return Fiji GAN, Java and machine facts, aligned with EngineInfo.describe() */
    static String runtimeDescription() {
        Runtime runtime = Runtime.getRuntime();
        return "Fiji GAN:        " + Main.version() + '\n'
                + "Java:            " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home")
                + '\n'
                + "OS:              " + System.getProperty("os.name") + ' '
                + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")\n"
                + "Processors:      " + runtime.availableProcessors() + '\n'
                + "Max heap:        " + String.format(Locale.ROOT, "%.1f GiB",
                        runtime.maxMemory() / (1024.0 * 1024 * 1024)) + '\n';
    }
}
