package io.github.fijigan.core.train;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import ai.djl.Device;
import io.github.fijigan.core.data.ColorizerImages;
import io.github.fijigan.core.data.ImageFolder;
import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.data.DenoiseImages;
import io.github.fijigan.core.data.TrainingImages;
import io.github.fijigan.core.data.TranslationImages;
import io.github.fijigan.core.job.Inputs;
import io.github.fijigan.core.job.Job;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.job.JobResult;
import io.github.fijigan.core.job.JobThread;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Trains a GAN (synthesis, translation, denoising or colorizing) from a config and a folder of images into a run folder: the one code path
 * behind {@code fiji-gan train}, <i>Plugins › GAN › Train › Synthesis</i> and {@code Ext.train}.
 * It checks the inputs first (data folder, run folder, device, a run folder holding another run),
 * then reads the images (progress per file), then trains (progress per iteration); the run folder
 * is created only once the images have been read. When the config names validation folders
 * (e.g. {@code validation_a}, {@code validation_b}), they are read first and the run keeps its best
 * epoch's model, reported in the summary. A run folder
 * with a checkpoint of the same config resumes; a cancelled job leaves a checkpoint to resume from.
 *
 * <pre>{@code
 * TrainConfig config = TrainConfigFile.read(Path.of("shapes.json")).with("epochs", 5);
 * TrainingJob.Result result = TrainingJob.create(config, Path.of("runs/shapes"), new ImageJReader())
 *         .data(Path.of("shapes"))                  // instead of the config's "data"
 *         .run(ProgressListener.NONE, new CancellationToken());
 * result.training().model();                        // runs/shapes/model.zip
 * }</pre>
 */
public final class TrainingJob implements Job<TrainingJob.Result> {

    /** Input keys in messages. */
    public static final String DATA = "data";
    public static final String RUN_FOLDER = "run_folder";

    /**
     * What a training job made.
     *
     * @param training how the run ended (model, last checkpoint, losses)
     * @param config the config the run used, with its data folder made absolute
     * @param runFolder the run folder
     * @param images how many training images (planes) were read
     * @param device where it computed
     */
    public record Result(TrainingResult training, TrainConfig config, Path runFolder, int images, Device device)
            implements JobResult {

        @Override
        public String summary() {
            TrainingResult t = training;
            if (t.cancelled()) {
                return String.format(Locale.ROOT, "cancelled after %d iterations (%d whole epochs); checkpoint %s; run again with"
                        + " the same run folder to resume%s", t.iterations(), t.epochsCompleted(),
                        t.checkpoint().map(Path::toString).orElse("none"), t.best().map(Result::best).orElse(""));
            }
            return String.format(Locale.ROOT, "trained %s for %d epochs (%d iterations) on %d images; losses %s; model %s%s",
                    config.kind().id(), t.epochsCompleted(), t.iterations(), images, losses(t.lastLosses()),
                    t.model().map(Path::toString).orElse("none"), t.best().map(Result::best).orElse(""));
        }

        /** "; best ssim 0.8123 at epoch 7 (best_model.zip)" */
        private static String best(BestModel b) {
            return String.format(Locale.ROOT, "; best %s %.6g at epoch %d%s", b.metric(), b.value(), b.epoch(),
                    b.model().map(m -> " (" + m + ")").orElse(""));
        }

        @Override
        public List<Path> outputs() {
            List<Path> files = new ArrayList<>();
            training.model().ifPresent(files::add);
            training.best().flatMap(BestModel::model).ifPresent(files::add);
            training.checkpoint().ifPresent(files::add);
            files.add(runFolder);
            return files;
        }

        @Override
        public boolean cancelled() {
            return training.cancelled();
        }
    }

    private final TrainConfig config;
    private final Path runFolder;
    private final ImageReader reader;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private Path data;
    private Device device;
    private Consumer<String> warnings = w -> { };

