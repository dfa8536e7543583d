package io.github.fijigan.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import com.google.gson.JsonObject;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.data.Augmentation;
import io.github.fijigan.core.data.BatchOrder;
import io.github.fijigan.core.data.ImageBatch;
import io.github.fijigan.core.data.LossPlot;
import io.github.fijigan.core.data.SampleGrid;
import io.github.fijigan.core.data.TrainingImages;
import io.github.fijigan.core.optim.LearningRateSchedule;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.train.SynthesisBundles.ResumePoint;

/**
 * The training loop of the synthesis GANs: epochs of shuffled batches through the model's
 * {@code optimizeParameters}, with a run folder (config, history, samples, checkpoints, model),
 * listeners, cancellation, and exact resume: a run continued from a checkpoint computes what the
 * uninterrupted run would have (same batches, noise, augmentation, optimiser moments, batch-norm
 * statistics), because every random draw depends only on (seed, epoch, iteration).
 *
 * <pre>{@code
 * TrainConfig config = TrainConfig.defaults(ModelKind.DCGAN).with("image_size", 64).with("epochs", 50);
 * TrainingImages images = TrainingImages.load(folder, reader, TrainingImages.Options.DEFAULT.withSize(64));
 * TrainingResult result = new GanTrainer(config, images, Path.of("runs/xray"))
 *         .listener(new TrainingListener() { ... })
 *         .cancellation(token)
 *         .train();                       // resumes by itself if runs/xray has a checkpoint
 * }</pre>
 */
public final class GanTrainer {

    /** Columns of the sample grids. */
    static final int GRID_COLUMNS = 8;

    private final TrainConfig config;
    private final TrainingImages data;
    private final RunFolder run;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private CancellationToken cancellation = new CancellationToken();
    private Device device = Device.cpu();
    private Consumer<String> warnings = w -> { };

