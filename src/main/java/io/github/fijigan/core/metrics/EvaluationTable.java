package io.github.fijigan.core.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.github.fijigan.core.data.AtomicFile;

/**
 * The result of comparing image pairs: one row per pair with a value per metric, and a summary
 * (mean ± sd per metric). Both are written as CSV (UTF-8, RFC 4180 quoting, numbers as Java's
 * {@link Double#toString}, which reads back exactly and which Python's {@code float} also reads:
 * {@code Infinity}, {@code NaN}).
 *
 * <p>Per-image CSV: {@code name,reference,test,<metric>...}. Summary CSV:
 * {@code metric,n,mean,sd,min,max,infinite}, where the statistics are over the finite values only,
 * {@code n} counts them, {@code infinite} counts the others (PSNR is +∞ for identical images) and
 * {@code sd} is the sample standard deviation (n - 1; NaN for fewer than 2 values). NaN values (the
 * metrics never give them; a table read from an edited CSV might hold them) are left out of both.
 *
 * <pre>{@code
 * EvaluationTable t = FolderEvaluation.evaluate(refs, outputs, reader, MetricRegistry.parse("psnr,ssim"), 255);
 * t.writeCsv(Path.of("metrics.csv"));
 * t.writeSummaryCsv(Path.of("metrics_summary.csv"));
 * EvaluationTable again = EvaluationTable.readCsv(Path.of("metrics.csv"));
 * }</pre>
 */
public final class EvaluationTable {

    /** The fixed first columns of the per-image CSV. */
    public static final List<String> KEY_COLUMNS = List.of("name", "reference", "test");

    /** The columns of the summary CSV. */
    public static final List<String> SUMMARY_COLUMNS = List.of("metric", "n", "mean", "sd", "min", "max", "infinite");

