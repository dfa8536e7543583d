package io.github.fijigan.command;

import java.io.File;

import com.google.gson.JsonObject;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Trains an image-to-image translation GAN: pix2pix on paired images ({@code data/A} and
 * {@code data/B} matched by name, e.g. MR → CT) or CycleGAN on unpaired ones ({@code data/trainA},
 * {@code data/trainB}, e.g. MRI T1 ↔ T2), with the reference implementation's settings. The run
 * folder gets the config, loss history and plot, sample grids (input | output | target), checkpoints
 * and {@code model.zip} for <i>Translate</i>; running again on the same folder resumes. With
 * validation folders (held-out A and B images paired by name) it measures the generator on them
 * every few epochs, as <i>Translate</i> would apply it, and keeps the best epoch's model as
 * {@code best_model.zip} ({@code validation.csv}, {@code validation.png}, {@code best.json}).
 *
 * <p>A config file, when given, sets every training setting (keys as in docs/model-format.md) and
 * the dialog's settings are not used; the data and validation folders (when given) and the device
 * still apply.
 *
 * <pre>
 * run("Translation (pix2pix, CycleGAN)...", "data=[/data/mr2ct] run_folder=[/runs/mr2ct] model=pix2pix epochs=100 decay_epochs=100 validation_a=[/data/mr2ct/valA] validation_b=[/data/mr2ct/valB] select_metric=ssim ...");
 * fiji --headless --run "Plugins>GAN>Train>Translation (pix2pix, CycleGAN)..." "data='/data/t1t2',run_folder='/runs/t1t2',model='CycleGAN'"
 * </pre>
 */
@Plugin(type = Command.class, menuPath = TrainTranslationCommand.MENU_PATH, headless = true)
public class TrainTranslationCommand extends TrainCommand {

    /** Where the command sits in the menu. */
    public static final String MENU_PATH = "Plugins>GAN>Train>Translation (pix2pix, CycleGAN)...";

    @Parameter(label = "Training images (A/B for pix2pix, trainA/trainB for CycleGAN)", style = FileWidget.DIRECTORY_STYLE,
            required = false)
    private File data;

    @Parameter(label = "Run folder", style = FileWidget.DIRECTORY_STYLE)
    private File run_folder;

    @Parameter(label = "Model", choices = {"pix2pix", "CycleGAN"})
    private String model = "pix2pix";

    @Parameter(label = "Generator", choices = {"unet_256", "unet_128", "resnet_9blocks", "resnet_6blocks"})
    private String generator = "unet_256";

    @Parameter(label = "Crop size (pixels)", min = "16", max = "4096")
    private int crop_size = 256;

    @Parameter(label = "Load size (pixels; resize before cropping)", min = "16", max = "8192")
    private int load_size = 286;

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
    @Parameter(label = "Validation images A (optional; held out, paired with B by name)", style = FileWidget.DIRECTORY_STYLE,
            required = false, persist = false)
    private File validation_a;

    @Parameter(label = "Validation images B (optional)", style = FileWidget.DIRECTORY_STYLE, required = false, persist = false)
    private File validation_b;

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
        json.addProperty("kind", model.toLowerCase(java.util.Locale.ROOT));
        json.addProperty("generator", generator);
        json.addProperty("crop_size", crop_size);
        json.addProperty("load_size", Math.max(load_size, crop_size));
        json.addProperty("n_epochs", epochs);
        json.addProperty("n_epochs_decay", decay_epochs);
        json.addProperty("batch_size", batch_size);
        json.addProperty("ngf", network_width);
        json.addProperty("ndf", network_width);
        json.addProperty("seed", seed);
        folder(json, "validation_a", validation_a);
        folder(json, "validation_b", validation_b);
        json.addProperty("validate_every", validate_every);
        json.addProperty("select_metric", select_metric);
        return json;
    }
}
