package io.github.fijigan.core.infer;

import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelBundle;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.nn.NetworkFactory;
import io.github.fijigan.core.train.Network;

/**
 * A denoiser (a model bundle of kind {@code denoise}) opened on one device: its generator, applied
 * like a translation generator, and its one domain {@code image}. Holds the network's native memory
 * until closed.
 *
 * <pre>{@code
 * try (DenoiseModel model = DenoiseModel.open(Path.of("ct-denoiser.zip"), Device.cpu())) {
 *     CalibratedImage<?> clean = model.denoiser(TranslateOptions.DEFAULTS).denoise(lowDoseCt).image();
 * }
 * }</pre>
 */
public final class DenoiseModel implements ModelImageJob.OpenModel {

    /** The bundle's names for its network and domain. */
    public static final String GENERATOR = "generator";
    public static final String DOMAIN = "image";

    private final NDManager manager;
    private final ModelManifest manifest;
    private final ImageToImageNetwork network;
    private final DomainSpec domain;

    private DenoiseModel(NDManager manager, ModelManifest manifest, ImageToImageNetwork network, DomainSpec domain) {
        this.manager = manager;
        this.manifest = manifest;
        this.network = network;
        this.domain = domain;
    }

    /**
     * @param zip a model bundle of kind {@code denoise}
     * @throws ModelBundleException naming the file and the problem: another kind, no generator or
     *     domain, channels that do not fit, a broken bundle
     */
    public static DenoiseModel open(Path zip, Device device) {
        String file = zip.getFileName() == null ? zip.toString() : zip.getFileName().toString();
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try (ModelBundle bundle = ModelBundles.read(zip, manager)) {
            ModelManifest manifest = bundle.manifest();
            if (manifest.kind() != ModelKind.DENOISE) {
                throw new ModelBundleException(file, "kind", "a " + manifest.kind().id() + " model does not denoise images"
                        + (manifest.kind().generatesFromNoise() ? "" : "; translate with it instead"));
            }
            DomainSpec domain = manifest.domains().get(DOMAIN);
            if (domain == null) {
                throw new ModelBundleException(file, "domains." + DOMAIN, "a denoiser needs the domain " + DOMAIN + "; it has "
                        + manifest.domains().keySet());
            }
            NetworkSpec spec = manifest.networks().get(GENERATOR);
            if (spec == null) {
                throw new ModelBundleException(file, "networks." + GENERATOR, "the model has no network " + GENERATOR + "; it has "
                        + manifest.networks().keySet());
            }
            if (spec.outChannels() != domain.channels()) {
                throw new ModelBundleException(file, "networks." + GENERATOR + ".out_channels", "is " + spec.outChannels()
                        + " but domain " + DOMAIN + " has " + domain.channels() + " channel(s)");
            }
            Network g;
            try {
                g = Network.forInference(GENERATOR, spec, manager);
            } catch (IllegalArgumentException e) {
                throw new ModelBundleException(file, "networks." + GENERATOR, e.getMessage(), e);
            }
            bundle.loadInto(GENERATOR, g.block());
            ImageToImageNetwork network = new BlockNetwork(g.block(), manager, spec.inChannels(), spec.outChannels(),
                    NetworkFactory.sizeMultiple(spec));
            return new DenoiseModel(manager, manifest, network, domain);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** @return a denoiser of images with this model's network and map */
    public Denoiser denoiser(TranslateOptions options) {
        return new Denoiser(network, domain, options);
    }

    /** @return the neighbouring slices the network takes (1 for 2D) */
    public int slices() {
        return network.inChannels() / network.outChannels();
    }

    /** @return the images' domain: channels, intensity map, unit */
    public DomainSpec domain() {
        return domain;
    }

    /** @return the network */
    public ImageToImageNetwork network() {
        return network;
    }

    /** @return the model's manifest */
    public ModelManifest manifest() {
        return manifest;
    }

    /** Frees the network. */
    @Override
    public void close() {
        manager.close();
    }
}
