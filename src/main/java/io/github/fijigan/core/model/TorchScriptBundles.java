package io.github.fijigan.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Generators trained in PyTorch: wraps a TorchScript file ({@code torch.jit.trace} or {@code
 * torch.jit.script}, saved with {@code torch.jit.save}) into a model bundle of kind torchscript,
 * and loads it back as a DJL block that translates images like a generator trained here.
 *
 * <pre>{@code
 * TorchScriptSpec spec = TorchScriptSpec.of(new DomainSpec(1, t1Map, ""), new DomainSpec(1, ctMap, "HU"), 4);
 * TorchScriptBundles.wrap(Path.of("G_AB.pt"), spec, Path.of("t1-to-ct.zip"));
 *
 * try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
 *     PtSymbolBlock g = TorchScriptBundles.loadGenerator(Path.of("t1-to-ct.zip"), manager, Device.cpu());
 *     NDList fake = g.forward(new ParameterStore(manager, false), new NDList(normalisedImage), false);
 * } // closing the manager frees the module
 * }</pre>
 *
 * <p>The module's input is one unnamed float32 array {@code (N, C, H, W)} in [-1, 1] (the source
 * domain's normalisation), with H and W multiples of the tile multiple; its output one such array
 * in the target domain's channels. Give arrays without names, or names without a '.': DJL turns
 * dotted names into a dictionary argument.
 */
public final class TorchScriptBundles {

    /** Side of the square test image, rounded up to the tile multiple: big enough for any padding. */
    private static final int PROBE_SIZE = 32;

    private TorchScriptBundles() {}

    /**
     * Builds and writes a model bundle of kind torchscript from a {@code .pt} file: network {@value
     * TorchScriptSpec#GENERATOR} (the file, with its SHA-256), domains {@value TorchScriptSpec#SOURCE}
     * and {@value TorchScriptSpec#TARGET}, direction {@code A->B}. The module is loaded and run once
     * on a small image first (CPU), so a file that does not fit the spec is refused here rather than
     * when a user runs it.
     *
     * @param pt the TorchScript file
     * @param spec its domains and tile multiple
     * @param zip the bundle to write (atomically, see {@link ModelBundles#write})
     * @return the manifest as written
     * @throws ModelBundleException naming {@code pt} when it is not a TorchScript module, cannot be
     *     loaded, or does not take and give the spec's channels; naming {@code zip} when writing fails
     */
    public static ModelManifest wrap(Path pt, TorchScriptSpec spec, Path zip) {
        String file = fileName(pt);
        byte[] bytes = readModule(pt, file);
        String problem = TorchScriptArchive.problem(bytes);
        if (problem != null) {
            throw new ModelBundleException(file, "", problem);
        }
        ModelBundle bundle = ModelBundle.ofTorchScript(spec.toManifest(), Map.of(TorchScriptSpec.GENERATOR, bytes));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            load(bundle, file, "", manager, Device.cpu()).close();
        }
        return ModelBundles.write(zip, bundle);
    }

    /**
     * Reads a torchscript bundle and loads its generator; see {@link #loadGenerator(ModelBundle,
     * NDManager, Device)}.
     *
     * @throws ModelBundleException naming the bundle file and what is wrong
     */
    public static PtSymbolBlock loadGenerator(Path zip, NDManager manager, Device device) {
        try (ModelBundle bundle = ModelBundles.read(zip, manager)) {
            return loadGenerator(bundle, manager, device);
        }
    }

    /**
     * Loads the generator of a torchscript bundle onto {@code device} (its tensors are mapped there,
     * wherever they were saved) and checks it: a forward pass on a small image with the source
     * domain's channels must give one image of the same size with the target domain's channels.
     *
     * <p>The block belongs to {@code manager}: closing the manager frees the module, or close the
     * block itself. Run it with {@code forward(parameterStore, inputs, false)}: inference mode
     * (dropout off); its inputs must be on {@code device}.
     *
     * @param manager a PyTorch engine manager
     * @throws ModelBundleException naming the bundle file and the generator's entry when the module
     *     cannot be loaded or does not fit {@code model.json}, or {@code model.json: kind} when the
     *     model is not of kind torchscript
     * @throws IllegalArgumentException when the manager is not PyTorch's
     */
    public static PtSymbolBlock loadGenerator(ModelBundle bundle, NDManager manager, Device device) {
        String file = bundle.source().orElse("model bundle");
        NetworkSpec generator = bundle.manifest().networks().get(TorchScriptSpec.GENERATOR);
        String where = generator == null ? "" : generator.parameters() + " (networks." + TorchScriptSpec.GENERATOR + ")";
        return load(bundle, file, where, manager, device);
    }

    private static PtSymbolBlock load(ModelBundle bundle, String file, String where, NDManager manager, Device device) {
        if (!(manager instanceof PtNDManager pt)) {
            throw new IllegalArgumentException("TorchScript modules run on the PyTorch engine; the manager is "
                    + manager.getEngine().getEngineName() + "'s");
        }
        if (bundle.manifest().kind() != ModelKind.TORCHSCRIPT) {
            throw new ModelBundleException(file, ModelManifest.ENTRY + ": kind", "is " + bundle.manifest().kind().id()
                    + ", not torchscript: this model's generator is built by Fiji GAN, not loaded from TorchScript");
        }
        TorchScriptSpec spec = TorchScriptSpec.from(bundle.manifest());
        long handle;
        try (InputStream in = bundle.torchScript(TorchScriptSpec.GENERATOR)) {
            // mapLocation: tensors saved on a GPU load onto the requested device instead.
            handle = JniUtils.loadModuleHandle(in, device, true, false);
        } catch (EngineException | IOException e) {
            throw new ModelBundleException(file, where, "PyTorch cannot load this TorchScript module: " + TorchScriptProbe.firstLine(e), e);
        }
        PtSymbolBlock block = new PtSymbolBlock(pt, handle);
        try {
            TorchScriptProbe.check(block, spec, pt, device, PROBE_SIZE);
        } catch (TorchScriptProbe.MismatchException e) {
            block.close();
            throw new ModelBundleException(file, where, e.getMessage(), e.getCause());
        } catch (RuntimeException | Error e) {
            block.close();
            throw e;
        }
        return block;
    }

    private static byte[] readModule(Path pt, String file) {
        if (!Files.exists(pt)) {
            throw new ModelBundleException(file, "", "file not found: " + pt.toAbsolutePath());
        }
        if (Files.isDirectory(pt)) {
            throw new ModelBundleException(file, "", "is a folder, not a TorchScript file");
        }
        try {
            if (Files.size(pt) > EntryDecoder.MODULE_LIMIT) {
                throw new ModelBundleException(file, "", "larger than " + (EntryDecoder.MODULE_LIMIT >> 20)
                        + " MiB, more than a generator needs; refusing to read it");
            }
            return Files.readAllBytes(pt);
        } catch (IOException e) {
            throw new ModelBundleException(file, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private static String fileName(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }
}
