package io.github.fijigan.core.train;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.fijigan.core.model.ModelKind;

/**
 * Everything a synthesis GAN run needs to know, with a default for every field that depends only on
 * the model kind (e.g. WGAN-GP: critic without batch norm, 5 critic steps per generator step, Adam
 * β = (0, 0.9), lr 1e-4, as Gulrajani et al.). Stored as {@code config.json} in the run folder and in
 * the model's provenance; keys are snake_case and unknown keys are refused, so a typo is not silently
 * ignored.
 *
 * <pre>{@code
 * TrainConfig config = TrainConfig.defaults(ModelKind.WGANGP).with("image_size", 64).with("epochs", 50);
 * TrainConfig same = TrainConfig.fromJson(config.toJson(), "config.json");
 * }</pre>
 */
public final class TrainConfig {

    /** The kinds this config trains: the GANs that generate from noise. */
    public static boolean supports(ModelKind kind) {
        return kind.generatesFromNoise();
    }

    private final ModelKind kind;
    private final JsonObject values;

    private TrainConfig(ModelKind kind, JsonObject values) {
        this.kind = kind;
        this.values = values;
        validate("config");
    }

    /** @return the defaults for {@code kind} */
    public static TrainConfig defaults(ModelKind kind) {
        if (!supports(kind)) {
            throw new IllegalArgumentException("kind " + kind.id() + " is not a synthesis GAN; use dcgan, wgangp, sngan or acgan");
        }
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
        v.addProperty("seed", 0L);
        v.addProperty("checkpoint_every", 5);
        v.addProperty("sample_count", 64);
        v.addProperty("device", "auto");
        return new TrainConfig(kind, v);
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
            throw new IllegalArgumentException(where + ": kind: required, one of dcgan, wgangp, sngan, acgan");
        }
        String id = kindElement.getAsString().toLowerCase(Locale.ROOT).replace("-", "");
        ModelKind kind = ModelKind.fromId(id).filter(TrainConfig::supports).orElseThrow(() -> new IllegalArgumentException(
                where + ": kind: '" + kindElement.getAsString() + "' is not one of dcgan, wgangp, sngan, acgan"));
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

    public String data() {
        return string("data");
    }

    public boolean classSubfolders() {
        return bool("class_subfolders");
    }

    public int imageSize() {
        return integer("image_size");
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
        return string("generator_norm");
    }

    public String discriminatorNorm() {
        return string("discriminator_norm");
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

    public double lrG() {
        return number("lr_g");
    }

    public double lrD() {
        return number("lr_d");
    }

    public double beta1() {
        return number("beta1");
    }

    public double beta2() {
        return number("beta2");
    }

    public String schedule() {
        return string("schedule");
    }

    public String init() {
        return string("init");
    }

    public int epochs() {
        return integer("epochs");
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

    public long seed() {
        return values.get("seed").getAsLong();
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

    private void validate(String where) {
        int size = imageSize();
        require(size == 32 || size == 64 || size == 128, "image_size", "must be 32, 64 or 128, got " + size);
        requireAtLeast("latent_size", 1);
        requireAtLeast("ngf", 1);
        requireAtLeast("ndf", 1);
        requireAtLeast("n_critic", 1);
        requireAtLeast("epochs", 1);
        requireAtLeast("batch_size", 1);
        requireAtLeast("checkpoint_every", 0);
        requireAtLeast("sample_count", 1);
        require(gpLambda() >= 0, "gp_lambda", "must not be negative, got " + gpLambda());
        require(auxWeight() >= 0, "aux_weight", "must not be negative, got " + auxWeight());
        require(lrG() > 0 && lrD() > 0, lrG() > 0 ? "lr_d" : "lr_g", "must be positive");
        require(beta1() >= 0 && beta1() < 1, "beta1", "must be in [0, 1), got " + beta1());
        require(beta2() >= 0 && beta2() < 1, "beta2", "must be in [0, 1), got " + beta2());
        oneOf("generator_norm", "batch", "instance", "none");
        oneOf("discriminator_norm", "batch", "instance", "none");
        oneOf("upsample", "convtranspose", "nearest");
        oneOf("loss", "vanilla", "lsgan", "wgan", "hinge");
        require(kind != ModelKind.WGANGP || loss().equals("wgan"), "loss", "WGAN-GP trains with the wgan loss, got " + loss());
    }

    private void oneOf(String key, String... allowed) {
        String value = string(key);
        for (String a : allowed) {
            if (a.equals(value)) {
                return;
            }
        }
        throw new IllegalArgumentException(key + ": must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }

    private void requireAtLeast(String key, int min) {
        require(integer(key) >= min, key, "must be at least " + min + ", got " + integer(key));
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(key + ": " + problem);
        }
    }

    private String string(String key) {
        return values.get(key).getAsString();
    }

    private boolean bool(String key) {
        return values.get(key).getAsBoolean();
    }

    private int integer(String key) {
        return values.get(key).getAsInt();
    }

    private double number(String key) {
        return values.get(key).getAsDouble();
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