    /**
     * One compared pair.
     *
     * @param name the pair's name (file name without extension)
     * @param reference the reference file's name
     * @param test the test file's name
     * @param values one value per metric, in the order of {@link #metrics()}
     */
    public record Row(String name, String reference, String test, double[] values) {

        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(test, "test");
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && name.equals(r.name) && reference.equals(r.reference) && test.equals(r.test)
                    && Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, reference, test, Arrays.hashCode(values));
        }

        @Override
        public String toString() {
            return "Row[" + name + ", " + reference + ", " + test + ", " + Arrays.toString(values) + "]";
        }
    }

    /**
     * The statistics of one metric over the rows.
     *
     * @param metric the metric's name
     * @param n how many finite values
     * @param mean their mean (NaN when n is 0)
     * @param sd their sample standard deviation (NaN when n < 2)
     * @param min the smallest finite value (NaN when n is 0)
     * @param max the largest finite value (NaN when n is 0)
     * @param infinite how many values were infinite (left out of the statistics)
     */
    public record Summary(String metric, int n, double mean, double sd, double min, double max, int infinite) {
    }

    private final List<String> metrics;
    private final List<Row> rows;

    /**
     * @param metrics the metric names, one column each
     * @param rows the pairs, each with one value per metric
     * @throws IllegalArgumentException when a row's value count differs from the metric count, or a
     *     metric name is blank, repeated or one of the key columns
     */
    public EvaluationTable(List<String> metrics, List<Row> rows) {
        this.metrics = List.copyOf(metrics);
        this.rows = List.copyOf(rows);
        for (int i = 0; i < this.metrics.size(); i++) {
            String m = this.metrics.get(i);
            if (m.isBlank() || KEY_COLUMNS.contains(m) || this.metrics.indexOf(m) != i) {
                throw new IllegalArgumentException("metric column '" + m + "' is blank, repeated or a key column " + KEY_COLUMNS);
            }
        }
        for (Row r : this.rows) {
            if (r.values.length != this.metrics.size()) {
                throw new IllegalArgumentException("row " + r.name() + " has " + r.values.length + " values for "
                        + this.metrics.size() + " metrics " + this.metrics);
            }
        }
    }

    /** @return the metric names, in column order */
    public List<String> metrics() {
        return metrics;
    }

    /** @return the rows, in the order compared */
    public List<Row> rows() {
        return rows;
    }

    /**
     * @return the value of a metric in a row
     * @throws IllegalArgumentException when the table has no such metric
     */
    public double value(int row, String metric) {
        int c = metrics.indexOf(metric);
        if (c < 0) {
            throw new IllegalArgumentException("no metric '" + metric + "' in this table; it has " + metrics);
        }
        return rows.get(row).values[c];
    }

    /** @return one summary per metric, in column order */
    public List<Summary> summary() {
        List<Summary> out = new ArrayList<>();
        for (int c = 0; c < metrics.size(); c++) {
            int n = 0;
            int infinite = 0;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Row r : rows) {
                double v = r.values[c];
                if (Double.isFinite(v)) {
                    n++;
                    sum += v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                } else if (Double.isInfinite(v)) {
                    infinite++;
                }
            }
            double mean = n == 0 ? Double.NaN : sum / n;
            double ss = 0;
            for (Row r : rows) {
                double v = r.values[c];
                if (Double.isFinite(v)) {
                    ss += (v - mean) * (v - mean);
                }
            }
            double sd = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
            out.add(new Summary(metrics.get(c), n, mean, sd, n == 0 ? Double.NaN : min, n == 0 ? Double.NaN : max, infinite));
        }
        return out;
    }

    /** @return the per-image CSV text */
    public String toCsv() {
        List<String> header = new ArrayList<>(KEY_COLUMNS);
        header.addAll(metrics);
        StringBuilder sb = new StringBuilder(Csv.line(header));
        for (Row r : rows) {
            List<String> fields = new ArrayList<>(List.of(r.name(), r.reference(), r.test()));
            for (double v : r.values) {
                fields.add(Double.toString(v));
            }
            sb.append(Csv.line(fields));
        }
        return sb.toString();
    }

    /** @return the summary CSV text */
    public String summaryCsv() {
        StringBuilder sb = new StringBuilder(Csv.line(SUMMARY_COLUMNS));
        for (Summary s : summary()) {
            sb.append(Csv.line(List.of(s.metric(), Integer.toString(s.n()), Double.toString(s.mean()), Double.toString(s.sd()),
                    Double.toString(s.min()), Double.toString(s.max()), Integer.toString(s.infinite()))));
        }
        return sb.toString();
    }

    /** Writes the per-image CSV atomically (a reader never sees half a file). */
    public void writeCsv(Path file) throws IOException {
        AtomicFile.writeString(file, toCsv());
    }

    /** Writes the summary CSV atomically. */
    public void writeSummaryCsv(Path file) throws IOException {
        AtomicFile.writeString(file, summaryCsv());
    }

    /**
     * Reads a per-image CSV written by {@link #writeCsv}.
     *
     * @throws IOException when the file cannot be read, or is not such a CSV; the message names the
     *     file and the line
     */
    public static EvaluationTable readCsv(Path file) throws IOException {
        List<List<String>> records;
        try {
            records = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (records.isEmpty() || records.get(0).size() < KEY_COLUMNS.size()
                || !records.get(0).subList(0, KEY_COLUMNS.size()).equals(KEY_COLUMNS)) {
            throw new IOException(file + ": not a metrics table, its header must start with " + String.join(",", KEY_COLUMNS));
        }
        List<String> header = records.get(0);
        List<String> metrics = header.subList(KEY_COLUMNS.size(), header.size());
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> f = records.get(i);
            if (f.size() != header.size()) {
                throw new IOException(file + ", line " + (i + 1) + ": " + f.size() + " fields, the header has " + header.size());
            }
            double[] values = new double[metrics.size()];
            for (int c = 0; c < values.length; c++) {
                String text = f.get(KEY_COLUMNS.size() + c);
                try {
                    values[c] = parse(text);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ", line " + (i + 1) + ": " + metrics.get(c) + " is '" + text + "', not a number", e);
                }
            }
            rows.add(new Row(f.get(0), f.get(1), f.get(2), values));
        }
        try {
            return new EvaluationTable(metrics, rows);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Java's number forms, and NumPy's spellings of the special values (inf, -inf, nan) for files edited in Python. */
    private static double parse(String text) {
        String t = text.trim();
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(t);
        };
    }
}
