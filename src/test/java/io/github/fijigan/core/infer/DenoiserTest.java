package io.github.fijigan.core.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import io.github.fijigan.core.image.Axis;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.image.SpatialCalibration;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.model.BlockParameters;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelBundle;
import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.nn.NetworkFactory;
import io.github.fijigan.core.nn.WeightInit;
import io.github.fijigan.core.normalize.IntensityMap;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Denoising with a real dncnn: tiled equals whole, 2.5D neighbours with the ends repeated, units and type kept, removed noise, errors. */
class DenoiserTest {

    /** CT in HU, unclipped, as denoisers store it. */
    static final DomainSpec HU = new DomainSpec(1, new IntensityMap("window", -1000, 1000, false, Double.NaN, Double.NaN), "HU");

    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** A dncnn of 4 layers of 4 filters (receptive radius 4) with He weights from {@code seed}. */
    static Block dncnn(NDManager manager, int slices, long seed) {
        NetworkSpec spec = spec(slices);
        Block block = NetworkFactory.build(spec);
        block.initialize(manager, DataType.FLOAT32, NetworkFactory.inputShapes(spec, 1, 16));
        WeightInit.apply(block, "kaiming", seed);
        return block;
    }

    static NetworkSpec spec(int slices) {
        JsonObject options = new JsonObject();
        options.addProperty("ngf", 4);
        options.addProperty("layers", 4);
        return NetworkSpec.of("dncnn", options, slices, 1, NetworkRole.GENERATOR);
    }

