package io.github.fijigan.core.metrics.benefit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import ai.djl.Device;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.data.Resize;
import io.github.fijigan.core.data.TrainingImages;
import io.github.fijigan.core.job.Inputs;
import io.github.fijigan.core.job.Job;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.job.JobResult;
import io.github.fijigan.core.job.JobThread;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Does synthetic data help a classifier? The experiment of the chest X-ray and skin-lesion GAN
 * studies: a small CNN ({@link CnnClassifier}) is trained on (a) the real training images, (b) the
 * real images plus classically augmented copies ({@link ClassicalAugmentation}), (c) the real images
 * plus GAN-synthetic images ({@link SyntheticMode}: balancing the classes, or every image), and each
 * is judged on the same held-out real test set by accuracy, per-class recall and F1, and macro-F1
 * ({@link ClassificationMetrics}). The one code path behind <i>Evaluate › Augmentation Benefit</i>.
 *
 * <p><b>Repeats and fairness.</b> Repeat r (1, 2, …) runs with seed {@code seed + r - 1}. Within a
 * repeat the three arms share the test split, the classifier's initial weights and its batch-order
 * seed, and (b) and (c) add the same number of images to each class ({@link ArmSets}); between
 * repeats all of these change ({@link BenefitExperiment}). The test set is a separate folder when
 * one is given (the same for every repeat), else a stratified split of the real folder
 * ({@link StratifiedSplit}). The images are read as {@link BenefitData} describes: all resized to
 * {@code image_size} (area-averaged), in the intensity units fitted on the real folder.
 *
 * <p><b>Outputs</b> in the output folder: {@code benefit_runs.csv} and {@code benefit_summary.csv}
 * (layouts in {@link BenefitTable}) and {@code benefit.png} ({@link BenefitPlot}).
 *
 * <pre>{@code
 * AugmentationBenefitJob.Result r = AugmentationBenefitJob.create(Path.of("xray/train"), Path.of("synthetic"), Path.of("benefit"))
 *         .testFolder(Path.of("xray/test")).syntheticMode("balance").augmentation("rotate:10, scale:0.9-1.1, hflip")
 *         .imageSize(64).epochs(30).repeats(5).seed(1).reader(new ImageJReader())
 *         .run(ProgressListener.NONE, new CancellationToken());
 * System.out.println(r.summary());
 * }</pre>
 */
public final class AugmentationBenefitJob implements Job<AugmentationBenefitJob.Result> {

    /** Input keys in messages. */
    public static final String REAL_FOLDER = "real_folder";
    public static final String TEST_FOLDER = "test_folder";
    public static final String TEST_FRACTION = "test_fraction";
    public static final String SYNTHETIC_FOLDER = "synthetic_folder";
    public static final String SYNTHETIC_MODE = "synthetic_mode";
    public static final String AUGMENTATION = "augmentation";
    public static final String OUTPUT_FOLDER = "output_folder";
    public static final String IMAGE_SIZE = "image_size";
    public static final String NORMALIZATION = "normalization";
    public static final String REPEATS = "repeats";
    public static final String EPOCHS = "epochs";
    public static final String WIDTH = "width";
    public static final String BATCH_SIZE = "batch_size";
    public static final String LEARNING_RATE = "learning_rate";

    /** Output file names. */
    public static final String RUNS_CSV = "benefit_runs.csv";
    public static final String SUMMARY_CSV = "benefit_summary.csv";
    public static final String PLOT_PNG = "benefit.png";

    /**
     * What the experiment measured and wrote.
     *
     * @param table every run and the summaries
     * @param runs {@code benefit_runs.csv}
     * @param summaryTable {@code benefit_summary.csv}
     * @param plot {@code benefit.png}
     * @param seed the first repeat's seed
     * @param repeats how many repeats
     * @param warnings what the user should know (a class short of synthetic images, nothing added)
     */
    public record Result(BenefitTable table, Path runs, Path summaryTable, Path plot, long seed, int repeats, List<String> warnings)
            implements JobResult {

        public Result {
            warnings = List.copyOf(warnings);
        }

        @Override
        public String summary() {
            String means = table.arms().stream().map(a -> String.format(Locale.ROOT, "%s accuracy %.3f, macro-F1 %.3f", a.label(),
                    table.summary(a, "accuracy").mean(), table.summary(a, "macro_f1").mean())).collect(Collectors.joining("; "));
            // Every front end prints the summary, so a warning that changes how to read it goes here too.
            String warned = warnings.stream().distinct().map(w -> "; warning: " + w).collect(Collectors.joining());
            return String.format(Locale.ROOT, "augmentation benefit, %d repeat%s with seed %d%s: %s; tables and plot in %s%s",
                    repeats, repeats == 1 ? "" : "s", seed, repeats == 1 ? "" : " to " + (seed + repeats - 1), means, runs.getParent(),
                    warned);
        }

        @Override
        public List<Path> outputs() {
            return List.of(runs, summaryTable, plot);
        }
    }

