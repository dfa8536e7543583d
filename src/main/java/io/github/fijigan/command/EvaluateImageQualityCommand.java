package io.github.fijigan.command;

import java.io.File;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import io.github.fijigan.core.metrics.EvaluationTable;
import io.github.fijigan.core.metrics.ImageQualityJob;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.ImagePlusBridge;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Measures how faithful translated, denoised or normalised images are to their references: every
 * image of the test folder against the reference of the same name, or two open images, with the
 * chosen full-reference metrics (PSNR, MSE, MAE, SSIM, MS-SSIM, GMSD, MS-GMSD, MDSI, HaarPSI) in
 * the images' own units. Writes {@code metrics.csv} and {@code metrics_summary.csv} (mean ± sd) to
 * the output folder (optional for two open images); with a display, also shows both as ImageJ
 * tables.
 *
 * <pre>
 * run("Image Quality...", "reference_folder=[/data/testB] test_folder=[/results] output_folder=[/eval] metrics=[psnr, ssim] data_range=255");
 * run("Image Quality...", "reference_image=full_dose.tif test_image=denoised.tif metrics=[psnr, ssim] data_range=2000");
 * fiji --headless --run "Plugins>GAN>Evaluate>Image Quality..." "reference_folder='/data/ct',test_folder='/denoised',output_folder='/eval',data_range=2000"
 * </pre>
 *
 * <p>Folders, when given, win over the images: Fiji fills the image parameters with open images
 * whether or not they are meant.
 */
@Plugin(type = Command.class, menuPath = "Plugins>GAN>Evaluate>Image Quality...", headless = true)
public class EvaluateImageQualityCommand extends JobCommand {

    @Parameter(label = "Reference image (used when no folders are given)", required = false, persist = false)
    private ImagePlus reference_image;

    @Parameter(label = "Image to evaluate (used when no folders are given)", required = false, persist = false)
    private ImagePlus test_image;

    @Parameter(label = "Reference images (folder; empty: the two images above)", style = FileWidget.DIRECTORY_STYLE, required = false)
    private File reference_folder;

    @Parameter(label = "Images to evaluate (folder, same names)", style = FileWidget.DIRECTORY_STYLE, required = false)
    private File test_folder;

    @Parameter(label = "Output folder (CSV tables; optional for two images)", style = FileWidget.DIRECTORY_STYLE, required = false)
    private File output_folder;

    @Parameter(label = "Metrics (comma separated)")
    private String metrics = ImageQualityJob.DEFAULT_METRICS;

    @Parameter(label = "Data range (255 for 8-bit; e.g. 2000 for CT in HU)", min = "0.000001", max = "1e12")
    private double data_range = 255;

    @Override
    public void run() {
        ImageQualityJob job;
        if (path(reference_folder) != null || path(test_folder) != null) {
            job = ImageQualityJob.create(path(reference_folder), path(test_folder), path(output_folder));
        } else if (reference_image != null && test_image != null) {
            job = ImageQualityJob.forImages(ImagePlusBridge.toCalibratedImage(reference_image, w -> log.warn(w)),
                    ImagePlusBridge.toCalibratedImage(test_image, w -> log.warn(w)), path(output_folder));
        } else {
            fail(ImageQualityJob.REFERENCE_FOLDER + ": give a reference folder and a test folder, or a reference image and a test image");
            return;
        }
        ImageQualityJob.Result result = runJob(job.metrics(metrics).dataRange(data_range).reader(new ImageJReader(w -> log.warn(w))));
        if (result != null && hasDisplay()) {
            show(result.table());
        }
    }

    private static void show(EvaluationTable table) {
        ResultsTable rows = new ResultsTable();
        for (int r = 0; r < table.rows().size(); r++) {
            rows.incrementCounter();
            rows.addValue("name", table.rows().get(r).name());
            for (String metric : table.metrics()) {
                rows.addValue(metric, table.value(r, metric));
            }
        }
        rows.show("Image quality");
        ResultsTable summary = new ResultsTable();
        for (EvaluationTable.Summary s : table.summary()) {
            summary.incrementCounter();
            summary.addValue("metric", s.metric());
            summary.addValue("n", s.n());
            summary.addValue("mean", s.mean());
            summary.addValue("sd", s.sd());
            summary.addValue("min", s.min());
            summary.addValue("max", s.max());
        }
        summary.show("Image quality summary");
    }
}
