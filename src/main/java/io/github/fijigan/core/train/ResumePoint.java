package io.github.fijigan.core.train;

import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.fijigan.core.model.ModelManifest;

/**
 * Where a checkpoint stands: training resumes at iteration {@code iteration} of epoch {@code epoch}.
 * Stored under {@link #KEY} in a checkpoint's {@code model.json}.
 *
 * @param epoch 0-based epoch to continue in (equal to the number of epochs when the run is done)
 * @param iteration 0-based iteration within that epoch to run next
 * @param globalIteration iterations done since the start of the run
 */
public record ResumePoint(int epoch, int iteration, long globalIteration) implements Comparable<ResumePoint> {

    /** The key of a checkpoint's resume point in {@code model.json}. */
    public static final String KEY = "resume";

    /** The start of a run. */
    public static final ResumePoint START = new ResumePoint(0, 0, 0);

    @Override
    public int compareTo(ResumePoint o) {
        return Long.compare(globalIteration, o.globalIteration);
    }

    /** @return the resume point of a checkpoint's manifest; empty for a model */
    public static Optional<ResumePoint> of(ModelManifest manifest) {
        JsonElement json = manifest.extras().get(KEY);
        if (json == null || !json.isJsonObject()) {
            return Optional.empty();
        }
        JsonObject o = json.getAsJsonObject();
        return Optional.of(new ResumePoint(o.get("epoch").getAsInt(), o.get("iteration").getAsInt(),
                o.get("global_iteration").getAsLong()));
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("epoch", epoch);
        json.addProperty("iteration", iteration);
        json.addProperty("global_iteration", globalIteration);
        return json;
    }
}
