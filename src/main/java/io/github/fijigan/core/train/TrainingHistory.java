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
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
            AtomicFiles.writeString(file, String.join("\n", kept) + "\n");
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

    static String header(List<String> lossNames) {
        return "epoch,iteration,global_iteration," + String.join(",", lossNames) + ",seconds";
    }
}
