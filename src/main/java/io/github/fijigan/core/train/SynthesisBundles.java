package io.github.fijigan.core.train;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.fijigan.core.model.BlockParameters;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelBundle;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.model.TrainingProvenance;

/**
 * Model bundles of synthesis GANs: the final model (the generator, for sampling) and checkpoints
 * (both networks, both optimisers' moments, and where to resume), in the format of
 * {@code docs/model-format.md}. Two keys of {@code model.json} are theirs: {@code output_type} (the
 * pixel type samples are written as) and, in checkpoints, {@code resume}.
 */
public final class SynthesisBundles {

    /** The one domain of a synthesis model: the training images. */
    public static final String DOMAIN = "image";
    /** The key of the pixel type samples are written as. */
    public static final String OUTPUT_TYPE = "output_type";
    /** The key of a checkpoint's resume point. */
    public static final String RESUME = "resume";

    private SynthesisBundles() {}

    /**
     * Where a checkpoint stands: training resumes at iteration {@code iteration} of epoch {@code epoch}.
     *
     * @param epoch 0-based epoch to continue in (equal to the number of epochs when the run is done)
     * @param iteration 0-based iteration within that epoch to run next
     * @param globalIteration iterations done since the start of the run
     */
    public record ResumePoint(int epoch, int iteration, long globalIteration) implements Comparable<ResumePoint> {

        @Override
        public int compareTo(ResumePoint o) {
            return Long.compare(globalIteration, o.globalIteration);
        }

        JsonObject toJson() {
            JsonObject json = new JsonObject();
            json.addProperty("epoch", epoch);
            json.addProperty("iteration", iteration);
            json.addProperty("global_iteration", globalIteration);
            return json;
        }
    }

    /** Writes the model for sampling (generator only), atomically. */
    public static ModelManifest writeModel(Path file, SynthesisGan model, TrainConfig config, SynthesisData data, int epochs) {
        ModelManifest.Builder manifest = manifest(model, config, data, epochs);
        Network g = model.generator();
        manifest.network(g.name(), g.spec());
        try (NDManager manager = NDManager.newBaseManager();
                ModelBundle bundle = ModelBundle.of(manifest.build(), Map.of(g.name(), BlockParameters.parametersOf(g.block(), manager)),
                        Map.of())) {
            return ModelBundles.write(file, bundle);
        }
    }

    /** Writes a checkpoint to resume from, atomically: complete or absent, even if the process dies. */
    public static ModelManifest writeCheckpoint(Path file, SynthesisGan model, TrainConfig config, SynthesisData data,
            ResumePoint at) {
        ModelManifest.Builder manifest = manifest(model, config, data, at.epoch());
        manifest.extra(RESUME, at.toJson());
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDList> parameters = new LinkedHashMap<>();
            model.networks().forEach((name, network) -> {
                manifest.network(name, network.spec());
                parameters.put(name, BlockParameters.parametersOf(network.block(), manager));
            });
            try (ModelBundle bundle = ModelBundle.of(manifest.build(), parameters, model.optimizerState(manager))) {
                return ModelBundles.write(file, bundle);
            }
        }
    }

    /**
     * Restores networks and optimisers from a checkpoint.
     *
     * @return where to resume
     * @throws ModelBundleException when the file is not a checkpoint of this model
     */
    public static ResumePoint restore(Path checkpoint, SynthesisGan model, NDManager manager) {
        try (ModelBundle bundle = ModelBundles.read(checkpoint, manager)) {
            String file = checkpoint.getFileName().toString();
            ResumePoint at = resumePoint(bundle.manifest()).orElseThrow(() -> new ModelBundleException(file, RESUME,
                    "not a checkpoint: model.json has no resume point"));
            for (String name : model.networks().keySet()) {
                if (!bundle.manifest().networks().containsKey(name)) {
                    throw new ModelBundleException(file, "networks." + name, "the checkpoint has no network " + name);
                }
                bundle.loadInto(name, model.networks().get(name).block());
            }
            try {
                model.loadOptimizerState(bundle.state());
            } catch (IllegalArgumentException e) {
                throw new ModelBundleException(file, "state", e.getMessage(), e);
            }
            return at;
        }
    }

    /** @return the resume point of a checkpoint's manifest; empty for a model */
    public static Optional<ResumePoint> resumePoint(ModelManifest manifest) {
        JsonElement json = manifest.extras().get(RESUME);
        if (json == null || !json.isJsonObject()) {
            return Optional.empty();
        }
        JsonObject o = json.getAsJsonObject();
        return Optional.of(new ResumePoint(o.get("epoch").getAsInt(), o.get("iteration").getAsInt(),
                o.get("global_iteration").getAsLong()));
    }

    private static ModelManifest.Builder manifest(SynthesisGan model, TrainConfig config, SynthesisData data, int epochs) {
        ModelManifest.Builder b = ModelManifest.builder(config.kind())
                .domain(DOMAIN, new DomainSpec(data.channels(), data.intensityMap(), data.valueUnit()))
                .latentSize(config.latentSize())
                .tileMultiple(config.imageSize())
                .extra(OUTPUT_TYPE, new JsonPrimitive(data.outputType()))
                .training(new TrainingProvenance(config.toJson(), OptionalInt.of(epochs), data.summary(), engineName(),
                        model.generator().block().getParameters().get(0).getValue().getArray().getDevice().toString(),
                        Optional.of(OffsetDateTime.now())));
        if (!data.classes().isEmpty()) {
            b.classes(data.classes());
        }
        return b;
    }

    private static String engineName() {
        Engine engine = Engine.getInstance();
        return engine.getEngineName() + " " + engine.getVersion();
    }
}
