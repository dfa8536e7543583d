package io.github.fijigan.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.fijigan.core.data.AtomicFile;
import io.github.fijigan.core.data.LossPlot;
import io.github.fijigan.core.metrics.Metric;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.PrettyJson;

/**
 * The validation record of a run folder: {@code validation.csv} (header {@code
 * epoch,iteration,<metric>...}, one row per validated epoch, the epoch counted from 1 as the sample
 * grids are, the iteration as iterations done, each value the metric's mean over the validation
 * pairs as Java's {@link Double#toString} writes it, so it reads back exactly), {@code
 * validation.png} redrawn from it, and {@code best.json} for {@code best_model.zip}. A resumed run
 * keeps the rows up to its checkpoint and drops the later ones (the resumed run measures them
 * again), so the table always reads as one uninterrupted run; the best so far is taken from the
 * kept rows.
 */
final class ValidationLog {

    private final RunFolder run;
    private final List<Metric> metrics;
    private final Metric selected;
    private final List<String> rows = new ArrayList<>();
    private final List<Map<String, Double>> values = new ArrayList<>();
    private final List<Integer> epochs = new ArrayList<>();
    private BestModel best;

    private ValidationLog(RunFolder run, List<Metric> metrics, Metric selected) {
        this.run = run;
        this.metrics = List.copyOf(metrics);
        this.selected = selected;
    }

