package io.github.fijigan.command;

import java.io.File;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import io.github.fijigan.core.metrics.synthetic.ClassDistances;
import io.github.fijigan.core.metrics.synthetic.NearestReal;
import io.github.fijigan.core.metrics.synthetic.Quartiles;
import io.github.fijigan.core.metrics.synthetic.SyntheticDataJob;
import io.github.fijigan.ij.ImageJReader;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Measures how synthetic images (e.g. from <i>Generate Samples</i>) sit against the real images a
 * GAN learned from, in the latent space of a small autoencoder trained on the real images: per
 * class the distance between the real and synthetic centroids, the Fréchet distance, each image's
 * distance to the real centroid (box plots), and a memorisation check that finds each synthetic
 * image's nearest real image in latent and pixel space. Writes {@code centroid_distances.csv},
 * {@code sample_distances.csv}, {@code memorisation.csv}, {@code latent_distances.png},
 * {@code closest_pairs.png} and {@code summary.txt} to the output folder; with a display, also
 * shows the tables as ImageJ tables and opens both plots.
 *
 * <pre>
 * run("Synthetic Data...", "real_folder=[/data/train] synthetic_folder=[/data/synthetic] output_folder=[/eval] image_size=256 latent_size=16");
 * fiji --headless --run "Plugins>GAN>Evaluate>Synthetic Data..." "real_folder='/data/train',synthetic_folder='/data/synthetic',output_folder='/eval'"
 * </pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>GAN>Evaluate>Synthetic Data...", headless = true)
public class EvaluateSyntheticDataCommand extends JobCommand {

    @Parameter(label = "Real images (folder; class subfolders or images)", style = FileWidget.DIRECTORY_STYLE)
    private File real_folder;

    @Parameter(label = "Synthetic images (folder; same layout)", style = FileWidget.DIRECTORY_STYLE)
    private File synthetic_folder;

    @Parameter(label = "Output folder (tables and plots)", style = FileWidget.DIRECTORY_STYLE)
    private File output_folder;

    @Parameter(label = "Image size (pixels)", min = "8", max = "4096")
    private int image_size = 256;

    @Parameter(label = "Latent size (image size / 2^k)", min = "1", max = "2048")
    private int latent_size = 16;

    @Parameter(label = "Latent channels", min = "1", max = "512")
    private int latent_channels = 8;

    @Parameter(label = "Autoencoder epochs", min = "1", max = "100000")
    private int epochs = 20;

    @Parameter(label = "Batch size", min = "1", max = "4096")
    private int batch_size = 16;

    @Parameter(label = "Learning rate", min = "0.0000001", max = "1")
    private double learning_rate = 1e-3;

    @Parameter(label = "Seed")
    private long seed = 0;

    @Parameter(label = "Closest pairs shown", min = "1", max = "1000")
    private int pairs = 8;

    @Parameter(label = "Device", choices = {"auto", "cpu", "gpu"})
    private String device = "auto";

    @Parameter(type = ItemIO.OUTPUT, label = "Latent distances", required = false)
    private ImagePlus box_plot;

    @Parameter(type = ItemIO.OUTPUT, label = "Closest pairs", required = false)
    private ImagePlus closest_pairs;

    @Override
    public void run() {
        SyntheticDataJob.Result result = runJob(SyntheticDataJob.create(path(real_folder), path(synthetic_folder), path(output_folder))
                .imageSize(image_size).latentSize(latent_size).latentChannels(latent_channels).epochs(epochs).batchSize(batch_size)
                .learningRate(learning_rate).seed(seed).pairs(pairs).device(device).reader(new ImageJReader(w -> log.warn(w))));
        if (result != null && hasDisplay()) {
            show(result);
            box_plot = open(result.folder().resolve(SyntheticDataJob.BOX_PLOT_PNG));
            closest_pairs = open(result.folder().resolve(SyntheticDataJob.PAIRS_PNG));
        }
    }

    private ImagePlus open(Path png) {
        ImagePlus image = IJ.openImage(png.toString());
        if (image == null) {
            log.warn("Cannot open " + png + " to show it");
        }
        return image;
    }

    private static void show(SyntheticDataJob.Result result) {
        ResultsTable classes = new ResultsTable();
        for (ClassDistances c : result.classes()) {
            Quartiles real = c.realSummary();
            Quartiles synthetic = c.syntheticSummary();
            classes.incrementCounter();
            classes.addValue("class", c.name());
            classes.addValue("n_real", c.realCount());
            classes.addValue("n_synthetic", c.syntheticCount());
            classes.addValue("centroid_distance", c.centroidDistance());
            classes.addValue("frechet_distance", c.frechetDistance());
            classes.addValue("real_median", real.median());
            classes.addValue("real_q1", real.q1());
            classes.addValue("real_q3", real.q3());
            classes.addValue("synthetic_median", synthetic.median());
            classes.addValue("synthetic_q1", synthetic.q1());
            classes.addValue("synthetic_q3", synthetic.q3());
        }
        classes.show("Synthetic data: centroid distances");
        ResultsTable copies = new ResultsTable();
        for (NearestReal r : result.memorisation()) {
            copies.incrementCounter();
            copies.addValue("rank", r.rank());
            copies.addValue("class", r.syntheticClass());
            copies.addValue("synthetic_file", r.syntheticFile());
            copies.addValue("nearest_latent_class", r.latentClass());
            copies.addValue("nearest_latent_file", r.latentFile());
            copies.addValue("latent_distance", r.latentDistance());
            copies.addValue("nearest_pixel_class", r.pixelClass());
            copies.addValue("nearest_pixel_file", r.pixelFile());
            copies.addValue("pixel_rmse", r.pixelRmse());
        }
        copies.show("Synthetic data: memorisation");
    }
}
