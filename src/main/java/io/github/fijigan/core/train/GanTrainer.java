package io.github.fijigan.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.NDScope;
import com.google.gson.JsonObject;
import io.github.fijigan.core.data.BatchOrder;
import io.github.fijigan.core.data.ColorizerImages;
import io.github.fijigan.core.data.DenoiseImages;
import io.github.fijigan.core.data.ImageBatch;
import io.github.fijigan.core.data.LossPlot;
import io.github.fijigan.core.data.TrainingImages;
import io.github.fijigan.core.data.TranslationImages;
import io.github.fijigan.core.optim.LearningRateSchedule;
import io.github.fijigan.core.progress.CancellationToken;

/**
 * The training loop of every GAN: epochs of shuffled batches through the model's {@code
 * optimizeParameters}, with a run folder (config, history, samples, checkpoints, model), listeners,
 * cancellation, and exact resume: a run continued from a checkpoint computes what the uninterrupted
 * run would have (same batches, noise, augmentation, optimiser moments, batch-norm statistics, image
 * pool), because every random draw depends only on (seed, epoch, iteration). Image-to-image runs
 * given held-out pairs ({@link #validation}) measure the generator on them as users will apply it
 * and keep the best epoch's model ({@code validation.csv}, {@code best_model.zip}, see {@link
 * RunFolder}); validation draws nothing and changes nothing, so the training is the same without it.
 *
 * <pre>{@code
 * TrainConfig config = TrainConfig.defaults(ModelKind.DCGAN).with("image_size", 64).with("epochs", 50);
 * TrainingImages images = TrainingImages.load(folder, reader, TrainingImages.Options.DEFAULT.withSize(64));
 * TrainingResult result = new GanTrainer(config, images, Path.of("runs/xray"))
 *         .listener(new TrainingListener() { ... })
 *         .cancellation(token)
 *         .train();                       // resumes by itself if runs/xray has a checkpoint
 *
 * TrainConfig cycle = TrainConfig.defaults(ModelKind.CYCLEGAN).with("data", "/data/t1t2");
 * new GanTrainer(cycle, TranslationImages.load(...), Path.of("runs/t1t2")).train();
 *
 * TrainConfig p2p = TrainConfig.defaults(ModelKind.PIX2PIX).with("validation_a", "/data/valA").with("validation_b", "/data/valB");
 * TrainingResult r = new GanTrainer(p2p, TranslationData.load(p2p, root, reader), Path.of("runs/p2p"))
 *         .validation(ValidationData.load(p2p, reader)).train();
 * r.best();                               // epoch, value and best_model.zip of the best validated epoch
 *
 * TrainConfig ct = TrainConfig.defaults(ModelKind.DENOISE).with("noise", "poisson").with("noise_dose", 0.25);
 * new GanTrainer(ct, DenoiseData.load(ct, Path.of("/data/ct"), reader), Path.of("runs/ct")).train();
 * }</pre>
 */
public final class GanTrainer {

    /** Keys that may change between the sessions of one run: they extend it or move it, not change it. */
    private static final Set<String> RESUMABLE_CHANGES = Set.of("epochs", "n_epochs_decay", "checkpoint_every", "device");

    private final TrainConfig config;
    private final TrainingTask<?> task;
    private final RunFolder run;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private CancellationToken cancellation = new CancellationToken();
    private Device device = Device.cpu();
    private Consumer<String> warnings = w -> { };
    private ValidationSet validation;

    /**
     * Trains a synthesis GAN (DCGAN, WGAN-GP, SN-GAN, AC-GAN).
     *
     * @param data the training images, already at {@code config.imageSize()}
     * @param runFolder where the run's files go; a folder with a checkpoint of the same config resumes
     */
    public GanTrainer(TrainConfig config, TrainingImages data, Path runFolder) {
        this(config, new SynthesisTask(Objects.requireNonNull(config, "config"), Objects.requireNonNull(data, "data")), runFolder);
    }

    /**
     * Trains a translation model (pix2pix, CycleGAN).
     *
     * @param data the two domains, cropped to {@code config.cropSize()}
     * @param runFolder where the run's files go; a folder with a checkpoint of the same config resumes
     */
    public GanTrainer(TrainConfig config, TranslationImages data, Path runFolder) {
        this(config, new TranslationTask(Objects.requireNonNull(config, "config"), Objects.requireNonNull(data, "data")), runFolder);
    }

    /**
     * Trains a denoiser.
     *
     * @param data noisy and clean patches, cropped to {@code config.cropSize()}, as the config says
     *     ({@link DenoiseData#load})
     * @param runFolder where the run's files go; a folder with a checkpoint of the same config resumes
     */
    public GanTrainer(TrainConfig config, DenoiseImages data, Path runFolder) {
        this(config, new DenoiseTask(Objects.requireNonNull(config, "config"), Objects.requireNonNull(data, "data")), runFolder);
    }

