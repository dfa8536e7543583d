package io.github.fijigan.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

import io.github.fijigan.core.engine.DeviceSpec;
import io.github.fijigan.core.infer.DenoiseJob;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.SampleWriters;

/**
 * {@code fiji-gan denoise}: applies a denoising model to an image, a stack or every image of a
 * folder (DICOM, TIFF, PNG...), tiled, and writes calibrated TIFFs in the inputs' type and units
 * (HU stays HU), with the removed noise when asked.
 *
 * <pre>
 * java -jar fiji-gan-cli.jar denoise --model ldct.zip --input low-dose/ --output denoised/ --removed-noise
 * </pre>
 */
public final class DenoiseSubcommand implements Subcommand {

    private static final String MODEL = "--model";
    private static final String INPUT = "--input";
    private static final String OUTPUT = "--output";
    private static final String REMOVED_NOISE = "--removed-noise";
    private static final String DEVICE = "--device";
    private static final String HELP = "--help";

    private static final Map<String, String> OPTIONS = Map.of(DenoiseJob.OUTPUT_FOLDER, OUTPUT);

    @Override
    public String name() {
        return "denoise";
    }

    @Override
    public String summary() {
        return "denoise images (low-dose CT, MRI) with a denoising model, in their own units";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineOptions options = CommandLineOptions.parse(name(), args,
                Set.of(MODEL, INPUT, OUTPUT, Subcommands.TILE_SIZE, Subcommands.OVERLAP, Subcommands.TILE_BATCH, DEVICE), Set.of(HELP, REMOVED_NOISE));
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
        TranslateOptions tiling = Subcommands.tiling(name(), options);
        DenoiseJob job = DenoiseJob.create(Subcommands.path(name(), MODEL, model), Subcommands.path(name(), INPUT, input),
                        Subcommands.path(name(), OUTPUT, output))
                .options(tiling)
                .removedNoise(options.has(REMOVED_NOISE))
                .device(device)
                .reader(new ImageJReader())
                .writer(SampleWriters.tiff());
        return JobRunner.run(job, OPTIONS, out, err);
    }

    private static String usage() {
        return "Usage: fiji-gan denoise --model FILE --input FILE|FOLDER --output FOLDER [--removed-noise]\n"
                + "                        [--tile-size N] [--overlap N] [--tile-batch N] [--device auto|cpu|gpu|gpu:N]\n"
                + "  --model          a denoising model (model.zip of a \"denoise\" run)\n"
                + "  --input          an image or stack (DICOM, TIFF, PNG...), or a folder whose images are all denoised\n"
                + "  --output         the folder to write NAME.tif to (created if missing)\n"
                + "  --removed-noise  also write NAME_noise.tif: input - output, in the input's units (float)\n"
                + "  --tile-size      tile side in pixels (default 512)\n"
                + "  --overlap        pixels shared by neighbouring tiles (default 32)\n"
                + "  --tile-batch     tiles per pass on the device (default 4); halved on out-of-memory\n"
                + "  --device         " + DeviceSpec.ACCEPTED_FORMS + " (default auto)\n"
                + "Outputs keep the inputs' size, type, units (HU) and calibration. Exit status: 0 written, 1 failed, 2 bad command line.\n";
    }
}
