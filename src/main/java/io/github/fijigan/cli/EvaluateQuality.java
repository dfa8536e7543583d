package io.github.fijigan.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

import io.github.fijigan.core.metrics.ImageQualityJob;
import io.github.fijigan.core.metrics.MetricRegistry;
import io.github.fijigan.ij.ImageJReader;

/**
 * {@code fiji-gan evaluate quality}: full-reference metrics of a folder of results against
 * references of the same names, as per-image and summary CSV tables.
 *
 * <pre>
 * java -jar fiji-gan-cli.jar evaluate quality --reference testB/ --test results/ --output eval/ --metrics psnr,ssim --data-range 255
 * </pre>
 */
final class EvaluateQuality implements Subcommand {

    private static final String REFERENCE = "--reference";
    private static final String TEST = "--test";
    private static final String OUTPUT = "--output";
    private static final String METRICS = "--metrics";
    private static final String DATA_RANGE = "--data-range";
    private static final String HELP = "--help";

    @Override
    public String name() {
        return "evaluate quality";
    }

    @Override
    public String summary() {
        return "full-reference metrics of result images against references of the same name";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        String command = name();
        CommandLineOptions options = CommandLineOptions.parse(command, args, Set.of(REFERENCE, TEST, OUTPUT, METRICS, DATA_RANGE),
                Set.of(HELP));
        if (options.has(HELP)) {
            out.print(usage());
            return 0;
        }
        Subcommands.noPositional(command, options);
        ImageQualityJob job = ImageQualityJob.create(
                        Subcommands.path(command, REFERENCE, Subcommands.required(command, options, REFERENCE)),
                        Subcommands.path(command, TEST, Subcommands.required(command, options, TEST)),
                        Subcommands.path(command, OUTPUT, Subcommands.required(command, options, OUTPUT)))
                .metrics(options.value(METRICS, ImageQualityJob.DEFAULT_METRICS))
                .dataRange(Subcommands.positiveDouble(command, options, DATA_RANGE, 255))
                .reader(new ImageJReader(err::println));
        return JobRunner.run(job, Map.of(ImageQualityJob.REFERENCE_FOLDER, REFERENCE, ImageQualityJob.TEST_FOLDER, TEST,
                ImageQualityJob.OUTPUT_FOLDER, OUTPUT, ImageQualityJob.METRICS, METRICS, ImageQualityJob.DATA_RANGE, DATA_RANGE), out, err);
    }

    private static String usage() {
        return "Usage: fiji-gan evaluate quality --reference FOLDER --test FOLDER --output FOLDER\n"
                + "                                [--metrics LIST] [--data-range R]\n"
                + "  --reference   the reference (ground truth) images\n"
                + "  --test        the images to judge, named as their references (the extension may differ)\n"
                + "  --output      where metrics.csv (one row per image) and metrics_summary.csv (mean, sd,\n"
                + "                min, max per metric) go\n"
                + "  --metrics     comma separated, from " + String.join(", ", MetricRegistry.names()) + "\n"
                + "                (default: " + ImageQualityJob.DEFAULT_METRICS + ")\n"
                + "  --data-range  the width of the value range in the images' units: 255 for 8-bit (default),\n"
                + "                65535 for 16-bit, e.g. 2000 for CT in HU\n"
                + "Exit status: 0 written, 1 failed, 2 bad command line.\n";
    }
}
