package io.github.fijigan.core.train;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.nn.WeightInit;

/**
 * Everything a training run needs to know, with a default for every field that depends only on the
 * model kind (see {@code ConfigDefaults}: e.g. WGAN-GP's critic without batch norm and Adam β = (0,
 * 0.9); CycleGAN's lsgan, cycle λ = 10 and image pool of 50, as the papers and the reference
 * implementation). Stored as {@code config.json} in the run folder and in the model's provenance;
 * keys are snake_case and unknown keys are refused, so a typo is not silently ignored. Each kind has
 * its own keys: synthesis GANs ({@code dcgan}, {@code wgangp}, {@code sngan}, {@code acgan}) have
 * {@code image_size}, {@code latent_size}, …; translation models ({@code pix2pix}, {@code cyclegan})
 * have {@code dataset_mode}, {@code generator}, {@code lambda_l1} or {@code lambda_a}, …; the
 * denoiser ({@code denoise}) has {@code noise}, {@code slices}, {@code pixel_loss}, …; the
 * colorizer ({@code colorizer}) has pix2pix's network and loss keys with {@code preprocess}, {@code
 * patches_per_image}, …; the four image-to-image kinds also have the checkpoint-selection keys
 * ({@code validation_a}/{@code validation_b}, {@code validation_noisy}/{@code validation_clean} or
 * {@code validation}, {@code validate_every}, {@code validation_metrics}, {@code select_metric},
 * {@code data_range}; see {@code ValidationData}); asking a
 * config for a key its kind does not have is an {@link IllegalStateException}.
 *
 * <pre>{@code
 * TrainConfig config = TrainConfig.defaults(ModelKind.WGANGP).with("image_size", 64).with("epochs", 50);
 * TrainConfig cycle = TrainConfig.defaults(ModelKind.CYCLEGAN).with("data", "/data/t1t2").with("crop_size", 128);
 * TrainConfig ct = TrainConfig.defaults(ModelKind.DENOISE).with("data", "/data/ct").with("noise", "poisson");
 * TrainConfig same = TrainConfig.fromJson(config.toJson(), "config.json");
 * }</pre>
 */
public final class TrainConfig {

    private static final String KINDS = "dcgan, wgangp, sngan, acgan, pix2pix, cyclegan, denoise, colorizer";

    /** The kinds this config trains: the GANs that generate from noise, pix2pix and CycleGAN, the denoiser and the colorizer. */
    public static boolean supports(ModelKind kind) {
        return kind.generatesFromNoise() || isTranslation(kind) || kind == ModelKind.DENOISE || kind == ModelKind.COLORIZER;
    }

    private static boolean isTranslation(ModelKind kind) {
        return kind == ModelKind.PIX2PIX || kind == ModelKind.CYCLEGAN;
    }

    private final ModelKind kind;
    private final JsonObject values;

    private TrainConfig(ModelKind kind, JsonObject values) {
        this.kind = kind;
        this.values = values;
        if (isTranslation()) {
            validateTranslation();
        } else if (isDenoise()) {
            DenoiseKeys.validate(this);
        } else if (isColorizer()) {
            ColorizerKeys.validate(this);
        } else {
            validateSynthesis();
        }
    }

    /** @return the defaults for {@code kind} */
    public static TrainConfig defaults(ModelKind kind) {
        if (!supports(kind)) {
            throw new IllegalArgumentException("kind " + kind.id() + " is not trained by this config; use one of " + KINDS);
        }
        JsonObject values = isTranslation(kind) ? ConfigDefaults.translation(kind)
                : kind == ModelKind.DENOISE ? ConfigDefaults.denoise()
                : kind == ModelKind.COLORIZER ? ConfigDefaults.colorizer() : ConfigDefaults.synthesis(kind);
        return new TrainConfig(kind, values);
    }

