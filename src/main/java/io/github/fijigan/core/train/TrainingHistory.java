package io.github.fijigan.core.train;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.fijigan.core.data.AtomicFile;
import io.github.fijigan.core.data.LossPlot;

/**
 * {@code history.csv}: one row per iteration, {@code epoch,iteration,global_iteration,<losses>,seconds}
 * (epochs and iterations 0-based). Rows are appended as training goes and flushed at every epoch and
 * checkpoint; a resumed run first drops the rows after its checkpoint, so the file always reads as
 * one uninterrupted run.
 */
public final class TrainingHistory implements Closeable {

    private final List<String> lossNames;
    private final BufferedWriter out;

    private TrainingHistory(List<String> lossNames, BufferedWriter out) {
        this.lossNames = List.copyOf(lossNames);
        this.out = out;
    }

    /**
     * Opens the history for a run starting (or resuming) at {@code startIteration}.
     *
     * @throws UncheckedIOException naming the file when it cannot be read or written
     */
    public static TrainingHistory open(Path file, List<String> lossNames, long startIteration) {
        String header = header(lossNames);
        List<String> kept = new ArrayList<>();
        kept.add(header);
        try {
            if (startIteration > 0 && Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && lines.get(0).equals(header)) {
                    for (String line : lines.subList(1, lines.size())) {
                        String[] cells = line.split(",", 4);
                        if (cells.length >= 3 && Long.parseLong(cells[2]) < startIteration) {
                            kept.add(line);
                        }
                    }
                }
            }
            AtomicFile.writeString(file, String.join("\n", kept) + "\n");
            return new TrainingHistory(lossNames, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        } catch (IOException | NumberFormatException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot continue the history: " + e.getMessage(), e));
        }
    }

    /** Appends one iteration's row. */
    public void append(int epoch, int iteration, long globalIteration, Map<String, Double> losses, double seconds) {
        StringBuilder row = new StringBuilder().append(epoch).append(',').append(iteration).append(',').append(globalIteration);
        for (String name : lossNames) {
            Double value = losses.get(name);
            row.append(',').append(value == null || value.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", value));
        }
        row.append(',').append(String.format(Locale.ROOT, "%.4f", seconds)).append('\n');
        try {
            out.write(row.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every appended row durable. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a history back as one series per loss, over the global iteration: what {@code losses.png}
     * draws. Empty cells (a loss not computed at that iteration) are left out of their series.
     */
    public static List<LossPlot.Series> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return List.of();
        }
        String[] header = lines.get(0).split(",", -1);
        int losses = header.length - 4; // epoch, iteration, global_iteration, <losses>, seconds
        List<LossPlot.Series> series = new ArrayList<>();
        for (int k = 0; k < losses; k++) {
            double[] x = new double[lines.size() - 1];
            double[] y = new double[lines.size() - 1];
            int n = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells.length == header.length && !cells[3 + k].isEmpty()) {
                    x[n] = Double.parseDouble(cells[2]);
                    y[n++] = Double.parseDouble(cells[3 + k]);
                }
            }
            series.add(new LossPlot.Series(header[3 + k], Arrays.copyOf(x, n), Arrays.copyOf(y, n)));
        }
        return series;
    }

    static String header(List<String> lossNames) {
        return "epoch,iteration,global_iteration," + String.join(",", lossNames) + ",seconds";
    }
}