    /**
     * Trains a colorizer (learned stain normalisation): grey tiles of the target stain to their colours.
     *
     * @param data the target's tiles, as the config says ({@link ColorizerData#load})
     * @param runFolder where the run's files go; a folder with a checkpoint of the same config resumes
     */
    public GanTrainer(TrainConfig config, ColorizerImages data, Path runFolder) {
        this(config, new ColorizerTask(Objects.requireNonNull(config, "config"), Objects.requireNonNull(data, "data")), runFolder);
    }

    private GanTrainer(TrainConfig config, TrainingTask<?> task, Path runFolder) {
        this.config = config;
        this.task = task;
        this.run = RunFolder.create(runFolder);
    }

    public GanTrainer listener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    public GanTrainer cancellation(CancellationToken token) {
        this.cancellation = Objects.requireNonNull(token, "token");
        return this;
    }

    public GanTrainer device(Device device) {
        this.device = Objects.requireNonNull(device, "device");
        return this;
    }

    /** Hears about things that do not stop the run, e.g. an unreadable old checkpoint. */
    public GanTrainer warnings(Consumer<String> consumer) {
        this.warnings = Objects.requireNonNull(consumer, "consumer");
        return this;
    }

    /**
     * Measures the generator on held-out pairs every {@code validate_every} epochs and at the last
     * one, as users will apply it (same inference code, whole images in their own units), under the
     * config's {@code validation_metrics}; writes {@code validation.csv} and {@code validation.png},
     * and {@code best_model.zip} with {@code best.json} whenever {@code select_metric} improves.
     * Needed when the config names validation folders; it changes nothing of the training itself.
     *
     * @param set the config's pairs ({@link ValidationData#load}) or any others
     */
    public GanTrainer validation(ValidationSet set) {
        this.validation = Objects.requireNonNull(set, "set");
        return this;
    }

    /** @return the run folder */
    public RunFolder runFolder() {
        return run;
    }

