package io.github.fijigan.command;

import java.io.File;

import com.google.gson.JsonObject;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Trains a stain colorizer (after Cho et al. 2017) on slides or tiles of the target institution:
 * a pix2pix generator learns to render the grey version (BT.601 luma) of a tile in the target's
 * colours, so that <i>Normalize Stain</i> with method {@code gan} renders any institution's slide
 * in that stain style. The run folder gets the config, loss history and plot, sample grids
 * (grey | colourised | original), checkpoints and {@code model.zip}.
 *
 * <p>A config file, when given, sets every training setting (keys as in docs/model-format.md) and
 * the dialog's settings are not used; the data folder (when given) and the device still apply.
 *
 * <pre>
 * run("Stain Colorizer...", "data=[/slides/target_institution] run_folder=[/runs/colorizer] crop_size=256 epochs=50 ...");
 * fiji --headless --run "Plugins>GAN>Train>Stain Colorizer..." "data='/slides/target',run_folder='/runs/colorizer'"
 * </pre>
 */
@Plugin(type = Command.class, menuPath = TrainColorizerCommand.MENU_PATH, headless = true)
public class TrainColorizerCommand extends TrainCommand {

    /** Where the command sits in the menu. */
    public static final String MENU_PATH = "Plugins>GAN>Train>Stain Colorizer...";

    @Parameter(label = "Target stain: RGB slides or tiles (folder)", style = FileWidget.DIRECTORY_STYLE, required = false)
    private File data;

    @Parameter(label = "Run folder", style = FileWidget.DIRECTORY_STYLE)
    private File run_folder;

    @Parameter(label = "Generator", choices = {"unet_256", "unet_128", "resnet_9blocks", "resnet_6blocks"})
    private String generator = "unet_256";

    @Parameter(label = "Crop size (pixels)", min = "16", max = "4096")
    private int crop_size = 256;

    @Parameter(label = "Random tiles per image and epoch", min = "1", max = "100000")
    private int patches_per_image = 16;

    @Parameter(label = "Epochs at the initial learning rate", min = "1", max = "100000")
    private int epochs = 100;

    @Parameter(label = "Epochs of linear decay to zero", min = "0", max = "100000")
    private int decay_epochs = 100;

    @Parameter(label = "Batch size", min = "1", max = "4096")
    private int batch_size = 1;

    @Parameter(label = "Network width (ngf = ndf)", min = "1", max = "1024")
    private int network_width = 64;

    @Parameter(label = "Seed")
    private long seed = 0;

    // Not remembered: held-out folders of one dataset must not silently validate the next run.
    @Parameter(label = "Validation slides (optional; held-out RGB images of the target stain)", style = FileWidget.DIRECTORY_STYLE,
            required = false, persist = false)
    private File validation;

    @Parameter(label = "Validate every (epochs; 0 = never)", min = "0", max = "100000")
    private int validate_every = 1;

    @Parameter(label = "Keep the best model by", choices = {"ssim", "psnr", "ms_ssim", "mae", "mse", "gmsd", "ms_gmsd", "mdsi",
        "haarpsi", "ssim_uniform"})
    private String select_metric = "ssim";

    // Not remembered: a config file left over from an earlier run would silently replace the dialog.
    @Parameter(label = "Config file (optional; replaces the settings above)", style = FileWidget.OPEN_STYLE,
            required = false, persist = false)
    private File config;

    @Parameter(label = "Device", choices = {"auto", "cpu", "gpu"})
    private String device = "auto";

    @Parameter(type = ItemIO.OUTPUT, label = "Model file")
    private File model_file;

    @Override
    public void run() {
        model_file = train(config, device, dialog(), run_folder, data);
    }

    /** @return the dialog's settings as config keys */
    JsonObject dialog() {
        JsonObject json = new JsonObject();
        json.addProperty("kind", "colorizer");
        json.addProperty("generator", generator);
        json.addProperty("crop_size", crop_size);
        json.addProperty("patches_per_image", patches_per_image);
        json.addProperty("n_epochs", epochs);
        json.addProperty("n_epochs_decay", decay_epochs);
        json.addProperty("batch_size", batch_size);
        json.addProperty("ngf", network_width);
        json.addProperty("ndf", network_width);
        json.addProperty("seed", seed);
        folder(json, "validation", validation);
        json.addProperty("validate_every", validate_every);
        json.addProperty("select_metric", select_metric);
        return json;
    }
}
