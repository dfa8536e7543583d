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
 * Denoises images of any size with a denoising network (kind {@code denoise}), in the images' own
 * units, as {@link Translator} translates: normalise with the model's map, run the network over
 * overlapping tiles ({@link Tiler}, {@link Predictor}), blend, and map back. The output has the
 * input's size, axes, pixel type and calibration (a CT stays 16-bit in HU), or float32 on request.
 *
 * <p><b>Stacks</b> go plane by plane. A 2.5D network ({@code slices} = 2k + 1 > 1) gets, for plane
 * z, the planes z - k .. z + k of the same frame as input channels, slice-major, the first and last
 * slices repeated past the stack's ends; a 2D image is a stack of one. Channels (a C axis, or the
 * R, G, B of an ARGB image) must be the model's.
 *
 * <pre>{@code
 * try (DenoiseModel model = DenoiseModel.open(Path.of("ct-denoiser.zip"), Device.cpu())) {
 *     Denoising d = model.denoiser(TranslateOptions.DEFAULTS).withRemovedNoise().denoise(lowDoseCt);
 *     CalibratedImage<?> clean = d.image();                       // HU, same type as the input
 *     CalibratedImage<FloatType> noise = d.removedNoise().get();  // input - output, HU
 * }
 * }</pre>
 */
public final class Denoiser {

    private final ImageToImageNetwork network;
    private final DomainSpec domain;
    private final TranslateOptions options;
    private final boolean removedNoise;
    private final int slices;

    /**
     * @param network the denoising network: {@code slices × C} channels in, C out, in network units
     * @param domain the images' channels, intensity map and unit
     * @param options tiling, batch, output type, device
     * @throws IllegalArgumentException when the network's channels are not an odd multiple of the domain's
     */
    public Denoiser(ImageToImageNetwork network, DomainSpec domain, TranslateOptions options) {
        this(network, domain, options, false);
    }

    private Denoiser(ImageToImageNetwork network, DomainSpec domain, TranslateOptions options, boolean removedNoise) {
        this.network = Objects.requireNonNull(network, "network");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.options = Objects.requireNonNull(options, "options");
        this.removedNoise = removedNoise;
        int in = network.inChannels(), out = network.outChannels();
        if (out != domain.channels() || in % out != 0 || (in / out) % 2 == 0) {
            throw new IllegalArgumentException("a denoising network maps an odd number of slices of " + domain.channels()
                    + " channel(s) to " + domain.channels() + ", but this one maps " + in + " to " + out);
        }
        this.slices = in / out;
    }

    /** @return a denoiser that also gives the removed noise, input minus output */
    public Denoiser withRemovedNoise() {
        return new Denoiser(network, domain, options, true);
    }

    /** @return the neighbouring slices the network takes (1 for 2D) */
    public int slices() {
        return slices;
    }

    /** Denoises without progress reports or cancellation. */
    public Denoising denoise(CalibratedImage<?> image) {
        return denoise(image, ProgressListener.NONE, new CancellationToken());
    }

