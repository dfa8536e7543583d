package io.github.fijigan.core.metrics.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import ai.djl.Device;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.job.Inputs;
import io.github.fijigan.core.job.Job;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.job.JobResult;
import io.github.fijigan.core.job.JobThread;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Measures how synthetic images sit against the real ones they imitate, in the latent space of a
 * small autoencoder trained on the real images (as the chest X-ray study did): per class, the
 * distance between the real and synthetic centroids, the Fréchet distance between the Gaussians
 * fitted to both, and each image's distance to the real centroid; and a memorisation check, the
 * nearest real image of each synthetic one in latent and in pixel space. The one code path behind
 * <i>Plugins › GAN › Evaluate › Synthetic Data</i>.
 *
 * <p>Folders: class subfolders of the same names in both (as {@code GenerateJob} writes), or both
 * flat (one class, {@code all}). Every image is resized to {@code image_size} and normalised with
 * the map fitted to the real images. Writes to the output folder {@code centroid_distances.csv},
 * {@code sample_distances.csv}, {@code memorisation.csv}, {@code latent_distances.png} (box plots),
 * {@code closest_pairs.png} and {@code summary.txt}.
 *
 * <pre>{@code
 * SyntheticDataJob.Result r = SyntheticDataJob.create(Path.of("train"), Path.of("synthetic"), Path.of("eval"))
 *         .imageSize(256).latentSize(16).latentChannels(8).epochs(20).seed(1).reader(new ImageJReader())
 *         .run(ProgressListener.NONE, new CancellationToken());
 * r.classes().get(0).frechetDistance();
 * }</pre>
 */
public final class SyntheticDataJob implements Job<SyntheticDataJob.Result> {

    /** Input keys in messages. */
    public static final String REAL_FOLDER = "real_folder";
    public static final String SYNTHETIC_FOLDER = "synthetic_folder";
    public static final String OUTPUT_FOLDER = "output_folder";
    public static final String IMAGE_SIZE = "image_size";
    public static final String LATENT_SIZE = "latent_size";
    public static final String LATENT_CHANNELS = "latent_channels";
    public static final String EPOCHS = "epochs";
    public static final String BATCH_SIZE = "batch_size";
    public static final String LEARNING_RATE = "learning_rate";
    public static final String PAIRS = "pairs";

    /** File names in the output folder. */
    public static final String CENTROIDS_CSV = "centroid_distances.csv";
    public static final String SAMPLES_CSV = "sample_distances.csv";
    public static final String MEMORISATION_CSV = "memorisation.csv";
    public static final String BOX_PLOT_PNG = "latent_distances.png";
    public static final String PAIRS_PNG = "closest_pairs.png";
    public static final String SUMMARY_TXT = "summary.txt";

    /**
     * What the evaluation measured and wrote.
     *
     * @param classes one entry per real class, in the real folder's order
     * @param memorisation one row per synthetic image, most like a real image first
     * @param reconstructionError the trained autoencoder's MSE on the real images, in network units
     * @param folder the output folder
     */
    public record Result(List<ClassDistances> classes, List<NearestReal> memorisation, double reconstructionError, Path folder)
            implements JobResult {

        public Result {
            classes = List.copyOf(classes);
            memorisation = List.copyOf(memorisation);
        }

        @Override
        public String summary() {
            List<String> parts = new ArrayList<>();
            for (ClassDistances c : classes) {
                parts.add(String.format(Locale.ROOT, "%s centroid %.4g, Frechet %.4g", c.name(), c.centroidDistance(), c.frechetDistance()));
            }
            String closest = memorisation.isEmpty() ? "" : String.format(Locale.ROOT, "; closest pair %s/%s ~ %s/%s (pixel RMSE %.4g)",
                    memorisation.get(0).syntheticClass(), memorisation.get(0).syntheticFile(), memorisation.get(0).pixelClass(),
                    memorisation.get(0).pixelFile(), memorisation.get(0).pixelRmse());
            return "compared " + memorisation.size() + " synthetic images with the real ones in latent space: "
                    + String.join("; ", parts) + closest + "; tables in " + folder;
        }

        @Override
        public List<Path> outputs() {
            return List.of(folder.resolve(CENTROIDS_CSV), folder.resolve(SAMPLES_CSV), folder.resolve(MEMORISATION_CSV),
                    folder.resolve(BOX_PLOT_PNG), folder.resolve(PAIRS_PNG), folder.resolve(SUMMARY_TXT));
        }
    }

    private final Path realFolder;
    private final Path syntheticFolder;
    private final Path outputFolder;
    private int imageSize = 256;
    private int latentSize = AutoencoderSpec.DEFAULT_LATENT_SIZE;
    private int latentChannels = AutoencoderSpec.DEFAULT_LATENT_CHANNELS;
    private int width = AutoencoderSpec.DEFAULT_WIDTH;
    private int epochs = 20;
    private int batchSize = 16;
    private double learningRate = 1e-3;
    private long seed;
    private int pairs = 8;
    private String deviceSpec = "auto";
    private ImageReader reader;

