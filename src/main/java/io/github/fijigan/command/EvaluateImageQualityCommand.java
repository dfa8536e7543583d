package io.github.fijigan.command;

import java.io.File;

import ij.measure.ResultsTable;
import io.github.fijigan.core.metrics.EvaluationTable;
import io.github.fijigan.core.metrics.ImageQualityJob;
import io.github.fijigan.ij.ImageJReader;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Measures how faithful translated, denoised or normalised images are to their references: every
 * image of the test folder against the reference of the same name, with the chosen full-reference
 * metrics (PSNR, MSE, MAE, SSIM, MS-SSIM, GMSD, MS-GMSD, MDSI, HaarPSI) in the images' own units.
 * Writes {@code metrics.csv} and {@code metrics_summary.csv} (mean ± sd) to the output folder; with
 * a display, also shows both as ImageJ tables.
 *
 * <pre>
 * run("Image Quality...", "reference_folder=[/data/testB] test_folder=[/results] output_folder=[/eval] metrics=[psnr, ssim] data_range=255");
 * fiji --headless --run "Plugins>GAN>Evaluate>Image Quality..." "reference_folder='/data/ct',test_folder='/denoised',output_folder='/eval',data_range=2000"
 * </pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>GAN>Evaluate>Image Quality...", headless = true)
public class EvaluateImageQualityCommand extends JobCommand {

    @Parameter(label = "Reference images (folder)", style = FileWidget.DIRECTORY_STYLE)
    private File reference_folder;

    @Parameter(label = "Images to evaluate (folder, same names)", style = FileWidget.DIRECTORY_STYLE)
    private File test_folder;

    @Parameter(label = "Output folder (CSV tables)", style = FileWidget.DIRECTORY_STYLE)
    private File output_folder;

    @Parameter(label = "Metrics (comma separated)")
    private String metrics = ImageQualityJob.DEFAULT_METRICS;

    @Parameter(label = "Data range (255 for 8-bit; e.g. 2000 for CT in HU)", min = "0.000001", max = "1e12")
    private double data_range = 255;

    @Override
    public void run() {
        ImageQualityJob.Result result = runJob(ImageQualityJob.create(path(reference_folder), path(test_folder), path(output_folder))
                .metrics(metrics).dataRange(data_range).reader(new ImageJReader(w -> log.warn(w))));
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
