package io.github.fijigan.core.model;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * A model in memory: its manifest, each network's parameters and, for checkpoints, training state,
 * all as named NDLists; or, for a model of kind torchscript, its TorchScript module's bytes.
 *
 * <p><b>Ownership.</b> A bundle owns its arrays and closes them all in {@link #close()}: those
 * handed to {@link #of} (which takes ownership) and those decoded by {@link ModelBundles#read},
 * which live in a sub-manager of the caller's manager that closing the bundle closes. The lists it
 * returns stay the bundle's: do not close them. {@link #loadInto} copies values into a block, so the
 * bundle can be closed right after.
 *
 * <pre>{@code
 * try (ModelBundle bundle = ModelBundles.read(Path.of("t1t2.zip"), manager)) {
 *     Block g = factory.build(bundle.manifest().networks().get("G_AB")); // core/nn, by architecture name
 *     g.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 256, 256));
 *     bundle.loadInto("G_AB", g);
 * }
 * }</pre>
 */
public final class ModelBundle implements AutoCloseable {

    private final ModelManifest manifest;
    private final Map<String, NDList> parameters;
    private final Map<String, NDList> state;
    private final Map<String, byte[]> modules;
    private final String source;
    private final NDManager owned;

    private ModelBundle(ModelManifest manifest, Map<String, NDList> parameters, Map<String, NDList> state,
            Map<String, byte[]> modules, String source, NDManager owned) {
        this.manifest = manifest;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
        this.modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        this.source = source;
        this.owned = owned;
    }

    /**
     * Makes a bundle of parameters and state, taking ownership of the lists. Each network's
     * {@code parameter_shapes} is filled from its list when the manifest leaves it empty, and must
     * match it otherwise; state without a {@link StateSpec} in the manifest gets the default entry.
     *
     * @param parameters network name to its named parameters, one per network in the manifest
     * @param state state name to its NDList (e.g. optimiser moments); empty for a model for inference
     * @throws IllegalArgumentException when lists and manifest disagree (the lists are then not owned),
     *     or when the manifest is of kind torchscript (see {@link #ofTorchScript})
     */
    public static ModelBundle of(ModelManifest manifest, Map<String, NDList> parameters, Map<String, NDList> state) {
        if (manifest.kind() == ModelKind.TORCHSCRIPT) {
            throw new IllegalArgumentException("a model of kind torchscript holds TorchScript modules, not parameter lists; "
                    + "make it with ModelBundle.ofTorchScript");
        }
        if (!manifest.networks().keySet().equals(parameters.keySet())) {
            throw new IllegalArgumentException("parameters are for networks " + parameters.keySet() + " but the manifest has "
                    + manifest.networks().keySet());
        }
        ModelManifest.Builder b = manifest.toBuilder();
        manifest.networks().forEach((name, spec) -> {
            Map<String, Shape> shapes = shapesOf(parameters.get(name), "network " + name);
            if (spec.parameterShapes().isEmpty()) {
                b.network(name, spec.withShapes(shapes));
            } else if (!spec.parameterShapes().equals(shapes)) {
                throw new IllegalArgumentException("network " + name + ": parameters " + describe(shapes)
                        + " differ from the manifest's parameter_shapes " + describe(spec.parameterShapes()));
            }
        });
        for (String name : manifest.state().keySet()) {
            if (!state.containsKey(name)) {
                throw new IllegalArgumentException("state " + name + " is in the manifest but has no NDList");
            }
        }
        state.forEach((name, list) -> {
            Objects.requireNonNull(list, "state " + name);
            if (!manifest.state().containsKey(name)) {
                b.state(name, StateSpec.forName(name));
            }
        });
        return new ModelBundle(b.build(), parameters, state, Map.of(), null, null);
    }