    private final Path realFolder;
    private final Path syntheticFolder;
    private final Path outputFolder;
    private Path testFolder;
    private double testFraction = 0.25;
    private String syntheticMode = SyntheticMode.BALANCE.id();
    private String augmentation = ClassicalAugmentation.DEFAULT_SPEC;
    private int imageSize = 64;
    private String normalization = TrainingImages.AUTO;
    private int repeats = 3;
    private long seed;
    private int epochs = CnnClassifier.Options.DEFAULT.epochs();
    private int width = CnnClassifier.Options.DEFAULT.width();
    private int depth = CnnClassifier.Options.DEFAULT.depth();
    private int batchSize = CnnClassifier.Options.DEFAULT.batchSize();
    private double learningRate = CnnClassifier.Options.DEFAULT.learningRate();
    private String deviceSpec = "auto";
    private Device device;
    private ImageReader reader;

    private AugmentationBenefitJob(Path realFolder, Path syntheticFolder, Path outputFolder) {
        this.realFolder = realFolder;
        this.syntheticFolder = syntheticFolder;
        this.outputFolder = outputFolder;
    }

    /**
     * @param realFolder the real images, one subfolder per class
     * @param syntheticFolder synthetic images, subfolders named as (some of) the real classes, as {@code GenerateJob} writes them
     * @param outputFolder where the tables and the plot go (created when missing)
     */
    public static AugmentationBenefitJob create(Path realFolder, Path syntheticFolder, Path outputFolder) {
        return new AugmentationBenefitJob(realFolder, syntheticFolder, outputFolder);
    }

    /** @param folder real test images, subfolders named as the real classes; null to split the real folder */
    public AugmentationBenefitJob testFolder(Path folder) {
        this.testFolder = folder == null || folder.toString().isEmpty() ? null : folder;
        return this;
    }

    /** @param fraction each class's share held out for testing when there is no test folder (default 0.25) */
    public AugmentationBenefitJob testFraction(double fraction) {
        this.testFraction = fraction;
        return this;
    }

