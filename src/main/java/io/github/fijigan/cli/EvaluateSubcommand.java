package io.github.fijigan.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.github.fijigan.core.metrics.ImageQualityJob;
import io.github.fijigan.core.metrics.MetricRegistry;
import io.github.fijigan.core.metrics.synthetic.AutoencoderSpec;
import io.github.fijigan.core.metrics.synthetic.SyntheticDataJob;
import io.github.fijigan.ij.ImageJReader;

/**
 * {@code fiji-gan evaluate}: {@code quality} measures a folder of results against references with the
 * same names (per-image and summary CSV tables); {@code synthetic} compares synthetic images with
 * the real ones in a latent space (distances, box plots, memorisation check).
 *
 * <pre>
 * java -jar fiji-gan-cli.jar evaluate quality --reference testB/ --test results/ --output eval/ --metrics psnr,ssim --data-range 255
 * java -jar fiji-gan-cli.jar evaluate synthetic --real xray/train/ --test synthetic/ --output realism/ --epochs 30
 * </pre>
 */
public final class EvaluateSubcommand implements Subcommand {

    private static final String QUALITY = "quality";
    private static final String SYNTHETIC = "synthetic";

    private static final String REFERENCE = "--reference";
    private static final String TEST = "--test";
    private static final String OUTPUT = "--output";
    private static final String METRICS = "--metrics";
    private static final String DATA_RANGE = "--data-range";
    private static final String HELP = "--help";
    private static final String REAL = "--real";
    private static final String IMAGE_SIZE = "--image-size";
    private static final String LATENT_SIZE = "--latent-size";
    private static final String LATENT_CHANNELS = "--latent-channels";
    private static final String EPOCHS = "--epochs";
    private static final String BATCH_SIZE = "--batch-size";
    private static final String LEARNING_RATE = "--learning-rate";
    private static final String SEED = "--seed";
    private static final String PAIRS = "--pairs";
    private static final String DEVICE = "--device";

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "measure results: image quality against references; synthetic images against real ones";
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
        String mode = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (QUALITY.equals(mode)) {
            return quality(rest, out, err);
        }
        if (SYNTHETIC.equals(mode)) {
            return synthetic(rest, out, err);
        }
        throw new UsageException(name() + ": unknown evaluation \"" + mode + "\"; choose " + QUALITY + " or " + SYNTHETIC);
    }

    private int quality(String[] args, PrintStream out, PrintStream err) {
        String command = name() + " " + QUALITY;
        CommandLineOptions options = CommandLineOptions.parse(command, args, Set.of(REFERENCE, TEST, OUTPUT, METRICS, DATA_RANGE),
                Set.of(HELP));
        if (options.has(HELP)) {
            out.print(qualityUsage());
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

    private int synthetic(String[] args, PrintStream out, PrintStream err) {
        String command = name() + " " + SYNTHETIC;
        CommandLineOptions options = CommandLineOptions.parse(command, args, Set.of(REAL, TEST, OUTPUT, IMAGE_SIZE, LATENT_SIZE,
                LATENT_CHANNELS, EPOCHS, BATCH_SIZE, LEARNING_RATE, SEED, PAIRS, DEVICE), Set.of(HELP));
        if (options.has(HELP)) {
            out.print(syntheticUsage());
            return 0;
        }
        Subcommands.noPositional(command, options);
        String device = options.value(DEVICE, "auto");
        Subcommands.checkDevice(command, device);
        SyntheticDataJob job = SyntheticDataJob.create(
                        Subcommands.path(command, REAL, Subcommands.required(command, options, REAL)),
                        Subcommands.path(command, TEST, Subcommands.required(command, options, TEST)),
                        Subcommands.path(command, OUTPUT, Subcommands.required(command, options, OUTPUT)))
                .imageSize(options.intValue(IMAGE_SIZE, 256, 8))
                .latentSize(options.intValue(LATENT_SIZE, AutoencoderSpec.DEFAULT_LATENT_SIZE, 1))
                .latentChannels(options.intValue(LATENT_CHANNELS, AutoencoderSpec.DEFAULT_LATENT_CHANNELS, 1))
                .epochs(options.intValue(EPOCHS, 20, 1))
                .batchSize(options.intValue(BATCH_SIZE, 16, 1))
                .learningRate(Subcommands.positiveDouble(command, options, LEARNING_RATE, 1e-3))
                .seed(Subcommands.longValue(command, options, SEED, 0))
                .pairs(options.intValue(PAIRS, 8, 0))
                .device(device)
                .reader(new ImageJReader(err::println));
        Map<String, String> names = new HashMap<>();
        names.put(SyntheticDataJob.REAL_FOLDER, REAL);
        names.put(SyntheticDataJob.SYNTHETIC_FOLDER, TEST);
        names.put(SyntheticDataJob.OUTPUT_FOLDER, OUTPUT);
        return JobRunner.run(job, names, out, err);
    }

    private static String usage() {
        return "Usage: fiji-gan evaluate <evaluation> [options]\n"
                + "Evaluations:\n"
                + "  quality    full-reference metrics of result images against references of the same name\n"
                + "  synthetic  synthetic images against the real ones in an autoencoder's latent space: centroid\n"
                + "             and Frechet distances per class, box plots, and the nearest real image of each\n"
                + "             synthetic one (memorisation check)\n"
                + "Run 'fiji-gan evaluate <evaluation> --help' for its options.\n";
    }

    private static String syntheticUsage() {
        return "Usage: fiji-gan evaluate synthetic --real FOLDER --test FOLDER --output FOLDER [--image-size N]\n"
                + "                                  [--latent-size N] [--latent-channels N] [--epochs N] [--batch-size N]\n"
                + "                                  [--learning-rate R] [--seed N] [--pairs N] [--device auto|cpu|gpu|gpu:N]\n"
                + "  --real             the real (training) images: one subfolder per class, or images directly\n"
                + "  --test             the synthetic images, laid out as the real ones (fiji-gan generate writes\n"
                + "                     one subfolder per class)\n"
                + "  --output           where centroid_distances.csv, sample_distances.csv, memorisation.csv,\n"
                + "                     latent_distances.png, closest_pairs.png and summary.txt go\n"
                + "  --image-size       images are resized to this square size (default 256)\n"
                + "  --latent-size      the latent grid's side (default 16: 256 -> 16x16)\n"
                + "  --latent-channels  the latent grid's channels (default 8)\n"
                + "  --epochs           autoencoder training epochs on the real images (default 20)\n"
                + "  --batch-size       (default 16)   --learning-rate  Adam's (default 0.001)\n"
                + "  --seed             weights and batches (default 0); the same seed gives the same tables\n"
                + "  --pairs            closest synthetic/real pairs shown side by side (default 8)\n"
                + "Exit status: 0 written, 1 failed, 2 bad command line.\n";
    }

    private static String qualityUsage() {
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