    /**
     * Makes a bundle of TorchScript modules ({@code torch.jit.save} archives, the bytes of
     * {@code .pt} files), for a manifest of kind torchscript. {@link TorchScriptBundles#wrap} does
     * this from a file.
     *
     * @param modules network name to its archive, one per network in the manifest; the arrays are
     *     taken, not copied, and must not be changed afterwards
     * @throws IllegalArgumentException when the manifest is of another kind, a network has no
     *     module, or an array is not a TorchScript archive (saying what it is instead)
     */
    public static ModelBundle ofTorchScript(ModelManifest manifest, Map<String, byte[]> modules) {
        if (manifest.kind() != ModelKind.TORCHSCRIPT) {
            throw new IllegalArgumentException("TorchScript modules make a model of kind torchscript, not " + manifest.kind().id());
        }
        if (!manifest.networks().keySet().equals(modules.keySet())) {
            throw new IllegalArgumentException("modules are for networks " + modules.keySet() + " but the manifest has "
                    + manifest.networks().keySet());
        }
        modules.forEach((name, bytes) -> {
            String problem = TorchScriptArchive.problem(Objects.requireNonNull(bytes, "module " + name));
            if (problem != null) {
                throw new IllegalArgumentException("network " + name + ": " + problem);
            }
        });
        return new ModelBundle(manifest, Map.of(), Map.of(), modules, null, null);
    }

    static ModelBundle decoded(ModelManifest manifest, Map<String, NDList> parameters, Map<String, NDList> state,
            Map<String, byte[]> modules, String source, NDManager owned) {
        return new ModelBundle(manifest, parameters, state, modules, source, owned);
    }

    /** @return the manifest, with parameter shapes and entries complete */
    public ModelManifest manifest() {
        return manifest;
    }

    /** @return the named parameters of a network; owned by the bundle */
    public NDList parameters(String network) {
        NDList list = parameters.get(network);
        if (list == null && modules.containsKey(network)) {
            throw new IllegalArgumentException("network '" + network + "' is a TorchScript module, which holds its own parameters; "
                    + "load it with TorchScriptBundles.loadGenerator");
        }
        if (list == null) {
            throw new IllegalArgumentException("no network '" + network + "'; the bundle has " + parameters.keySet());
        }
        return list;
    }

    /**
     * @return the TorchScript archive of a network of a torchscript bundle, as a fresh stream over
     *     bytes the bundle holds (checked to be a TorchScript archive, and against the manifest's
     *     SHA-256 when read from a file)
     */
    public InputStream torchScript(String network) {
        return new ByteArrayInputStream(module(network));
    }

    byte[] module(String network) {
        byte[] bytes = modules.get(network);
        if (bytes == null) {
            throw new IllegalArgumentException("no TorchScript module '" + network + "'; the bundle has "
                    + (modules.isEmpty() ? "none (kind " + manifest.kind().id() + ")" : modules.keySet().toString()));
        }
        return bytes;
    }

    /** @return state name to NDList, in manifest order; owned by the bundle */
    public Map<String, NDList> state() {
        return state;
    }

    /** @return the file name the bundle was read from, if it was */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /**
     * Sets a block's parameters from a network of this bundle (see {@link BlockParameters#load}).
     *
     * @throws ModelBundleException naming the bundle file (or "model bundle") and the network, when
     *     the block does not match the stored parameters
     */
    public void loadInto(String network, Block block) {
        NDList list = parameters(network);
        try {
            BlockParameters.load(block, list, network);
        } catch (IllegalArgumentException e) {
            throw new ModelBundleException(source == null ? "model bundle" : source, "networks." + network,
                    "the stored parameters do not fit the network built from '" + manifest.networks().get(network).architecture()
                            + "': " + e.getMessage(), e);
        }
    }

    /** Closes every array of the bundle. */
    @Override
    public void close() {
        parameters.values().forEach(NDList::close);
        state.values().forEach(NDList::close);
        if (owned != null) {
            owned.close();
        }
    }

    private static Map<String, Shape> shapesOf(NDList list, String what) {
        Objects.requireNonNull(list, what);
        Set<String> names = new HashSet<>();
        for (NDArray a : list) {
            if (a.getName() == null || a.getName().isEmpty()) {
                throw new IllegalArgumentException(what + ": an array has no name; name arrays by parameter path (BlockParameters.parametersOf)");
            }
            if (!names.add(a.getName())) {
                throw new IllegalArgumentException(what + ": parameter '" + a.getName() + "' appears twice");
            }
        }
        return BlockParameters.shapesOf(list);
    }

    private static String describe(Map<String, Shape> shapes) {
        StringBuilder s = new StringBuilder("{");
        shapes.forEach((name, shape) -> s.append(s.length() > 1 ? ", " : "").append(name).append('=').append(JsonFields.format(shape)));
        return s.append('}').toString();
    }
}
