package io.github.fijigan.core.infer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelBundle;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.model.TorchScriptBundles;
import io.github.fijigan.core.model.TorchScriptSpec;
import io.github.fijigan.core.nn.NetworkFactory;
import io.github.fijigan.core.train.Network;

/**
 * A translation model opened for one direction on one device: pix2pix (its one generator),
 * CycleGAN ({@code generator_AB} or {@code generator_BA}, with the other one for the reliability
 * map) or a TorchScript generator exported from PyTorch. Holds the networks' native memory until
 * closed.
 *
 * <pre>{@code
 * try (TranslationModel model = TranslationModel.open(Path.of("t1t2.zip"), "A->B", Device.cpu())) {
 *     Translation t = model.translator(TranslateOptions.DEFAULTS, true).translate(image);
 *     CalibratedImage<?> t2 = t.image();                    // in the input's type and units
 *     t.reliability().ifPresent(map -> ...);                // |x - G_BA(G_AB(x))| in input units
 * }
 * }</pre>
 */
public final class TranslationModel implements ModelImageJob.OpenModel {

    /** The two directions a translation can take, between the model's domains {@code A} and {@code B}. */
    public static final String A_TO_B = "A->B";
    public static final String B_TO_A = "B->A";

    private final NDManager manager;
    private final ModelManifest manifest;
    private final String direction;
    private final ImageToImageNetwork network;
    private final ImageToImageNetwork backward;
    private final DomainSpec from;
    private final DomainSpec to;

    private TranslationModel(NDManager manager, ModelManifest manifest, String direction, ImageToImageNetwork network,
            ImageToImageNetwork backward, DomainSpec from, DomainSpec to) {
        this.manager = manager;
        this.manifest = manifest;
        this.direction = direction;
        this.network = network;
        this.backward = backward;
        this.from = from;
        this.to = to;
    }

    /**
     * @param zip a model bundle of kind pix2pix, cyclegan or torchscript
     * @param direction {@code A->B}, {@code B->A}, or null/empty for the model's own (pix2pix,
     *     torchscript) or A->B (CycleGAN)
     * @throws ModelBundleException naming the file and the problem: not a translation model, a
     *     direction the model cannot go, a broken bundle
     */
    public static TranslationModel open(Path zip, String direction, Device device) {
        String file = zip.getFileName() == null ? zip.toString() : zip.getFileName().toString();
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try (ModelBundle bundle = ModelBundles.read(zip, manager)) {
            ModelManifest manifest = bundle.manifest();
            ModelKind kind = manifest.kind();
            String own = manifest.extras().has("direction") ? manifest.extras().get("direction").getAsString() : A_TO_B;
            String wanted = direction == null || direction.isBlank() ? (kind == ModelKind.CYCLEGAN ? A_TO_B : own) : normalise(direction, file);
            DomainSpec a = domain(manifest, "A", file);
            DomainSpec b = domain(manifest, "B", file);
            DomainSpec from = wanted.equals(A_TO_B) ? a : b;
            DomainSpec to = wanted.equals(A_TO_B) ? b : a;
            TranslationModel model = switch (kind) {
                case CYCLEGAN -> {
                    String forward = wanted.equals(A_TO_B) ? "generator_AB" : "generator_BA";
                    String back = wanted.equals(A_TO_B) ? "generator_BA" : "generator_AB";
                    yield new TranslationModel(manager, manifest, wanted, ours(bundle, forward, manager, file),
                            ours(bundle, back, manager, file), from, to);
                }
                case PIX2PIX, TORCHSCRIPT -> {
                    if (!wanted.equals(own)) {
                        throw new ModelBundleException(file, "direction", "this " + kind.id() + " model translates " + own
                                + " only, not " + wanted);
                    }
                    ImageToImageNetwork g = kind == ModelKind.PIX2PIX ? ours(bundle, "generator", manager, file)
                            : torchScript(bundle, manager, device, manifest);
                    yield new TranslationModel(manager, manifest, wanted, g, null, from, to);
                }
                default -> throw new ModelBundleException(file, "kind", "a " + kind.id() + " model does not translate images"
                        + (kind.generatesFromNoise() ? "; it generates them (Generate Samples)" : ""));
            };
            return model;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static String normalise(String direction, String file) {
        String d = direction.trim().toUpperCase(Locale.ROOT).replace("TO", "->").replace(" ", "");
        if (d.equals("A->B") || d.equals("AB")) {
            return A_TO_B;
        }
        if (d.equals("B->A") || d.equals("BA")) {
            return B_TO_A;
        }
        throw new ModelBundleException(file, "direction", "'" + direction + "' is not a direction; use A->B or B->A");
    }

    private static DomainSpec domain(ModelManifest manifest, String name, String file) {
        DomainSpec d = manifest.domains().get(name);
        if (d == null) {
            throw new ModelBundleException(file, "domains." + name, "a translation model needs domains A and B; it has "
                    + manifest.domains().keySet());
        }
        return d;
    }

    private static ImageToImageNetwork ours(ModelBundle bundle, String name, NDManager manager, String file) {
        NetworkSpec spec = bundle.manifest().networks().get(name);
        if (spec == null) {
            throw new ModelBundleException(file, "networks." + name, "the model has no network " + name + "; it has "
                    + bundle.manifest().networks().keySet());
        }
        Network g = Network.forInference(name, spec, manager);
        bundle.loadInto(name, g.block());
        return new BlockNetwork(g.block(), manager, spec.inChannels(), spec.outChannels(), NetworkFactory.sizeMultiple(spec));
    }

    private static ImageToImageNetwork torchScript(ModelBundle bundle, NDManager manager, Device device, ModelManifest manifest) {
        Block block = TorchScriptBundles.loadGenerator(bundle, manager, device);
        NetworkSpec spec = manifest.networks().get(TorchScriptSpec.GENERATOR);
        return new BlockNetwork(block, manager, spec.inChannels(), spec.outChannels(), manifest.tileMultiple());
    }

    /**
     * @param reliability whether to also compute CycleGAN's reliability map (ignored by models
     *     without a backward generator; see {@link #hasReliability()})
     * @return a translator of images in this model's direction
     */
    public Translator translator(TranslateOptions options, boolean reliability) {
        Translator t = new Translator(network, from, to, options);
        return reliability && backward != null ? t.withReliability(backward) : t;
    }

    /** @return whether a reliability map can be computed (CycleGAN) */
    public boolean hasReliability() {
        return backward != null;
    }

    /** @return the direction opened, {@code A->B} or {@code B->A} */
    public String direction() {
        return direction;
    }

    /** @return the input domain */
    public DomainSpec from() {
        return from;
    }

    /** @return the output domain */
    public DomainSpec to() {
        return to;
    }

    /** @return the forward network */
    public ImageToImageNetwork network() {
        return network;
    }

    /** @return the model's manifest */
    public ModelManifest manifest() {
        return manifest;
    }

    /** @return the backward network of a CycleGAN, if any */
    public Optional<ImageToImageNetwork> backward() {
        return Optional.ofNullable(backward);
    }

    /** Frees the networks. */
    @Override
    public void close() {
        manager.close();
    }
}
