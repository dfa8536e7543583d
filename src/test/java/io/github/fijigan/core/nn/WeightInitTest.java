package io.github.fijigan.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WeightInitTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Conv2d 32→64 3×3 with bias, BatchNorm, SpectralNorm conv 64→8, ConvTranspose2d 8→16 4×4: 18,432 + 4,608 + 2,048 conv weights. */
    private SequentialBlock network() {
        SequentialBlock net = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(64).build())
                .add(BatchNorm.builder().build())
                .add(SpectralNorm.conv2d(64, 8, 3, 1, 1, true, 3))
                .add(new ConvTranspose2d(8, 16, 4, 2, 1, true));
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 32, 4, 4));
        return net;
    }

    private static float[] values(Block block, String name) {
        return block.getParameters().get(name).getArray().toFloatArray();
    }

    private static double mean(float[] v) {
        double sum = 0;
        for (float f : v) {
            sum += f;
        }
        return sum / v.length;
    }

    private static double std(float[] v) {
        double m = mean(v), sum = 0;
        for (float f : v) {
            sum += (f - m) * (f - m);
        }
        return Math.sqrt(sum / v.length);
    }

    /** Mean within 5 standard errors, standard deviation within 5% (the standard error of a std over n ≥ 2,000 values is under 1.6%). */
    private static void assertNormal(float[] v, double expectedMean, double expectedStd, String what) {
        assertEquals(expectedMean, mean(v), 5 * expectedStd / Math.sqrt(v.length), what + " mean");
        assertEquals(expectedStd, std(v), 0.05 * expectedStd, what + " std");
    }

    @Test
    void normalIsDcgans() {
        SequentialBlock net = network();
        float[] runningVar = values(net, "02BatchNorm_runningVar");
        float[] u = values(net, "03SpectralNorm_u");
        WeightInit.apply(net, "normal", 1);
        assertNormal(values(net, "01Conv2d_weight"), 0, 0.02, "conv weight");
        assertNormal(values(net, "04ConvTranspose2d_weight"), 0, 0.02, "transposed conv weight");
        assertNormal(values(net, "03SpectralNorm_weight"), 0, 0.02, "spectral norm weight");
        float[] gamma = values(net, "02BatchNorm_gamma");
        assertEquals(1, mean(gamma), 5 * 0.02 / Math.sqrt(gamma.length), "gamma around 1");
        assertTrue(std(gamma) > 0.01 && std(gamma) < 0.03, "gamma spread 0.02: " + std(gamma));
        assertArrayEquals(new float[64], values(net, "02BatchNorm_beta"));
        assertArrayEquals(new float[64], values(net, "01Conv2d_bias"));
        assertArrayEquals(new float[16], values(net, "04ConvTranspose2d_bias"));
        assertArrayEquals(runningVar, values(net, "02BatchNorm_runningVar"), "running statistics are left alone");
        assertArrayEquals(u, values(net, "03SpectralNorm_u"), "spectral norm keeps its own u");
    }

    /** Fans as PyTorch: dim 1 × kernel area in, dim 0 × kernel area out; a transposed conv's (in, out, k, k) weight has fan_in = out·k². */
    @Test
    void xavierAndKaimingUseTheFans() {
        SequentialBlock net = network();
        WeightInit.apply(net, "xavier", 1.0, 2);
        assertNormal(values(net, "01Conv2d_weight"), 0, Math.sqrt(2.0 / (32 * 9 + 64 * 9)), "xavier conv");
        assertNormal(values(net, "04ConvTranspose2d_weight"), 0, Math.sqrt(2.0 / (16 * 16 + 8 * 16)), "xavier transposed");
        WeightInit.apply(net, "kaiming", 2);
        assertNormal(values(net, "01Conv2d_weight"), 0, Math.sqrt(2.0 / (32 * 9)), "kaiming conv");
        assertNormal(values(net, "04ConvTranspose2d_weight"), 0, Math.sqrt(2.0 / (16 * 16)), "kaiming transposed");
    }

    /** W Wᵀ = gain² I for a wide weight (rows orthonormal), Wᵀ W = gain² I for a tall one, both for a square one. */
    @Test
    void orthogonalGivesOrthonormalRowsOrColumns() {
        Block wide = conv(8, 2); // 8 × 18
        Block tall = conv(40, 2); // 40 × 18
        Block square = Linear.builder().setUnits(16).build();
        square.initialize(manager, DataType.FLOAT32, new Shape(1, 16));
        WeightInit.apply(wide, "orthogonal", 1.0, 3);
        WeightInit.apply(tall, "orthogonal", 0.5, 3);
        WeightInit.apply(square, "orthogonal", 4);
        assertGram(values(wide, "weight"), 8, 18, true, 1.0);
        assertGram(values(tall, "weight"), 40, 18, false, 0.25);
        assertGram(values(square, "weight"), 16, 16, true, WeightInit.DEFAULT_GAIN * WeightInit.DEFAULT_GAIN);
        assertGram(values(square, "weight"), 16, 16, false, WeightInit.DEFAULT_GAIN * WeightInit.DEFAULT_GAIN);
    }

    private Block conv(int out, int in) {
        Block c = Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(out).optBias(false).build();
        c.initialize(manager, DataType.FLOAT32, new Shape(1, in, 5, 5));
        return c;
    }

    private static void assertGram(float[] w, int rows, int cols, boolean ofRows, double diagonal) {
        int n = ofRows ? rows : cols;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                int len = ofRows ? cols : rows;
                for (int k = 0; k < len; k++) {
                    dot += ofRows ? (double) w[i * cols + k] * w[j * cols + k] : (double) w[k * cols + i] * w[k * cols + j];
                }
                assertEquals(i == j ? diagonal : 0, dot, 1e-6 * Math.max(1, diagonal * 100), "Gram entry " + i + "," + j);
            }
        }
    }

    /** Values come from the seed alone: libtorch's generator state before initialising does not matter. */
    @Test
    void sameSeedSameValuesWhateverLibtorchDid() {
        Engine.getInstance().setRandomSeed(100);
        SequentialBlock a = network();
        Engine.getInstance().setRandomSeed(200);
        SequentialBlock b = network();
        assertFalse(Arrays.equals(values(a, "01Conv2d_weight"), values(b, "01Conv2d_weight")), "DJL's own init differs by seed");
        WeightInit.apply(a, "normal", 5);
        WeightInit.apply(b, "normal", 5);
        for (String name : a.getParameters().keys()) {
            if (!name.endsWith("_u") && !name.endsWith("_v") && !name.contains("running")) {
                assertArrayEquals(values(a, name), values(b, name), name);
            }
        }
        WeightInit.apply(b, "normal", 6);
        assertFalse(Arrays.equals(values(a, "01Conv2d_weight"), values(b, "01Conv2d_weight")), "another seed, other values");
    }

    @Test
    void embeddingsGetUnitNormals() {
        ClassEmbedding embedding = new ClassEmbedding(50, 60);
        embedding.initialize(manager, DataType.FLOAT32, new Shape(4));
        WeightInit.apply(embedding, "normal", 7);
        assertNormal(values(embedding, "embedding"), 0, 1, "embedding");
    }

    @Test
    void refusesUnknownNamesAndUninitialisedBlocks() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> WeightInit.apply(network(), "glorot", 1));
        assertTrue(unknown.getMessage().contains("'glorot'") && unknown.getMessage().contains("normal, xavier, kaiming, orthogonal"),
                unknown.getMessage());
        IllegalStateException early = assertThrows(IllegalStateException.class,
                () -> WeightInit.apply(new ConvTranspose2d(1, 1, 4, 2, 1, false), "normal", 1));
        assertTrue(early.getMessage().contains("initialise the block"), early.getMessage());
    }
}
