package io.github.fijigan.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.github.fijigan.core.metrics.benefit.AugmentationBenefitJob;
import io.github.fijigan.core.metrics.benefit.ClassicalAugmentation;
import io.github.fijigan.core.metrics.benefit.CnnClassifier;
import io.github.fijigan.ij.ImageJReader;

/**
 * {@code fiji-gan evaluate benefit}: what synthetic images do for a classifier. A small CNN is
 * trained on the real images, on real + classical augmentation and on real + synthetic images, and
 * each is measured on held-out real images (accuracy, per-class recall and F1, macro-F1), over
 * repeats with stated seeds.
 *
 * <pre>
 * java -jar fiji-gan-cli.jar evaluate benefit --real lesions/train/ --test-folder lesions/test/ --synthetic synthetic/ --output benefit/ --repeats 5
 * </pre>
 */
final class EvaluateBenefit implements Subcommand {

    private static final String REAL = "--real";
    private static final String TEST_FOLDER = "--test-folder";
    private static final String TEST_FRACTION = "--test-fraction";
    private static final String SYNTHETIC = "--synthetic";
    private static final String MODE = "--mode";
    private static final String AUGMENTATION = "--augmentation";
    private static final String OUTPUT = "--output";
    private static final String IMAGE_SIZE = "--image-size";
    private static final String REPEATS = "--repeats";
    private static final String SEED = "--seed";
    private static final String EPOCHS = "--epochs";
    private static final String WIDTH = "--width";
    private static final String BATCH_SIZE = "--batch-size";
    private static final String LEARNING_RATE = "--learning-rate";
    private static final String DEVICE = "--device";
    private static final String HELP = "--help";

    @Override
    public String name() {
        return "evaluate benefit";
    }

    @Override
    public String summary() {
        return "what synthetic images do for a classifier: real, real + classical augmentation and\n"
                + "             real + synthetic, measured on held-out real images over seeded repeats";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        String command = name();
        CommandLineOptions options = CommandLineOptions.parse(command, args, Set.of(REAL, TEST_FOLDER, TEST_FRACTION, SYNTHETIC, MODE,
                AUGMENTATION, OUTPUT, IMAGE_SIZE, REPEATS, SEED, EPOCHS, WIDTH, BATCH_SIZE, LEARNING_RATE, DEVICE), Set.of(HELP));
        if (options.has(HELP)) {
            out.print(usage());
            return 0;
        }
        Subcommands.noPositional(command, options);
        String device = options.value(DEVICE, "auto");
        Subcommands.checkDevice(command, device);
        String testFolder = options.value(TEST_FOLDER, null);
        CnnClassifier.Options classifier = CnnClassifier.Options.DEFAULT;
        AugmentationBenefitJob job = AugmentationBenefitJob.create(
                        Subcommands.path(command, REAL, Subcommands.required(command, options, REAL)),
                        Subcommands.path(command, SYNTHETIC, Subcommands.required(command, options, SYNTHETIC)),
                        Subcommands.path(command, OUTPUT, Subcommands.required(command, options, OUTPUT)))
                .testFolder(testFolder == null ? null : Subcommands.path(command, TEST_FOLDER, testFolder))
                .testFraction(Subcommands.positiveDouble(command, options, TEST_FRACTION, 0.25))
                .syntheticMode(options.value(MODE, "balance"))
                .augmentation(options.value(AUGMENTATION, ClassicalAugmentation.DEFAULT_SPEC))
                .imageSize(options.intValue(IMAGE_SIZE, 64, 1))
                .repeats(options.intValue(REPEATS, 3, 1))
                .seed(Subcommands.longValue(command, options, SEED, 0))
                .epochs(options.intValue(EPOCHS, classifier.epochs(), 1))
                .width(options.intValue(WIDTH, classifier.width(), 1))
                .batchSize(options.intValue(BATCH_SIZE, classifier.batchSize(), 1))
                .learningRate(Subcommands.positiveDouble(command, options, LEARNING_RATE, classifier.learningRate()))
                .device(device)
                .reader(new ImageJReader(err::println));
        Map<String, String> names = new HashMap<>();
        names.put(AugmentationBenefitJob.REAL_FOLDER, REAL);
        names.put(AugmentationBenefitJob.TEST_FOLDER, TEST_FOLDER);
        names.put(AugmentationBenefitJob.SYNTHETIC_FOLDER, SYNTHETIC);
        names.put(AugmentationBenefitJob.SYNTHETIC_MODE, MODE);
        names.put(AugmentationBenefitJob.OUTPUT_FOLDER, OUTPUT);
        return JobRunner.run(job, names, out, err);
    }

    private static String usage() {
        CnnClassifier.Options d = CnnClassifier.Options.DEFAULT;
        return "Usage: fiji-gan evaluate benefit --real FOLDER --synthetic FOLDER --output FOLDER [--test-folder FOLDER]\n"
                + "                                [--test-fraction F] [--mode balance|all] [--augmentation SPEC]\n"
                + "                                [--image-size N] [--repeats N] [--seed N] [--epochs N] [--width N]\n"
                + "                                [--batch-size N] [--learning-rate R] [--device auto|cpu|gpu|gpu:N]\n"
                + "  --real           the real training images, one subfolder per class\n"
                + "  --synthetic      synthetic images, one subfolder per class (as fiji-gan generate writes them)\n"
                + "  --output         where benefit_runs.csv, benefit_summary.csv and benefit.png go\n"
                + "  --test-folder    held-out real images, one subfolder per class; without it, a stratified\n"
                + "  --test-fraction  share of each real class is held out (default 0.25), drawn from the seed\n"
                + "  --mode           balance (default): synthetic images fill each class up to the largest real\n"
                + "                   class; all: every synthetic image is added. Real + classical augmentation adds\n"
                + "                   as many transformed real images to each class\n"
                + "  --augmentation   the classical arm's transforms (default \"" + ClassicalAugmentation.DEFAULT_SPEC + "\")\n"
                + "  --image-size     images are resized to this square size (default 64)\n"
                + "  --repeats        runs with seeds SEED, SEED+1, ... (default 3); the three arms of a run share\n"
                + "  --seed           its split, added images, initial weights and batch order (default seed 0)\n"
                + "  --epochs, --width, --batch-size, --learning-rate  the classifier's (defaults " + d.epochs() + ", " + d.width()
                + ", " + d.batchSize() + ", " + d.learningRate() + ")\n"
                + "Exit status: 0 written, 1 failed, 2 bad command line.\n";
    }
}