    /** Writes a real denoise bundle of that network, without training. */
    static Path bundle(Path file, int slices, long seed) {
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = dncnn(m, slices, seed);
            ModelManifest manifest = ModelManifest.builder(ModelKind.DENOISE).domain(DenoiseModel.DOMAIN, HU).tileMultiple(1)
                    .network(DenoiseModel.GENERATOR, spec(slices)).build();
            try (ModelBundle b = ModelBundle.of(manifest, Map.of(DenoiseModel.GENERATOR, BlockParameters.parametersOf(block, m)), Map.of())) {
                ModelBundles.write(file, b);
            }
        }
        return file;
    }

    /** A smooth pattern plus a seeded ripple, in HU. */
    static float[] ct(int w, int h, int planes, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] v = new float[w * h * planes];
        for (int i = 0; i < v.length; i++) {
            int x = i % w, y = i / w % h, z = i / (w * h);
            v[i] = (float) (300 * Math.sin(x / 5.0) * Math.cos(y / 7.0) + 80 * z - 200 + r.nextGaussian() * 40);
        }
        return v;
    }

    private static CalibratedImage<FloatType> floats(float[] v, int w, int h, int z) {
        List<Axis> axes = z == 1 ? List.of(Axis.X, Axis.Y) : List.of(Axis.X, Axis.Y, Axis.Z);
        var img = z == 1 ? ArrayImgs.floats(v, w, h) : ArrayImgs.floats(v, w, h, z);
        return new CalibratedImage<>(img, axes, SpatialCalibration.UNCALIBRATED, new ValueCalibration(1, 0, "HU"), "ct.tif");
    }

    /** The network on whole planes in network units, back to HU: the reference. */
    private float[] reference(Block block, float[] hu, int channels, int w, int h) {
        float[] x = new float[hu.length];
        for (int i = 0; i < x.length; i++) x[i] = hu[i] / 1000f;
        try (NDManager scope = manager.newSubManager()) {
            float[] y = block.forward(new ai.djl.training.ParameterStore(scope, false), new NDList(scope.create(x, new Shape(1, channels, h,
                    w))), false).singletonOrThrow().toFloatArray();
            for (int i = 0; i < y.length; i++) y[i] *= 1000;
            return y;
        }
    }

    @Test
    void tiledEqualsWholeAndBothEqualTheNetworkOnTheWholeImage() {
        Block block = dncnn(manager, 1, 3);
        BlockNetwork net = new BlockNetwork(block, manager, 1, 1, 1);
        int w = 70, h = 50;
        float[] hu = ct(w, h, 1, 4);
        CalibratedImage<FloatType> image = floats(hu, w, h, 1);
        float[] whole = TranslatorTest.values(new Denoiser(net, HU, TranslateOptions.DEFAULTS).denoise(image).image().data());
        // 32-pixel tiles overlapping by 16: each side keeps 4 pixels of context, the network's receptive radius.
        float[] tiled = TranslatorTest.values(new Denoiser(net, HU, TranslateOptions.DEFAULTS.withTileSize(32).withOverlap(16))
                .denoise(image).image().data());
        float[] expected = reference(block, hu, 1, w, h);
        double largest = 0;
        for (int i = 0; i < hu.length; i++) {
            assertEquals(expected[i], whole[i], 2e-3, "whole image, pixel " + i);
            assertEquals(whole[i], tiled[i], 2e-3, "tiled, pixel " + i);
            largest = Math.max(largest, Math.abs(whole[i] - tiled[i]));
        }
        System.out.printf("dncnn tiled (32/16) vs whole: largest difference %.2e HU%n", largest);
        assertTrue(new Denoiser(net, HU, TranslateOptions.DEFAULTS).slices() == 1);
    }

    @Test
    void aStackIsDenoisedWithItsNeighbouringSlicesAndTheEndsRepeated() {
        Block block = dncnn(manager, 3, 5);
        BlockNetwork net = new BlockNetwork(block, manager, 3, 1, 1);
        int w = 20, h = 16, planes = 4, plane = w * h;
        float[] hu = ct(w, h, planes, 6);
        Denoising d = new Denoiser(net, HU, TranslateOptions.DEFAULTS).denoise(floats(hu, w, h, planes));
        assertEquals(List.of(Axis.X, Axis.Y, Axis.Z), d.image().axes());
        for (int z = 0; z < planes; z++) {
            float[] input = new float[3 * plane];
            for (int s = 0; s < 3; s++) {
                int zz = Math.min(Math.max(z + s - 1, 0), planes - 1);
                System.arraycopy(hu, zz * plane, input, s * plane, plane);
            }
            float[] expected = reference(block, input, 3, w, h);
            assertArrayEquals(expected, TranslatorTest.values(d.image().plane(0, z, 0)), 2e-3f, "slice " + z);
        }
        // A stack of one: all three channels are that slice.
        float[] single = java.util.Arrays.copyOf(hu, plane);
        float[] tripled = new float[3 * plane];
        for (int s = 0; s < 3; s++) System.arraycopy(single, 0, tripled, s * plane, plane);
        assertArrayEquals(reference(block, tripled, 3, w, h),
                TranslatorTest.values(new Denoiser(net, HU, TranslateOptions.DEFAULTS).denoise(floats(single, w, h, 1)).image().data()),
                2e-3f);
    }

    @Test
    void sixteenBitCtStaysSixteenBitInHuAndTheRemovedNoiseIsInputMinusOutput() {
        BlockNetwork net = new BlockNetwork(dncnn(manager, 1, 8), manager, 1, 1, 1);
        int w = 24, h = 18;
        float[] hu = ct(w, h, 1, 9);
        short[] stored = new short[hu.length];
        for (int i = 0; i < hu.length; i++) stored[i] = (short) Math.round(hu[i] + 1024);
        ValueCalibration ctCalibration = new ValueCalibration(1, -1024, "HU");
        SpatialCalibration mm = new SpatialCalibration(0.66, 0.66, 1, "mm", 0, 0, 0, 0, "sec");
        CalibratedImage<UnsignedShortType> image = new CalibratedImage<>(ArrayImgs.unsignedShorts(stored, w, h), List.of(Axis.X, Axis.Y),
                mm, ctCalibration, "CT_small.dcm");
        Denoising d = new Denoiser(net, HU, TranslateOptions.DEFAULTS).withRemovedNoise().denoise(image);
        assertTrue(d.image().data().getType() instanceof UnsignedShortType);
        assertEquals(ctCalibration, d.image().valueCalibration());
        assertEquals(mm, d.image().spatialCalibration());
        assertEquals("CT_small_denoised", d.image().name());
        CalibratedImage<FloatType> noise = d.removedNoise().orElseThrow();
        assertEquals("HU", noise.valueCalibration().unit());
        assertEquals("CT_small_noise", noise.name());
        float[] out = TranslatorTest.values(d.image().data()), removed = TranslatorTest.values(noise.data());
        float[] expected = reference(((BlockNetwork) net).block(), floatsOf(stored, -1024), 1, w, h);
        for (int i = 0; i < hu.length; i++) {
            // rounded and clamped to 16 bits (a random network may go below -1024 HU)
            assertEquals(Math.min(65535, Math.max(0, Math.round(expected[i] + 1024))), out[i], 0.5001, "stored value " + i);
            assertEquals(stored[i] - out[i], removed[i], 1e-3, "removed noise " + i);
        }
        Denoising asFloat = new Denoiser(net, HU, TranslateOptions.DEFAULTS.withOutputType(TranslateOptions.OutputType.FLOAT32))
                .denoise(image);
        assertTrue(asFloat.image().data().getType() instanceof FloatType);
        assertEquals(new ValueCalibration(1, 0, "HU"), asFloat.image().valueCalibration());
        assertArrayEquals(expected, TranslatorTest.values(asFloat.image().data()), 2e-3f);
        assertTrue(asFloat.removedNoise().isEmpty());
    }

    private static float[] floatsOf(short[] stored, float intercept) {
        float[] v = new float[stored.length];
        for (int i = 0; i < v.length; i++) v[i] = (stored[i] & 0xffff) + intercept;
        return v;
    }

    @Test
    void bundlesOpenAsDenoisersAndOtherKindsAreRefused() {
        Path zip = bundle(dir.resolve("d.zip"), 3, 2);
        try (DenoiseModel model = DenoiseModel.open(zip, Device.cpu())) {
            assertEquals(3, model.slices());
            assertEquals(HU, model.domain());
            assertEquals(3, model.denoiser(TranslateOptions.DEFAULTS).slices());
        }
        ModelBundleException e = assertThrows(ModelBundleException.class,
                () -> DenoiseModel.open(Path.of("test-data/models/shapes_acgan_tiny.zip"), Device.cpu()));
        assertTrue(e.getMessage().contains("kind: a acgan model does not denoise images"), e.getMessage());
    }

    @Test
    void channelsThatDoNotFitAreRefusedByName() {
        BlockNetwork net = new BlockNetwork(dncnn(manager, 1, 1), manager, 1, 1, 1);
        CalibratedImage<?> rgb = CalibratedImage.plain(ArrayImgs.argbs(8, 8), "colour.png");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Denoiser(net, HU, TranslateOptions.DEFAULTS).denoise(rgb));
        assertTrue(e.getMessage().contains("image 'colour.png' has 3 channels but the denoiser takes 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Denoiser(TinyNets.identity(manager, 2), HU, TranslateOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("maps 2 to 2"), e.getMessage());
    }
}
