package io.github.fijigan.core.train;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.model.TrainingProvenance;
import io.github.fijigan.core.nn.NetworkFactory;
import io.github.fijigan.core.stain.Luma;

/**
 * Model bundles of colorizers (kind {@code colorizer}): the network {@value #GENERATOR} from the
 * domain {@value #GRAY} (1 channel) to the domain {@value #COLOUR} (3 channels, the target stain),
 * and the extra {@value #GRAY_CONVERSION} naming the grey formula ({@link Luma#NAME}) inference must
 * apply to colour inputs.
 */
public final class ColorizerBundles {

    /** The bundle's names for its network, its domains and its grey formula. */
    public static final String GENERATOR = TranslationNetworks.GENERATOR;
    public static final String GRAY = "gray";
    public static final String COLOUR = "color";
    public static final String GRAY_CONVERSION = "gray_conversion";

    private ColorizerBundles() {}

    /**
     * What the model must remember of its data.
     *
     * @param gray the grey input domain
     * @param colour the target's colour domain
     * @param summary e.g. folder, images, tiles
     */
    record Data(DomainSpec gray, DomainSpec colour, JsonObject summary) {}

    /** Writes the model users colorize with (the generator), atomically. */
    static ModelManifest writeModel(Path file, TranslationGan model, TrainConfig config, Data data, int epochs) {
        Network g = model.network(GENERATOR);
        return Checkpoints.writeModel(file, manifest(model, config, data, epochs), Map.of(GENERATOR, g));
    }

    /** Writes a checkpoint (both networks, both optimisers, resume point), atomically. */
    static ModelManifest writeCheckpoint(Path file, TranslationGan model, TrainConfig config, Data data, ResumePoint at) {
        return Checkpoints.writeCheckpoint(file, model, manifest(model, config, data, at.epoch()), at);
    }

    private static ModelManifest.Builder manifest(TranslationGan model, TrainConfig config, Data data, int epochs) {
        Network g = model.network(GENERATOR);
        return ModelManifest.builder(config.kind())
                .domain(GRAY, data.gray())
                .domain(COLOUR, data.colour())
                .tileMultiple(NetworkFactory.sizeMultiple(g.spec()))
                .extra(GRAY_CONVERSION, new JsonPrimitive(Luma.NAME))
                .training(new TrainingProvenance(config.toJson(), OptionalInt.of(epochs), data.summary(), Checkpoints.engineName(),
                        Checkpoints.deviceOf(g), Optional.of(OffsetDateTime.now())));
    }
}
