package io.github.fijigan.core.stain;

import java.nio.file.Path;
import java.util.Objects;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.infer.BlockNetwork;
import io.github.fijigan.core.infer.ImageToImageNetwork;
import io.github.fijigan.core.infer.ModelImageJob;
import io.github.fijigan.core.infer.TranslateOptions;
import io.github.fijigan.core.infer.Translator;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelBundle;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.nn.NetworkFactory;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.core.train.ColorizerBundles;
import io.github.fijigan.core.train.Network;

/**
 * Learned stain normalisation (Cho et al. 2017): renders any slide in the stain style of the
 * institution a colorizer (kind {@code colorizer}) was trained on, by taking the slide's grey version
 * ({@link Luma}, BT.601: 0.299 R + 0.587 G + 0.114 B, as in training) and colouring it with the
 * model's generator. Images of any size go through the {@link Translator}'s overlapping tiles, so
 * memory is bounded by the tile batch. Holds the network's native memory until closed.
 *
 * <pre>{@code
 * try (Colorizer colorizer = Colorizer.open(Path.of("lab-b-stain.zip"), Device.cpu())) {
 *     CalibratedImage<?> normalised = colorizer.colorize(slideFromLabA);          // RGB, same size
 *     CalibratedImage<?> tiled = colorizer.colorize(slide, TranslateOptions.DEFAULTS.withTileSize(512),
 *             ProgressListener.NONE, new CancellationToken());
 * }
 * }</pre>
 */
public final class Colorizer implements ModelImageJob.OpenModel {

    private final NDManager manager;
    private final ModelManifest manifest;
    private final ImageToImageNetwork network;
    private final DomainSpec gray;
    private final DomainSpec colour;

    private Colorizer(NDManager manager, ModelManifest manifest, ImageToImageNetwork network, DomainSpec gray, DomainSpec colour) {
        this.manager = manager;
        this.manifest = manifest;
        this.network = network;
        this.gray = gray;
        this.colour = colour;
    }

