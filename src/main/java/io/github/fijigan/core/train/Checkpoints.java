package io.github.fijigan.core.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.model.BlockParameters;
import io.github.fijigan.core.model.ModelBundle;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelManifest;

/**
 * Writes and restores what every model kind saves the same way: the networks' parameters, the
 * optimisers' state and the resume point (checkpoints), or only the networks inference needs
 * (models). The kind supplies the rest of {@code model.json} (domains, classes, …).
 */
final class Checkpoints {

    private Checkpoints() {}

    /** Writes a model holding {@code networks} (those inference needs), atomically. */
    static ModelManifest writeModel(Path file, ModelManifest.Builder manifest, Map<String, Network> networks) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDList> parameters = new LinkedHashMap<>();
            networks.forEach((name, network) -> {
                manifest.network(name, network.spec());
                parameters.put(name, BlockParameters.parametersOf(network.block(), manager));
            });
            try (ModelBundle bundle = ModelBundle.of(manifest.build(), parameters, Map.of())) {
                return ModelBundles.write(file, bundle);
            }
        }
    }

    /** Writes a checkpoint to resume from, atomically: complete or absent, even if the process dies. */
    static ModelManifest writeCheckpoint(Path file, GanModel model, ModelManifest.Builder manifest, ResumePoint at) {
        manifest.extra(ResumePoint.KEY, at.toJson());
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
     * Restores networks and optimisers (and whatever else the model keeps in its state) from a
     * checkpoint.
     *
     * @return where to resume
     * @throws ModelBundleException when the file is not a checkpoint of this model
     */
    static ResumePoint restore(Path checkpoint, GanModel model, NDManager manager) {
        try (ModelBundle bundle = ModelBundles.read(checkpoint, manager)) {
            String file = checkpoint.getFileName().toString();
            ResumePoint at = ResumePoint.of(bundle.manifest()).orElseThrow(() -> new ModelBundleException(file, ResumePoint.KEY,
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

    /** @return the engine's name and version, for a model's provenance */
    static String engineName() {
        Engine engine = Engine.getInstance();
        return engine.getEngineName() + " " + engine.getVersion();
    }

    /** @return the device the model's first network lives on, for a model's provenance */
    static String deviceOf(Network network) {
        return network.block().getParameters().get(0).getValue().getArray().getDevice().toString();
    }
}
