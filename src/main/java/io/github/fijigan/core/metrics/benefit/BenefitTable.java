package io.github.fijigan.core.metrics.benefit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.github.fijigan.core.data.AtomicFile;
import io.github.fijigan.core.metrics.Csv;

/**
 * The outcome of an augmentation-benefit experiment: one run per arm and repeat, and the mean and
 * standard deviation of each metric over the repeats. Written as CSV (UTF-8, RFC 4180 quoting,
 * numbers as Java's {@link Double#toString}).
 *
 * <p>{@code benefit_runs.csv}: {@code arm,repeat,seed,n_train_<class>...,accuracy,macro_f1,recall_<class>...,f1_<class>...}
 * with one row per arm and repeat (repeats numbered from 1), classes in the experiment's order.
 * {@code benefit_summary.csv}: {@code arm,metric,mean,sd} with one row per arm and metric (the
 * metrics in the runs table's order); {@code sd} is the sample standard deviation over the repeats
 * (n - 1 in the denominator; NaN for one repeat).
 *
 * <pre>{@code
 * BenefitTable table = result.table();
 * double gain = table.summary(Arm.SYNTHETIC, "macro_f1").mean() - table.summary(Arm.REAL, "macro_f1").mean();
 * table.writeRunsCsv(Path.of("benefit_runs.csv"));
 * }</pre>
 */
public final class BenefitTable {

    /** The metrics of every experiment, before the per-class ones. */
    public static final List<String> OVERALL_METRICS = List.of("accuracy", "macro_f1");

    /**
     * One classifier trained on one arm's set and judged on the test set.
     *
     * @param arm which training set
     * @param repeat 1, 2, …
     * @param seed the repeat's seed (the split, the added images, the classifier's weights and batches)
     * @param trainCounts training images per class
     * @param metrics the test-set confusion and what follows from it
     */
    public record Run(Arm arm, int repeat, long seed, int[] trainCounts, ClassificationMetrics metrics) {

        public Run {
            Objects.requireNonNull(arm, "arm");
            Objects.requireNonNull(metrics, "metrics");
            trainCounts = trainCounts.clone();
        }

        @Override
        public int[] trainCounts() {
            return trainCounts.clone();
        }

        @Override
        public String toString() {
            return "Run[" + arm.label() + ", repeat " + repeat + ", seed " + seed + ", n_train " + Arrays.toString(trainCounts)
                    + ", " + metrics + "]";
        }
    }

    /**
     * One metric of one arm over the repeats.
     *
     * @param arm the arm
     * @param metric e.g. {@code accuracy}, {@code macro_f1}, {@code recall_square}
     * @param mean the mean over the repeats
     * @param sd the sample standard deviation over the repeats; NaN for one repeat
     */
    public record Summary(Arm arm, String metric, double mean, double sd) {
    }

    private final List<String> classes;
    private final List<Run> runs;

    /**
     * @param classes the class names, in label order
     * @param runs the runs, in the order done
     * @throws IllegalArgumentException when a run's class count differs from {@code classes}
     */
    public BenefitTable(List<String> classes, List<Run> runs) {
        this.classes = List.copyOf(classes);
        this.runs = List.copyOf(runs);
        for (Run r : this.runs) {
            if (r.trainCounts.length != this.classes.size() || r.metrics.classes() != this.classes.size()) {
                throw new IllegalArgumentException(r + " does not have the " + this.classes.size() + " classes " + this.classes);
            }
        }
    }

    /** @return the class names */
    public List<String> classes() {
        return classes;
    }

    /** @return every run, in the order done */
    public List<Run> runs() {
        return runs;
    }

    /** @return the arms that have runs, in {@link Arm} order */
    public List<Arm> arms() {
        return Arrays.stream(Arm.values()).filter(a -> runs.stream().anyMatch(r -> r.arm == a)).toList();
    }

    /** @return the metric names: accuracy, macro_f1, then recall_ and f1_ of each class */
    public List<String> metrics() {
        List<String> names = new ArrayList<>(OVERALL_METRICS);
        classes.forEach(c -> names.add("recall_" + c));
        classes.forEach(c -> names.add("f1_" + c));
        return names;
    }

    /**
     * @return a metric of a run
     * @throws IllegalArgumentException for a name not in {@link #metrics()}
     */
    public double value(Run run, String metric) {
        if (metric.equals("accuracy")) {
            return run.metrics.accuracy();
        }
        if (metric.equals("macro_f1")) {
            return run.metrics.macroF1();
        }
        for (int k = 0; k < classes.size(); k++) {
            if (metric.equals("recall_" + classes.get(k))) {
                return run.metrics.recall(k);
            }
            if (metric.equals("f1_" + classes.get(k))) {
                return run.metrics.f1(k);
            }
        }
        throw new IllegalArgumentException("no metric '" + metric + "'; the table has " + metrics());
    }

    /** @return one summary per arm and metric, arms in {@link Arm} order, metrics in {@link #metrics()} order */
    public List<Summary> summary() {
        List<Summary> out = new ArrayList<>();
        for (Arm arm : arms()) {
            for (String metric : metrics()) {
                out.add(summary(arm, metric));
            }
        }
        return out;
    }

    /** @return the mean and sd of a metric over an arm's repeats (NaN mean when the arm has no run) */
    public Summary summary(Arm arm, String metric) {
        double[] v = runs.stream().filter(r -> r.arm == arm).mapToDouble(r -> value(r, metric)).toArray();
        double mean = v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
        double ss = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
        return new Summary(arm, metric, mean, v.length < 2 ? Double.NaN : Math.sqrt(ss / (v.length - 1)));
    }

    /** @return the header of the runs CSV */
    public List<String> runColumns() {
        List<String> header = new ArrayList<>(List.of("arm", "repeat", "seed"));
        classes.forEach(c -> header.add("n_train_" + c));
        header.addAll(metrics());
        return header;
    }

    /** @return the runs CSV text */
    public String runsCsv() {
        StringBuilder sb = new StringBuilder(Csv.line(runColumns()));
        for (Run r : runs) {
            List<String> fields = new ArrayList<>(List.of(r.arm.label(), Integer.toString(r.repeat), Long.toString(r.seed)));
            for (int n : r.trainCounts) {
                fields.add(Integer.toString(n));
            }
            for (String metric : metrics()) {
                fields.add(Double.toString(value(r, metric)));
            }
            sb.append(Csv.line(fields));
        }
        return sb.toString();
    }

    /** @return the summary CSV text */
    public String summaryCsv() {
        StringBuilder sb = new StringBuilder(Csv.line(List.of("arm", "metric", "mean", "sd")));
        for (Summary s : summary()) {
            sb.append(Csv.line(List.of(s.arm().label(), s.metric(), Double.toString(s.mean()), Double.toString(s.sd()))));
        }
        return sb.toString();
    }

    /** Writes the runs CSV atomically. */
    public void writeRunsCsv(Path file) throws IOException {
        AtomicFile.writeString(file, runsCsv());
    }

    /** Writes the summary CSV atomically. */
    public void writeSummaryCsv(Path file) throws IOException {
        AtomicFile.writeString(file, summaryCsv());
    }
}
