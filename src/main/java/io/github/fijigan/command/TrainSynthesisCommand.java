package io.github.fijigan.command;

import java.io.File;

import com.google.gson.JsonObject;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Trains a synthesis GAN on a folder of images: DCGAN, WGAN-GP, SN-GAN, or AC-GAN on class
 * subfolders. The run folder gets the config, the loss history and plot, a sample grid per epoch,
 * checkpoints and {@code model.zip}; running again on the same folder resumes. With a display, the
 * loss plot and the latest samples show in two windows, updated each epoch.
 *
 * <p>A config file, when given, sets every training setting (see docs/model-format.md for its keys)
 * and the dialog's kind, image size, epochs, batch size, width, learning rate and seed are not used;
 * the data folder (when given) and the device still apply.
 *
 * <pre>
 * run("Synthesis (DCGAN, WGAN-GP, SN-GAN, AC-GAN)...", "data=[/data/shapes] run_folder=[/runs/shapes] kind=DCGAN image_size=64 epochs=25 ...");
 * fiji --headless --run "Plugins>GAN>Train>Synthesis (DCGAN, WGAN-GP, SN-GAN, AC-GAN)..." "data='/data/shapes',run_folder='/runs/x',epochs=5"
 * </pre>
 */
@Plugin(type = Command.class, menuPath = TrainSynthesisCommand.MENU_PATH, headless = true)
public class TrainSynthesisCommand extends TrainCommand {

    /** Where the command sits in the menu. */
    public static final String MENU_PATH = "Plugins>GAN>Train>Synthesis (DCGAN, WGAN-GP, SN-GAN, AC-GAN)...";

    @Parameter(label = "Training images (folder; class subfolders for AC-GAN)", style = FileWidget.DIRECTORY_STYLE,
            required = false)
    private File data;

    @Parameter(label = "Run folder", style = FileWidget.DIRECTORY_STYLE)
    private File run_folder;

    @Parameter(label = "GAN", choices = {"DCGAN", "WGAN-GP", "SN-GAN", "AC-GAN"})
    private String kind = "DCGAN";

    @Parameter(label = "Image size", choices = {"32", "64", "128"})
    private String image_size = "64";

    @Parameter(label = "Epochs", min = "1", max = "100000")
    private int epochs = 25;

    @Parameter(label = "Batch size", min = "1", max = "4096")
    private int batch_size = 64;

    @Parameter(label = "Network width (ngf = ndf)", min = "1", max = "1024")
    private int network_width = 64;

    @Parameter(label = "Learning rate (0: the GAN's default)", min = "0", max = "1", stepSize = "0.0001",
            style = "format:0.######")
    private double lr = 0;

    @Parameter(label = "Seed")
    private long seed = 0;

    // Not remembered: a config file left over from an earlier run would silently replace the dialog.
    @Parameter(label = "Config file (optional; replaces the settings above)", style = FileWidget.OPEN_STYLE,
            required = false, persist = false)
    private File config;

    @Parameter(label = "Device", choices = {"auto", "cpu", "gpu"})
    private String device = "auto";

    @Parameter(type = ItemIO.OUTPUT, label = "Model")
    private File model;

    @Override
    public void run() {
        model = train(config, device, dialog(), run_folder, data);
    }

    /** @return the dialog's settings as config keys */
    JsonObject dialog() {
        JsonObject json = new JsonObject();
        json.addProperty("kind", kind);
        json.addProperty("image_size", Integer.parseInt(image_size));
        json.addProperty("epochs", epochs);
        json.addProperty("batch_size", batch_size);
        json.addProperty("ngf", network_width);
        json.addProperty("ndf", network_width);
        json.addProperty("seed", seed);
        if (lr > 0) {
            json.addProperty("lr_g", lr);
            json.addProperty("lr_d", lr);
        }
        return json;
    }
}
