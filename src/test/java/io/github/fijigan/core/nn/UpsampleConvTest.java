package io.github.fijigan.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpsampleConvTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void nearestRepeatsEachPixelIntoA2x2Block() {
        NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
        float[] expected = {
            1, 1, 2, 2,
            1, 1, 2, 2,
            3, 3, 4, 4,
            3, 3, 4, 4};
        NDArray up = UpsampleConv.upsampleNearest(x);
        assertEquals(new Shape(1, 1, 4, 4), up.getShape());
        assertArrayEquals(expected, up.toFloatArray());
    }

    @Test
    void identityKernelGivesTheNearestUpsampling() {
        int c = 2;
        UpsampleConv block = new UpsampleConv(c, c, 3, false);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, c, 3, 2));
        float[] identity = new float[c * c * 9];
        for (int o = 0; o < c; o++) {
            identity[(o * c + o) * 9 + 4] = 1; // the centre tap, from channel o to channel o
        }
        block.getParameters().get("weight").getArray().set(identity);
        NDArray x = Arrays4.float32(manager, Arrays4.normal(1, c * 3 * 2), new Shape(1, c, 3, 2));
        NDArray y = block.forward(new ParameterStore(manager, false), new NDList(x), false).head();
        assertEquals(new Shape(1, c, 6, 4), y.getShape());
        float[] xs = x.toFloatArray();
        float[] ys = y.toFloatArray();
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(xs[(ch * 3 + i / 2) * 2 + j / 2], ys[(ch * 6 + i) * 4 + j], 0, "pixel " + ch + "," + i + "," + j);
                }
            }
        }
    }

    /** A random 3×3 kernel with bias on the upsampled image equals the "same" convolution written out in Java. */
    @Test
    void matchesNearestThenSameConvolution() {
        int in = 2, out = 3, h = 3, w = 4, k = 3;
        UpsampleConv block = new UpsampleConv(in, out, k, true);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, in, h, w));
        double[] weight = Arrays4.normal(2, out * in * k * k);
        double[] bias = Arrays4.normal(3, out);
        block.getParameters().get("weight").getArray().set(Arrays4.float32(manager, weight, new Shape(out, in, k, k)).toFloatArray());
        block.getParameters().get("bias").getArray().set(Arrays4.float32(manager, bias, new Shape(out)).toFloatArray());
        double[] x = Arrays4.normal(4, in * h * w);
        NDArray y = block.forward(new ParameterStore(manager, false), new NDList(Arrays4.float32(manager, x, new Shape(1, in, h, w))),
                false).head();
        int oh = 2 * h, ow = 2 * w;
        double[] expected = new double[out * oh * ow];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    double sum = bias[o];
                    for (int c = 0; c < in; c++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int yy = i + ky - 1, xx = j + kx - 1;
                                if (yy >= 0 && yy < oh && xx >= 0 && xx < ow) {
                                    sum += weight[((o * in + c) * k + ky) * k + kx] * x[(c * h + yy / 2) * w + xx / 2];
                                }
                            }
                        }
                    }
                    expected[(o * oh + i) * ow + j] = sum;
                }
            }
        }
        assertEquals(0, Arrays4.maxAbsDiff(expected, Arrays4.doubles(y)), 1e-5);
        assertEquals(new Shape(1, out, oh, ow), block.getOutputShapes(new Shape[] {new Shape(1, in, h, w)})[0]);
    }

    /** The gradient of Σ up(x)·z with respect to x sums z over each 2×2 block. */
    @Test
    void gradientOfTheUpsamplingSumsEachBlock() {
        NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
        x.setRequiresGradient(true);
        NDArray z = manager.arange(16f).reshape(1, 1, 4, 4);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(UpsampleConv.upsampleNearest(x).mul(z).sum());
        }
        // Blocks of 0..15 laid out 4×4: {0,1,4,5}, {2,3,6,7}, {8,9,12,13}, {10,11,14,15}.
        assertArrayEquals(new float[] {10, 18, 42, 50}, x.getGradient().toFloatArray());
    }

    @Test
    void refusesEvenKernels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UpsampleConv(1, 1, 4, false));
        assertTrue(e.getMessage().contains("odd kernel size"), e.getMessage());
    }
}