    /**
     * @param zip a model bundle of kind {@code colorizer}
     * @throws ModelBundleException naming the file and the problem: another kind, a missing network
     *     or domain, channels that are not 1 to 3, an unknown grey formula, a broken bundle
     */
    public static Colorizer open(Path zip, Device device) {
        String file = zip.getFileName() == null ? zip.toString() : zip.getFileName().toString();
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try (ModelBundle bundle = ModelBundles.read(zip, manager)) {
            ModelManifest manifest = bundle.manifest();
            if (manifest.kind() != ModelKind.COLORIZER) {
                throw new ModelBundleException(file, "kind", "a " + manifest.kind().id() + " model does not normalise stains; "
                        + "a colorizer model (kind colorizer) does");
            }
            String formula = manifest.extras().has(ColorizerBundles.GRAY_CONVERSION)
                    ? manifest.extras().get(ColorizerBundles.GRAY_CONVERSION).getAsString() : "";
            if (!formula.equals(Luma.NAME)) {
                throw new ModelBundleException(file, ColorizerBundles.GRAY_CONVERSION, "is '" + formula + "'; this version converts"
                        + " to grey with " + Luma.NAME + " only");
            }
            DomainSpec gray = domain(manifest, ColorizerBundles.GRAY, 1, file);
            DomainSpec colour = domain(manifest, ColorizerBundles.COLOUR, 3, file);
            String name = ColorizerBundles.GENERATOR;
            NetworkSpec spec = manifest.networks().get(name);
            if (spec == null) {
                throw new ModelBundleException(file, "networks." + name, "the model has no network " + name + "; it has "
                        + manifest.networks().keySet());
            }
            if (spec.inChannels() != 1 || spec.outChannels() != 3) {
                throw new ModelBundleException(file, "networks." + name, "maps " + spec.inChannels() + " to " + spec.outChannels()
                        + " channels; a colorizer maps 1 grey channel to 3");
            }
            Network g;
            try {
                g = Network.forInference(name, spec, manager);
            } catch (IllegalArgumentException e) {
                throw new ModelBundleException(file, "networks." + name, e.getMessage(), e);
            }
            bundle.loadInto(name, g.block());
            ImageToImageNetwork network = new BlockNetwork(g.block(), manager, 1, 3, NetworkFactory.sizeMultiple(spec));
            return new Colorizer(manager, manifest, network, gray, colour);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * A colorizer of a network already in memory (e.g. one being trained, or a benchmark's); closing
     * it leaves the network alone.
     *
     * @param grayToColour the generator, 1 grey channel to 3
     * @param gray the grey domain (1 channel, the map the network was trained with)
     * @param colour the colour domain (3 channels, the same map)
     */
    public static Colorizer of(ImageToImageNetwork grayToColour, DomainSpec gray, DomainSpec colour) {
        if (grayToColour.inChannels() != 1 || grayToColour.outChannels() != 3 || gray.channels() != 1 || colour.channels() != 3) {
            throw new IllegalArgumentException("a colorizer maps 1 grey channel to 3; the network maps " + grayToColour.inChannels()
                    + " to " + grayToColour.outChannels() + ", the domains have " + gray.channels() + " and " + colour.channels());
        }
        return new Colorizer(null, null, grayToColour, gray, colour);
    }

    private static DomainSpec domain(ModelManifest manifest, String name, int channels, String file) {
        DomainSpec d = manifest.domains().get(name);
        if (d == null) {
            throw new ModelBundleException(file, "domains." + name, "a colorizer needs the domains " + ColorizerBundles.GRAY + " and "
                    + ColorizerBundles.COLOUR + "; it has " + manifest.domains().keySet());
        }
        if (d.channels() != channels) {
            throw new ModelBundleException(file, "domains." + name + ".channels", "is " + d.channels() + "; must be " + channels);
        }
        return d;
    }

    /** Colorizes with the default tiling, without progress or cancellation. */
    public CalibratedImage<?> colorize(CalibratedImage<?> image) {
        return colorize(image, TranslateOptions.DEFAULTS, ProgressListener.NONE, new CancellationToken());
    }

    /**
     * Renders an image in the model's stain style.
     *
     * @param image 8-bit RGB (ARGB, or 8-bit with 3 channels), or 8-bit grey (taken as the grey
     *     version itself); stacks go plane by plane
     * @param options tiling, tile batch, output type, device
     * @return an RGB image of the same size and calibration: the input's type for RGB input, ARGB
     *     for grey input (float32 when {@code options} asks)
     * @throws IllegalArgumentException naming the image when it is neither 8-bit RGB nor 8-bit grey
     * @throws io.github.fijigan.core.progress.CancelledException when cancelled
     */
    public CalibratedImage<?> colorize(CalibratedImage<?> image, TranslateOptions options, ProgressListener progress,
            CancellationToken cancel) {
        Objects.requireNonNull(image, "image");
        Translator translator;
        if (Luma.isRgb8(image)) {
            translator = new Translator(new GrayInputNetwork(network), colour, colour, options);
        } else if (Luma.isGray8(image)) {
            translator = new Translator(network, gray, colour, options);
        } else {
            throw new IllegalArgumentException("image '" + image.name() + "' is " + Luma.describe(image) + "; stain normalisation"
                    + " takes 8-bit RGB images (or their 8-bit grey versions)");
        }
        return translator.translate(image, progress, cancel).image();
    }

    /** @return the colour domain the model renders in (3 channels, its intensity map) */
    public DomainSpec colourDomain() {
        return colour;
    }

    /** @return the grey-to-colour network */
    public ImageToImageNetwork network() {
        return network;
    }

    /** @return the model's manifest; empty for {@link #of} */
    public java.util.Optional<ModelManifest> manifest() {
        return java.util.Optional.ofNullable(manifest);
    }

    /** Frees the network of an opened model. */
    @Override
    public void close() {
        if (manager != null) {
            manager.close();
        }
    }
}
