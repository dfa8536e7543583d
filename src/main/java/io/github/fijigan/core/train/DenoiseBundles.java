package io.github.fijigan.core.train;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.google.gson.JsonObject;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.model.TrainingProvenance;
import io.github.fijigan.core.nn.NetworkFactory;

/**
 * Model bundles of denoisers (kind {@code denoise}): the model holds the network {@value
 * TranslationNetworks#GENERATOR} ({@code dncnn}, {@code slices × C} channels in, C out, the residual
 * skip inside it) and one domain, {@value #DOMAIN}, whose map normalises the noisy input and brings
 * the output back, in the images' unit (e.g. HU). The number of neighbouring slices is the
 * generator's {@code in_channels / out_channels}. Checkpoints add {@value
 * TranslationNetworks#DISCRIMINATOR}, both optimisers' moments and the resume point.
 */
public final class DenoiseBundles {

    /** The one domain of a denoiser: noisy and clean images share it. */
    public static final String DOMAIN = "image";

    private DenoiseBundles() {}

    /**
     * What the model must remember of its data.
     *
     * @param domain channels, intensity map and unit of the images
     * @param summary data, noise and patches, for provenance
     */
    record Data(DomainSpec domain, JsonObject summary) {}

    /** Writes the model users denoise with (the generator), atomically. */
    static ModelManifest writeModel(Path file, DenoiseGan model, TrainConfig config, Data data, int epochs) {
        Network g = model.generator();
        return Checkpoints.writeModel(file, manifest(model, config, data, epochs), Map.of(g.name(), g));
    }

    /** Writes a checkpoint (both networks, both optimisers, resume point), atomically. */
    static ModelManifest writeCheckpoint(Path file, DenoiseGan model, TrainConfig config, Data data, ResumePoint at) {
        return Checkpoints.writeCheckpoint(file, model, manifest(model, config, data, at.epoch()), at);
    }

    private static ModelManifest.Builder manifest(DenoiseGan model, TrainConfig config, Data data, int epochs) {
        Network g = model.generator();
        return ModelManifest.builder(config.kind())
                .domain(DOMAIN, data.domain())
                .tileMultiple(NetworkFactory.sizeMultiple(g.spec()))
                .training(new TrainingProvenance(config.toJson(), OptionalInt.of(epochs), data.summary(), Checkpoints.engineName(),
                        Checkpoints.deviceOf(g), Optional.of(OffsetDateTime.now())));
    }
}
