package io.github.fijigan.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.github.fijigan.core.stain.NormalizeStainJob;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.SampleWriters;

/**
 * {@code fiji-gan normalize-stain}: Reinhard or Macenko stain normalisation of a histology image or
 * folder to a reference image or a stored target.
 *
 * <pre>
 * java -jar fiji-gan-cli.jar normalize-stain --method macenko --target reference.png --input slides/ --output out/ --save-target out/target.json
 * </pre>
 */
public final class NormalizeStainSubcommand implements Subcommand {

    private static final String METHOD = "--method";
    private static final String TARGET = "--target";
    private static final String INPUT = "--input";
    private static final String OUTPUT = "--output";
    private static final String SAVE_TARGET = "--save-target";
    private static final String HELP = "--help";

    private static final Map<String, String> OPTIONS = Map.of(NormalizeStainJob.OUTPUT_FOLDER, OUTPUT);

    @Override
    public String name() {
        return "normalize-stain";
    }

    @Override
    public String summary() {
        return "normalise histology stain to a reference (Macenko, Reinhard) or with a learned colorizer (gan)";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineOptions options = CommandLineOptions.parse(name(), args, Set.of(METHOD, TARGET, INPUT, OUTPUT, SAVE_TARGET),
                Set.of(HELP));
        if (options.has(HELP)) {
            out.print("Usage: fiji-gan normalize-stain --target FILE --input FILE|FOLDER --output FOLDER [--method macenko|reinhard|gan]\n"
                    + "                                [--save-target FILE.json]\n"
                    + "  --method       macenko (stain vectors and concentrations, default), reinhard (Lab statistics),\n"
                    + "                 or gan (a colorizer trained on the target's tiles: kind colorizer)\n"
                    + "  --target       a reference image of the target stain, or a target .json saved earlier; gan: the colorizer model.zip\n"
                    + "  --input        an RGB image (8-bit, 16-bit or float with 3 channels), or a folder of them\n"
                    + "  --output       the folder to write NAME.tif to, in the input's type (created if missing)\n"
                    + "  --save-target  also write the fitted target, to normalise later batches without the reference\n"
                    + "Exit status: 0 written, 1 failed, 2 bad command line.\n");
            return 0;
        }
        Subcommands.noPositional(name(), options);
        String target = Subcommands.required(name(), options, TARGET);
        String input = Subcommands.required(name(), options, INPUT);
        String output = Subcommands.required(name(), options, OUTPUT);
        String save = options.value(SAVE_TARGET, "");
        Path saveTarget = save.isEmpty() ? null : Subcommands.path(name(), SAVE_TARGET, save);
        NormalizeStainJob job = NormalizeStainJob.create(options.value(METHOD, "macenko"), Subcommands.path(name(), TARGET, target),
                        Subcommands.path(name(), INPUT, input), Subcommands.path(name(), OUTPUT, output))
                .saveTarget(saveTarget)
                .reader(new ImageJReader())
                .writer(SampleWriters.tiff());
        return JobRunner.run(job, OPTIONS, out, err);
    }
}
