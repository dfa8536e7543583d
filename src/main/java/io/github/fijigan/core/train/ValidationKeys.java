package io.github.fijigan.core.train;

import static io.github.fijigan.core.train.TrainConfig.require;

import java.util.ArrayList;
import java.util.List;

import io.github.fijigan.core.metrics.Metric;
import io.github.fijigan.core.metrics.MetricRegistry;

/**
 * Checks the checkpoint-selection keys of the image-to-image kinds, each failure naming the key:
 * the validation folders ({@code validation_a} and {@code validation_b} for pix2pix and CycleGAN,
 * {@code validation_noisy} and {@code validation_clean} for the denoiser, {@code validation} for the
 * colorizer), {@code validate_every}, {@code validation_metrics}, {@code select_metric} and {@code
 * data_range}; see {@link ConfigDefaults}.
 */
final class ValidationKeys {

    /** The folder keys, by kind family. */
    static final List<String> TRANSLATION = List.of("validation_a", "validation_b");
    static final List<String> DENOISE = List.of("validation_noisy", "validation_clean");
    static final List<String> COLORIZER = List.of("validation");

    private ValidationKeys() {}

    static void validate(TrainConfig c) {
        c.requireAtLeast("validate_every", 0);
        try {
            MetricRegistry.parse(c.validationMetrics());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("validation_metrics: " + e.getMessage(), e);
        }
        try {
            MetricRegistry.get(c.selectMetric());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("select_metric: " + e.getMessage(), e);
        }
        double range = c.dataRange();
        require(range >= 0 && Double.isFinite(range), "data_range", "must be 0 (from the images: 255 for 8-bit, else the"
                + " references' range) or the width of the images' value range, got " + range);
    }

    /**
     * Checks that the validation folders named make a set: both of pix2pix's and CycleGAN's, the
     * denoiser's clean references (with noisy partners unless noise is simulated). Checked when the
     * pairs are loaded rather than with the other keys, so a config can name them one by one.
     *
     * @return the key at fault and the problem, or null when the folders make a set
     */
    static String[] incomplete(TrainConfig c) {
        if (c.isTranslation() && c.validationA().isEmpty() != c.validationB().isEmpty()) {
            return new String[] {c.validationA().isEmpty() ? "validation_a" : "validation_b",
                "validation needs both folders, validation_a and validation_b, with images paired by file name"};
        }
        if (c.isDenoise() && !c.validationNoisy().isEmpty() && c.validationClean().isEmpty()) {
            return new String[] {"validation_clean", "validation_noisy is given; the clean references of its images are needed too"
                    + " (paired by file name)"};
        }
        if (c.isDenoise() && c.validationNoisy().isEmpty() && !c.validationClean().isEmpty() && c.noise().equals(DenoiseKeys.NONE)) {
            return new String[] {"validation_noisy", "with noise none (real pairs) the noisy partners of validation_clean's images are"
                    + " needed; or choose a noise simulator to add noise to them"};
        }
        return null;
    }

    /** @return the metrics validation measures: {@code validation_metrics}, then {@code select_metric} when it is not among them */
    static List<Metric> metrics(TrainConfig c) {
        List<Metric> metrics = new ArrayList<>(MetricRegistry.parse(c.validationMetrics()));
        Metric selected = MetricRegistry.get(c.selectMetric());
        if (!metrics.contains(selected)) {
            metrics.add(selected);
        }
        return List.copyOf(metrics);
    }
}