    private SyntheticDataJob(Path realFolder, Path syntheticFolder, Path outputFolder) {
        this.realFolder = realFolder;
        this.syntheticFolder = syntheticFolder;
        this.outputFolder = outputFolder;
    }

    /**
     * @param realFolder the real (training) images: class subfolders, or images directly
     * @param syntheticFolder the synthetic images, laid out as the real ones
     * @param outputFolder where the tables and plots go (created when missing)
     */
    public static SyntheticDataJob create(Path realFolder, Path syntheticFolder, Path outputFolder) {
        return new SyntheticDataJob(realFolder, syntheticFolder, outputFolder);
    }

    /** @param pixels the side every image is resized to (default 256) */
    public SyntheticDataJob imageSize(int pixels) {
        this.imageSize = pixels;
        return this;
    }

    /** @param pixels the side of the latent grid (default 16); the image size over it must be a power of 2 */
    public SyntheticDataJob latentSize(int pixels) {
        this.latentSize = pixels;
        return this;
    }

    /** @param channels channels of the latent grid (default 8) */
    public SyntheticDataJob latentChannels(int channels) {
        this.latentChannels = channels;
        return this;
    }

    /** @param channels channels of the autoencoder's first convolution (default 16) */
    public SyntheticDataJob width(int channels) {
        this.width = channels;
        return this;
    }

    /** @param count autoencoder training epochs over the real images (default 20) */
    public SyntheticDataJob epochs(int count) {
        this.epochs = count;
        return this;
    }

    /** @param images images per autoencoder training step (default 16) */
    public SyntheticDataJob batchSize(int images) {
        this.batchSize = images;
        return this;
    }

    /** @param rate Adam's learning rate for the autoencoder (default 1e-3) */
    public SyntheticDataJob learningRate(double rate) {
        this.learningRate = rate;
        return this;
    }

    /** @param value decides the autoencoder's weights and batches; the same seed gives the same numbers */
    public SyntheticDataJob seed(long value) {
        this.seed = value;
        return this;
    }

    /** @param count closest pairs drawn in {@value #PAIRS_PNG} (default 8) */
    public SyntheticDataJob pairs(int count) {
        this.pairs = count;
        return this;
    }

    /** @param spec {@code auto} (default), {@code cpu}, {@code gpu} or {@code gpu:N} */
    public SyntheticDataJob device(String spec) {
        this.deviceSpec = Objects.requireNonNull(spec, "spec");
        return this;
    }

    /** @param value reads the image files */
    public SyntheticDataJob reader(ImageReader value) {
        this.reader = Objects.requireNonNull(value, "reader");
        return this;
    }

    @Override
    public String title() {
        return "Evaluating synthetic data";
    }

    @Override
    public Result run(ProgressListener progress, CancellationToken cancel) throws JobInputException, IOException {
        if (reader == null) {
            throw new IllegalStateException("a synthetic data job needs a reader");
        }
        Inputs.requireFolder(REAL_FOLDER, realFolder);
        Inputs.requireFolder(SYNTHETIC_FOLDER, syntheticFolder);
        Inputs.writableFolder(OUTPUT_FOLDER, outputFolder);
        LatentAutoencoder.Training training = checkSettings();
        Device device = Inputs.device(deviceSpec);
        JobThread.prepare();
        ImageSets.Loaded data = ImageSets.load(realFolder, syntheticFolder, REAL_FOLDER, SYNTHETIC_FOLDER, reader, imageSize,
                progress.part(0, 10, 100), cancel);
        AutoencoderSpec spec = new AutoencoderSpec(imageSize, data.channels(), latentSize, latentChannels, width);
        float[][] realLatents;
        float[][] syntheticLatents;
        double error;
        try (LatentAutoencoder autoencoder = LatentAutoencoder.create(spec, device, seed)) {
            autoencoder.train(data.real().pixels(), training, progress.part(10, 70, 100), cancel);
            cancel.throwIfCancelled("evaluating synthetic data");
            progress.progress(80, 100, "Encoding the images");
            error = autoencoder.reconstructionError(data.real().pixels());
            realLatents = autoencoder.encode(data.real().pixels());
            syntheticLatents = autoencoder.encode(data.synthetic().pixels());
        }
        cancel.throwIfCancelled("evaluating synthetic data");
        progress.progress(90, 100, "Searching the nearest real images");
        List<Memorisation.Match> matches = Memorisation.find(syntheticLatents, realLatents, data.synthetic().pixels(),
                data.real().pixels());
        List<ClassDistances> classes = new ArrayList<>();
        List<List<String>> realFiles = new ArrayList<>();
        List<List<String>> syntheticFiles = new ArrayList<>();
        for (int c = 0; c < data.real().classes().size(); c++) {
            classes.add(ClassDistances.of(data.real().classes().get(c), data.real().ofClass(realLatents, c),
                    data.synthetic().ofClass(syntheticLatents, c)));
            realFiles.add(filesOf(data.real(), c));
            syntheticFiles.add(filesOf(data.synthetic(), c));
        }
        List<Memorisation.Match> ranked = Memorisation.closest(matches, matches.size());
        List<NearestReal> rows = new ArrayList<>();
        for (int r = 0; r < ranked.size(); r++) {
            rows.add(row(r + 1, ranked.get(r), data));
        }
        Result result = new Result(classes, rows, error, outputFolder);
        progress.progress(97, 100, "Writing tables and plots");
        write(result, data, ranked, realFiles, syntheticFiles);
        progress.progress(100, 100, "Done");
        return result;
    }

