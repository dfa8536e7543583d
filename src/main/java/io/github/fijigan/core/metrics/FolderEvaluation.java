package io.github.fijigan.core.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Compares every image of a test folder with the reference image of the same name (see {@link
 * ImagePairs}) under a list of metrics, in the images' own (physical) units with one stated data
 * range.
 *
 * <p>Before reading any pixel it checks the data range and pairs the folders, so unmatched names
 * and empty folders are reported at once. Then each pair is read, checked (same size, same channel
 * count, finite values) and measured; the first bad pair stops the run with an
 * {@link IllegalArgumentException} that names both files. Only the current pair's pixels are held.
 *
 * <pre>{@code
 * EvaluationTable t = FolderEvaluation.evaluate(Path.of("data/testB"), Path.of("results"),
 *         new ImageJReader(), MetricRegistry.parse("psnr, ssim, ms_ssim, haarpsi"), 255);
 * t.writeCsv(Path.of("results/metrics.csv"));
 * t.writeSummaryCsv(Path.of("results/metrics_summary.csv"));
 * }</pre>
 */
public final class FolderEvaluation {

    private FolderEvaluation() {}

    /** {@link #evaluate(Path, Path, ImageReader, List, double, ProgressListener, CancellationToken)} without progress or cancel. */
    public static EvaluationTable evaluate(Path referenceFolder, Path testFolder, ImageReader reader, List<Metric> metrics, double dataRange)
            throws IOException {
        return evaluate(referenceFolder, testFolder, reader, metrics, dataRange, ProgressListener.NONE, new CancellationToken());
    }

    /**
     * @param referenceFolder the reference (ground truth) images
     * @param testFolder the images to judge, named as their references (any image extension)
     * @param reader reads image files
     * @param metrics the metrics, one column each
     * @param dataRange the width of the images' value range in their physical units (255 for 8-bit)
     * @param progress receives one step per pair
     * @param cancel checked before each pair
     * @return one row per pair, in natural order of the names
     * @throws io.github.fijigan.core.data.ImageReadException when a folder is missing or holds no
     *     image, names do not pair up (all unmatched names are listed), or a file cannot be read
     * @throws IllegalArgumentException when the data range is not positive and finite, no metric is
     *     given, or a pair cannot be compared (sizes, channels, NaN or infinite values, image too
     *     small for a metric); the message names both files
     * @throws io.github.fijigan.core.progress.CancelledException when cancelled
     */
    public static EvaluationTable evaluate(Path referenceFolder, Path testFolder, ImageReader reader, List<Metric> metrics,
            double dataRange, ProgressListener progress, CancellationToken cancel) throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancel, "cancel");
        if (metrics == null || metrics.isEmpty()) {
            throw new IllegalArgumentException("no metric chosen; known metrics: " + String.join(", ", MetricRegistry.names()));
        }
        if (!(dataRange > 0) || Double.isInfinite(dataRange)) {
            throw new IllegalArgumentException("the data range must be positive and finite (e.g. 255 for 8-bit images), got " + dataRange);
        }
        List<ImagePairs.Pair> pairs = ImagePairs.match(referenceFolder, testFolder);
        List<EvaluationTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            cancel.throwIfCancelled("evaluation");
            ImagePairs.Pair pair = pairs.get(i);
            progress.progress(i, pairs.size(), "Comparing " + pair.name());
            MetricImage reference = read(reader, pair.reference());
            MetricImage test = read(reader, pair.test());
            double[] values = compare(pair.reference().toString(), reference, pair.test().toString(), test, metrics, dataRange);
            rows.add(new EvaluationTable.Row(pair.name(), pair.reference().getFileName().toString(),
                    pair.test().getFileName().toString(), values));
        }
        progress.progress(pairs.size(), pairs.size(), "Compared " + pairs.size() + " image pair(s)");
        return new EvaluationTable(metrics.stream().map(Metric::name).toList(), rows);
    }

    private static MetricImage read(ImageReader reader, Path file) throws IOException {
        try {
            return MetricImage.of(reader.read(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot compare " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every metric of one pair, after checking that the two images can be compared.
     *
     * @param referenceName the reference's file or title, for messages
     * @param testName the test image's file or title, for messages
     * @return the values, in the order of {@code metrics}
     * @throws IllegalArgumentException naming both images when their sizes or channels differ, or a value is not finite
     */
    public static double[] compare(String referenceName, MetricImage reference, String testName, MetricImage test, List<Metric> metrics,
            double dataRange) {
        String cannot = "Cannot compare " + referenceName + " with " + testName + ": ";
        if (reference.width() != test.width() || reference.height() != test.height()) {
            throw new IllegalArgumentException(cannot + "the reference is " + reference.width() + "x" + reference.height()
                    + " pixels but the test image is " + test.width() + "x" + test.height());
        }
        if (reference.channels() != test.channels()) {
            throw new IllegalArgumentException(cannot + "the reference has " + reference.channels()
                    + " channel(s) but the test image has " + test.channels());
        }
        for (MetricImage image : List.of(reference, test)) {
            int bad = image.firstNonFinite();
            if (bad >= 0) {
                String name = image == reference ? referenceName : testName;
                throw new IllegalArgumentException(name + " has " + image.values()[bad] + " at " + image.position(bad)
                        + "; metrics need finite values");
            }
        }
        double[] values = new double[metrics.size()];
        for (int m = 0; m < values.length; m++) {
            try {
                values[m] = metrics.get(m).compute(reference, test, dataRange);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(cannot + e.getMessage(), e);
            }
        }
        return values;
    }
}
