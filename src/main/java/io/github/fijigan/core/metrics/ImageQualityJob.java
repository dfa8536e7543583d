package io.github.fijigan.core.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import io.github.fijigan.core.data.ImageReadException;
import io.github.fijigan.core.data.ImageReader;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.job.Inputs;
import io.github.fijigan.core.job.Job;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.job.JobResult;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * Compares a folder of results (translated, denoised, normalised images) with a folder of
 * references, pair by pair matched by name, with chosen full-reference metrics, and writes
 * {@code metrics.csv} (one row per image) and {@code metrics_summary.csv} (mean ± sd, min, max per
 * metric) to an output folder. Or compares two images in memory (Fiji's open images), writing the
 * same tables when given a folder. The one code path behind <i>Evaluate › Image Quality</i>,
 * {@code fiji-gan evaluate quality} and {@code Ext.evaluateQuality}.
 *
 * <pre>{@code
 * ImageQualityJob.Result r = ImageQualityJob.create(Path.of("testB"), Path.of("translated"), Path.of("eval"))
 *         .metrics("psnr, ssim, ms_ssim, haarpsi").dataRange(255).reader(new ImageJReader())
 *         .run(ProgressListener.NONE, new CancellationToken());
 * EvaluationTable one = ImageQualityJob.forImages(groundTruth, denoised, null).metrics("psnr, ssim").dataRange(2000)
 *         .run(ProgressListener.NONE, new CancellationToken()).table();
 * }</pre>
 */
public final class ImageQualityJob implements Job<ImageQualityJob.Result> {

    /** Input keys in messages. */
    public static final String REFERENCE_FOLDER = "reference_folder";
    public static final String TEST_FOLDER = "test_folder";
    public static final String OUTPUT_FOLDER = "output_folder";
    public static final String METRICS = "metrics";
    public static final String DATA_RANGE = "data_range";
    public static final String REFERENCE_IMAGE = "reference_image";
    public static final String TEST_IMAGE = "test_image";

    /** The metrics used when none are named. */
    public static final String DEFAULT_METRICS = "psnr, ssim, ms_ssim, gmsd, haarpsi";

    /**
     * What an evaluation measured and wrote.
     *
     * @param table one row per pair
     * @param rows {@code metrics.csv}, or null when nothing was written (images in memory, no folder)
     * @param summaryTable {@code metrics_summary.csv}, or null likewise
     */
    public record Result(EvaluationTable table, Path rows, Path summaryTable) implements JobResult {

        @Override
        public String summary() {
            String means = table.summary().stream()
                    .map(s -> String.format(Locale.ROOT, "%s %.4f ± %.4f", s.metric(), s.mean(), s.sd()))
                    .collect(Collectors.joining(", "));
            String where = rows == null ? "" : "; tables " + rows.getParent();
            return String.format(Locale.ROOT, "evaluated %d pair%s: %s%s", table.rows().size(), table.rows().size() == 1 ? "" : "s",
                    means, where);
        }

        @Override
        public List<Path> outputs() {
            return rows == null ? List.of() : List.of(rows, summaryTable);
        }
    }

    private final Path referenceFolder;
    private final Path testFolder;
    private final CalibratedImage<?> referenceImage;
    private final CalibratedImage<?> testImage;
    private final Path outputFolder;
    private String metrics = DEFAULT_METRICS;
    private double dataRange = 255;
    private ImageReader reader;

    private ImageQualityJob(Path referenceFolder, Path testFolder, CalibratedImage<?> referenceImage, CalibratedImage<?> testImage,
            Path outputFolder) {
        this.referenceFolder = referenceFolder;
        this.testFolder = testFolder;
        this.referenceImage = referenceImage;
        this.testImage = testImage;
        this.outputFolder = outputFolder;
    }

    /**
     * @param referenceFolder the reference (ground truth) images
     * @param testFolder the images to judge, named as their references
     * @param outputFolder where the CSV tables go (created when missing)
     */
    public static ImageQualityJob create(Path referenceFolder, Path testFolder, Path outputFolder) {
        return new ImageQualityJob(referenceFolder, testFolder, null, null, outputFolder);
    }

    /**
     * @param reference the reference image (2D, gray or with channels), in memory
     * @param test the image to judge, of the same size and channels; the row is named after it
     * @param outputFolder where the CSV tables also go, or null to write nothing
     */
    public static ImageQualityJob forImages(CalibratedImage<?> reference, CalibratedImage<?> test, Path outputFolder) {
        return new ImageQualityJob(null, null, Objects.requireNonNull(reference, "reference"), Objects.requireNonNull(test, "test"),
                outputFolder);
    }

    /** @param names metric names, comma separated (see {@link MetricRegistry#names()}) */
    public ImageQualityJob metrics(String names) {
        this.metrics = Objects.requireNonNull(names, "names");
        return this;
    }

    /** @param range the width of the images' value range in their physical units: 255 for 8-bit, e.g. 2000 for CT in HU */
    public ImageQualityJob dataRange(double range) {
        this.dataRange = range;
        return this;
    }

    /** @param value reads the image files */
    public ImageQualityJob reader(ImageReader value) {
        this.reader = Objects.requireNonNull(value, "reader");
        return this;
    }

    @Override
    public String title() {
        return "Evaluating image quality";
    }

    @Override
    public Result run(ProgressListener progress, CancellationToken cancel) throws JobInputException, IOException {
        boolean inMemory = referenceImage != null;
        if (!inMemory && reader == null) {
            throw new IllegalStateException("an image quality job needs a reader for folders");
        }
        if (!inMemory) {
            Inputs.requireFolder(REFERENCE_FOLDER, referenceFolder);
            Inputs.requireFolder(TEST_FOLDER, testFolder);
        }
        if (!inMemory || outputFolder != null) {
            Inputs.writableFolder(OUTPUT_FOLDER, outputFolder);
        }
        List<Metric> chosen;
        try {
            chosen = MetricRegistry.parse(metrics);
        } catch (IllegalArgumentException e) {
            throw new JobInputException(METRICS, e.getMessage(), e);
        }
        if (!(dataRange > 0 && Double.isFinite(dataRange))) {
            throw new JobInputException(DATA_RANGE, "must be positive, got " + dataRange);
        }
        EvaluationTable table = inMemory ? comparePair(chosen) : compareFolders(chosen, progress, cancel);
        if (outputFolder == null) {
            return new Result(table, null, null);
        }
        Files.createDirectories(outputFolder);
        Path rows = outputFolder.resolve("metrics.csv");
        Path summary = outputFolder.resolve("metrics_summary.csv");
        table.writeCsv(rows);
        table.writeSummaryCsv(summary);
        return new Result(table, rows, summary);
    }

    private EvaluationTable compareFolders(List<Metric> chosen, ProgressListener progress, CancellationToken cancel)
            throws JobInputException, IOException {
        try {
            return FolderEvaluation.evaluate(referenceFolder, testFolder, reader, chosen, dataRange, progress, cancel);
        } catch (ImageReadException | IllegalArgumentException e) {
            throw new JobInputException(TEST_FOLDER, e.getMessage(), e);
        }
    }

    private EvaluationTable comparePair(List<Metric> chosen) throws JobInputException {
        MetricImage reference = image(REFERENCE_IMAGE, referenceImage);
        MetricImage test = image(TEST_IMAGE, testImage);
        try {
            double[] values = FolderEvaluation.compare(referenceImage.name(), reference, testImage.name(), test, chosen, dataRange);
            return new EvaluationTable(chosen.stream().map(Metric::name).toList(),
                    List.of(new EvaluationTable.Row(testImage.name(), referenceImage.name(), testImage.name(), values)));
        } catch (IllegalArgumentException e) {
            throw new JobInputException(TEST_IMAGE, e.getMessage(), e);
        }
    }

    private static MetricImage image(String key, CalibratedImage<?> image) throws JobInputException {
        try {
            return MetricImage.of(image);
        } catch (IllegalArgumentException e) {
            throw new JobInputException(key, e.getMessage(), e);
        }
    }
}
