package io.github.fijigan.core.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.core.tensor.LinearMap;
import io.github.fijigan.core.tensor.PlaneReader;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Translates images of any size from one domain to another with an image-to-image network, in the
 * images' own units: normalise with the input domain's map, run the network over overlapping tiles,
 * blend them, and bring the result back to the output domain's physical units.
 *
 * <pre>{@code
 * try (NDManager manager = NDManager.newBaseManager();
 *         ModelBundle model = ModelBundles.read(Path.of("t1t2.zip"), manager)) {   // a CycleGAN T1 <-> T2
 *     ModelManifest m = model.manifest();
 *     Network gAB = Network.forInference("G_AB", m.networks().get("G_AB"), manager);
 *     model.loadInto("G_AB", gAB.block());
 *     ImageToImageNetwork forward = new BlockNetwork(gAB.block(), manager, 1, 1, m.tileMultiple());
 *     Translator translator = new Translator(forward, m.domains().get("A"), m.domains().get("B"),
 *             TranslateOptions.DEFAULTS.withTileSize(256));
 *     CalibratedImage<?> t2 = translator.translate(t1Image, listener, token).image(); // same size, type, calibration
 *
 *     // CycleGAN: also |x - G_BA(G_AB(x))|, where the model does not trust itself
 *     Translation checked = translator.withReliability(backward).translate(t1Image, listener, token);
 *     CalibratedImage<FloatType> reliability = checked.reliability().orElseThrow();
 * }
 * }</pre>
 *
 * <p>A 2D image is one plane; stacks go plane by plane (every slice Z and frame T); channels (a C
 * axis, or the R, G, B of an ARGB image) are the network's input channels and must match their
 * number. The output keeps the input's size, axes and spatial calibration. Its pixel type is the
 * input's when the channel count is unchanged; an 8-bit image turned into 3 channels becomes ARGB,
 * into other counts 8-bit with a C axis; other changes give float32, as does {@link
 * TranslateOptions.OutputType#FLOAT32}. The value calibration is kept when the output domain's unit
 * is the input's (or unknown), so a CT stays in HU; a new unit too wide for the input's type gives
 * float32. Float outputs hold physical values.
 */
public final class Translator {

    private final ImageToImageNetwork network;
    private final ImageToImageNetwork backward;
    private final DomainSpec from;
    private final DomainSpec to;
    private final TranslateOptions options;

    /**
     * @param network the forward network, input domain to output domain
     * @param from the input domain: channels and intensity map
     * @param to the output domain: channels, intensity map and value unit
     * @param options tiling, batch, output type, device
     * @throws IllegalArgumentException when the domains' channels are not the network's
     */
    public Translator(ImageToImageNetwork network, DomainSpec from, DomainSpec to, TranslateOptions options) {
        this(network, null, from, to, options);
    }

    private Translator(ImageToImageNetwork network, ImageToImageNetwork backward, DomainSpec from, DomainSpec to,
            TranslateOptions options) {
        this.network = Objects.requireNonNull(network, "network");
        this.backward = backward;
        this.from = Objects.requireNonNull(from, "input domain");
        this.to = Objects.requireNonNull(to, "output domain");
        this.options = Objects.requireNonNull(options, "options");
        if (from.channels() != network.inChannels() || to.channels() != network.outChannels()) {
            throw new IllegalArgumentException("the network maps " + network.inChannels() + " to " + network.outChannels()
                    + " channels but the domains have " + from.channels() + " and " + to.channels());
        }
        if (backward != null) {
            new CycleNetwork(network, backward);
        }
    }

    /**
     * @param backwardNetwork the output domain's network back to the input domain (CycleGAN's G_BA)
     * @return a translator that also gives the reliability map {@code |x - G_BA(G_AB(x))|}
     * @throws IllegalArgumentException when its channels do not undo the forward network's
     */
    public Translator withReliability(ImageToImageNetwork backwardNetwork) {
        return new Translator(network, Objects.requireNonNull(backwardNetwork, "backward network"), from, to, options);
    }

    /** Translates without progress reports or cancellation. */
    public Translation translate(CalibratedImage<?> image) {
        return translate(image, ProgressListener.NONE, new CancellationToken());
    }

    /**
     * Translates an image.
     *
     * @param progress told tiles done out of tiles in all (every plane's)
     * @param cancel checked before every batch of tiles
     * @throws IllegalArgumentException when the image's channels are not the network's input channels
     * @throws io.github.fijigan.core.progress.CancelledException when cancelled
     * @throws ai.djl.engine.EngineException when even one tile does not fit the device's memory
     */
    public Translation translate(CalibratedImage<?> image, ProgressListener progress, CancellationToken cancel) {
        if (image.channels() != network.inChannels()) {
            throw new IllegalArgumentException("image '" + image.name() + "' has " + image.channels() + " channel"
                    + (image.channels() == 1 ? "" : "s") + " but the network takes " + network.inChannels());
        }
        ImageToImageNetwork net = backward == null ? network : new CycleNetwork(network, backward);
        TilePlan plan = new Tiler(options.tileSize(), options.overlap(), net.sizeMultiple())
                .plan(image.size(Axis.X), image.size(Axis.Y));
        OutputFormat format = OutputFormat.translation(image, network.outChannels(), to.normalization(), to.valueUnit(),
                options.outputType());
        CalibratedImage<?> output = format.allocate(image, title(image.name(), "translated"));
        OutputFormat reliabilityFormat = OutputFormat.reliability(image);
        @SuppressWarnings("unchecked")
        CalibratedImage<FloatType> reliability = backward == null ? null
                : (CalibratedImage<FloatType>) reliabilityFormat.allocate(image, title(image.name(), "reliability"));
        LinearMap toNetwork = from.normalization().toNetwork(image.valueCalibration());
        LinearMap toStored = to.normalization().fromNetwork(format.calibration());
        Predictor predictor = new Predictor(net, options.tileBatch());
        long slices = image.size(Axis.Z), frames = image.size(Axis.T);
        long planes = slices * frames, tiles = plan.tiles().size();
        Device device = options.device() != null ? options.device() : net.device();
        try (NDManager manager = NDManager.newBaseManager(device); NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
            long done = 0;
            for (long t = 0; t < frames; t++) {
                for (long z = 0; z < slices; z++, done++) {
                    cancel.throwIfCancelled("translating " + image.name());
                    String where = planes == 1 ? "Translating " + image.name()
                            : "Translating " + image.name() + ", plane " + (done + 1) + " of " + planes;
                    ProgressListener part = relabel(progress, where).part(done * tiles, tiles, planes * tiles);
                    List<RandomAccessibleInterval<?>> channels = channelPlanes(image, z, t);
                    float[] values;
                    try {
                        values = predictor.predict(TileSource.of(channels, toNetwork), plan, manager, part, cancel);
                    } catch (IllegalArgumentException e) {
                        // e.g. a network that cannot take an image this small: say which image.
                        throw new IllegalArgumentException("cannot translate image '" + image.name() + "' of " + plan.imageWidth() + "x"
                                + plan.imageHeight() + " pixels: " + e.getMessage(), e);
                    }
                    format.write(output, z, t, values, 0, toStored, cpu);
                    if (reliability != null) {
                        writeReliability(image, channels, values, network.outChannels() * plan.imageWidth() * plan.imageHeight(),
                                reliability, z, t);
                    }
                }
            }
        }
        return new Translation(output, Optional.ofNullable(reliability));
    }

    /** |x - r| in physical units, r being the blended reconstruction in the input domain's network units. */
    private void writeReliability(CalibratedImage<?> image, List<RandomAccessibleInterval<?>> channels, float[] values, int offset,
            CalibratedImage<FloatType> reliability, long z, long t) {
        LinearMap physical = LinearMap.of(image.valueCalibration().slope(), image.valueCalibration().intercept());
        LinearMap back = from.normalization().fromNetwork();
        int plane = (int) (image.size(Axis.X) * image.size(Axis.Y));
        int c = 0;
        PlanarImg<?, ?> img = (PlanarImg<?, ?>) reliability.data();
        long channelsOut = reliability.size(Axis.C);
        for (RandomAccessibleInterval<?> channelPlane : channels) {
            float[] x = PlaneReader.read(channelPlane, physical);
            for (int k = 0; k < x.length / plane; k++, c++) {
                float[] dst = ((FloatArray) img.getPlane(Math.toIntExact(c + channelsOut * (z + reliability.size(Axis.Z) * t))))
                        .getCurrentStorageArray();
                int base = offset + c * plane;
                for (int p = 0; p < plane; p++) {
                    dst[p] = (float) Math.abs(x[k * plane + p] - back.apply(values[base + p]));
                }
            }
        }
    }

    private static List<RandomAccessibleInterval<?>> channelPlanes(CalibratedImage<?> image, long z, long t) {
        List<RandomAccessibleInterval<?>> planes = new ArrayList<>();
        for (long c = 0; c < image.size(Axis.C); c++) {
            planes.add(image.plane(c, z, t));
        }
        return planes;
    }

    private static ProgressListener relabel(ProgressListener progress, String where) {
        return (done, total, message) -> progress.progress(done, total, where + ": " + message);
    }

    /** "CT_small.dcm" and "translated" make "CT_small_translated". */
    private static String title(String name, String what) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 && name.length() - dot <= 5 ? name.substring(0, dot) : name;
        return stem.isEmpty() ? what : stem + "_" + what;
    }

    @Override
    public String toString() {
        return "Translator[" + network + (backward != null ? " with reliability" : "") + ", " + options + "]";
    }
}
