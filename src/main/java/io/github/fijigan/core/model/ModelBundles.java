package io.github.fijigan.core.model;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import ai.djl.ndarray.NDManager;

/**
 * Saves and loads model bundles: one {@code .zip} with {@code model.json} and a DJL NDList file of
 * named parameters per network (format: {@code docs/model-format.md}). Reading validates
 * everything and fails with a {@link ModelBundleException} naming the file and the field.
 *
 * <pre>{@code
 * try (NDManager manager = NDManager.newBaseManager()) {
 *     Map<String, NDList> params = Map.of("G", BlockParameters.parametersOf(generator, manager));
 *     try (ModelBundle bundle = ModelBundle.of(manifest, params, Map.of())) {
 *         ModelBundles.write(Path.of("denoise.zip"), bundle);
 *     }
 *     ModelManifest info = ModelBundles.readManifest(Path.of("denoise.zip")); // no arrays
 *     try (ModelBundle loaded = ModelBundles.read(Path.of("denoise.zip"), manager)) {
 *         loaded.loadInto("G", freshGenerator);
 *     }
 * }
 * }</pre>
 */
public final class ModelBundles {

    private ModelBundles() {}

    /**
     * Writes a bundle atomically: into a temporary file beside {@code zip}, synced to disk, then
     * moved over {@code zip} in one step. On any failure the temporary file is deleted and an
     * existing {@code zip} is left as it was. The same bundle always gives the same bytes (fixed
     * entry order and times).
     *
     * @return the manifest as written, with the checksums of the parameter and state files
     * @throws ModelBundleException naming the file and the entry that could not be written
     */
    public static ModelManifest write(Path zip, ModelBundle bundle) {
        return BundleWriter.write(zip, bundle, UnaryOperator.identity());
    }

    /** As {@link #write(Path, ModelBundle)}, with the file's stream wrapped: lets tests fail it midway. */
    static ModelManifest write(Path zip, ModelBundle bundle, UnaryOperator<OutputStream> wrap) {
        return BundleWriter.write(zip, bundle, wrap);
    }

    /**
     * Reads and validates a whole bundle: manifest, checksums, and every parameter file against
     * its {@code parameter_shapes}.
     *
     * @param manager the bundle's arrays go to a sub-manager of it, closed with the bundle
     * @throws ModelBundleException naming the file and the field or entry at fault
     */
    public static ModelBundle read(Path zip, NDManager manager) {
        try (BundleReader reader = BundleReader.open(zip)) {
            return reader.readAll(reader.manifest(), manager);
        }
    }

    /**
     * Reads and validates {@code model.json} only, and checks that the files it names exist; no
     * parameters are decoded. Fast, for showing what a model is.
     *
     * @throws ModelBundleException naming the file and the field or entry at fault
     */
    public static ModelManifest readManifest(Path zip) {
        try (BundleReader reader = BundleReader.open(zip)) {
            return reader.manifest();
        }
    }
}