    /**
     * Opens the record for a run that starts (or resumes) after {@code epochsDone} epochs.
     *
     * @param metrics the columns; {@code selected} among them
     * @param warnings hears about a best model that no longer matches the kept rows (and is removed)
     * @throws UncheckedIOException naming the file when it cannot be read or written
     */
    static ValidationLog open(RunFolder run, List<Metric> metrics, Metric selected, int epochsDone, Consumer<String> warnings) {
        ValidationLog log = new ValidationLog(run, metrics, selected);
        Path table = run.validationTable();
        try {
            if (epochsDone > 0 && Files.exists(table)) {
                List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && lines.get(0).equals(log.header())) {
                    for (String line : lines.subList(1, lines.size())) {
                        log.keep(line, epochsDone);
                    }
                }
            }
            log.write();
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException(table + ": cannot continue the validation table: " + e.getMessage(), e));
        }
        log.recoverBest(warnings);
        return log;
    }

    private void keep(String line, int epochsDone) {
        String[] cells = line.split(",", -1);
        if (cells.length != metrics.size() + 2 || Integer.parseInt(cells[0]) > epochsDone) {
            return;
        }
        Map<String, Double> row = new LinkedHashMap<>();
        for (int m = 0; m < metrics.size(); m++) {
            row.put(metrics.get(m).name(), Double.parseDouble(cells[m + 2]));
        }
        int epoch = Integer.parseInt(cells[0]);
        long iteration = Long.parseLong(cells[1]);
        rows.add(line);
        values.add(row);
        epochs.add(epoch);
        if (improves(row.get(selected.name()))) {
            best = new BestModel(selected.name(), selected.higherIsBetter(), epoch, iteration, row.get(selected.name()), row,
                    Optional.empty());
        }
    }

    /**
     * The kept rows decide the best so far; its model is {@code best_model.zip} when that bundle
     * records the same epoch, and {@code best.json} is rewritten to match. A best model from an epoch
     * after the resume point (a run stopped between a validation and its next checkpoint) is removed
     * with {@code best.json}: the resumed run measures that epoch again and selects anew.
     */
    private void recoverBest(Consumer<String> warnings) {
        OptionalInt stored = modelEpoch(run.bestModel());
        if (best != null && stored.isPresent() && stored.getAsInt() == best.epoch()) {
            bestWritten(best);
            return;
        }
        if (stored.isPresent() || Files.exists(run.bestModel())) {
            warnings.accept(run.bestModel() + " holds epoch " + (stored.isPresent() ? stored.getAsInt() : "?") + ", not the best of the "
                    + "validation rows kept up to the resume point (" + (best == null ? "none" : "epoch " + best.epoch())
                    + "); removing it and best.json: the resumed run selects again");
        }
        try {
            Files.deleteIfExists(run.bestModel());
            Files.deleteIfExists(run.best());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the epochs a bundle says it was trained for; empty when it is missing or unreadable */
    private static OptionalInt modelEpoch(Path zip) {
        if (!Files.isRegularFile(zip)) {
            return OptionalInt.empty();
        }
        try {
            return ModelBundles.readManifest(zip).training().epochs();
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Appends a validated epoch and redraws the plot.
     *
     * @param epoch epochs done, from 1
     * @param iteration iterations done
     * @param means each metric's mean, by name
     * @return the new best when the selected metric improved on every earlier row (strictly, so a tie
     *     keeps the earlier epoch; NaN never improves), else empty; its model is still to be written
     *     ({@link #bestWritten})
     */
    Optional<BestModel> add(int epoch, long iteration, Map<String, Double> means) {
        StringBuilder row = new StringBuilder().append(epoch).append(',').append(iteration);
        Map<String, Double> kept = new LinkedHashMap<>();
        for (Metric m : metrics) {
            double v = means.get(m.name());
            row.append(',').append(Double.toString(v));
            kept.put(m.name(), v);
        }
        double value = kept.get(selected.name());
        boolean improved = improves(value);
        if (improved) {
            best = new BestModel(selected.name(), selected.higherIsBetter(), epoch, iteration, value, kept, Optional.empty());
        }
        rows.add(row.toString());
        values.add(kept);
        epochs.add(epoch);
        try {
            write();
            plot();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return improved ? Optional.of(best) : Optional.empty();
    }

    /** Records that {@code best_model.zip} now holds {@code newBest}'s epoch: writes {@code best.json} atomically. */
    BestModel bestWritten(BestModel newBest) {
        best = newBest.withModel(Optional.of(run.bestModel()));
        JsonObject json = new JsonObject();
        json.addProperty("metric", best.metric());
        json.addProperty("higher_is_better", best.higherIsBetter());
        json.addProperty("epoch", best.epoch());
        json.addProperty("iteration", best.iteration());
        json.add("value", number(best.value()));
        JsonObject all = new JsonObject();
        best.metrics().keySet().stream().sorted().forEach(k -> all.add(k, number(best.metrics().get(k))));
        json.add("metrics", all);
        json.addProperty("model", run.bestModel().getFileName().toString());
        try {
            AtomicFile.writeString(run.best(), PrettyJson.format(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return best;
    }

    /** @return the best validated epoch so far; its model is empty until {@link #bestWritten} (or found on resuming) */
    Optional<BestModel> best() {
        return Optional.ofNullable(best);
    }

    private boolean improves(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (best == null) {
            return true;
        }
        return selected.higherIsBetter() ? value > best.value() : value < best.value();
    }

    /** JSON has no infinity: a PSNR of identical images is written as the string {@code "Infinity"}. */
    private static JsonElement number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : new JsonPrimitive(Double.toString(v));
    }

    private String header() {
        StringBuilder h = new StringBuilder("epoch,iteration");
        metrics.forEach(m -> h.append(',').append(m.name()));
        return h.toString();
    }

    private void write() throws IOException {
        StringBuilder text = new StringBuilder(header()).append('\n');
        rows.forEach(r -> text.append(r).append('\n'));
        AtomicFile.writeString(run.validationTable(), text.toString());
    }

    private void plot() throws IOException {
        double[] x = epochs.stream().mapToDouble(Integer::doubleValue).toArray();
        List<LossPlot.Series> panels = new ArrayList<>();
        for (Metric m : metrics) {
            double[] y = values.stream().mapToDouble(v -> v.get(m.name())).toArray();
            String name = m.name() + (m == selected ? (m.higherIsBetter() ? " (selects, higher is better)" : " (selects, lower is better)")
                    : "");
            panels.add(new LossPlot.Series(name, x, y));
        }
        LossPlot.writePanels(run.validationPlot(), panels, "epoch");
    }
}