    /**
     * Reads a config: {@code kind} is required, every other key is optional and overrides the kind's
     * default.
     *
     * @param where names the source in messages, e.g. the file name
     * @throws IllegalArgumentException "where: key: problem" on an unknown key, a wrong type or a bad value
     */
    public static TrainConfig fromJson(JsonObject json, String where) {
        JsonElement kindElement = json.get("kind");
        if (kindElement == null || !kindElement.isJsonPrimitive()) {
            throw new IllegalArgumentException(where + ": kind: required, one of " + KINDS);
        }
        String id = kindElement.getAsString().toLowerCase(Locale.ROOT).replace("-", "");
        ModelKind kind = ModelKind.fromId(id).filter(TrainConfig::supports).orElseThrow(() -> new IllegalArgumentException(
                where + ": kind: '" + kindElement.getAsString() + "' is not one of " + KINDS));
        TrainConfig config = defaults(kind);
        JsonObject merged = config.values.deepCopy();
        for (Map.Entry<String, JsonElement> e : json.entrySet()) {
            if (e.getKey().equals("kind")) {
                continue;
            }
            JsonElement old = merged.get(e.getKey());
            if (old == null) {
                throw new IllegalArgumentException(where + ": " + e.getKey() + ": unknown key; known keys are kind, "
                        + String.join(", ", merged.keySet()));
            }
            merged.add(e.getKey(), coerce(e.getValue(), old, where + ": " + e.getKey()));
        }
        try {
            return new TrainConfig(kind, merged);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** @return this config with one key changed, checked like {@link #fromJson} */
    public TrainConfig with(String key, Object value) {
        JsonObject json = toJson();
        JsonElement element;
        if (value instanceof Number n) {
            element = new JsonPrimitive(n);
        } else if (value instanceof Boolean b) {
            element = new JsonPrimitive(b);
        } else {
            element = new JsonPrimitive(String.valueOf(value));
        }
        json.add(key, element);
        return fromJson(json, "config");
    }

    /**
     * The same config trained to {@code total} epochs in all: {@code epochs} for the synthesis kinds;
     * for translation, denoising and colorizing, {@code n_epochs_decay} is kept (shortened to
     * {@code total} if longer) and {@code n_epochs} takes the rest, so the learning rate still
     * reaches 0 at the last epoch.
     *
     * @param total the number of epochs, 1 or more
     * @throws IllegalArgumentException if {@code total} is below 1
     */
    public TrainConfig withEpochs(int total) {
        if (total < 1) {
            throw new IllegalArgumentException("epochs: must be 1 or more, got " + total);
        }
        if (!imageToImage()) {
            return with("epochs", total);
        }
        int decay = Math.min(integer("n_epochs_decay"), total);
        return with("n_epochs_decay", decay).with("n_epochs", total - decay);
    }

    /** @return the config as JSON: {@code kind} first, then every key in a fixed order */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("kind", kind.id());
        values.entrySet().forEach(e -> json.add(e.getKey(), e.getValue().deepCopy()));
        return json;
    }

    public ModelKind kind() {
        return kind;
    }

    /** @return whether this is a pix2pix or CycleGAN config (image to image), not a synthesis one */
    public boolean isTranslation() {
        return isTranslation(kind);
    }

    /** @return whether this is a denoiser config (noisy to clean images, {@code denoise}) */
    public boolean isDenoise() {
        return kind == ModelKind.DENOISE;
    }

    /**
     * @return whether this is a colorizer config (grey to colour images of one stain style, {@code
     *     colorizer}): pix2pix on (grey version, image) pairs of one folder
     */
    public boolean isColorizer() {
        return kind == ModelKind.COLORIZER;
    }

    /** Translation, denoising and colorizing share the image-to-image keys: crop_size, lr, n_epochs, n_epochs_decay, init_gain. */
    private boolean imageToImage() {
        return isTranslation() || isDenoise() || isColorizer();
    }

    /** @return the training data: a folder (synthesis), or the dataset root (translation, denoising) */
    public String data() {
        return string("data");
    }

    public boolean classSubfolders() {
        return bool("class_subfolders");
    }

    /** @return the side of the square images the networks train on: image_size, or crop_size for translation and denoising */
    public int imageSize() {
        return imageToImage() ? integer("crop_size") : integer("image_size");
    }

    public int latentSize() {
        return integer("latent_size");
    }

    public int ngf() {
        return integer("ngf");
    }

    public int ndf() {
        return integer("ndf");
    }

    public String generatorNorm() {
        return isTranslation() || isColorizer() ? string("norm") : string("generator_norm");
    }

    public String discriminatorNorm() {
        return isTranslation() || isColorizer() ? string("norm") : string("discriminator_norm");
    }

    public boolean spectralNorm() {
        return bool("spectral_norm");
    }

    public boolean minibatchStd() {
        return bool("minibatch_std");
    }

    public String upsample() {
        return string("upsample");
    }

    public String loss() {
        return string("loss");
    }

    public double gpLambda() {
        return number("gp_lambda");
    }

    public int nCritic() {
        return integer("n_critic");
    }

    public double auxWeight() {
        return number("aux_weight");
    }

    /** @return the generators' learning rate (translation, denoising: {@code lr}, shared by all networks) */
    public double lrG() {
        return number(imageToImage() ? "lr" : "lr_g");
    }

    /** @return the discriminators' learning rate (translation, denoising: {@code lr}, shared by all networks) */
    public double lrD() {
        return number(imageToImage() ? "lr" : "lr_d");
    }

    public double beta1() {
        return number("beta1");
    }

    public double beta2() {
        return number("beta2");
    }

    /**
     * @return the learning-rate schedule, as {@code LearningRateSchedule.parse} reads it; translation
     *     and denoising: constant for {@code n_epochs}, then linear to 0 ({@code linear:n_epochs})
     */
    public String schedule() {
        return imageToImage() ? "linear:" + integer("n_epochs") : string("schedule");
    }

    public String init() {
        return string("init");
    }

    /** @return the standard deviation (normal) or gain of the weight initialisation; synthesis GANs use 0.02 */
    public double initGain() {
        return imageToImage() ? number("init_gain") : 0.02;
    }

    /** @return the number of epochs: {@code epochs}, or {@code n_epochs + n_epochs_decay} for translation and denoising */
    public int epochs() {
        return imageToImage() ? integer("n_epochs") + integer("n_epochs_decay") : integer("epochs");
    }

    public int batchSize() {
        return integer("batch_size");
    }

    public String augmentation() {
        return string("augmentation");
    }

    public String normalization() {
        return string("normalization");
    }

    public String datasetMode() {
        return string("dataset_mode");
    }

    /** @return {@code AtoB} or {@code BtoA}: which folder is the input domain */
    public String direction() {
        return string("direction");
    }

    public String preprocess() {
        return string("preprocess");
    }

    public int loadSize() {
        return integer("load_size");
    }

    public int cropSize() {
        return integer("crop_size");
    }

    public boolean noFlip() {
        return bool("no_flip");
    }

    /** @return the translation generator's architecture, e.g. {@code resnet_9blocks} */
    public String generator() {
        return string("generator");
    }

    /** @return the translation discriminator's architecture: {@code basic}, {@code n_layers} or {@code pixel} */
    public String discriminator() {
        return string("discriminator");
    }

    public int nLayersD() {
        return integer("n_layers_d");
    }

    public boolean useDropout() {
        return bool("use_dropout");
    }

    public double lambdaL1() {
        return number("lambda_l1");
    }

    public double lambdaA() {
        return number("lambda_a");
    }

    public double lambdaB() {
        return number("lambda_b");
    }

    public double lambdaIdentity() {
        return number("lambda_identity");
    }

    public int poolSize() {
        return integer("pool_size");
    }

    public String normalizationA() {
        return string("normalization_a");
    }

    public String normalizationB() {
        return string("normalization_b");
    }

    /** @return the denoiser's noise simulator: {@code none} (real pairs), {@code gaussian}, {@code poisson} or {@code rician} */
    public String noise() {
        return string("noise");
    }

    /** @return the standard deviation of Gaussian or Rician noise, in the images' units */
    public double noiseSigma() {
        return number("noise_sigma");
    }

    /** @return Poisson noise: photons per ray at full dose (I0) */
    public double noiseI0() {
        return number("noise_i0");
    }

    /** @return Poisson noise: the fraction of the full dose */
    public double noiseDose() {
        return number("noise_dose");
    }

    /** @return Poisson noise: the linear attenuation of water, 1/mm */
    public double noiseMuWater() {
        return number("noise_mu_water");
    }

    /** @return Poisson noise: the path length of each ray, mm */
    public double noisePathLength() {
        return number("noise_path_length");
    }

    /** @return the neighbouring slices a denoiser takes, odd (1: 2D) */
    public int slices() {
        return integer("slices");
    }

    /** @return the denoiser's training patches per image plane and epoch */
    public int patchesPerImage() {
        return integer("patches_per_image");
    }

    /** @return the denoiser's convolutions */
    public int generatorLayers() {
        return integer("generator_layers");
    }

    /** @return the denoiser's pixel loss: {@code l1} or {@code mse} */
    public String pixelLoss() {
        return string("pixel_loss");
    }

    /** @return the weight of the denoiser's pixel loss against the adversarial loss (weight 1) */
    public double lambdaPixel() {
        return number("lambda_pixel");
    }

    /**
     * @return the keys of this kind's validation folders: {@code validation_a}, {@code validation_b}
     *     (pix2pix, CycleGAN), {@code validation_noisy}, {@code validation_clean} (denoise), {@code
     *     validation} (colorizer); none for the synthesis GANs, which have no reference to compare with
     */
    public List<String> validationFolderKeys() {
        return isTranslation() ? ValidationKeys.TRANSLATION : isDenoise() ? ValidationKeys.DENOISE
                : isColorizer() ? ValidationKeys.COLORIZER : List.of();
    }

    /**
     * @return whether training measures the model on held-out pairs: a validation folder named
     *     ({@code validation_a} or {@code validation_b}, {@code validation_clean} or {@code
     *     validation_noisy}, {@code validation}) and {@code validate_every} above 0; whether the
     *     folders make a set is checked when they are loaded ({@code ValidationData.load})
     */
    public boolean validates() {
        if (validationFolderKeys().isEmpty() || validateEvery() == 0) {
            return false;
        }
        return isTranslation() ? !validationA().isEmpty() || !validationB().isEmpty()
                : isDenoise() ? !validationClean().isEmpty() || !validationNoisy().isEmpty() : !validationImages().isEmpty();
    }

    /** @return the held-out images of folder A (pix2pix, CycleGAN), paired with {@link #validationB()} by file name; empty: none */
    public String validationA() {
        return string("validation_a");
    }

    /** @return the held-out images of folder B, named as those of {@link #validationA()} */
    public String validationB() {
        return string("validation_b");
    }

    /** @return the denoiser's held-out noisy images, named as their clean references; empty: noise simulated on the references */
    public String validationNoisy() {
        return string("validation_noisy");
    }

    /** @return the denoiser's held-out clean images, the references; empty: no validation */
    public String validationClean() {
        return string("validation_clean");
    }

    /** @return the colorizer's held-out images of the target stain, coloured again from their grey versions; empty: none */
    public String validationImages() {
        return string("validation");
    }

    /** @return epochs between validations (the last epoch is always validated); 0: none */
    public int validateEvery() {
        return integer("validate_every");
    }

    /** @return the metrics validation measures, as {@code MetricRegistry.parse} reads them, e.g. {@code psnr, ssim} */
    public String validationMetrics() {
        return string("validation_metrics");
    }

    /** @return the metric whose best value picks {@code best_model.zip}, e.g. {@code ssim} */
    public String selectMetric() {
        return string("select_metric");
    }

    /** @return the width of the validation images' value range for the metrics; 0: from the images (255 for 8-bit) */
    public double dataRange() {
        return number("data_range");
    }

    public long seed() {
        return value("seed").getAsLong();
    }

    public int checkpointEvery() {
        return integer("checkpoint_every");
    }

    public int sampleCount() {
        return integer("sample_count");
    }

    public String device() {
        return string("device");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainConfig other && kind == other.kind && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, values);
    }

    @Override
    public String toString() {
        return toJson().toString();
    }

    private void validateCommon() {
        requireAtLeast("ngf", 1);
        requireAtLeast("ndf", 1);
        requireAtLeast("batch_size", 1);
        requireAtLeast("checkpoint_every", 0);
        requireAtLeast("sample_count", 1);
        require(gpLambda() >= 0, "gp_lambda", "must not be negative, got " + gpLambda());
        require(beta1() >= 0 && beta1() < 1, "beta1", "must be in [0, 1), got " + beta1());
        require(beta2() >= 0 && beta2() < 1, "beta2", "must be in [0, 1), got " + beta2());
        oneOf("init", WeightInit.NAMES.toArray(String[]::new));
    }

    private void validateSynthesis() {
        validateCommon();
        oneOf("upsample", "convtranspose", "nearest");
        int size = imageSize();
        require(size == 32 || size == 64 || size == 128, "image_size", "must be 32, 64 or 128, got " + size);
        requireAtLeast("latent_size", 1);
        requireAtLeast("n_critic", 1);
        requireAtLeast("epochs", 1);
        require(auxWeight() >= 0, "aux_weight", "must not be negative, got " + auxWeight());
        require(lrG() > 0 && lrD() > 0, lrG() > 0 ? "lr_d" : "lr_g", "must be positive");
        oneOf("generator_norm", "batch", "instance", "none");
        oneOf("discriminator_norm", "batch", "instance", "none");
        oneOf("loss", "vanilla", "lsgan", "wgan", "hinge");
        require(kind != ModelKind.WGANGP || loss().equals("wgan"), "loss", "WGAN-GP trains with the wgan loss, got " + loss());
    }

    private void validateTranslation() {
        validateCommon();
        oneOf("upsample", "convtranspose", "nearest");
        oneOf("dataset_mode", "aligned", "unaligned");
        require(kind != ModelKind.PIX2PIX || datasetMode().equals("aligned"), "dataset_mode",
                "pix2pix learns from aligned pairs, got " + datasetMode());
        oneOf("direction", "AtoB", "BtoA");
        oneOf("preprocess", "resize_and_crop", "crop", "scale_width", "scale_width_and_crop", "none");
        requireAtLeast("load_size", 1);
        requireAtLeast("crop_size", 1);
        require(!preprocess().contains("crop") || cropSize() <= loadSize() || preprocess().equals("crop"), "crop_size",
                "must not exceed load_size (" + loadSize() + "), got " + cropSize());
        oneOf("generator", "resnet_6blocks", "resnet_9blocks", "unet_128", "unet_256");
        oneOf("discriminator", "basic", "n_layers", "pixel");
        requireAtLeast("n_layers_d", 1);
        oneOf("norm", "batch", "instance", "none");
        oneOf("loss", "vanilla", "lsgan", "wgangp");
        require(lrG() > 0, "lr", "must be positive, got " + lrG());
        require(initGain() > 0, "init_gain", "must be positive, got " + initGain());
        requireAtLeast("n_epochs", 0);
        requireAtLeast("n_epochs_decay", 0);
        require(epochs() >= 1, "n_epochs", "n_epochs + n_epochs_decay must be at least 1");
        if (kind == ModelKind.PIX2PIX) {
            require(lambdaL1() >= 0, "lambda_l1", "must not be negative, got " + lambdaL1());
        } else {
            require(lambdaA() >= 0, "lambda_a", "must not be negative, got " + lambdaA());
            require(lambdaB() >= 0, "lambda_b", "must not be negative, got " + lambdaB());
            require(lambdaIdentity() >= 0, "lambda_identity", "must not be negative, got " + lambdaIdentity());
            requireAtLeast("pool_size", 0);
        }
        ValidationKeys.validate(this);
    }

    /** The checks every kind shares, for {@link DenoiseKeys}. */
    void checkCommon() {
        validateCommon();
    }

    void oneOf(String key, String... allowed) {
        String value = string(key);
        for (String a : allowed) {
            if (a.equals(value)) {
                return;
            }
        }
        throw new IllegalArgumentException(key + ": must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }

    void requireAtLeast(String key, int min) {
        require(integer(key) >= min, key, "must be at least " + min + ", got " + integer(key));
    }

    static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(key + ": " + problem);
        }
    }

    private JsonElement value(String key) {
        JsonElement v = values.get(key);
        if (v == null) {
            throw new IllegalStateException(kind.id() + " configs have no key " + key);
        }
        return v;
    }

    private String string(String key) {
        return value(key).getAsString();
    }

    private boolean bool(String key) {
        return value(key).getAsBoolean();
    }

    private int integer(String key) {
        return value(key).getAsInt();
    }

    private double number(String key) {
        return value(key).getAsDouble();
    }

    /** Accepts a value of the default's type: strings for strings, booleans, whole numbers for integers. */
    private static JsonElement coerce(JsonElement value, JsonElement like, String where) {
        if (!value.isJsonPrimitive()) {
            throw new IllegalArgumentException(where + ": must be a " + typeOf(like) + ", got " + value);
        }
        JsonPrimitive p = value.getAsJsonPrimitive();
        JsonPrimitive l = like.getAsJsonPrimitive();
        if (l.isBoolean() && p.isBoolean() || l.isString() && p.isString()) {
            return p;
        }
        if (l.isNumber() && p.isNumber()) {
            boolean whole = !l.getAsString().contains(".") && !l.getAsString().contains("E");
            if (whole && p.getAsDouble() != Math.rint(p.getAsDouble())) {
                throw new IllegalArgumentException(where + ": must be a whole number, got " + p.getAsString());
            }
            return whole ? new JsonPrimitive(p.getAsLong()) : new JsonPrimitive(p.getAsDouble());
        }
        throw new IllegalArgumentException(where + ": must be a " + typeOf(like) + ", got " + value);
    }

    private static String typeOf(JsonElement like) {
        JsonPrimitive l = like.getAsJsonPrimitive();
        return l.isBoolean() ? "boolean" : l.isString() ? "string" : "number";
    }
}
