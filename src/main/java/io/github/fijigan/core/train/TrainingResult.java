package io.github.fijigan.core.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param model the final model bundle; empty when the run was cancelled before its end
 * @param checkpoint the last checkpoint written, to resume from
 * @param epochsCompleted whole epochs done
 * @param iterations iterations done since the start of the run (resumed ones included)
 * @param cancelled whether the run stopped on request
 * @param lastLosses the losses of the last iteration
 * @param best the best validated epoch so far and {@code best_model.zip}; empty when the run
 *     validates nothing (no validation folders) or has not validated yet
 */
public record TrainingResult(Optional<Path> model, Optional<Path> checkpoint, int epochsCompleted, long iterations,
        boolean cancelled, Map<String, Double> lastLosses, Optional<BestModel> best) {

    public TrainingResult {
        lastLosses = Map.copyOf(lastLosses);
        Objects.requireNonNull(best, "best");
    }

    /** A result without validation. */
    public TrainingResult(Optional<Path> model, Optional<Path> checkpoint, int epochsCompleted, long iterations, boolean cancelled,
            Map<String, Double> lastLosses) {
        this(model, checkpoint, epochsCompleted, iterations, cancelled, lastLosses, Optional.empty());
    }
}