    /**
     * Trains to {@code config.epochs()}, from the start or from the folder's latest checkpoint.
     *
     * @return how it ended; a cancelled run has written a checkpoint to resume from
     * @throws IllegalArgumentException when the folder holds a run with another config, or the
     *     validation pairs do not fit the model (channels)
     * @throws IllegalStateException when the config names validation folders but no {@link
     *     #validation} set was given, or a set was given to a config that cannot validate
     */
    public TrainingResult train() {
        checkRunFolder(config, run);
        EpochValidation.check(config, task, validation);
        run.writeConfig(config);
        // Grad mode is per thread and on for every thread but the engine's loader; outside a
        // GradientCollector nothing should record a graph (samples, pooled fakes, checkpoints).
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return train(task);
        } finally {
            JniUtils.setGradMode(recording);
        }
    }

    private <M extends GanModel> TrainingResult train(TrainingTask<M> task) {
        int batchSize = Math.min(config.batchSize(), task.size());
        int perEpoch = BatchOrder.batches(task.size(), batchSize, config.seed(), 0, true).length;
        long total = (long) perEpoch * config.epochs();
        LearningRateSchedule schedule = LearningRateSchedule.parse(config.schedule());
        try (NDManager manager = NDManager.newBaseManager(device)) {
            M model = task.createModel(manager);
            Optional<Path> resumeFrom = run.latestCheckpoint(warnings);
            ResumePoint start = resumeFrom.map(file -> task.restore(file, model, manager)).orElse(ResumePoint.START);
            TrainingListener.Plan plan = new TrainingListener.Plan(config, run.root(), task.size(), perEpoch, total, start);
            listeners.forEach(l -> l.started(plan));
            Path lastCheckpoint = resumeFrom.orElse(null);
            Map<String, Double> last = model.currentLosses();
            long global = start.globalIteration();
            EpochValidation validating = validation == null || config.validateEvery() == 0 ? null
                    : EpochValidation.open(config, validation, run, start.epoch(), warnings);
            try (TrainingHistory history = TrainingHistory.open(run.history(), model.lossNames(), global)) {
                for (int epoch = start.epoch(); epoch < config.epochs(); epoch++) {
                    model.setLearningRateFactor(schedule.factor(epoch, config.epochs()));
                    int[][] batches = BatchOrder.batches(task.size(), batchSize, config.seed(), epoch, true);
                    Map<String, Double> sums = new LinkedHashMap<>();
                    int counted = 0;
                    for (int b = epoch == start.epoch() ? start.iteration() : 0; b < batches.length; b++) {
                        if (cancellation.isCancelled()) {
                            history.flush();
                            lastCheckpoint = checkpoint(task, model, new ResumePoint(epoch, b, global));
                            TrainingResult result = new TrainingResult(Optional.empty(), Optional.of(lastCheckpoint), epoch, global, true,
                                    last, best(validating));
                            listeners.forEach(l -> l.finished(result));
                            return result;
                        }
                        TrainingStep step = new TrainingStep(config.seed(), epoch, b, global);
                        long t0 = System.nanoTime();
                        try (NDScope scope = new NDScope(); NDManager stepManager = manager.newSubManager()) {
                            scope.suppressNotUsedWarning();
                            ImageBatch batch = task.batch(stepManager, batches[b], step);
                            model.setInput(batch);
                            model.optimizeParameters(step);
                            model.setInput(null);
                        }
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        last = model.currentLosses();
                        history.append(epoch, b, global, last, seconds);
                        last.forEach((k, v) -> sums.merge(k, v, Double::sum));
                        counted++;
                        global++;
                        TrainingListener.Iteration report = new TrainingListener.Iteration(epoch, b, global - 1, total, last, seconds);
                        listeners.forEach(l -> l.iterationDone(report));
                    }
                    history.flush();
                    Path samples = writeSamples(task, model, manager, epoch);
                    writeLossPlot();
                    int n = Math.max(counted, 1);
                    Map<String, Double> means = new LinkedHashMap<>();
                    sums.forEach((k, v) -> means.put(k, v / n));
                    if (validating != null && validating.due(epoch + 1)) {
                        TrainingListener.Validation report = validating.measure(task, model, manager, epoch + 1, global);
                        listeners.forEach(l -> l.validated(report));
                    }
                    TrainingListener.Epoch report = new TrainingListener.Epoch(epoch, config.epochs(), means, samples);
                    listeners.forEach(l -> l.epochDone(report));
                    boolean periodic = config.checkpointEvery() > 0 && (epoch + 1) % config.checkpointEvery() == 0;
                    if (periodic || epoch + 1 == config.epochs()) {
                        lastCheckpoint = checkpoint(task, model, new ResumePoint(epoch + 1, 0, global));
                    }
                }
            }
            task.writeModel(run.model(), model, config.epochs());
            TrainingResult result = new TrainingResult(Optional.of(run.model()), Optional.ofNullable(lastCheckpoint), config.epochs(),
                    global, false, last, best(validating));
            listeners.forEach(l -> l.finished(result));
            return result;
        }
    }

    private static Optional<BestModel> best(EpochValidation validating) {
        return validating == null ? Optional.empty() : validating.best();
    }

    private <M extends GanModel> Path checkpoint(TrainingTask<M> task, M model, ResumePoint at) {
        Path file = run.checkpoint(at);
        task.writeCheckpoint(file, model, at);
        listeners.forEach(l -> l.checkpointWritten(file, at));
        return file;
    }

    private void writeLossPlot() {
        try {
            LossPlot.write(run.lossPlot(), TrainingHistory.read(run.history()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <M extends GanModel> Path writeSamples(TrainingTask<M> task, M model, NDManager manager, int epoch) {
        Path file = run.samples(epoch);
        try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
            scope.suppressNotUsedWarning();
            task.writeSamples(file, model, m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Checks, without training, that the run folder is new or holds a run of this config (only
     * {@code epochs}, {@code n_epochs_decay}, {@code checkpoint_every} and {@code device} may
     * differ): a folder holds one run, and resuming with another config would mix two runs'
     * checkpoints and history. {@link #train()} checks it too; callers use this to refuse a folder
     * before loading data.
     *
     * @throws IllegalArgumentException naming the folder's config file and the key that differs
     */
    public static void checkRunFolder(TrainConfig config, Path runFolder) {
        checkRunFolder(config, RunFolder.create(runFolder));
    }

    private static void checkRunFolder(TrainConfig config, RunFolder run) {
        Optional<JsonObject> stored = run.storedConfig();
        if (stored.isEmpty()) {
            return;
        }
        JsonObject mine = config.toJson();
        JsonObject theirs;
        try {
            theirs = TrainConfig.fromJson(stored.get(), run.config().toString()).toJson();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("this folder holds a run whose config cannot be read (" + e.getMessage()
                    + "); choose a new run folder", e);
        }
        for (String key : mine.keySet()) {
            if (RESUMABLE_CHANGES.contains(key)) {
                continue;
            }
            if (!mine.get(key).equals(theirs.get(key))) {
                throw new IllegalArgumentException(run.config() + ": this folder holds a run with " + key + " = " + theirs.get(key)
                        + ", not " + mine.get(key) + "; choose a new run folder or the same config to resume");
            }
        }
    }
}
