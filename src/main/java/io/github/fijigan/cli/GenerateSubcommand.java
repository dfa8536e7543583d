package io.github.fijigan.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

import io.github.fijigan.core.engine.DeviceSpec;
import io.github.fijigan.core.train.GenerateJob;
import io.github.fijigan.ij.SampleWriters;

/**
 * {@code fiji-gan generate}: draws samples from a trained synthesis model into a folder, one
 * subfolder per class, e.g. to add to a training set. The same seed gives the same files.
 *
 * <pre>
 * java -jar fiji-gan-cli.jar generate --model runs/lesions/model.zip --output synthetic --count 500 --class melanoma --seed 7
 * </pre>
 */
public final class GenerateSubcommand implements Subcommand {

    private static final String MODEL = "--model";
    private static final String OUTPUT = "--output";
    private static final String COUNT = "--count";
    private static final String CLASS = "--class";
    private static final String SEED = "--seed";
    private static final String DEVICE = "--device";
    private static final String HELP = "--help";

    /** Job input keys whose option is not the key with dashes. */
    private static final Map<String, String> OPTIONS =
            Map.of(GenerateJob.OUTPUT_FOLDER, OUTPUT, GenerateJob.CLASS_NAME, CLASS);

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "draw samples from a trained synthesis model into a folder";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineOptions options = CommandLineOptions.parse(name(), args,
                Set.of(MODEL, OUTPUT, COUNT, CLASS, SEED, DEVICE), Set.of(HELP));
        if (options.has(HELP)) {
            out.print(usage());
            return 0;
        }
        Subcommands.noPositional(name(), options);
        String model = Subcommands.required(name(), options, MODEL);
        String output = Subcommands.required(name(), options, OUTPUT);
        int count = options.intValue(COUNT, 64, 1);
        long seed = Subcommands.longValue(name(), options, SEED, 0);
        String device = options.value(DEVICE, "auto");
        Subcommands.checkDevice(name(), device);
        GenerateJob job = GenerateJob.create(Subcommands.path(name(), MODEL, model), Subcommands.path(name(), OUTPUT, output), count)
                .className(options.value(CLASS, ""))
                .seed(seed)
                .device(device)
                .writers(SampleWriters.BY_OUTPUT_TYPE);
        return JobRunner.run(job, OPTIONS, out, err);
    }

    private static String usage() {
        return "Usage: fiji-gan generate --model FILE --output FOLDER [--count N] [--class NAME] [--seed S]\n"
                + "                         [--device auto|cpu|gpu|gpu:N]\n"
                + "  --model   a synthesis model (model.zip of a dcgan, wgangp, sngan or acgan run)\n"
                + "  --output  the folder to write to: OUTPUT/<class>/sample_00001.png ... (created if missing)\n"
                + "  --count   samples per class (default 64)\n"
                + "  --class   only this class (acgan); default every class\n"
                + "  --seed    random seed (default 0); the same seed gives the same samples\n"
                + "  --device  " + DeviceSpec.ACCEPTED_FORMS + " (default auto)\n"
                + "8-bit and RGB samples are written as PNG, other pixel types as calibrated TIFF.\n"
                + "Exit status: 0 written, 1 failed, 2 bad command line.\n";
    }
}
