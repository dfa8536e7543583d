package io.github.fijigan.core.train;

import com.google.gson.JsonObject;
import io.github.fijigan.core.model.ModelKind;

/**
 * The default of every config key, by model kind: the papers' and the reference implementations'
 * settings, so that a config naming only {@code kind} and {@code data} trains as they did.
 */
final class ConfigDefaults {

    private ConfigDefaults() {}

    /**
     * Synthesis GANs after Radford et al. (DCGAN), Gulrajani et al. (WGAN-GP: critic without batch
     * norm, 5 critic steps, Adam β = (0, 0.9), lr 1e-4), Miyato et al. (SN-GAN, hinge) and Odena et
     * al. (AC-GAN).
     */
    static JsonObject synthesis(ModelKind kind) {
        JsonObject v = new JsonObject();
        boolean wgan = kind == ModelKind.WGANGP;
        v.addProperty("data", "");
        v.addProperty("class_subfolders", kind == ModelKind.ACGAN);
        v.addProperty("image_size", 64);
        v.addProperty("latent_size", 100);
        v.addProperty("ngf", 64);
        v.addProperty("ndf", 64);
        v.addProperty("generator_norm", "batch");
        v.addProperty("discriminator_norm", kind == ModelKind.DCGAN || kind == ModelKind.ACGAN ? "batch" : "none");
        v.addProperty("spectral_norm", kind == ModelKind.SNGAN);
        v.addProperty("minibatch_std", false);
        v.addProperty("upsample", "convtranspose");
        v.addProperty("loss", switch (kind) {
            case WGANGP -> "wgan";
            case SNGAN -> "hinge";
            default -> "vanilla";
        });
        v.addProperty("gp_lambda", 10.0);
        v.addProperty("n_critic", wgan ? 5 : 1);
        v.addProperty("aux_weight", 1.0);
        v.addProperty("lr_g", wgan ? 1e-4 : 2e-4);
        v.addProperty("lr_d", wgan ? 1e-4 : 2e-4);
        v.addProperty("beta1", wgan ? 0.0 : 0.5);
        v.addProperty("beta2", wgan ? 0.9 : 0.999);
        v.addProperty("schedule", "constant");
        v.addProperty("init", "normal");
        v.addProperty("epochs", 25);
        v.addProperty("batch_size", 64);
        v.addProperty("augmentation", "hflip");
        v.addProperty("normalization", "auto");
        common(v);
        v.addProperty("sample_count", 64);
        return v;
    }

    /**
     * pix2pix (Isola et al.: U-Net 256 with dropout, PatchGAN, batch norm, vanilla GAN + 100·L1,
     * aligned pairs) and CycleGAN (Zhu et al.: ResNet 9 blocks, PatchGAN, instance norm, lsgan, cycle
     * λ = 10, identity 0.5·λ, image pool of 50), both Adam lr 2e-4 β1 0.5, batch 1, constant for
     * {@code n_epochs} then linear decay to 0 over {@code n_epochs_decay}, load 286 and crop 256 with
     * random flips: the defaults of {@code junyanz/pytorch-CycleGAN-and-pix2pix}.
     */
    static JsonObject translation(ModelKind kind) {
        boolean pix2pix = kind == ModelKind.PIX2PIX;
        JsonObject v = new JsonObject();
        v.addProperty("data", "");
        v.addProperty("dataset_mode", pix2pix ? "aligned" : "unaligned");
        v.addProperty("direction", "AtoB");
        v.addProperty("preprocess", "resize_and_crop");
        v.addProperty("load_size", 286);
        v.addProperty("crop_size", 256);
        v.addProperty("no_flip", false);
        v.addProperty("generator", pix2pix ? "unet_256" : "resnet_9blocks");
        v.addProperty("discriminator", "basic");
        v.addProperty("n_layers_d", 3);
        v.addProperty("ngf", 64);
        v.addProperty("ndf", 64);
        v.addProperty("norm", pix2pix ? "batch" : "instance");
        v.addProperty("use_dropout", pix2pix);
        v.addProperty("upsample", "convtranspose");
        v.addProperty("loss", pix2pix ? "vanilla" : "lsgan");
        v.addProperty("gp_lambda", 10.0);
        if (pix2pix) {
            v.addProperty("lambda_l1", 100.0);
        } else {
            v.addProperty("lambda_a", 10.0);
            v.addProperty("lambda_b", 10.0);
            v.addProperty("lambda_identity", 0.5);
            v.addProperty("pool_size", 50);
        }
        v.addProperty("lr", 2e-4);
        v.addProperty("beta1", 0.5);
        v.addProperty("beta2", 0.999);
        v.addProperty("n_epochs", 100);
        v.addProperty("n_epochs_decay", 100);
        v.addProperty("init", "normal");
        v.addProperty("init_gain", 0.02);
        v.addProperty("batch_size", 1);
        v.addProperty("normalization_a", "auto");
        v.addProperty("normalization_b", "auto");
        validation(v, "validation_a", "validation_b");
        common(v);
        v.addProperty("sample_count", 4);
        return v;
    }

