package io.github.fijigan.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.ij.ImageJReader;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every metric must do whatever its formula: the ideal value for identical images, the right
 * direction (more noise scores worse), symmetry where the definition is symmetric, independence of
 * the units when image and data range scale together, and clear errors for bad input.
 */
class MetricPropertiesTest {

    private static MetricImage pd;
    private static MetricImage retina;

    @BeforeAll
    static void read() throws IOException {
        ImageJReader reader = new ImageJReader();
        pd = MetricImage.of(reader.read(Path.of("test-data/mri/BrainProtonDensitySlice.png")));
        retina = MetricImage.of(reader.read(Path.of("test-data/reference/metrics/retina_crop.png")));
    }

    @Test
    void identicalImagesGiveTheIdealValue() {
        for (Metric m : MetricRegistry.all()) {
            for (MetricImage image : List.of(pd, retina)) {
                double v = m.compute(image, copy(image), 255);
                if (Double.isInfinite(m.ideal())) {
                    assertEquals(Double.POSITIVE_INFINITY, v, m.name());
                } else {
                    assertEquals(m.ideal(), v, 1e-12, m.name() + " of " + image);
                }
            }
        }
        assertEquals(Double.POSITIVE_INFINITY, Psnr.INSTANCE.compute(pd, pd, 255));
    }

    @Test
    void moreNoiseScoresWorseInTheMetricsDirection() {
        for (MetricImage image : List.of(pd, retina)) {
            MetricImage mild = noisy(image, 4, 11);
            MetricImage strong = noisy(image, 20, 12);
            for (Metric m : MetricRegistry.all()) {
                double a = m.compute(image, mild, 255);
                double b = m.compute(image, strong, 255);
                assertTrue(m.higherIsBetter() ? a > b : a < b, m.name() + ": mild " + a + ", strong " + b);
                assertTrue(m.higherIsBetter() ? a < m.ideal() : a > m.ideal(), m.name() + " short of ideal: " + a);
            }
        }
    }

    @Test
    void symmetricDefinitionsAreSymmetric() {
        MetricImage other = noisy(retina, 10, 13);
        for (String name : List.of("psnr", "mse", "mae", "ssim", "ssim_uniform", "ms_ssim", "gmsd", "ms_gmsd", "haarpsi")) {
            Metric m = MetricRegistry.get(name);
            assertEquals(m.compute(retina, other, 255), m.compute(other, retina, 255), 1e-12, name);
        }
        // MDSI is not: its fused-image terms enter with opposite signs for reference and test.
        assertTrue(Math.abs(Mdsi.INSTANCE.compute(retina, other, 255) - Mdsi.INSTANCE.compute(other, retina, 255)) > 1e-6);
    }

