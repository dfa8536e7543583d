package io.github.fijigan.core.train;

import java.nio.file.Path;
import java.util.SplittableRandom;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.noise.NoiseSimulator;
import io.github.fijigan.core.tensor.LinearMap;
import io.github.fijigan.core.tensor.PlaneReader;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** The committed CT slice (128 x 128, HU) cut into a training part and a held-out part, and a tiny denoiser config for it. */
final class CtDenoising {

    static final Path CT = Path.of("test-data/dicom/CT_small.dcm");
    /** Rows [0, TRAIN_ROWS) train; rows [HELD_OUT_FROM, 128) are held out; the rows between keep the two apart. */
    static final int TRAIN_ROWS = 88;
    static final int HELD_OUT_FROM = 96;

    private CtDenoising() {}

    /** @return the CT as read (16-bit, HU through its calibration) */
    static CalibratedImage<?> ct() throws Exception {
        return new ImageJReader().read(CT);
    }

    /** @return rows [from, to) of a 2D image, a view with the image's calibration */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static CalibratedImage<?> rows(CalibratedImage<?> image, int from, int to) {
        long w = image.size(Axis.X);
        return new CalibratedImage(Views.zeroMin(Views.interval(image.data(), new long[] {0, from}, new long[] {w - 1, to - 1})),
                image.axes(), image.spatialCalibration(), image.valueCalibration(), image.name() + " rows " + from + "-" + (to - 1));
    }

    /** @return the image's HU values, row by row */
    static float[] hu(CalibratedImage<?> image) {
        ValueCalibration vc = image.valueCalibration();
        return PlaneReader.read(image.plane(0, 0, 0), LinearMap.of(vc.slope(), vc.intercept()));
    }

    /** @return a float32 image in HU (unit kept) of {@code values} */
    static CalibratedImage<FloatType> floatImage(float[] values, CalibratedImage<?> like, String name) {
        Img<FloatType> img = ArrayImgs.floats(values, like.size(Axis.X), like.size(Axis.Y));
        return new CalibratedImage<>(img, like.axes(), like.spatialCalibration(), new ValueCalibration(1, 0, "HU"), name);
    }

    /** @return the image with noise from the simulator, as float32 in HU */
    static CalibratedImage<FloatType> noisy(CalibratedImage<?> clean, NoiseSimulator noise, long seed) {
        return floatImage(noise.noisy(hu(clean), new SplittableRandom(seed)), clean, clean.name() + " noisy");
    }

    /** @return the image with noise from the simulator, stored as the CT is (16-bit, the CT's calibration to HU) */
    static CalibratedImage<UnsignedShortType> noisy16(CalibratedImage<?> clean, NoiseSimulator noise, long seed) {
        float[] hu = noise.noisy(hu(clean), new SplittableRandom(seed));
        ValueCalibration vc = clean.valueCalibration();
        short[] stored = new short[hu.length];
        for (int i = 0; i < hu.length; i++) {
            stored[i] = (short) Math.min(65535, Math.max(0, Math.round(vc.toStored(hu[i]))));
        }
        Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(stored, clean.size(Axis.X), clean.size(Axis.Y));
        return new CalibratedImage<>(img, clean.axes(), clean.spatialCalibration(), vc, clean.name() + " noisy");
    }

    /** @return the mean of a 3 x 3 neighbourhood (edges mirrored), a baseline denoiser */
    static float[] box3(float[] v, int width, int height) {
        float[] out = new float[v.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = Math.abs(y + dy) >= height ? 2 * height - 2 - (y + dy) : Math.abs(y + dy);
                        int xx = Math.abs(x + dx) >= width ? 2 * width - 2 - (x + dx) : Math.abs(x + dx);
                        sum += v[yy * width + xx];
                    }
                }
                out[y * width + x] = (float) (sum / 9);
            }
        }
        return out;
    }

    /** @return the mean squared difference */
    static double mse(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum / a.length;
    }

    /**
     * A dncnn of 5 layers of 16 filters (7 265 parameters) against an n_layers 2 PatchGAN critic of
     * ndf 4 (2 909 parameters), WGAN-GP + 100 L1 (the defaults), on 32-pixel patches, 64 per image
     * and epoch, batch 8, lr 2e-3; quarter dose of 1e4 photons: about 63 HU of noise in water.
     */
    static TrainConfig tiny(int nEpochs, int decay) {
        return TrainConfig.defaults(ModelKind.DENOISE)
                .with("noise", "poisson")
                .with("noise_i0", 1e4)
                .with("noise_dose", 0.25)
                .with("crop_size", 32)
                .with("patches_per_image", 64)
                .with("ngf", 16)
                .with("generator_layers", 5)
                .with("discriminator", "n_layers")
                .with("n_layers_d", 2)
                .with("ndf", 4)
                .with("batch_size", 8)
                .with("lr", 2e-3)
                .with("n_epochs", nEpochs)
                .with("n_epochs_decay", decay)
                .with("checkpoint_every", 0)
                .with("seed", 3);
    }
}
