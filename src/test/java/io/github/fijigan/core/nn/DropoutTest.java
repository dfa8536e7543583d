package io.github.fijigan.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonParser;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DropoutTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray forward(Block block, NDArray x, boolean training) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), training).singletonOrThrow();
    }

    private NDArray input(Shape shape) {
        return Arrays4.float32(manager, Arrays4.normal(1, shape), shape);
    }

    @Test
    void inferenceIsTheIdentity() {
        Dropout dropout = new Dropout(0.5f);
        Shape shape = new Shape(2, 3, 4, 5);
        dropout.initialize(manager, DataType.FLOAT32, shape);
        NDArray x = input(shape);
        assertArrayEquals(x.toFloatArray(), forward(dropout, x, false).toFloatArray());
        Dropout none = new Dropout(0);
        assertArrayEquals(x.toFloatArray(), forward(none, x, true).toFloatArray(), "p = 0 keeps everything in training too");
    }

    /**
     * p = 0.3 on 200,000 elements: every output is 0 or x / 0.7 exactly, the kept fraction is 0.7 within
     * 5 standard deviations (sqrt(0.21 / 200,000) = 0.001), and the mean of x·mask / x is ~1.
     */
    @Test
    void trainingKeepsOneMinusPScaledByItsInverse() {
        Dropout dropout = new Dropout(0.3f);
        Shape shape = new Shape(2, 4, 100, 250);
        NDArray x = manager.ones(shape).add(input(shape).abs());
        float[] in = x.toFloatArray();
        float[] out = forward(dropout, x, true).toFloatArray();
        int kept = 0;
        float scale = 1 / (1 - 0.3f);
        for (int i = 0; i < in.length; i++) {
            if (out[i] != 0) {
                assertEquals(in[i] * scale, out[i], 1e-6f * out[i]);
                kept++;
            }
        }
        double fraction = kept / (double) in.length;
        assertEquals(0.7, fraction, 5 * Math.sqrt(0.21 / in.length));
        // The mask itself: 0 or 1/0.7, mean 1 (the expected value is unchanged).
        float[] mask = new Dropout(0.3f).nextMask(in.length);
        double mean = 0;
        for (float m : mask) {
            assertTrue(m == 0 || m == scale, "mask value " + m);
            mean += m / (double) mask.length;
        }
        assertEquals(1, mean, 5 * Math.sqrt(0.21 / mask.length) / 0.7);
    }

    @Test
    void sameSeedSameMaskOtherSeedOtherMask() {
        Shape shape = new Shape(1, 2, 8, 8);
        NDArray x = input(shape);
        Dropout dropout = new Dropout(0.5f);
        assertEquals(1, Dropout.seedAll(dropout, 7));
        float[] first = forward(dropout, x, true).toFloatArray();
        float[] next = forward(dropout, x, true).toFloatArray();
        assertFalse(Arrays.equals(first, next), "the stream moves on between forwards");
        Dropout.seedAll(dropout, 7);
        assertArrayEquals(first, forward(dropout, x, true).toFloatArray(), "the same seed draws the same mask");
        assertArrayEquals(next, forward(dropout, x, true).toFloatArray(), "and the same sequence of masks");
        Dropout.seedAll(dropout, 8);
        assertFalse(Arrays.equals(first, forward(dropout, x, true).toFloatArray()), "another seed, another mask");
        Dropout fresh = new Dropout(0.5f);
        Dropout.seedAll(fresh, 7);
        assertArrayEquals(first, forward(fresh, x, true).toFloatArray(), "another instance, the same seed: the same mask");
    }

    /** seedAll restarts every Dropout of a network, each on a stream of its own. */
    @Test
    void seedAllReachesEveryDropoutWithItsOwnStream() {
        NetworkSpec spec = NetworkSpec.of("resnet_9blocks", JsonParser.parseString("{\"ngf\": 2, \"use_dropout\": true}").getAsJsonObject(),
                1, 1, NetworkRole.GENERATOR);
        Block g = NetworkFactory.build(spec);
        List<Dropout> all = Dropout.findAll(g);
        assertEquals(9, all.size(), "one per residual block");
        assertEquals(9, Dropout.seedAll(g, 5));
        float[][] masks = new float[9][];
        for (int i = 0; i < 9; i++) {
            masks[i] = all.get(i).nextMask(64);
            for (int j = 0; j < i; j++) {
                assertFalse(Arrays.equals(masks[i], masks[j]), "Dropouts " + j + " and " + i + " share a stream");
            }
        }
        Dropout.seedAll(g, 5);
        for (int i = 0; i < 9; i++) {
            assertArrayEquals(masks[i], all.get(i).nextMask(64), "Dropout " + i + " restarted");
        }
        // Nested trees: the root itself and Dropouts inside nested blocks count.
        Dropout outer = new Dropout(0.5f);
        SequentialBlock nested = new SequentialBlock().add(outer).add(new SequentialBlock().add(new Dropout(0.2f)));
        assertEquals(2, Dropout.seedAll(nested, 1));
        assertEquals(List.of(outer), Dropout.findAll(nested).subList(0, 1));
        assertEquals(0, Dropout.seedAll(new SequentialBlock(), 1));
    }

    @Test
    void dropoutLayersWhereThePapersPutThem() {
        assertEquals(3, Dropout.findAll(build("unet_256", "{}")).size(), "unet_256: the three 8·ngf levels inside");
        assertEquals(2, Dropout.findAll(build("unet_128", "{}")).size(), "unet_128: two");
        assertEquals(0, Dropout.findAll(build("unet_256", "{\"use_dropout\": false}")).size());
        assertEquals(0, Dropout.findAll(build("resnet_6blocks", "{}")).size(), "ResNet: off by default");
        assertEquals(6, Dropout.findAll(build("resnet_6blocks", "{\"use_dropout\": true}")).size());
    }

    private static Block build(String architecture, String options) {
        return NetworkFactory.build(NetworkSpec.of(architecture, JsonParser.parseString(options).getAsJsonObject(), 1, 1,
                NetworkRole.GENERATOR));
    }

    /** The same seed before each training forward gives the same generator output (what a resumed run relies on). */
    @Test
    void seededNetworkForwardsReproduce() {
        NetworkSpec spec = NetworkSpec.of("unet_128", JsonParser.parseString("{\"ngf\": 2}").getAsJsonObject(), 1, 1, NetworkRole.GENERATOR);
        Shape shape = new Shape(1, 1, 128, 128);
        Block g = NetworkFactory.build(spec);
        g.initialize(manager, DataType.FLOAT32, shape);
        WeightInit.apply(g, "normal", 3);
        NDArray x = input(shape);
        Dropout.seedAll(g, 11);
        float[] a = forward(g, x, true).toFloatArray();
        Dropout.seedAll(g, 11);
        float[] b = forward(g, x, true).toFloatArray();
        Dropout.seedAll(g, 12);
        float[] c = forward(g, x, true).toFloatArray();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    /** The gradient of sum(dropout(x)) is the mask; float64 stays float64. */
    @Test
    void gradientIsTheMaskAndTheTypeIsKept() {
        Dropout dropout = new Dropout(0.5f);
        Shape shape = new Shape(1, 1, 6, 6);
        try (NDManager step = manager.newSubManager()) {
            NDArray x = Arrays4.float64(step, Arrays4.normal(2, shape), shape);
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                Dropout.seedAll(dropout, 3);
                y = dropout.forward(new ParameterStore(step, false), new NDList(x), true).singletonOrThrow();
                collector.backward(y.sum());
            }
            assertEquals(DataType.FLOAT64, y.getDataType());
            Dropout.seedAll(dropout, 3);
            float[] mask = dropout.nextMask(36);
            double[] gradient = x.getGradient().toDoubleArray();
            for (int i = 0; i < 36; i++) {
                assertEquals(mask[i], gradient[i], 1e-12);
            }
        }
    }

    @Test
    void refusesProbabilitiesOutsideZeroToOne() {
        for (float p : new float[] {-0.1f, 1f, Float.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(p));
            assertTrue(e.getMessage().contains("Dropout probability must be in [0, 1)"), e.getMessage());
        }
    }
}
