package io.github.fijigan.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpectralNormTest {

    private static final int IN = 3, OUT = 4, K = 3, COLS = IN * K * K;
    private static final Shape INPUT = new Shape(2, IN, 5, 5);

    private NDManager manager;
    private double[] weight;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        weight = Arrays4.normal(7, OUT * COLS);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private SpectralNorm conv(DataType type, long seed) {
        SpectralNorm sn = SpectralNorm.conv2d(IN, OUT, K, 1, 1, true, seed);
        sn.initialize(manager, type, INPUT);
        NDArray w = sn.getParameters().get("weight").getArray();
        if (type == DataType.FLOAT64) {
            w.set(weight);
        } else {
            w.set(Arrays4.float32(manager, weight, w.getShape()).toFloatArray());
        }
        return sn;
    }

    private NDArray forward(SpectralNorm sn, NDArray x, boolean training) {
        return sn.forward(new ParameterStore(manager, false), new NDList(x), training).head();
    }

    /** Largest singular value of a rows×cols matrix: square root of the largest eigenvalue of A Aᵀ, by Jacobi rotations. */
    static double largestSingularValue(double[] a, int rows, int cols) {
        double[][] m = new double[rows][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                for (int k = 0; k < cols; k++) {
                    m[i][j] += a[i * cols + k] * a[j * cols + k];
                }
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            for (int p = 0; p < rows; p++) {
                for (int q = p + 1; q < rows; q++) {
                    if (Math.abs(m[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < rows; k++) {
                        double mkp = m[k][p], mkq = m[k][q];
                        m[k][p] = c * mkp - s * mkq;
                        m[k][q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < rows; k++) {
                        double mpk = m[p][k], mqk = m[q][k];
                        m[p][k] = c * mpk - s * mqk;
                        m[q][k] = s * mpk + c * mqk;
                    }
                }
            }
        }
        double max = 0;
        for (int i = 0; i < rows; i++) {
            max = Math.max(max, m[i][i]);
        }
        return Math.sqrt(max);
    }

    @Test
    void jacobiFindsAKnownSingularValue() {
        // [[3, 0], [4, 5]] has singular values sqrt(45) and sqrt(5).
        assertEquals(Math.sqrt(45), largestSingularValue(new double[] {3, 0, 4, 5}, 2, 2), 1e-12);
    }

    @Test
    void powerIterationConvergesToTheLargestSingularValue() {
        SpectralNorm sn = conv(DataType.FLOAT32, 1);
        double expected = largestSingularValue(weight, OUT, COLS);
        NDArray x = manager.ones(INPUT);
        double first = Double.NaN;
        for (int i = 0; i < 200; i++) {
            forward(sn, x, true);
            if (i == 0) {
                first = sn.sigma();
            }
        }
        assertTrue(first < expected, "one iteration from a random u underestimates: " + first + " vs " + expected);
        assertEquals(expected, sn.sigma(), 1e-5 * expected);
    }

    /** The layer computes conv(x, W / sigma) + b, and W / sigma has spectral norm 1. */
    @Test
    void usesTheNormalisedWeight() {
        SpectralNorm sn = conv(DataType.FLOAT64, 2);
        NDArray x = Arrays4.float64(manager, Arrays4.normal(3, INPUT), INPUT);
        for (int i = 0; i < 200; i++) {
            forward(sn, x, true);
        }
        double sigma = sn.sigma();
        double[] normalised = weight.clone();
        for (int i = 0; i < normalised.length; i++) {
            normalised[i] /= sigma;
        }
        assertEquals(1, largestSingularValue(normalised, OUT, COLS), 1e-9);
        NDArray bias = sn.getParameters().get("bias").getArray();
        NDArray expected = Conv2d.conv2d(x, Arrays4.float64(manager, normalised, new Shape(OUT, IN, K, K)), bias, new Shape(1, 1),
                new Shape(1, 1), new Shape(1, 1), 1).head();
        assertEquals(0, Arrays4.maxAbsDiff(expected.toDoubleArray(), forward(sn, x, false).toDoubleArray()), 1e-12);
    }

    @Test
    void uAndVAreSavedButNotTrainedAndOnlyTrainingUpdatesThem() {
        SpectralNorm sn = conv(DataType.FLOAT32, 3);
        Parameter u = sn.getParameters().get("u");
        Parameter v = sn.getParameters().get("v");
        assertFalse(u.requiresGradient());
        assertFalse(v.requiresGradient());
        assertEquals(new Shape(OUT), u.getArray().getShape());
        assertEquals(new Shape(COLS), v.getArray().getShape());
        assertEquals(OUT * COLS + OUT, sn.getParameters().values().stream().filter(p -> p.requiresGradient()).mapToLong(p -> p.getShape().size()).sum());
        float[] u0 = u.getArray().toFloatArray();
        float[] v0 = v.getArray().toFloatArray();
        assertEquals(1, Math.sqrt(Arrays4.dot(Arrays4.toDouble(u0), Arrays4.toDouble(u0))), 1e-6, "u starts as a unit vector");
        NDArray x = manager.ones(INPUT);
        forward(sn, x, false);
        assertArrayEquals(u0, u.getArray().toFloatArray(), "inference leaves u alone");
        assertArrayEquals(v0, v.getArray().toFloatArray(), "inference leaves v alone");
        forward(sn, x, true);
        assertFalse(java.util.Arrays.equals(u0, u.getArray().toFloatArray()), "training updates u");
        assertFalse(java.util.Arrays.equals(v0, v.getArray().toFloatArray()), "training updates v");
    }

    @Test
    void startingVectorsComeFromTheSeed() {
        float[] a = conv(DataType.FLOAT32, 11).getParameters().get("u").getArray().toFloatArray();
        float[] b = conv(DataType.FLOAT32, 11).getParameters().get("u").getArray().toFloatArray();
        float[] c = conv(DataType.FLOAT32, 12).getParameters().get("u").getArray().toFloatArray();
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    /**
     * The weight gradient includes the path through sigma, as in PyTorch: checked against central
     * finite differences of L(W) = Σ conv(x, W / (uᵀ W v))·z with u, v fixed, in float64. Treating
     * sigma as a constant would give a different gradient, which the test also shows.
     */
    @Test
    void gradientFlowsThroughSigma() {
        SpectralNorm sn = conv(DataType.FLOAT64, 4);
        NDArray x = Arrays4.float64(manager, Arrays4.normal(5, INPUT), INPUT);
        NDArray z = Arrays4.float64(manager, Arrays4.normal(6, new Shape(2, OUT, 5, 5)), new Shape(2, OUT, 5, 5));
        forward(sn, x, true); // one update, then u and v stay fixed (inference forwards)
        NDArray w = sn.getParameters().get("weight").getArray();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(forward(sn, x, false).mul(z).sum());
        }
        double[] analytic = w.getGradient().toDoubleArray();
        double h = 1e-6;
        double[] numeric = new double[weight.length];
        for (int i = 0; i < weight.length; i++) {
            double[] plus = weight.clone();
            double[] minus = weight.clone();
            plus[i] += h;
            minus[i] -= h;
            w.set(plus);
            double lp = forward(sn, x, false).mul(z).sum().getDouble();
            w.set(minus);
            double lm = forward(sn, x, false).mul(z).sum().getDouble();
            numeric[i] = (lp - lm) / (2 * h);
        }
        w.set(weight);
        assertEquals(0, Arrays4.maxAbsDiff(numeric, analytic), 1e-6);

        double sigma = sn.sigma();
        NDArray plain = Arrays4.float64(manager, weight, w.getShape()).div(sigma);
        plain.setRequiresGradient(true);
        NDArray sigmaArray = manager.create(sigma);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray y = Conv2d.conv2d(x, plain, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).head();
            // An open array, not div(sigma): DJL's Number divisor can be freed before the backward pass reads it.
            collector.backward(y.mul(z).sum().div(sigmaArray));
        }
        assertTrue(Arrays4.maxAbsDiff(numeric, plain.getGradient().toDoubleArray()) > 1e-3,
                "with sigma held constant the gradient would differ");
    }

    /** A GAN discriminator sees real and fake batches before one backward: the second update of u must not break the first graph. */
    @Test
    void twoTrainingForwardsThenOneBackward() {
        SpectralNorm sn = conv(DataType.FLOAT32, 5);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray real = forward(sn, manager.ones(INPUT), true);
            NDArray fake = forward(sn, manager.zeros(INPUT), true);
            collector.backward(real.sum().sub(fake.sum()));
        }
        try (NDArray g = sn.getParameters().get("weight").getArray().getGradient()) {
            assertTrue(g.abs().sum().getFloat() > 0, "the weight got a gradient");
        }
    }

    @Test
    void linearVersion() {
        SpectralNorm sn = SpectralNorm.linear(5, 3, false, 9);
        sn.initialize(manager, DataType.FLOAT64, new Shape(2, 5));
        double[] w = Arrays4.normal(10, 15);
        sn.getParameters().get("weight").getArray().set(w);
        NDArray x = Arrays4.float64(manager, Arrays4.normal(11, 10), new Shape(2, 5));
        for (int i = 0; i < 300; i++) {
            forward(sn, x, true);
        }
        double sigma = largestSingularValue(w, 3, 5);
        assertEquals(sigma, sn.sigma(), 1e-9 * sigma);
        double[] xs = x.toDoubleArray();
        double[] expected = new double[6];
        for (int b = 0; b < 2; b++) {
            for (int o = 0; o < 3; o++) {
                for (int i = 0; i < 5; i++) {
                    expected[b * 3 + o] += xs[b * 5 + i] * w[o * 5 + i] / sigma;
                }
            }
        }
        assertEquals(0, Arrays4.maxAbsDiff(expected, forward(sn, x, false).toDoubleArray()), 1e-9);
        assertEquals(new Shape(2, 3), sn.getOutputShapes(new Shape[] {new Shape(2, 5)})[0]);
    }
}