    private LatentAutoencoder.Training checkSettings() throws JobInputException {
        if (imageSize < 2) {
            throw new JobInputException(IMAGE_SIZE, "must be at least 2 pixels, got " + imageSize);
        }
        if (latentSize < 1 || latentSize >= imageSize || imageSize % latentSize != 0
                || Integer.bitCount(imageSize / latentSize) != 1) {
            throw new JobInputException(LATENT_SIZE, latentSize + " does not divide the image size " + imageSize
                    + " by a power of 2 (2, 4, 8, ...); e.g. " + Math.max(1, imageSize / 16) + " for " + imageSize + " x " + imageSize
                    + " images");
        }
        if (latentChannels < 1) {
            throw new JobInputException(LATENT_CHANNELS, "must be at least 1, got " + latentChannels);
        }
        if (width < 1) {
            throw new IllegalArgumentException("autoencoder width must be at least 1, got " + width);
        }
        if (epochs < 1) {
            throw new JobInputException(EPOCHS, "must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new JobInputException(BATCH_SIZE, "must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new JobInputException(LEARNING_RATE, "must be positive, got " + learningRate);
        }
        if (pairs < 1) {
            throw new JobInputException(PAIRS, "must be at least 1, got " + pairs);
        }
        return new LatentAutoencoder.Training(epochs, batchSize, learningRate, seed);
    }

    private void write(Result result, ImageSets.Loaded data, List<Memorisation.Match> ranked, List<List<String>> realFiles,
            List<List<String>> syntheticFiles) throws IOException {
        Files.createDirectories(outputFolder);
        SyntheticDataReport.writeCentroids(outputFolder.resolve(CENTROIDS_CSV), result.classes());
        SyntheticDataReport.writeSamples(outputFolder.resolve(SAMPLES_CSV), result.classes(), realFiles, syntheticFiles);
        SyntheticDataReport.writeMemorisation(outputFolder.resolve(MEMORISATION_CSV), result.memorisation());
        List<BoxPlot.Group> groups = new ArrayList<>();
        for (ClassDistances c : result.classes()) {
            groups.add(new BoxPlot.Group(c.name(), List.of(c.realDistances(), c.syntheticDistances())));
        }
        BoxPlot.write(outputFolder.resolve(BOX_PLOT_PNG), groups, List.of("real", "synthetic"), "latent distance to the real centroid");
        List<ClosestPairs.Pair> sheet = new ArrayList<>();
        for (int r = 0; r < Math.min(pairs, ranked.size()); r++) {
            Memorisation.Match m = ranked.get(r);
            NearestReal row = result.memorisation().get(r);
            sheet.add(new ClosestPairs.Pair(data.synthetic().pixels()[m.synthetic()], data.real().pixels()[m.pixelNearest()], List.of(
                    (r + 1) + ". " + data.synthetic().name(m.synthetic()),
                    "real " + data.real().name(m.pixelNearest()),
                    String.format(Locale.ROOT, "rmse %.4g", row.pixelRmse()),
                    String.format(Locale.ROOT, "latent %.4g", row.latentDistance()))));
        }
        ClosestPairs.write(outputFolder.resolve(PAIRS_PNG), sheet, data.channels(), imageSize);
        SyntheticDataReport.writeSummary(outputFolder.resolve(SUMMARY_TXT), result, List.of(
                "real images: " + realFolder + " (" + data.real().pixels().length + ")",
                "synthetic images: " + syntheticFolder + " (" + data.synthetic().pixels().length + ")",
                "images resized to " + imageSize + " x " + imageSize + ", normalised by the real images' map " + data.map(),
                "autoencoder latent " + latentSize + " x " + latentSize + " x " + latentChannels + ", width " + width + ", " + epochs
                        + " epochs, batch " + batchSize + ", learning rate " + learningRate + ", seed " + seed));
    }

    private static NearestReal row(int rank, Memorisation.Match m, ImageSets.Loaded data) {
        ImageSets.ImageSet real = data.real();
        ImageSets.ImageSet synthetic = data.synthetic();
        return new NearestReal(rank, synthetic.classes().get(synthetic.classOf()[m.synthetic()]), synthetic.files().get(m.synthetic()),
                real.classes().get(real.classOf()[m.latentNearest()]), real.files().get(m.latentNearest()), m.latentDistance(),
                real.classes().get(real.classOf()[m.pixelNearest()]), real.files().get(m.pixelNearest()),
                m.pixelRmse() * data.imageUnits());
    }

    private static List<String> filesOf(ImageSets.ImageSet set, int c) {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < set.files().size(); i++) {
            if (set.classOf()[i] == c) {
                files.add(set.files().get(i));
            }
        }
        return files;
    }
}
