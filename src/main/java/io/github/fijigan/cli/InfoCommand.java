package io.github.fijigan.cli;

import io.github.fijigan.core.engine.DeviceSpec;
import io.github.fijigan.core.engine.EngineInfo;
import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.model.ModelBundles;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;

/**
 * {@code fiji-gan info}: starts the engine and prints what runs where, the first thing to look at
 * when something fails on a new machine and the text to paste into a bug report; with
 * {@code --model}, describes a model bundle instead (as <i>Plugins › GAN › Model Info</i> does).
 *
 * <pre>
 * java -jar fiji-gan-cli.jar info --device gpu:0 --threads 8
 * java -jar fiji-gan-cli.jar info --model runs/shapes/model.zip
 * </pre>
 */
public final class InfoCommand implements Subcommand {

    private static final String DEVICE = "--device";
    private static final String THREADS = "--threads";
    private static final String MODEL = "--model";
    private static final String HELP = "--help";

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "start the engine and show versions, native library, devices and threads; or describe a model";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineOptions options =
                CommandLineOptions.parse(name(), args, Set.of(DEVICE, THREADS, MODEL), Set.of(HELP));
        if (options.has(HELP)) {
            out.print(usage());
            return 0;
        }
        if (!options.positional().isEmpty()) {
            throw new UsageException(name() + ": unexpected argument \"" + options.positional().get(0)
                    + "\"");
        }
        String model = options.value(MODEL, null);
        if (model != null) {
            return describeModel(model, out);
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

    /** Reads model.json only: no engine, fast on any model. */
    private static int describeModel(String model, PrintStream out) {
        try {
            out.println(ModelBundles.readManifest(Subcommands.path("info", MODEL, model)).describe());
        } catch (ModelBundleException e) {
            throw new CommandFailure(MODEL + ": " + e.getMessage(), e);
        }
        out.flush();
        return 0;
    }

    private String usage() {
        return "Usage: fiji-gan info [--device auto|cpu|gpu|gpu:N] [--threads N]\n"
                + "       fiji-gan info --model FILE\n"
                + "  --model    describe a model bundle (kind, networks, domains, classes, training) instead\n"
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
