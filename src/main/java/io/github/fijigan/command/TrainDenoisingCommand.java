package io.github.fijigan.command;

import java.io.File;

import com.google.gson.JsonObject;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Trains a denoising GAN (low-dose CT, MRI): a residual generator that predicts the noise, a critic,
 * adversarial (WGAN-GP or LSGAN) plus pixel loss, on real pairs ({@code data/noisy} and
 * {@code data/clean} matched by name) or on clean images only with simulated noise in the images'
 * units (Gaussian or Poisson in HU for CT, Rician for MRI magnitude). Neighbouring slices of a stack
 * can be fed as channels (2.5D). The run folder gets the config, loss history and plot, sample
 * grids (noisy | denoised | clean), checkpoints and {@code model.zip} for <i>Denoise</i>. With
 * held-out clean images (and their real noisy partners, or else the chosen noise added with a fixed
 * seed) it measures the denoiser on them every few epochs, as <i>Denoise</i> would apply it, and
 * keeps the best epoch's model as {@code best_model.zip}.
 *
 * <p>A config file, when given, sets every training setting (keys as in docs/model-format.md) and
 * the dialog's settings are not used; the data and validation folders (when given) and the device
 * still apply.
 *
 * <pre>
 * run("Denoising...", "data=[/data/ct-full-dose] run_folder=[/runs/ldct] noise=poisson dose=0.25 epochs=50 ...");
 * fiji --headless --run "Plugins>GAN>Train>Denoising..." "data='/data/ct',run_folder='/runs/ldct',noise='poisson',dose=0.25"
 * </pre>
 */
@Plugin(type = Command.class, menuPath = TrainDenoisingCommand.MENU_PATH, headless = true)
public class TrainDenoisingCommand extends TrainCommand {

    /** Where the command sits in the menu. */
    public static final String MENU_PATH = "Plugins>GAN>Train>Denoising...";

    @Parameter(label = "Training images (noisy/ + clean/ pairs, or clean images only)", style = FileWidget.DIRECTORY_STYLE,
            required = false)
    private File data;

    @Parameter(label = "Run folder", style = FileWidget.DIRECTORY_STYLE)
    private File run_folder;

    @Parameter(label = "Noise (none: real pairs)", choices = {"none", "poisson", "gaussian", "rician"})
    private String noise = "poisson";

    @Parameter(label = "Dose fraction (Poisson)", min = "0.001", max = "1", stepSize = "0.05")
    private double dose = 0.25;

    @Parameter(label = "Incident photons at full dose (Poisson)", min = "1", max = "1e12")
    private double photons = 1e5;

    @Parameter(label = "Noise sigma in image units (Gaussian, Rician)", min = "0", max = "1e6")
    private double sigma = 20;

    @Parameter(label = "Slices as channels (1 = 2D; 3, 5 = 2.5D)", choices = {"1", "3", "5"})
    private String slices = "1";

    @Parameter(label = "Patch size (pixels)", min = "24", max = "4096")
    private int crop_size = 64;

    @Parameter(label = "Adversarial loss", choices = {"wgangp", "lsgan"})
    private String loss = "wgangp";

    @Parameter(label = "Pixel loss", choices = {"l1", "mse"})
    private String pixel_loss = "l1";

    @Parameter(label = "Epochs at the initial learning rate", min = "1", max = "100000")
    private int epochs = 50;

    @Parameter(label = "Epochs of linear decay to zero", min = "0", max = "100000")
    private int decay_epochs = 50;

    @Parameter(label = "Batch size", min = "1", max = "4096")
    private int batch_size = 16;

    @Parameter(label = "Generator width (filters per layer)", min = "1", max = "1024")
    private int network_width = 32;

    @Parameter(label = "Seed")
    private long seed = 0;

    // Not remembered: held-out folders of one dataset must not silently validate the next run.
    @Parameter(label = "Validation clean images (optional; held out)", style = FileWidget.DIRECTORY_STYLE, required = false,
            persist = false)
    private File validation_clean;

    @Parameter(label = "Validation noisy images (optional; paired by name; none: the noise above, fixed)",
            style = FileWidget.DIRECTORY_STYLE, required = false, persist = false)
    private File validation_noisy;

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
        json.addProperty("kind", "denoise");
        // The sigma before the noise: a config is checked key by key.
        json.addProperty("noise_sigma", sigma);
        json.addProperty("noise_dose", dose);
        json.addProperty("noise_i0", photons);
        json.addProperty("noise", noise);
        json.addProperty("slices", Integer.parseInt(slices));
        json.addProperty("crop_size", crop_size);
        json.addProperty("loss", loss);
        json.addProperty("pixel_loss", pixel_loss);
        json.addProperty("n_epochs", epochs);
        json.addProperty("n_epochs_decay", decay_epochs);
        json.addProperty("batch_size", batch_size);
        json.addProperty("ngf", network_width);
        json.addProperty("seed", seed);
        folder(json, "validation_clean", validation_clean);
        folder(json, "validation_noisy", validation_noisy);
        json.addProperty("validate_every", validate_every);
        json.addProperty("select_metric", select_metric);
        return json;
    }
}
