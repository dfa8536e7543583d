package io.github.fijigan.core.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The epoch a run's validation found best, by the config's {@code select_metric}, and its model:
 * what {@code best.json} in the run folder records and {@code best_model.zip} holds.
 *
 * <pre>{@code
 * TrainingResult result = trainer.train();
 * result.best().ifPresent(b -> System.out.println(b.metric() + " " + b.value() + " at epoch " + b.epoch()));
 * try (TranslationModel m = TranslationModel.open(result.best().get().model().orElseThrow(), null, Device.cpu())) { ... }
 * }</pre>
 *
 * @param metric the selecting metric's name, e.g. {@code ssim}
 * @param higherIsBetter whether the metric improves upwards (SSIM, PSNR) or downwards (MSE, GMSD)
 * @param epoch epochs done when it was measured, counted from 1 (as {@code samples/epoch_NNN.png})
 * @param iteration iterations done when it was measured
 * @param value the selecting metric's mean over the validation pairs
 * @param metrics every validation metric's mean at that epoch, by name
 * @param model {@code best_model.zip}, the model of that epoch; empty only in a resumed run whose
 *     stored best model came from after its checkpoint, until the run has validated again
 */
public record BestModel(String metric, boolean higherIsBetter, int epoch, long iteration, double value, Map<String, Double> metrics,
        Optional<Path> model) {

    public BestModel {
        Objects.requireNonNull(metric, "metric");
        metrics = Map.copyOf(metrics);
        Objects.requireNonNull(model, "model");
    }

    /** @return this best with another model file (or none) */
    BestModel withModel(Optional<Path> file) {
        return new BestModel(metric, higherIsBetter, epoch, iteration, value, metrics, file);
    }
}
