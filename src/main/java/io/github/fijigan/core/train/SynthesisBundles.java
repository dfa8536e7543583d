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
 * {@code docs/model-format.md}. One key of {@code model.json} is theirs: {@code output_type} (the
 * pixel type samples are written as).
 */
public final class SynthesisBundles {

    /** The one domain of a synthesis model: the training images. */
    public static final String DOMAIN = "image";
    /** The key of the pixel type samples are written as. */
    public static final String OUTPUT_TYPE = "output_type";
    /** Writes the model for sampling (generator only), atomically. */
    public static ModelManifest writeModel(Path file, SynthesisGan model, TrainConfig config, SynthesisData data, int epochs) {
        Network g = model.generator();
        return Checkpoints.writeModel(file, manifest(model, config, data, epochs), Map.of(g.name(), g));
    }

    /** Writes a checkpoint to resume from, atomically: complete or absent, even if the process dies. */
    public static ModelManifest writeCheckpoint(Path file, SynthesisGan model, TrainConfig config, SynthesisData data,
            ResumePoint at) {
        return Checkpoints.writeCheckpoint(file, model, manifest(model, config, data, at.epoch()), at);
    }

    /**
     * Restores networks and optimisers from a checkpoint.
     *
     * @return where to resume
     * @throws ModelBundleException when the file is not a checkpoint of this model
     */
    public static ResumePoint restore(Path checkpoint, SynthesisGan model, NDManager manager) {
        return Checkpoints.restore(checkpoint, model, manager);
    }

    private static ModelManifest.Builder manifest(SynthesisGan model, TrainConfig config, SynthesisData data, int epochs) {
        ModelManifest.Builder b = ModelManifest.builder(config.kind())
                .domain(DOMAIN, new DomainSpec(data.channels(), data.intensityMap(), data.valueUnit()))
                .latentSize(config.latentSize())
                .tileMultiple(config.imageSize())
                .extra(OUTPUT_TYPE, new JsonPrimitive(data.outputType()))
                .training(new TrainingProvenance(config.toJson(), OptionalInt.of(epochs), data.summary(), Checkpoints.engineName(),
                        Checkpoints.deviceOf(model.generator()), Optional.of(OffsetDateTime.now())));
        if (!data.classes().isEmpty()) {
            b.classes(data.classes());
        }
        return b;
    }
}