    /** @param mode {@code balance} (default) or {@code all}; see {@link SyntheticMode} */
    public AugmentationBenefitJob syntheticMode(String mode) {
        this.syntheticMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** @param spec the classical augmentation's short form (default {@value ClassicalAugmentation#DEFAULT_SPEC}) */
    public AugmentationBenefitJob augmentation(String spec) {
        this.augmentation = Objects.requireNonNull(spec, "spec");
        return this;
    }

    /** @param side every image is resized (area-averaged) to side × side, 16 or more (default 64) */
    public AugmentationBenefitJob imageSize(int side) {
        this.imageSize = side;
        return this;
    }

    /** @param spec {@code auto} (default) or a normaliser spec, fitted on the real folder */
    public AugmentationBenefitJob normalization(String spec) {
        this.normalization = Objects.requireNonNull(spec, "spec");
        return this;
    }

    /** @param count how many times the experiment runs, with seeds seed, seed + 1, … (default 3) */
    public AugmentationBenefitJob repeats(int count) {
        this.repeats = count;
        return this;
    }

    /** @param value the first repeat's seed (default 0) */
    public AugmentationBenefitJob seed(long value) {
        this.seed = value;
        return this;
    }

    /** @param count classifier training epochs (default 30) */
    public AugmentationBenefitJob epochs(int count) {
        this.epochs = count;
        return this;
    }

    /** @param filters the classifier's first-layer filters (default 16) */
    public AugmentationBenefitJob width(int filters) {
        this.width = filters;
        return this;
    }

    /** @param stages the classifier's convolution stages (default 3) */
    public AugmentationBenefitJob depth(int stages) {
        this.depth = stages;
        return this;
    }

    /** @param size classifier minibatch size (default 16) */
    public AugmentationBenefitJob batchSize(int size) {
        this.batchSize = size;
        return this;
    }

    /** @param rate the classifier's Adam learning rate (default 1e-3) */
    public AugmentationBenefitJob learningRate(double rate) {
        this.learningRate = rate;
        return this;
    }

    /** @param spec {@code auto} (default), {@code cpu}, {@code gpu} or {@code gpu:N} */
    public AugmentationBenefitJob device(String spec) {
        this.deviceSpec = Objects.requireNonNull(spec, "spec");
        return this;
    }

    /** @param computeOn a device already chosen, instead of starting the engine with a spec */
    public AugmentationBenefitJob device(Device computeOn) {
        this.device = computeOn;
        return this;
    }

    /** @param value reads the image files */
    public AugmentationBenefitJob reader(ImageReader value) {
        this.reader = Objects.requireNonNull(value, "reader");
        return this;
    }

    @Override
    public String title() {
        return "Measuring the augmentation benefit";
    }

    @Override
    public Result run(ProgressListener progress, CancellationToken cancel) throws JobInputException, IOException {
        if (reader == null) {
            throw new IllegalStateException("an augmentation benefit job needs a reader");
        }
        Inputs.requireFolder(REAL_FOLDER, realFolder);
        if (testFolder != null) {
            Inputs.requireFolder(TEST_FOLDER, testFolder);
        }
        Inputs.requireFolder(SYNTHETIC_FOLDER, syntheticFolder);
        Inputs.writableFolder(OUTPUT_FOLDER, outputFolder);
        Settings s = settings();
        Device computeOn = device != null ? device : Inputs.device(deviceSpec);
        JobThread.prepare();
        BenefitExperiment experiment = new BenefitExperiment(s.mode, s.augmentation, s.classifier, testFraction, seed, repeats);
        long steps = experiment.epochs();
        long loading = Math.max(1, steps / 10);
        BenefitData data = BenefitData.load(realFolder, testFolder, syntheticFolder,
                new String[] {REAL_FOLDER, TEST_FOLDER, SYNTHETIC_FOLDER}, reader, s.images,
                progress.part(0, loading, loading + steps), cancel);
        if (data.test() == null) {
            try {
                StratifiedSplit.of(data.real(), testFraction, seed); // every repeat's split has the same class sizes
            } catch (IllegalArgumentException e) {
                throw new JobInputException(REAL_FOLDER, realFolder + ": " + e.getMessage() + " (or give a " + TEST_FOLDER + ")", e);
            }
        }
        BenefitExperiment.Outcome outcome = experiment.run(data.real(), data.test(), data.synthetic(), computeOn,
                progress.part(loading, steps, loading + steps), cancel);
        BenefitTable table = outcome.table();
        Files.createDirectories(outputFolder);
        Path runsCsv = outputFolder.resolve(RUNS_CSV);
        Path summaryCsv = outputFolder.resolve(SUMMARY_CSV);
        Path png = outputFolder.resolve(PLOT_PNG);
        table.writeRunsCsv(runsCsv);
        table.writeSummaryCsv(summaryCsv);
        BenefitPlot.write(png, table);
        progress.progress(loading + steps, loading + steps, "Augmentation benefit measured");
        return new Result(table, runsCsv, summaryCsv, png, seed, repeats, outcome.warnings());
    }

    /** The inputs that are not files, checked and parsed before anything is read. */
    private record Settings(TrainingImages.Options images, SyntheticMode mode, ClassicalAugmentation augmentation,
            CnnClassifier.Options classifier) {
    }

    private Settings settings() throws JobInputException {
        if (testFolder == null && !(testFraction > 0 && testFraction < 1)) {
            throw new JobInputException(TEST_FRACTION, "must lie between 0 and 1 (both excluded), got " + testFraction);
        }
        if (imageSize < 16 || imageSize > 4096) {
            throw new JobInputException(IMAGE_SIZE, "must be 16 to 4096 pixels, got " + imageSize);
        }
        if (repeats < 1) {
            throw new JobInputException(REPEATS, "must be at least 1, got " + repeats);
        }
        positive(EPOCHS, epochs);
        positive(WIDTH, width);
        positive(BATCH_SIZE, batchSize);
        positive("depth", depth);
        if (imageSize >> Math.min(depth, 30) < 1) {
            throw new JobInputException(IMAGE_SIZE, imageSize + " pixels is too small for " + depth + " pooling stages");
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new JobInputException(LEARNING_RATE, "must be positive, got " + learningRate);
        }
        SyntheticMode mode;
        try {
            mode = SyntheticMode.parse(syntheticMode);
        } catch (IllegalArgumentException e) {
            throw new JobInputException(SYNTHETIC_MODE, e.getMessage(), e);
        }
        ClassicalAugmentation aug;
        try {
            aug = ClassicalAugmentation.parse(augmentation);
        } catch (IllegalArgumentException e) {
            throw new JobInputException(AUGMENTATION, e.getMessage(), e);
        }
        TrainingImages.Options images;
        try {
            images = new TrainingImages.Options(imageSize, Resize.AREA, normalization, true);
        } catch (IllegalArgumentException e) {
            throw new JobInputException(NORMALIZATION, e.getMessage(), e);
        }
        return new Settings(images, mode, aug, new CnnClassifier.Options(width, depth, epochs, batchSize, learningRate));
    }

    private static void positive(String key, int value) throws JobInputException {
        if (value < 1) {
            throw new JobInputException(key, "must be at least 1, got " + value);
        }
    }
}
