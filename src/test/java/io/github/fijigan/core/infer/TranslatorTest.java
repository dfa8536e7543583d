package io.github.fijigan.core.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.normalize.IntensityMap;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.CancelledException;
import io.github.fijigan.core.tensor.LinearMap;
import io.github.fijigan.core.tensor.PlaneReader;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Translation of whole images: sizes, stacks, channels, progress, cancel, reliability, resources. */
class TranslatorTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** A domain whose physical [low, high] is the network's [-1, 1]. */
    static DomainSpec domain(int channels, double low, double high, String unit) {
        return new DomainSpec(channels, new IntensityMap("minmax", low, high, false, Double.NaN, Double.NaN), unit);
    }

    /** Pixel values of a plane as floats (3 blocks for ARGB), for comparisons. */
    static float[] values(RandomAccessibleInterval<?> plane) {
        return PlaneReader.read(plane, LinearMap.IDENTITY);
    }

    /** The network on one whole image of physical values in a [low, high] domain, back in physical units: the reference. */
    private float[] reference(BlockNetwork net, float[] physical, int channels, int w, int h, double low, double high) {
        float[] x = new float[physical.length];
        for (int i = 0; i < x.length; i++) x[i] = (float) ((physical[i] - low) * 2 / (high - low) - 1);
        float[] y = TinyNets.whole(net, manager, x, channels, w, h);
        for (int i = 0; i < y.length; i++) y[i] = (float) ((y[i] + 1) / 2 * (high - low) + low);
        return y;
    }

    @Test
    void sizesThatAreNoMultipleComeBackExactlyAndEqualTheMirrorPaddedWholeImage() {
        BlockNetwork net = TinyNets.downUp(manager, 5);
        int w = 37, h = 53;
        float[] image = PredictorTest.pattern(w, h, 8);
        Translation out = new Translator(net, domain(1, -2, 2, ""), domain(1, -2, 2, ""), TranslateOptions.DEFAULTS)
                .translate(CalibratedImage.plain(ArrayImgs.floats(image, w, h), "odd"));
        assertArrayEquals(new long[] {w, h}, out.image().data().dimensionsAsLongArray());
        assertEquals(List.of(Axis.X, Axis.Y), out.image().axes());
        // Reference: the whole image mirrored to 40 x 56, through the network, cropped.
        int pw = 40, ph = 56;
        float[] padded = new float[pw * ph];
        for (int y = 0; y < ph; y++) for (int x = 0; x < pw; x++) padded[y * pw + x] = image[Tiler.mirror(y, h) * w + Tiler.mirror(x, w)];
        float[] expected = reference(net, padded, 1, pw, ph, -2, 2);
        float[] got = values(out.image().data());
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) assertEquals(expected[y * pw + x], got[y * w + x], 1e-5, x + "," + y);
        assertTrue(out.reliability().isEmpty());
    }

    @Test
    void oneRowAndThreePixelImagesTranslateAndOnePixelThroughInstanceNormFailsClearly() {
        BlockNetwork conv = TinyNets.convolutional(manager, 3, 1, 1, 9);
        BlockNetwork downUp = TinyNets.downUp(manager, 5);
        // Overlap 12: margin 3 = the network's receptive radius, so tiling is exact.
        Translator plain = new Translator(conv, domain(1, -2, 2, ""), domain(1, -2, 2, ""), TranslateOptions.DEFAULTS.withTileSize(32).withOverlap(12));
        for (int[] size : new int[][] {{50, 1}, {3, 1}, {1, 3}}) {
            float[] image = PredictorTest.pattern(size[0], size[1], 2);
            CalibratedImage<?> out = plain.translate(CalibratedImage.plain(ArrayImgs.floats(image, size[0], size[1]), "thin")).image();
            float[] expected = reference(conv, image, 1, size[0], size[1], -2, 2);
            float[] got = values(out.data());
            double max = 0;
            for (int i = 0; i < got.length; i++) max = Math.max(max, Math.abs(got[i] - expected[i]));
            assertEquals(size[0] * size[1], got.length);
            assertEquals(0, max, 1e-5, size[0] + "x" + size[1]);
            // Multiple 4: padded by repeating the single row or column.
            CalibratedImage<?> small = new Translator(downUp, domain(1, -2, 2, ""), domain(1, -2, 2, ""), TranslateOptions.DEFAULTS)
                    .translate(CalibratedImage.plain(ArrayImgs.floats(image, size[0], size[1]), "thin")).image();
            int pw = (size[0] + 3) / 4 * 4, ph = (size[1] + 3) / 4 * 4;
            float[] padded = new float[pw * ph];
            for (int y = 0; y < ph; y++) for (int x = 0; x < pw; x++) padded[y * pw + x] = image[Tiler.mirror(y, size[1]) * size[0] + Tiler.mirror(x, size[0])];
            float[] ref = reference(downUp, padded, 1, pw, ph, -2, 2);
            float[] smallValues = values(small.data());
            for (int y = 0; y < size[1]; y++) for (int x = 0; x < size[0]; x++) assertEquals(ref[y * pw + x], smallValues[y * size[0] + x], 1e-5);
        }
        Translator normed = new Translator(TinyNets.instanceNormed(manager, 3), domain(1, -2, 2, ""), domain(1, -2, 2, ""), TranslateOptions.DEFAULTS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> normed.translate(CalibratedImage.plain(ArrayImgs.floats(1, 1), "dot")));
        assertTrue(e.getMessage().startsWith("cannot translate image 'dot' of 1x1 pixels: InstanceNorm2d needs more than one pixel per channel"),
                e.getMessage());
    }

    @Test
    void aStackIsTranslatedSliceBySliceWithItsChannelsTogether() {
        BlockNetwork net = TinyNets.convolutional(manager, 2, 2, 2, 4);
        int w = 40, h = 24;
        float[] data = new float[w * h * 2 * 3];
        for (int k = 0; k < 6; k++) System.arraycopy(PredictorTest.pattern(w, h, 20 + k), 0, data, k * w * h, w * h);
        SpatialCalibration mm = SpatialCalibration.of(0.5, 0.7, 2.5, "mm");
        CalibratedImage<FloatType> stack = new CalibratedImage<>(ArrayImgs.floats(data, w, h, 2, 3), List.of(Axis.X, Axis.Y, Axis.C, Axis.Z),
                mm, ValueCalibration.IDENTITY, "stack.tif");
        TranslateOptions options = TranslateOptions.DEFAULTS.withTileSize(32).withOverlap(8).withTileBatch(3);
        Translator translator = new Translator(net, domain(2, -2, 2, ""), domain(2, -2, 2, ""), options);
        List<String> reports = new ArrayList<>();
        CalibratedImage<?> out = translator.translate(stack, (done, total, message) -> reports.add(done + "/" + total + " " + message),
                new CancellationToken()).image();
        assertEquals(stack.axes(), out.axes());
        assertArrayEquals(new long[] {w, h, 2, 3}, out.data().dimensionsAsLongArray());
        assertEquals(mm, out.spatialCalibration());
        assertEquals("stack_translated", out.name());
        for (int z = 0; z < 3; z++) {
            CalibratedImage<FloatType> slice = new CalibratedImage<>(Views.hyperSlice(stack.data(), 3, z), List.of(Axis.X, Axis.Y, Axis.C),
                    mm, ValueCalibration.IDENTITY, "slice");
            CalibratedImage<?> alone = translator.translate(slice).image();
            for (int c = 0; c < 2; c++) {
                assertArrayEquals(values(alone.plane(c, 0, 0)), values(out.plane(c, z, 0)), "slice " + z + " channel " + c);
            }
        }
        assertEquals(List.of("2/6 Translating stack.tif, plane 1 of 3: tile 2 of 2", "4/6 Translating stack.tif, plane 2 of 3: tile 2 of 2",
                "6/6 Translating stack.tif, plane 3 of 3: tile 2 of 2"), reports);
    }

    @Test
    void reliabilityIsTheCycleErrorInTheInputsUnits() {
        BlockNetwork gAB = TinyNets.convolutional(manager, 2, 1, 1, 21);
        BlockNetwork gBA = TinyNets.convolutional(manager, 2, 1, 1, 22);
        int w = 20, h = 20;
        float[] stored = PredictorTest.pattern(w, h, 9);
        for (int i = 0; i < stored.length; i++) stored[i] = 100 * stored[i] + 500;
        ValueCalibration cal = new ValueCalibration(2, -1000, "HU");
        CalibratedImage<FloatType> ct = new CalibratedImage<>(ArrayImgs.floats(stored, w, h), List.of(Axis.X, Axis.Y),
                SpatialCalibration.UNCALIBRATED, cal, "ct.tif");
        DomainSpec a = domain(1, -300, 300, "HU"), b = domain(1, 0, 1, "");
        int before = ((BaseNDManager) manager).getManagedArrays().size();
        Translation result = new Translator(gAB, a, b, TranslateOptions.DEFAULTS).withReliability(gBA).translate(ct);
        assertEquals(before, ((BaseNDManager) manager).getManagedArrays().size(), "arrays left in the networks' manager");
        CalibratedImage<FloatType> reliability = result.reliability().orElseThrow();
        assertEquals(new ValueCalibration(1, 0, "HU"), reliability.valueCalibration());
        assertEquals("ct_reliability", reliability.name());
        // Reference by hand on the whole image: HU -> [-1, 1] -> G_AB -> G_BA -> HU, compared with the input in HU.
        float[] hu = new float[stored.length];
        for (int i = 0; i < hu.length; i++) hu[i] = (float) cal.toPhysical(stored[i]);
        float[] x = new float[hu.length];
        for (int i = 0; i < x.length; i++) x[i] = (hu[i] + 300) / 300f - 1;
        float[] r = TinyNets.whole(gBA, manager, TinyNets.whole(gAB, manager, x, 1, w, h), 1, w, h);
        float[] got = values(reliability.data());
        double largest = 0;
        for (int i = 0; i < r.length; i++) {
            double expected = Math.abs(hu[i] - ((r[i] + 1) / 2 * 600 - 300));
            assertEquals(expected, got[i], 1e-3, "pixel " + i);
            largest = Math.max(largest, expected);
        }
        assertTrue(largest > 10, "the networks do not undo each other, so the map is not flat zero");
        // The translation itself is what the forward network alone gives.
        CalibratedImage<?> alone = new Translator(gAB, a, b, TranslateOptions.DEFAULTS).translate(ct).image();
        assertArrayEquals(values(alone.data()), values(result.image().data()));
        assertThrows(IllegalArgumentException.class, () -> new Translator(gAB, a, b, TranslateOptions.DEFAULTS)
                .withReliability(TinyNets.convolutional(manager, 1, 1, 3, 1)));
    }

    @Test
    void aCancelledTranslationStopsAndLeavesNoArrays() {
        BlockNetwork net = TinyNets.convolutional(manager, 2, 1, 1, 3);
        int before = ((BaseNDManager) manager).getManagedArrays().size();
        CancellationToken token = new CancellationToken();
        List<Long> done = new ArrayList<>();
        CalibratedImage<FloatType> stack = new CalibratedImage<>(ArrayImgs.floats(40, 40, 4), List.of(Axis.X, Axis.Y, Axis.Z),
                SpatialCalibration.UNCALIBRATED, ValueCalibration.IDENTITY, "stack");
        Translator translator = new Translator(net, domain(1, -1, 1, ""), domain(1, -1, 1, ""),
                TranslateOptions.DEFAULTS.withTileSize(16).withOverlap(4).withTileBatch(2));
        CancelledException e = assertThrows(CancelledException.class, () -> translator.translate(stack, (d, total, message) -> {
            done.add(d);
            if (d >= 6) token.cancel();
        }, token));
        assertEquals("translation cancelled", e.getMessage());
        assertEquals(List.of(2L, 4L, 6L), done, "stopped at the batch after the one that asked");
        assertEquals(before, ((BaseNDManager) manager).getManagedArrays().size());
    }
}
