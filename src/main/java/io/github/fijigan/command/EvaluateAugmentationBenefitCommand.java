package io.github.fijigan.command;

import java.io.File;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import io.github.fijigan.core.metrics.benefit.AugmentationBenefitJob;
import io.github.fijigan.core.metrics.benefit.BenefitTable;
import io.github.fijigan.core.metrics.benefit.ClassicalAugmentation;
import io.github.fijigan.ij.ImageJReader;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Measures whether synthetic images help a classifier, as the chest X-ray and skin-lesion GAN
 * studies did: a small CNN is trained on the real images, on the real images plus classically
 * augmented copies (rotation, scaling, flips), and on the real images plus synthetic images
 * (balancing the classes, or all of them), and each is judged on held-out real images (a test
 * folder, or a stratified split of the real folder) by accuracy, per-class recall and F1 and
 * macro-F1, over several seeded repeats. Writes {@code benefit_runs.csv}, {@code benefit_summary.csv}
 * and {@code benefit.png} to the output folder; with a display, also shows the tables and the plot.
 *
 * <pre>
 * run("Augmentation Benefit...", "real_folder=[/data/train] test_folder=[/data/test] synthetic_folder=[/data/synthetic] synthetic_mode=balance output_folder=[/data/benefit] repeats=5 seed=1");
 * fiji --headless --run "Plugins>GAN>Evaluate>Augmentation Benefit..." "real_folder='/data/train',synthetic_folder='/data/synthetic',output_folder='/data/benefit',test_fraction=0.25"
 * </pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>GAN>Evaluate>Augmentation Benefit...", headless = true)
public class EvaluateAugmentationBenefitCommand extends JobCommand {

    @Parameter(label = "Real images (folder, one subfolder per class)", style = FileWidget.DIRECTORY_STYLE)
    private File real_folder;

    // Not remembered: a test folder left from another dataset would silently replace the split.
    @Parameter(label = "Real test images (folder; empty: split the real images)", style = FileWidget.DIRECTORY_STYLE, required = false,
            persist = false)
    private File test_folder;

    @Parameter(label = "Test fraction of each class (without a test folder)", min = "0.01", max = "0.99")
    private double test_fraction = 0.25;

    @Parameter(label = "Synthetic images (folder, one subfolder per class)", style = FileWidget.DIRECTORY_STYLE)
    private File synthetic_folder;

    @Parameter(label = "Synthetic images added", choices = {"balance", "all"})
    private String synthetic_mode = "balance";

    @Parameter(label = "Classical augmentation (rotate:DEG, scale:MIN-MAX, hflip, vflip)")
    private String augmentation = ClassicalAugmentation.DEFAULT_SPEC;

    @Parameter(label = "Output folder (CSV tables and plot)", style = FileWidget.DIRECTORY_STYLE)
    private File output_folder;

    @Parameter(label = "Image size (pixels)", min = "16", max = "1024")
    private int image_size = 64;

    @Parameter(label = "Classifier epochs", min = "1", max = "100000")
    private int epochs = 30;

    @Parameter(label = "Classifier width (first-layer filters)", min = "1", max = "512")
    private int width = 16;

    @Parameter(label = "Batch size", min = "1", max = "4096")
    private int batch_size = 16;

    @Parameter(label = "Learning rate", min = "0.0000001", max = "1")
    private double learning_rate = 1e-3;

    @Parameter(label = "Repeats (seeds seed, seed+1, ...)", min = "1", max = "1000")
    private int repeats = 3;

    @Parameter(label = "Seed")
    private long seed = 0;

    @Parameter(label = "Device", choices = {"auto", "cpu", "gpu"})
    private String device = "auto";

    @Parameter(type = ItemIO.OUTPUT, label = "Augmentation benefit", required = false)
    private ImagePlus plot;

    @Override
    public void run() {
        AugmentationBenefitJob job = AugmentationBenefitJob.create(path(real_folder), path(synthetic_folder), path(output_folder))
                .testFolder(path(test_folder)).testFraction(test_fraction).syntheticMode(synthetic_mode)
                .augmentation(augmentation).imageSize(image_size).epochs(epochs).width(width).batchSize(batch_size)
                .learningRate(learning_rate).repeats(repeats).seed(seed).device(device)
                .reader(new ImageJReader(w -> log.warn(w)));
        AugmentationBenefitJob.Result result = runJob(job);
        if (result == null) {
            return;
        }
        result.warnings().forEach(w -> log.warn(w));
        if (hasDisplay()) {
            show(result.table());
            plot = IJ.openImage(result.plot().toString());
        }
    }

    private static void show(BenefitTable table) {
        ResultsTable runs = new ResultsTable();
        for (BenefitTable.Run run : table.runs()) {
            runs.incrementCounter();
            runs.addValue("arm", run.arm().label());
            runs.addValue("repeat", run.repeat());
            runs.addValue("seed", Long.toString(run.seed()));
            for (int k = 0; k < table.classes().size(); k++) {
                runs.addValue("n_train_" + table.classes().get(k), run.trainCounts()[k]);
            }
            for (String metric : table.metrics()) {
                runs.addValue(metric, table.value(run, metric));
            }
        }
        runs.show("Augmentation benefit");
        ResultsTable summary = new ResultsTable();
        for (BenefitTable.Summary s : table.summary()) {
            summary.incrementCounter();
            summary.addValue("arm", s.arm().label());
            summary.addValue("metric", s.metric());
            summary.addValue("mean", s.mean());
            summary.addValue("sd", s.sd());
        }
        summary.show("Augmentation benefit summary");
    }
}
