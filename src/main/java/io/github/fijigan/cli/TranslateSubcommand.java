package io.github.fijigan.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

import io.github.fijigan.core.engine.DeviceSpec;
import io.github.fijigan.core.infer.TranslateJob;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.SampleWriters;

/**
 * {@code fiji-gan translate}: applies a translation model (pix2pix, CycleGAN, TorchScript) to an
 * image or to every image of a folder, tiled, and writes calibrated TIFFs in the inputs' type and
 * units.
 *
 * <pre>
 * java -jar fiji-gan-cli.jar translate --model runs/t1t2/model.zip --input t1/ --output t2/ --direction A-&gt;B --reliability
 * </pre>
 */
public final class TranslateSubcommand implements Subcommand {

    private static final String MODEL = "--model";
    private static final String INPUT = "--input";
    private static final String OUTPUT = "--output";
    private static final String DIRECTION = "--direction";
    private static final String OUTPUT_TYPE = "--output-type";
    private static final String RELIABILITY = "--reliability";
    private static final String DEVICE = "--device";
    private static final String HELP = "--help";

    /** Job input keys whose option is not the key with dashes. */
    private static final Map<String, String> OPTIONS = Map.of(TranslateJob.OUTPUT_FOLDER, OUTPUT);

    @Override
    public String name() {
        return "translate";
    }

    @Override
    public String summary() {
        return "translate images with a pix2pix, CycleGAN or TorchScript model";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineOptions options = CommandLineOptions.parse(name(), args,
                Set.of(MODEL, INPUT, OUTPUT, DIRECTION, Subcommands.TILE_SIZE, Subcommands.OVERLAP, Subcommands.TILE_BATCH, OUTPUT_TYPE, DEVICE), Set.of(HELP, RELIABILITY));
        if (options.has(HELP)) {
            out.print(usage());
            return 0;
        }
        Subcommands.noPositional(name(), options);
        String model = Subcommands.required(name(), options, MODEL);
        String input = Subcommands.required(name(), options, INPUT);
        String output = Subcommands.required(name(), options, OUTPUT);
        String device = options.value(DEVICE, "auto");
        Subcommands.checkDevice(name(), device);
        TranslateOptions tiling;
        try {
            tiling = Subcommands.tiling(name(), options)
                    .withOutputType(TranslateOptions.OutputType.parse(options.value(OUTPUT_TYPE, "same")));
        } catch (IllegalArgumentException e) {
            throw new UsageException(name() + ": " + e.getMessage());
        }
        TranslateJob job = TranslateJob.create(Subcommands.path(name(), MODEL, model), Subcommands.path(name(), INPUT, input),
                        Subcommands.path(name(), OUTPUT, output))
                .direction(options.value(DIRECTION, ""))
                .options(tiling)
                .reliability(options.has(RELIABILITY))
                .device(device)
                .reader(new ImageJReader())
                .writer(SampleWriters.tiff());
        return JobRunner.run(job, OPTIONS, out, err);
    }

    private static String usage() {
        return "Usage: fiji-gan translate --model FILE --input FILE|FOLDER --output FOLDER [--direction A->B|B->A]\n"
                + "                          [--tile-size N] [--overlap N] [--tile-batch N] [--output-type same|float32]\n"
                + "                          [--reliability] [--device auto|cpu|gpu|gpu:N]\n"
                + "  --model        a translation model (pix2pix, cyclegan or torchscript model.zip)\n"
                + "  --input        an image, or a folder whose images are all translated\n"
                + "  --output       the folder to write NAME.tif to (created if missing)\n"
                + "  --direction    A->B or B->A (CycleGAN); default the model's own (A->B for CycleGAN)\n"
                + "  --tile-size    tile side in pixels (default 512), rounded up to the network's multiple\n"
                + "  --overlap      pixels shared by neighbouring tiles (default 32)\n"
                + "  --tile-batch   tiles per pass on the device (default 4); halved on out-of-memory\n"
                + "  --output-type  same (the input's type, default) or float32\n"
                + "  --reliability  also write NAME_reliability.tif: |x - G_BA(G_AB(x))| in input units (CycleGAN)\n"
                + "  --device       " + DeviceSpec.ACCEPTED_FORMS + " (default auto)\n"
                + "Outputs keep the inputs' size, units and calibration. Exit status: 0 written, 1 failed, 2 bad command line.\n";
    }
}