    @Test
    void scalingImagesAndRangeTogetherChangesOnlyTheErrorsUnits() {
        MetricImage other = noisy(pd, 10, 14);
        MetricImage pd4 = scaled(pd, 4);
        MetricImage other4 = scaled(other, 4);
        for (Metric m : MetricRegistry.all()) {
            double plain = m.compute(pd, other, 255);
            double scaled = m.compute(pd4, other4, 1020);
            double expected = m == Mse.INSTANCE ? 16 * plain : m == Mae.INSTANCE ? 4 * plain : plain;
            assertEquals(expected, scaled, 1e-10 * Math.max(1, Math.abs(expected)), m.name());
        }
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        MetricImage small = MetricImage.gray(new float[100 * 90], 100, 90);
        MetricImage gray = MetricImage.gray(toFloat(retina.channel(0)), retina.width(), retina.height());
        float[] nan = retina.values().clone();
        nan[retina.pixels() + 5 * retina.width() + 3] = Float.NaN;
        float[] inf = pd.values().clone();
        inf[7] = Float.POSITIVE_INFINITY;
        for (Metric m : MetricRegistry.all()) {
            String sizes = message(() -> m.compute(pd, small, 255));
            assertTrue(sizes.contains("181x217") && sizes.contains("100x90"), sizes);
            String channels = message(() -> m.compute(retina, gray, 255));
            assertTrue(channels.contains("3 channel") && channels.contains("1"), channels);
            String nanMessage = message(() -> m.compute(retina, MetricImage.of(nan, retina.width(), retina.height(), 3), 255));
            assertTrue(nanMessage.contains("NaN") && nanMessage.contains("x=3, y=5, channel 1") && nanMessage.contains("test"), nanMessage);
            String infMessage = message(() -> m.compute(MetricImage.gray(inf, pd.width(), pd.height()), pd, 255));
            assertTrue(infMessage.contains("Infinity") && infMessage.contains("reference"), infMessage);
            for (double range : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
                String r = message(() -> m.compute(pd, pd, range));
                assertTrue(r.contains("data range"), r);
            }
        }
        String tooSmall = message(() -> MsSsim.INSTANCE.compute(scaledDown(), scaledDown(), 255));
        assertTrue(tooSmall.contains("161x161") && tooSmall.contains("ssim"), tooSmall);
        MetricImage twoChannels = MetricImage.of(new float[2 * 32 * 32], 32, 32, 2);
        for (Metric m : List.of(Gmsd.INSTANCE, MsGmsd.INSTANCE, Mdsi.INSTANCE, HaarPsi.INSTANCE)) {
            String c = message(() -> m.compute(twoChannels, twoChannels, 255));
            assertTrue(c.contains("gray") && c.contains("RGB") && c.contains("2 channels"), c);
        }
        // Channel-wise metrics take any channel count.
        assertEquals(1.0, Ssim.GAUSSIAN.compute(twoChannels, twoChannels, 255), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> MetricImage.gray(new float[10], 4, 4));
    }

    @Test
    void registryFindsMetricsByLooseNames() {
        assertEquals(MsSsim.INSTANCE, MetricRegistry.get("MS-SSIM"));
        assertEquals(HaarPsi.INSTANCE, MetricRegistry.get(" HaarPSI "));
        assertEquals(List.of(Psnr.INSTANCE, Ssim.GAUSSIAN, MsGmsd.INSTANCE), MetricRegistry.parse("psnr, ssim ms-gmsd,psnr"));
        String unknown = message(() -> MetricRegistry.get("lpips"));
        assertTrue(unknown.contains("lpips") && unknown.contains("haarpsi"), unknown);
        assertThrows(IllegalArgumentException.class, () -> MetricRegistry.parse(" , "));
        assertEquals(10, MetricRegistry.names().size());
        for (Metric m : MetricRegistry.all()) {
            assertEquals(m, MetricRegistry.get(m.name()));
        }
    }

    @Test
    void calibratedImagesAreComparedInPhysicalUnitsAndStacksAreRefused() throws IOException {
        MetricImage ct = MetricImage.of(new ImageJReader().read(Path.of("test-data/dicom/CT_small.dcm")));
        assertEquals(-849.0f, ct.values()[0]); // HU at (0, 0), see test-data/PROVENANCE.md
        assertEquals(1, ct.channels());
        CalibratedImage<FloatType> stack = new CalibratedImage<>(ArrayImgs.floats(8, 8, 3), List.of(Axis.X, Axis.Y, Axis.Z),
                SpatialCalibration.UNCALIBRATED, ValueCalibration.IDENTITY, "stack");
        String m = message(() -> MetricImage.of(stack));
        assertTrue(m.contains("stack") && m.contains("3 slice"), m);
    }

    private static MetricImage scaledDown() {
        return MetricImage.gray(new float[160 * 200], 160, 200);
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    private static MetricImage copy(MetricImage image) {
        return MetricImage.of(image.values().clone(), image.width(), image.height(), image.channels());
    }

    private static MetricImage scaled(MetricImage image, float k) {
        float[] v = image.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= k;
        }
        return MetricImage.of(v, image.width(), image.height(), image.channels());
    }

    /** Gaussian noise drawn in Java from a fixed seed, clipped to 0..255 like 8-bit data. */
    private static MetricImage noisy(MetricImage image, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = image.values().clone();
        for (int i = 0; i < v.length; i++) {
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            double g = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            v[i] = (float) Math.min(255, Math.max(0, Math.rint(v[i] + sigma * g)));
        }
        return MetricImage.of(v, image.width(), image.height(), image.channels());
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
