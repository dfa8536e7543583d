package io.github.fijigan.core.metrics.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.fijigan.core.data.AtomicFile;
import io.github.fijigan.core.metrics.Csv;

/**
 * Writes the tables of a {@link SyntheticDataJob} as CSV (numbers in Java's shortest exact form,
 * NaN where a value is undefined) and its plain-text summary, each file atomically.
 */
final class SyntheticDataReport {

    /** Columns of {@code centroid_distances.csv}. */
    static final List<String> CENTROID_COLUMNS = List.of("class", "n_real", "n_synthetic", "centroid_distance", "frechet_distance",
            "real_median", "real_q1", "real_q3", "synthetic_median", "synthetic_q1", "synthetic_q3");
    /** Columns of {@code sample_distances.csv}. */
    static final List<String> SAMPLE_COLUMNS = List.of("class", "source", "file", "distance");
    /** Columns of {@code memorisation.csv}. */
    static final List<String> MEMORISATION_COLUMNS = List.of("rank", "class", "synthetic_file", "nearest_latent_class",
            "nearest_latent_file", "latent_distance", "nearest_pixel_class", "nearest_pixel_file", "pixel_rmse");

    private SyntheticDataReport() {}

    static void writeCentroids(Path file, List<ClassDistances> classes) throws IOException {
        StringBuilder sb = new StringBuilder(Csv.line(CENTROID_COLUMNS));
        for (ClassDistances c : classes) {
            Quartiles r = c.realSummary();
            Quartiles s = c.syntheticSummary();
            sb.append(Csv.line(List.of(c.name(), Integer.toString(c.realCount()), Integer.toString(c.syntheticCount()),
                    number(c.centroidDistance()), number(c.frechetDistance()), number(r.median()), number(r.q1()), number(r.q3()),
                    number(s.median()), number(s.q1()), number(s.q3()))));
        }
        AtomicFile.writeString(file, sb.toString());
    }

    /** @param realFiles, syntheticFiles the file names of each class's images, in the order of its distances */
    static void writeSamples(Path file, List<ClassDistances> classes, List<List<String>> realFiles, List<List<String>> syntheticFiles)
            throws IOException {
        StringBuilder sb = new StringBuilder(Csv.line(SAMPLE_COLUMNS));
        for (int c = 0; c < classes.size(); c++) {
            appendSamples(sb, classes.get(c).name(), "real", realFiles.get(c), classes.get(c).realDistances());
            appendSamples(sb, classes.get(c).name(), "synthetic", syntheticFiles.get(c), classes.get(c).syntheticDistances());
        }
        AtomicFile.writeString(file, sb.toString());
    }

    private static void appendSamples(StringBuilder sb, String name, String source, List<String> files, double[] distances) {
        for (int i = 0; i < distances.length; i++) {
            sb.append(Csv.line(List.of(name, source, files.get(i), number(distances[i]))));
        }
    }

    static void writeMemorisation(Path file, List<NearestReal> rows) throws IOException {
        StringBuilder sb = new StringBuilder(Csv.line(MEMORISATION_COLUMNS));
        for (NearestReal r : rows) {
            sb.append(Csv.line(List.of(Integer.toString(r.rank()), r.syntheticClass(), r.syntheticFile(), r.latentClass(),
                    r.latentFile(), number(r.latentDistance()), r.pixelClass(), r.pixelFile(), number(r.pixelRmse()))));
        }
        AtomicFile.writeString(file, sb.toString());
    }

    /** Writes what was compared, how, and the headline numbers, for a person reading the folder later. */
    static void writeSummary(Path file, SyntheticDataJob.Result result, List<String> settings) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Synthetic data metrics");
        lines.add("");
        lines.addAll(settings);
        lines.add(String.format(Locale.ROOT, "autoencoder reconstruction MSE on the real images (network units): %.6g",
                result.reconstructionError()));
        lines.add("");
        lines.add("Per class (latent space; distances are Euclidean):");
        for (ClassDistances c : result.classes()) {
            lines.add(String.format(Locale.ROOT, "  %s: %d real, %d synthetic; centroid distance %.6g; Frechet distance %.6g; "
                    + "distance to the real centroid, median real %.6g, synthetic %.6g", c.name(), c.realCount(), c.syntheticCount(),
                    c.centroidDistance(), c.frechetDistance(), c.realSummary().median(), c.syntheticSummary().median()));
        }
        lines.add("");
        lines.add("Memorisation check (nearest real training image of each synthetic image; pixel RMSE in the real images' units):");
        for (NearestReal r : result.memorisation().subList(0, Math.min(5, result.memorisation().size()))) {
            lines.add(String.format(Locale.ROOT, "  %d. %s/%s: pixels %s/%s (RMSE %.6g), latent %s/%s (distance %.6g)", r.rank(),
                    r.syntheticClass(), r.syntheticFile(), r.pixelClass(), r.pixelFile(), r.pixelRmse(), r.latentClass(),
                    r.latentFile(), r.latentDistance()));
        }
        lines.add("");
        lines.add("Files: centroid_distances.csv, sample_distances.csv, memorisation.csv, latent_distances.png, closest_pairs.png");
        AtomicFile.writeString(file, String.join("\n", lines) + "\n");
    }

    static String number(double v) {
        return Double.toString(v);
    }
}