    /**
     * @param data the training images, already at {@code config.imageSize()}
     * @param runFolder where the run's files go; a folder with a checkpoint of the same config resumes
     */
    public GanTrainer(TrainConfig config, TrainingImages data, Path runFolder) {
        this.config = Objects.requireNonNull(config, "config");
        this.data = Objects.requireNonNull(data, "data");
        if (data.imageSize() != config.imageSize()) {
            throw new IllegalArgumentException("image_size: the config says " + config.imageSize() + " but the images were loaded at "
                    + data.imageSize());
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("no training images");
        }
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

    /** @return the run folder */
    public RunFolder runFolder() {
        return run;
    }

    /**
     * Trains to {@code config.epochs()}, from the start or from the folder's latest checkpoint.
     *
     * @return how it ended; a cancelled run has written a checkpoint to resume from
     * @throws IllegalArgumentException when the folder holds a run with another config
     */
    public TrainingResult train() {
        checkRunFolder(config, run);
        run.writeConfig(config);
        SynthesisData summary = SynthesisData.of(data, config.data().isEmpty() ? "open images" : config.data(),
                config.kind() == ModelKind.ACGAN);
        int batchSize = Math.min(config.batchSize(), data.size());
        int perEpoch = BatchOrder.batches(data.size(), batchSize, config.seed(), 0, true).length;
        long total = (long) perEpoch * config.epochs();
        Augmentation augmentation = Augmentation.parse(config.augmentation());
        LearningRateSchedule schedule = LearningRateSchedule.parse(config.schedule());
        try (NDManager manager = NDManager.newBaseManager(device)) {
            SynthesisGan model = GanModels.create(config, data.channels(), data.classes().size(), manager);
            Optional<Path> resumeFrom = run.latestCheckpoint(warnings);
            ResumePoint start = resumeFrom.map(file -> SynthesisBundles.restore(file, model, manager)).orElse(new ResumePoint(0, 0, 0));
            TrainingListener.Plan plan = new TrainingListener.Plan(config, run.root(), data.size(), perEpoch, total, start);
            listeners.forEach(l -> l.started(plan));
            Path lastCheckpoint = resumeFrom.orElse(null);
            Map<String, Double> last = model.currentLosses();
            long global = start.globalIteration();
            try (TrainingHistory history = TrainingHistory.open(run.history(), model.lossNames(), global)) {
                for (int epoch = start.epoch(); epoch < config.epochs(); epoch++) {
                    model.setLearningRateFactor(schedule.factor(epoch, config.epochs()));
                    int[][] batches = BatchOrder.batches(data.size(), batchSize, config.seed(), epoch, true);
                    Map<String, Double> sums = new LinkedHashMap<>();
                    int counted = 0;
                    for (int b = epoch == start.epoch() ? start.iteration() : 0; b < batches.length; b++) {
                        if (cancellation.isCancelled()) {
                            history.flush();
                            ResumePoint at = new ResumePoint(epoch, b, global);
                            lastCheckpoint = checkpoint(model, summary, at);
                            TrainingResult result = new TrainingResult(Optional.empty(), Optional.of(lastCheckpoint), epoch, global, true,
                                    last);
                            listeners.forEach(l -> l.finished(result));
                            return result;
                        }
                        TrainingStep step = new TrainingStep(config.seed(), epoch, b, global);
                        long t0 = System.nanoTime();
                        try (NDScope scope = new NDScope(); NDManager stepManager = manager.newSubManager()) {
                            scope.suppressNotUsedWarning();
                            ImageBatch batch = data.batch(stepManager, batches[b], augmentation, step.random("augment"));
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
                    Path samples = writeSamples(model, manager, epoch);
                    writeLossPlot();
                    int n = Math.max(counted, 1);
                    Map<String, Double> means = new LinkedHashMap<>();
                    sums.forEach((k, v) -> means.put(k, v / n));
                    TrainingListener.Epoch report = new TrainingListener.Epoch(epoch, config.epochs(), means, samples);
                    listeners.forEach(l -> l.epochDone(report));
                    boolean periodic = config.checkpointEvery() > 0 && (epoch + 1) % config.checkpointEvery() == 0;
                    if (periodic || epoch + 1 == config.epochs()) {
                        lastCheckpoint = checkpoint(model, summary, new ResumePoint(epoch + 1, 0, global));
                    }
                }
            }
            SynthesisBundles.writeModel(run.model(), model, config, summary, config.epochs());
            TrainingResult result = new TrainingResult(Optional.of(run.model()), Optional.ofNullable(lastCheckpoint), config.epochs(),
                    global, false, last);
            listeners.forEach(l -> l.finished(result));
            return result;
        }
    }

    private Path checkpoint(SynthesisGan model, SynthesisData summary, ResumePoint at) {
        Path file = run.checkpoint(at);
        SynthesisBundles.writeCheckpoint(file, model, config, summary, at);
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

    /** The same noise every epoch, so the grids show the generator changing, not the noise. */
    private Path writeSamples(SynthesisGan model, NDManager manager, int epoch) {
        Path file = run.samples(epoch);
        try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
            scope.suppressNotUsedWarning();
            int classes = model.classes();
            if (classes == 0) {
                NDList input = Latents.input(m, config.latentSize(), null, config.sampleCount(), fixedNoise());
                SampleGrid.write(file, model.generator().forward(input, false).get(0), GRID_COLUMNS);
            } else {
                List<NDArray> rows = new ArrayList<>();
                for (int k = 0; k < classes; k++) {
                    int[] labels = new int[GRID_COLUMNS];
                    Arrays.fill(labels, k);
                    NDList input = Latents.input(m, config.latentSize(), labels, GRID_COLUMNS, fixedNoise());
                    rows.add(model.generator().forward(input, false).get(0));
                }
                SampleGrid.write(file, rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private SplittableRandom fixedNoise() {
        return BatchOrder.random(config.seed(), -1, 0, "fixed-noise");
    }

    /**
     * Checks, without training, that the run folder is new or holds a run of this config (only
     * {@code epochs}, {@code checkpoint_every} and {@code device} may differ): a folder holds one
     * run, and resuming with another config would mix two runs' checkpoints and history.
     * {@link #train()} checks it too; callers use this to refuse a folder before loading data.
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
            if (key.equals("epochs") || key.equals("checkpoint_every") || key.equals("device")) {
                continue; // may change between sessions of one run
            }
            if (!mine.get(key).equals(theirs.get(key))) {
                throw new IllegalArgumentException(run.config() + ": this folder holds a run with " + key + " = " + theirs.get(key)
                        + ", not " + mine.get(key) + "; choose a new run folder or the same config to resume");
            }
        }
    }
}
