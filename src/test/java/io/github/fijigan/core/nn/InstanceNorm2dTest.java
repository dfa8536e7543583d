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

class InstanceNorm2dTest {

    private static final int N = 2, C = 3, H = 4, W = 5, HW = H * W;
    private static final double EPS = 1e-5;

    private NDManager manager;
    private double[] x;
    private double[] gamma;
    private double[] beta;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        x = Arrays4.normal(1, N * C * HW);
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 * x[i] + (i / HW) - 2; // instances with different means and spreads
        }
        gamma = Arrays4.normal(2, C);
        beta = Arrays4.normal(3, C);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private InstanceNorm2d affineBlock() {
        InstanceNorm2d norm = new InstanceNorm2d(C, true);
        norm.initialize(manager, DataType.FLOAT32, new Shape(N, C, H, W));
        norm.getParameters().get("gamma").getArray().set(Arrays4.float32(manager, gamma, new Shape(C)).toFloatArray());
        norm.getParameters().get("beta").getArray().set(Arrays4.float32(manager, beta, new Shape(C)).toFloatArray());
        return norm;
    }

    /** The naive formula: mean and biased variance per sample and channel, then gamma and beta. */
    private double[] naive(boolean affine) {
        double[] y = new double[x.length];
        for (int inst = 0; inst < N * C; inst++) {
            double mean = 0, var = 0;
            for (int p = 0; p < HW; p++) {
                mean += x[inst * HW + p];
            }
            mean /= HW;
            for (int p = 0; p < HW; p++) {
                var += (x[inst * HW + p] - mean) * (x[inst * HW + p] - mean);
            }
            var /= HW;
            int c = inst % C;
            for (int p = 0; p < HW; p++) {
                double hat = (x[inst * HW + p] - mean) / Math.sqrt(var + EPS);
                y[inst * HW + p] = affine ? gamma[c] * hat + beta[c] : hat;
            }
        }
        return y;
    }

    @Test
    void matchesTheNaiveFormulaInTrainingAndInference() {
        InstanceNorm2d norm = affineBlock();
        NDArray input = Arrays4.float32(manager, x, new Shape(N, C, H, W));
        for (boolean training : new boolean[] {true, false}) {
            NDArray y = norm.forward(new ParameterStore(manager, false), new NDList(input), training).head();
            assertEquals(new Shape(N, C, H, W), y.getShape());
            assertEquals(0, Arrays4.maxAbsDiff(naive(true), Arrays4.doubles(y)), 1e-5, "training " + training);
        }
        assertEquals(2 * C, norm.getParameters().values().stream().mapToLong(p -> p.getShape().size()).sum());
    }

    @Test
    void withoutAffineHasNoParameters() {
        InstanceNorm2d norm = new InstanceNorm2d(C, false);
        norm.initialize(manager, DataType.FLOAT32, new Shape(N, C, H, W));
        assertEquals(0, norm.getParameters().size());
        NDArray y = norm.forward(new ParameterStore(manager, false), new NDList(Arrays4.float32(manager, x, new Shape(N, C, H, W))),
                false).head();
        assertEquals(0, Arrays4.maxAbsDiff(naive(false), Arrays4.doubles(y)), 1e-5);
    }

    @Test
    void constantInstancesGiveBeta() {
        InstanceNorm2d norm = affineBlock();
        NDArray input = manager.full(new Shape(1, C, 2, 2), 7f);
        float[] y = norm.forward(new ParameterStore(manager, false), new NDList(input), false).head().toFloatArray();
        for (int i = 0; i < y.length; i++) {
            // No NaN from 0/0: eps keeps it finite. The float32 mean may be an ulp off 7 (5e-7), which
            // 1/sqrt(eps) = 316 amplifies to about 1e-4.
            assertEquals(beta[i / 4], y[i], 1e-3);
        }
    }

    /**
     * Gradients of L = Σ y·z: dL/dbeta = Σ z, dL/dgamma = Σ x̂·z, and dL/dx = gamma / σ · (z − mean(z) −
     * x̂ · mean(x̂·z)) per instance, the textbook batch-norm backward over H×W.
     */
    @Test
    void gradientsFlowToGammaBetaAndInput() {
        InstanceNorm2d norm = affineBlock();
        double[] z = Arrays4.normal(4, x.length);
        NDArray input = Arrays4.float32(manager, x, new Shape(N, C, H, W));
        input.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray y = norm.forward(new ParameterStore(manager, false), new NDList(input), true).head();
            collector.backward(y.mul(Arrays4.float32(manager, z, y.getShape())).sum());
        }
        double[] hat = naive(false);
        double[] dGamma = new double[C], dBeta = new double[C], dx = new double[x.length];
        for (int inst = 0; inst < N * C; inst++) {
            int c = inst % C;
            double mean = 0, var = 0, meanZ = 0, meanHatZ = 0;
            for (int p = 0; p < HW; p++) {
                mean += x[inst * HW + p] / HW;
            }
            for (int p = 0; p < HW; p++) {
                int i = inst * HW + p;
                var += (x[i] - mean) * (x[i] - mean) / HW;
                meanZ += z[i] / HW;
                meanHatZ += hat[i] * z[i] / HW;
                dGamma[c] += hat[i] * z[i];
                dBeta[c] += z[i];
            }
            for (int p = 0; p < HW; p++) {
                int i = inst * HW + p;
                dx[i] = gamma[c] / Math.sqrt(var + EPS) * (z[i] - meanZ - hat[i] * meanHatZ);
            }
        }
        assertEquals(0, Arrays4.maxAbsDiff(dGamma, Arrays4.doubles(norm.getParameters().get("gamma").getArray().getGradient())), 1e-4);
        assertEquals(0, Arrays4.maxAbsDiff(dBeta, Arrays4.doubles(norm.getParameters().get("beta").getArray().getGradient())), 1e-4);
        assertEquals(0, Arrays4.maxAbsDiff(dx, Arrays4.doubles(input.getGradient())), 1e-4);
    }

    @Test
    void refusesSinglePixelsAndWrongChannels() {
        InstanceNorm2d norm = new InstanceNorm2d(C, false);
        norm.initialize(manager, DataType.FLOAT32, new Shape(N, C, H, W));
        ParameterStore store = new ParameterStore(manager, false);
        IllegalArgumentException pixel = assertThrows(IllegalArgumentException.class,
                () -> norm.forward(store, new NDList(manager.ones(new Shape(2, C, 1, 1))), false));
        assertTrue(pixel.getMessage().contains("more than one pixel"), pixel.getMessage());
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> norm.forward(store, new NDList(manager.ones(new Shape(2, C + 1, 2, 2))), false));
        assertTrue(channels.getMessage().contains("expects 3 input channels, got 4"), channels.getMessage());
        assertArrayEquals(new float[] {1e-5f}, new float[] {InstanceNorm2d.DEFAULT_EPS});
    }
}