    /**
     * @param progress told tiles done out of tiles in all (every plane's)
     * @param cancel checked before every batch of tiles
     * @throws IllegalArgumentException when the image's channels are not the model's
     * @throws io.github.fijigan.core.progress.CancelledException when cancelled
     */
    public Denoising denoise(CalibratedImage<?> image, ProgressListener progress, CancellationToken cancel) {
        if (image.channels() != domain.channels()) {
            throw new IllegalArgumentException("image '" + image.name() + "' has " + image.channels() + " channel"
                    + (image.channels() == 1 ? "" : "s") + " but the denoiser takes " + domain.channels());
        }
        TilePlan plan = new Tiler(options.tileSize(), options.overlap(), network.sizeMultiple()).plan(image.size(Axis.X),
                image.size(Axis.Y));
        OutputFormat format = OutputFormat.translation(image, domain.channels(), domain.normalization(), domain.valueUnit(),
                options.outputType());
        CalibratedImage<?> output = format.allocate(image, title(image.name(), "denoised"));
        @SuppressWarnings("unchecked")
        CalibratedImage<FloatType> noise = removedNoise
                ? (CalibratedImage<FloatType>) OutputFormat.reliability(image).allocate(image, title(image.name(), "noise")) : null;
        LinearMap toNetwork = domain.normalization().toNetwork(image.valueCalibration());
        LinearMap toStored = domain.normalization().fromNetwork(format.calibration());
        Predictor predictor = new Predictor(network, options.tileBatch());
        long stack = image.size(Axis.Z), frames = image.size(Axis.T);
        long planes = stack * frames, tiles = plan.tiles().size();
        Device device = options.device() != null ? options.device() : network.device();
        try (NDManager manager = NDManager.newBaseManager(device); NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
            long done = 0;
            for (long t = 0; t < frames; t++) {
                for (long z = 0; z < stack; z++, done++) {
                    cancel.throwIfCancelled("denoising " + image.name());
                    String where = planes == 1 ? "Denoising " + image.name()
                            : "Denoising " + image.name() + ", plane " + (done + 1) + " of " + planes;
                    ProgressListener part = relabel(progress, where).part(done * tiles, tiles, planes * tiles);
                    float[] values;
                    try {
                        values = predictor.predict(TileSource.of(neighbourhood(image, z, t), toNetwork), plan, manager, part, cancel);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("cannot denoise image '" + image.name() + "' of " + plan.imageWidth() + "x"
                                + plan.imageHeight() + " pixels: " + e.getMessage(), e);
                    }
                    format.write(output, z, t, values, 0, toStored, cpu);
                    if (noise != null) {
                        writeNoise(image, output, noise, z, t);
                    }
                }
            }
        }
        return new Denoising(output, Optional.ofNullable(noise));
    }

    /** @return the channel planes of slices z - k .. z + k (clamped to the stack), slice-major */
    private List<RandomAccessibleInterval<?>> neighbourhood(CalibratedImage<?> image, long z, long t) {
        List<RandomAccessibleInterval<?>> planes = new ArrayList<>();
        long last = image.size(Axis.Z) - 1;
        for (int s = -slices / 2; s <= slices / 2; s++) {
            long zz = Math.min(Math.max(z + s, 0), last);
            for (long c = 0; c < image.size(Axis.C); c++) {
                planes.add(image.plane(c, zz, t));
            }
        }
        return planes;
    }

    /** Input minus output, both in physical units, channel by channel (R, G, B for ARGB). */
    private static void writeNoise(CalibratedImage<?> image, CalibratedImage<?> output, CalibratedImage<FloatType> noise, long z,
            long t) {
        LinearMap in = physical(image);
        LinearMap out = physical(output);
        PlanarImg<?, ?> img = (PlanarImg<?, ?>) noise.data();
        long channelsOut = noise.size(Axis.C);
        int c = 0;
        for (long k = 0; k < image.size(Axis.C); k++) {
            float[] x = PlaneReader.read(image.plane(k, z, t), in);
            float[] y = PlaneReader.read(output.plane(Math.min(k, output.size(Axis.C) - 1), z, t), out);
            int plane = x.length / PlaneReader.channels(image.data().getType());
            for (int j = 0; j < x.length / plane; j++, c++) {
                float[] dst = ((FloatArray) img.getPlane(Math.toIntExact(c + channelsOut * (z + noise.size(Axis.Z) * t))))
                        .getCurrentStorageArray();
                for (int p = 0; p < plane; p++) {
                    dst[p] = x[j * plane + p] - y[j * plane + p];
                }
            }
        }
    }

    private static LinearMap physical(CalibratedImage<?> image) {
        return LinearMap.of(image.valueCalibration().slope(), image.valueCalibration().intercept());
    }

    private static ProgressListener relabel(ProgressListener progress, String where) {
        return (done, total, message) -> progress.progress(done, total, where + ": " + message);
    }

    /** "CT_small.dcm" and "denoised" make "CT_small_denoised". */
    private static String title(String name, String what) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 && name.length() - dot <= 5 ? name.substring(0, dot) : name;
        return stem.isEmpty() ? what : stem + "_" + what;
    }

    @Override
    public String toString() {
        return "Denoiser[" + network + ", " + slices + " slice(s)" + (removedNoise ? ", with removed noise" : "") + ", " + options + "]";
    }
}
