package io.github.fijigan.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

import io.github.fijigan.core.metrics.synthetic.AutoencoderSpec;
import io.github.fijigan.core.metrics.synthetic.SyntheticDataJob;
import io.github.fijigan.ij.ImageJReader;

/**
 * {@code fiji-gan evaluate synthetic}: synthetic images against the real ones in the latent space of
 * an autoencoder trained on the real images (centroid and Fréchet distances per class, box plots,
 * and each synthetic image's nearest real one).
 *
 * <pre>
 * java -jar fiji-gan-cli.jar evaluate synthetic --real xray/train/ --test synthetic/ --output realism/ --epochs 30
 * </pre>
 */
final class EvaluateSynthetic implements Subcommand {

    private static final String REAL = "--real";
    private static final String TEST = "--test";
    private static final String OUTPUT = "--output";
    private static final String IMAGE_SIZE = "--image-size";
    private static final String LATENT_SIZE = "--latent-size";
    private static final String LATENT_CHANNELS = "--latent-channels";
    private static final String EPOCHS = "--epochs";
    private static final String BATCH_SIZE = "--batch-size";
    private static final String LEARNING_RATE = "--learning-rate";
    private static final String SEED = "--seed";
    private static final String PAIRS = "--pairs";
    private static final String DEVICE = "--device";
    private static final String HELP = "--help";

    @Override
    public String name() {
        return "evaluate synthetic";
    }

    @Override
    public String summary() {
        return "synthetic images against the real ones in an autoencoder's latent space: centroid and Frechet\n"
                + "             distances per class, box plots, and the nearest real image of each synthetic one\n"
                + "             (memorisation check)";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        String command = name();
        CommandLineOptions options = CommandLineOptions.parse(command, args, Set.of(REAL, TEST, OUTPUT, IMAGE_SIZE, LATENT_SIZE,
                LATENT_CHANNELS, EPOCHS, BATCH_SIZE, LEARNING_RATE, SEED, PAIRS, DEVICE), Set.of(HELP));
        if (options.has(HELP)) {
            out.print(usage());
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
        return JobRunner.run(job, Map.of(SyntheticDataJob.REAL_FOLDER, REAL, SyntheticDataJob.SYNTHETIC_FOLDER, TEST,
                SyntheticDataJob.OUTPUT_FOLDER, OUTPUT), out, err);
    }

    private static String usage() {
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
}
