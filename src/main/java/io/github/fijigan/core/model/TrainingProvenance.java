package io.github.fijigan.core.model;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import com.google.gson.JsonObject;

/**
 * How a model was trained, so that a result can be traced and reproduced. Every part is optional:
 * an empty object, empty string or empty optional means "not recorded".
 *
 * @param config the training configuration as JSON (the TrainConfig's own form)
 * @param epochs epochs trained
 * @param data a summary of the training data (folders, image counts, sizes), free form
 * @param engine the deep learning engine and version, e.g. {@code PyTorch 2.7.1}
 * @param device where it ran, e.g. {@code gpu(0) NVIDIA H100}
 * @param date when training finished
 */
public record TrainingProvenance(JsonObject config, OptionalInt epochs, JsonObject data, String engine, String device,
        Optional<OffsetDateTime> date) {

    /** Nothing recorded. */
    public static final TrainingProvenance NONE =
            new TrainingProvenance(new JsonObject(), OptionalInt.empty(), new JsonObject(), "", "", Optional.empty());

    public TrainingProvenance {
        config = config == null ? new JsonObject() : config.deepCopy();
        data = data == null ? new JsonObject() : data.deepCopy();
        Objects.requireNonNull(epochs, "epochs");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(date, "date");
        if (epochs.isPresent() && epochs.getAsInt() < 0) {
            throw new IllegalArgumentException("epochs must not be negative, got " + epochs.getAsInt());
        }
    }

    @Override
    public JsonObject config() {
        return config.deepCopy();
    }

    @Override
    public JsonObject data() {
        return data.deepCopy();
    }

    /** @return whether nothing is recorded */
    public boolean isEmpty() {
        return equals(NONE);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        if (config.size() > 0) {
            json.add("config", config.deepCopy());
        }
        epochs.ifPresent(e -> json.addProperty("epochs", e));
        if (data.size() > 0) {
            json.add("data", data.deepCopy());
        }
        if (!engine.isEmpty()) {
            json.addProperty("engine", engine);
        }
        if (!device.isEmpty()) {
            json.addProperty("device", device);
        }
        date.ifPresent(d -> json.addProperty("date", d.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        return json;
    }

    static TrainingProvenance fromJson(JsonObject json, String path) {
        Optional<OffsetDateTime> date = Optional.empty();
        if (json.has("date")) {
            String text = JsonFields.requireString(json, path, "date");
            try {
                date = Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            } catch (DateTimeParseException e) {
                throw new FieldException(JsonFields.join(path, "date"),
                        "not an ISO-8601 date and time with offset (e.g. 2025-03-01T14:05:00Z), got '" + text + "'");
            }
        }
        return new TrainingProvenance(JsonFields.optionalObject(json, path, "config"),
                JsonFields.optionalInt(json, path, "epochs", 0), JsonFields.optionalObject(json, path, "data"),
                JsonFields.optionalString(json, path, "engine"), JsonFields.optionalString(json, path, "device"), date);
    }
}
