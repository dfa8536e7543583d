package io.github.fijigan.core.train;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.github.fijigan.core.metrics.Metric;
import io.github.fijigan.core.metrics.MetricRegistry;

/**
 * The {@link GanTrainer}'s validation: which epochs validate, measuring the model on the pairs as
 * users will apply it, and keeping {@code best_model.zip} and the record ({@link ValidationLog}).
 */
final class EpochValidation {

    private final TrainConfig config;
    private final ValidationSet set;
    private final RunFolder run;
    private final List<Metric> metrics;
    private final ValidationLog log;

    private EpochValidation(TrainConfig config, ValidationSet set, RunFolder run, ValidationLog log) {
        this.config = config;
        this.set = set;
        this.run = run;
        this.metrics = ValidationKeys.metrics(config);
        this.log = log;
    }

    /** Opens the run's record for a run starting (or resuming) after {@code epochsDone} epochs. */
    static EpochValidation open(TrainConfig config, ValidationSet set, RunFolder run, int epochsDone, Consumer<String> warnings) {
        ValidationLog log = ValidationLog.open(run, ValidationKeys.metrics(config), MetricRegistry.get(config.selectMetric()), epochsDone,
                warnings);
        return new EpochValidation(config, set, run, log);
    }

    /**
     * Checks, before training, that the config and the pairs go together.
     *
     * @param set the trainer's pairs, or null
     * @throws IllegalStateException when the config names validation folders but no pairs were
     *     given, or pairs were given to a kind that has no reference images
     * @throws IllegalArgumentException naming the pair whose channels the model does not take or give
     */
    static void check(TrainConfig config, TrainingTask<?> task, ValidationSet set) {
        if (set == null) {
            if (config.validates()) {
                throw new IllegalStateException("the config names validation folders (" + String.join(", ", config.validationFolderKeys())
                        + ") but the trainer has no validation pairs; give them with validation(ValidationData.load(config, reader))");
            }
            return;
        }
        int[] channels;
        try {
            channels = task.validationChannels();
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("kind " + config.kind().id() + " generates from noise; it has no reference images to be"
                    + " validated against", e);
        }
        for (ValidationSet.Pair pair : set.pairs()) {
            int in = pair.input().channels(), ref = pair.reference().channels();
            if (in != channels[0] || ref != channels[1]) {
                throw new IllegalArgumentException("validation pair '" + pair.name() + "': the input has " + in + " and the reference "
                        + ref + " channel(s), but the model takes " + channels[0] + " and gives " + channels[1]);
            }
        }
    }

    /** @return whether the epoch that makes {@code epochsDone} epochs validates: every {@code validate_every}, and the last */
    boolean due(int epochsDone) {
        return epochsDone % config.validateEvery() == 0 || epochsDone == config.epochs();
    }

    /**
     * Measures the model as users will apply it, records the row, and writes {@code best_model.zip}
     * (then {@code best.json}) when the selected metric improved.
     */
    <M extends GanModel> TrainingListener.Validation measure(TrainingTask<M> task, M model, NDManager manager, int epochsDone,
            long iterationsDone) {
        Map<String, Double> means;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            means = set.measure(task.inference(model, manager), metrics);
        }
        Optional<BestModel> improved = log.add(epochsDone, iterationsDone, means);
        improved.ifPresent(best -> {
            task.writeModel(run.bestModel(), model, epochsDone);
            log.bestWritten(best);
        });
        return new TrainingListener.Validation(epochsDone, iterationsDone, means, improved.isPresent(), log.best());
    }

    /** @return the best validated epoch so far */
    Optional<BestModel> best() {
        return log.best();
    }
}