    /**
     * The denoiser after Wolterink et al. 2017 and Yang et al. 2018 (WGAN-VGG, here without the VGG
     * loss): a residual CNN of 8 convolutions of 32 filters without norm, a PatchGAN critic without
     * norm, WGAN-GP (λ = 10) plus 100·L1 to the clean image (pix2pix's weight, which keeps the pixel
     * loss the larger pull on 64-pixel patches), Adam lr 1e-4, β = (0.5, 0.9), He initialisation for
     * the ReLU stack; 64-pixel patches, 16 per image and epoch, batch 16, constant for {@code
     * n_epochs} then linear decay over {@code n_epochs_decay}. {@code noise} is {@code none}: real
     * pairs, until a simulator is chosen; its parameters default to a quarter-dose CT (I0 = 1e5
     * photons, water 0.0192/mm, 20 mm: about 20 HU of noise in water).
     */
    static JsonObject denoise() {
        JsonObject v = new JsonObject();
        v.addProperty("data", "");
        v.addProperty("noise", "none");
        v.addProperty("noise_sigma", 0.0);
        v.addProperty("noise_i0", 1e5);
        v.addProperty("noise_dose", 0.25);
        v.addProperty("noise_mu_water", 0.0192);
        v.addProperty("noise_path_length", 20.0);
        v.addProperty("slices", 1);
        v.addProperty("crop_size", 64);
        v.addProperty("patches_per_image", 16);
        v.addProperty("no_flip", false);
        v.addProperty("normalization", "auto");
        v.addProperty("generator", "dncnn");
        v.addProperty("ngf", 32);
        v.addProperty("generator_layers", 8);
        v.addProperty("generator_norm", "none");
        v.addProperty("discriminator", "basic");
        v.addProperty("n_layers_d", 3);
        v.addProperty("ndf", 64);
        v.addProperty("discriminator_norm", "none");
        v.addProperty("loss", "wgangp");
        v.addProperty("gp_lambda", 10.0);
        v.addProperty("pixel_loss", "l1");
        v.addProperty("lambda_pixel", 100.0);
        v.addProperty("lr", 1e-4);
        v.addProperty("beta1", 0.5);
        v.addProperty("beta2", 0.9);
        v.addProperty("n_epochs", 50);
        v.addProperty("n_epochs_decay", 50);
        v.addProperty("init", "kaiming");
        v.addProperty("init_gain", 0.02);
        v.addProperty("batch_size", 16);
        validation(v, "validation_noisy", "validation_clean");
        common(v);
        v.addProperty("sample_count", 4);
        return v;
    }

    /**
     * The colorizer of learned stain normalisation (Cho et al. 2017, "Neural stain-style transfer
     * learning using GAN for histopathological images"): pix2pix from the grey version of a tile of
     * the target institution's slides to the tile itself, with pix2pix's networks and losses (U-Net
     * 256 with dropout, PatchGAN, batch norm, vanilla GAN + 100·L1, Adam lr 2e-4 β1 0.5). Tiles are
     * random 256-pixel crops at the slides' own scale ({@code preprocess crop}, so the stain's texture
     * keeps its size), 16 per image and epoch, batch 1, constant for {@code n_epochs} then linear
     * decay over {@code n_epochs_decay}.
     */
    static JsonObject colorizer() {
        JsonObject v = new JsonObject();
        v.addProperty("data", "");
        v.addProperty("preprocess", "crop");
        v.addProperty("load_size", 286);
        v.addProperty("crop_size", 256);
        v.addProperty("patches_per_image", 16);
        v.addProperty("no_flip", false);
        v.addProperty("generator", "unet_256");
        v.addProperty("discriminator", "basic");
        v.addProperty("n_layers_d", 3);
        v.addProperty("ngf", 64);
        v.addProperty("ndf", 64);
        v.addProperty("norm", "batch");
        v.addProperty("use_dropout", true);
        v.addProperty("upsample", "convtranspose");
        v.addProperty("loss", "vanilla");
        v.addProperty("gp_lambda", 10.0);
        v.addProperty("lambda_l1", 100.0);
        v.addProperty("lr", 2e-4);
        v.addProperty("beta1", 0.5);
        v.addProperty("beta2", 0.999);
        v.addProperty("n_epochs", 100);
        v.addProperty("n_epochs_decay", 100);
        v.addProperty("init", "normal");
        v.addProperty("init_gain", 0.02);
        v.addProperty("batch_size", 1);
        validation(v, "validation");
        common(v);
        v.addProperty("sample_count", 4);
        return v;
    }

    /**
     * Checkpoint selection on held-out pairs ({@link ValidationKeys}): no folders, so no validation,
     * until they are named; then every epoch ({@code validate_every} 1), PSNR and SSIM measured,
     * the best SSIM kept, and the data range taken from the images ({@code data_range} 0).
     */
    private static void validation(JsonObject v, String... folderKeys) {
        for (String key : folderKeys) {
            v.addProperty(key, "");
        }
        v.addProperty("validate_every", 1);
        v.addProperty("validation_metrics", "psnr, ssim");
        v.addProperty("select_metric", "ssim");
        v.addProperty("data_range", 0.0);
    }

    private static void common(JsonObject v) {
        v.addProperty("seed", 0L);
        v.addProperty("checkpoint_every", 5);
        v.addProperty("device", "auto");
    }
}