    private TrainingJob(TrainConfig config, Path runFolder, ImageReader reader) {
        this.config = Objects.requireNonNull(config, "config");
        this.runFolder = runFolder;
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * @param config what to train; its {@code data} names the image folder unless {@link #data} is given
     * @param runFolder where the run's files go (created when missing)
     * @param reader reads the image files
     */
    public static TrainingJob create(TrainConfig config, Path runFolder, ImageReader reader) {
        return new TrainingJob(config, runFolder, reader);
    }

    /** @param folder the training images, instead of the config's {@code data}; null keeps the config's */
    public TrainingJob data(Path folder) {
        this.data = folder;
        return this;
    }

    /** @param computeOn the device, instead of starting the engine with the config's {@code device} */
    public TrainingJob device(Device computeOn) {
        this.device = computeOn;
        return this;
    }

    /** Adds a listener to the trainer (e.g. a live preview); progress goes through {@link #run}'s listener. */
    public TrainingJob listener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Hears what does not stop the run: skipped files, unreadable old checkpoints. */
    public TrainingJob warnings(Consumer<String> consumer) {
        this.warnings = Objects.requireNonNull(consumer, "consumer");
        return this;
    }

    @Override
    public String title() {
        Path folder = dataFolderOrNull();
        return "Training " + config.kind().id() + (folder == null || folder.getFileName() == null ? ""
                : " on " + folder.getFileName());
    }

    @Override
    public Result run(ProgressListener progress, CancellationToken cancel) throws JobInputException {
        Path folder = dataFolderOrNull();
        if (folder == null) {
            throw new JobInputException(DATA, "no training image folder given (nor a \"data\" key in the config)");
        }
        Inputs.requireFolder(DATA, folder);
        Path absolute = folder.toAbsolutePath().normalize();
        TrainConfig effective = absoluteValidationFolders(config.with("data", absolute.toString()));
        Inputs.writableFolder(RUN_FOLDER, runFolder);
        if (Files.isDirectory(runFolder)) {
            try {
                GanTrainer.checkRunFolder(effective, runFolder);
            } catch (IllegalArgumentException e) {
                throw new JobInputException(RUN_FOLDER, e.getMessage(), e);
            }
        }
        Device computeOn = device != null ? device : Inputs.device(effective.device());
        JobThread.prepare();
        cancel.throwIfCancelled("training");

        // Read before the training images, and before the run folder exists, so a wrong folder fails fast.
        ValidationSet validation = null;
        if (effective.validates()) {
            progress.message("Reading the validation images");
            validation = ValidationData.load(effective, reader, progress, cancel);
        }
        GanTrainer trainer;
        int imageCount;
        if (effective.kind().generatesFromNoise()) {
            TrainingImages images = load(absolute, effective, progress, cancel);
            trainer = new GanTrainer(effective, images, runFolder);
            imageCount = images.size();
        } else if (effective.kind() == ModelKind.DENOISE) {
            DenoiseImages images = loadData(DenoiseData::load, absolute, effective, progress, cancel);
            trainer = new GanTrainer(effective, images, runFolder);
            imageCount = images.size();
        } else if (effective.kind() == ModelKind.COLORIZER) {
            ColorizerImages images = loadData(ColorizerData::load, absolute, effective, progress, cancel);
            trainer = new GanTrainer(effective, images, runFolder);
            imageCount = images.imageCount();
        } else {
            TranslationImages images = loadData(TranslationData::load, absolute, effective, progress, cancel);
            trainer = new GanTrainer(effective, images, runFolder);
            imageCount = images.size();
        }
        if (validation != null) {
            trainer.validation(validation);
        }
        trainer.device(computeOn)
                .cancellation(cancel)
                .warnings(warnings)
                .listener(new ProgressReport(progress));
        listeners.forEach(trainer::listener);
        TrainingResult result = trainer.train();
        return new Result(result, effective, runFolder, imageCount, computeOn);
    }

    /** @return the config with its validation folders absolute, as {@code data} is, so a resumed run finds the same config */
    private static TrainConfig absoluteValidationFolders(TrainConfig config) throws JobInputException {
        TrainConfig out = config;
        for (String key : config.validationFolderKeys()) {
            String value = config.toJson().get(key).getAsString();
            if (value.isEmpty()) {
                continue;
            }
            try {
                out = out.with(key, Path.of(value).toAbsolutePath().normalize().toString());
            } catch (InvalidPathException e) {
                throw new JobInputException(key, "not a valid path: " + value, e);
            }
        }
        return out;
    }

    /** One of the image-to-image data loaders ({@link DenoiseData#load}, {@link ColorizerData#load}, {@link TranslationData#load}). */
    @FunctionalInterface
    private interface DataLoader<D> {
        D load(TrainConfig config, Path root, ImageReader reader, ProgressListener progress, CancellationToken cancel)
                throws ImageReadException;
    }

    /** Loads the training data; a problem with it is the {@code data} input's. */
    private <D> D loadData(DataLoader<D> loader, Path root, TrainConfig effective, ProgressListener progress, CancellationToken cancel)
            throws JobInputException {
        progress.message("Scanning " + root);
        try {
            return loader.load(effective, root, reader, progress, cancel);
        } catch (ImageReadException | IllegalArgumentException e) {
            throw new JobInputException(DATA, e.getMessage(), e);
        }
    }

    private TrainingImages load(Path folder, TrainConfig effective, ProgressListener progress, CancellationToken cancel)
            throws JobInputException {
        TrainingImages.Options options;
        try {
            options = TrainingImages.Options.DEFAULT.withSize(effective.imageSize())
                    .withNormalization(effective.normalization())
                    .withClassSubfolders(effective.classSubfolders());
        } catch (IllegalArgumentException e) {
            throw new JobInputException(TrainConfigFile.INPUT, "normalization: " + e.getMessage(), e);
        }
        progress.message("Scanning " + folder);
        try {
            ImageFolder scanned = ImageFolder.scan(folder, reader,
                    ImageFolder.Options.DEFAULT.withClassSubfolders(effective.classSubfolders()).withWarnings(warnings));
            return TrainingImages.load(scanned, reader, options, progress, cancel);
        } catch (ImageReadException | IllegalArgumentException e) {
            throw new JobInputException(DATA, e.getMessage(), e);
        }
    }

    private Path dataFolderOrNull() {
        if (data != null && !data.toString().isEmpty()) {
            return data;
        }
        if (config.data().isEmpty()) {
            return null;
        }
        try {
            return Path.of(config.data());
        } catch (InvalidPathException e) {
            return null;
        }
    }

    static String losses(Map<String, Double> losses) {
        // Sorted: TrainingResult keeps the losses in a map without order.
        return losses.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(Locale.ROOT, "%s %.4g", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Iterations as progress, with the epoch and losses as the status line. */
    private static final class ProgressReport implements TrainingListener {

        private final ProgressListener progress;
        private int epochs;
        private int perEpoch;

        ProgressReport(ProgressListener progress) {
            this.progress = progress;
        }

        @Override
        public void started(Plan plan) {
            epochs = plan.config().epochs();
            perEpoch = plan.iterationsPerEpoch();
            progress.progress(plan.start().globalIteration(), plan.totalIterations(), String.format(Locale.ROOT,
                    "Training %s on %d images, %d epochs of %d iterations", plan.config().kind().id(), plan.images(), epochs,
                    perEpoch));
        }

        @Override
        public void iterationDone(Iteration it) {
            progress.progress(it.globalIteration() + 1, it.totalIterations(), String.format(Locale.ROOT,
                    "Epoch %d/%d, iteration %d/%d: %s", it.epoch() + 1, epochs, it.iteration() + 1, perEpoch,
                    losses(it.losses())));
        }
    }
}
