package io.github.fijigan.core.train;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.model.TrainingProvenance;
import io.github.fijigan.core.nn.NetworkFactory;

/**
 * Model bundles of translation models (pix2pix, CycleGAN). Domains are named after the data's
 * folders, {@code A} and {@code B}, whatever the training direction; a pix2pix model's key {@value
 * #DIRECTION} says which way its generator goes ({@code A->B} or {@code B->A}); CycleGAN has both,
 * {@code generator_AB} from A to B and {@code generator_BA} back. The tile multiple is the
 * generator's size multiple (e.g. 4 for ResNet generators, 256 for {@code unet_256}).
 */
public final class TranslationBundles {

    /** The key of the direction a pix2pix generator translates, {@code A->B} or {@code B->A}. */
    public static final String DIRECTION = "direction";
    /** Domain names. */
    public static final String A = "A";
    public static final String B = "B";

    private TranslationBundles() {}

    /**
     * What the model must remember of its data: each folder's domain, and a summary for provenance.
     *
     * @param a the domain of folder A (channels, normalisation, unit)
     * @param b the domain of folder B
     * @param summary e.g. folders, counts, sizes
     */
    public record Domains(DomainSpec a, DomainSpec b, JsonObject summary) {}

    /** Writes the model users translate with (generators only, named by folder), atomically. */
    static ModelManifest writeModel(Path file, TranslationGan model, TrainConfig config, Domains domains, int epochs) {
        Map<String, Network> generators = new LinkedHashMap<>();
        boolean swapped = config.direction().equals("BtoA");
        if (model instanceof CycleGanModel cycle) {
            // The model's A is the input folder; in the bundle, generator_AB goes from folder A to folder B.
            generators.put(TranslationNetworks.GENERATOR_AB, swapped ? cycle.generatorBA() : cycle.generatorAB());
            generators.put(TranslationNetworks.GENERATOR_BA, swapped ? cycle.generatorAB() : cycle.generatorBA());
        } else {
            generators.put(TranslationNetworks.GENERATOR, model.network(TranslationNetworks.GENERATOR));
        }
        return Checkpoints.writeModel(file, manifest(model, config, domains, epochs), generators);
    }

    /** Writes a checkpoint (every network, optimiser state, image pools, resume point), atomically. */
    static ModelManifest writeCheckpoint(Path file, TranslationGan model, TrainConfig config, Domains domains, ResumePoint at) {
        return Checkpoints.writeCheckpoint(file, model, manifest(model, config, domains, at.epoch()), at);
    }

    private static ModelManifest.Builder manifest(TranslationGan model, TrainConfig config, Domains domains, int epochs) {
        Network first = model.networks().values().iterator().next();
        ModelManifest.Builder b = ModelManifest.builder(config.kind())
                .domain(A, domains.a())
                .domain(B, domains.b())
                .tileMultiple(NetworkFactory.sizeMultiple(first.spec()));
        if (!(model instanceof CycleGanModel)) {
            b.extra(DIRECTION, new JsonPrimitive(config.direction().equals("BtoA") ? "B->A" : "A->B"));
        }
        return b.training(new TrainingProvenance(config.toJson(), OptionalInt.of(epochs), domains.summary(), Checkpoints.engineName(),
                        Checkpoints.deviceOf(first), Optional.of(OffsetDateTime.now())));
    }
}
