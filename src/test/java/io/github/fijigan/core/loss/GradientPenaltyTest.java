package io.github.fijigan.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WGAN-GP's penalty against central finite differences in float64, on a small real critic: the input
 * gradient, the penalty's value, and the parameter gradient of the whole critic loss, second-order
 * terms included.
 */
class GradientPenaltyTest {

    private static final Shape BATCH = new Shape(2, 1, 6, 6);
    private static final double H = 1e-6;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static double[] batch(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[Math.toIntExact(BATCH.size())];
        for (int i = 0; i < v.length; i++) v[i] = random.nextDouble(-1, 1);
        return v;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    /** d sum(critic(x)) / dx by central differences. */
    private static double[] finiteInputGradient(TinyCritic critic, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += H;
            minus[i] -= H;
            g[i] = (sum(critic.scores(plus)) - sum(critic.scores(minus))) / (2 * H);
        }
        return g;
    }

    private static double relativeError(double analytic, double reference) {
        return Math.abs(analytic - reference) / Math.max(1e-3, Math.abs(reference));
    }

    @Test
    void inputGradientEqualsCentralDifferences() {
        for (TinyCritic critic : List.of(TinyCritic.leaky(manager, BATCH, 1), TinyCritic.smooth(manager, BATCH, 2))) {
            double[] x = batch(3);
            double[] analytic;
            try (NDManager step = manager.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray input = step.create(x, BATCH);
                input.setRequiresGradient(true);
                analytic = InputGradient.of(critic.function().apply(input), input).toDoubleArray();
            }
            double[] reference = finiteInputGradient(critic, x);
            double worst = 0;
            for (int i = 0; i < x.length; i++) worst = Math.max(worst, relativeError(analytic[i], reference[i]));
            System.out.printf("input gradient vs central differences (%d values): max relative error %.2e%n",
                    x.length, worst);
            assertTrue(worst < 1e-7, "max relative error " + worst);
        }
    }

    @Test
    void penaltyEqualsTheOneFromFiniteDifferenceGradients() {
        TinyCritic critic = TinyCritic.leaky(manager, BATCH, 4);
        double[] real = batch(5);
        double[] fake = batch(6);
        double[] eps = {0.3, 0.85};
        int perSample = Math.toIntExact(BATCH.size() / 2);
        double[] interpolated = new double[real.length];
        for (int i = 0; i < real.length; i++) {
            double e = eps[i / perSample];
            interpolated[i] = e * real[i] + (1 - e) * fake[i];
        }
        // The critic scores each sample alone, so the gradient of the batch sum holds each sample's own.
        double[] g = finiteInputGradient(critic, interpolated);
        double expected = 0;
        for (int n = 0; n < 2; n++) {
            double squared = 0;
            for (int j = 0; j < perSample; j++) squared += g[n * perSample + j] * g[n * perSample + j];
            expected += Math.pow(Math.sqrt(squared) - 1, 2) / 2;
        }

        double penalty;
        try (NDManager step = manager.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
            penalty = GradientPenalty.penalty(critic.function(), critic.parameters(), step.create(real, BATCH),
                    step.create(fake, BATCH), step.create(eps, new Shape(2, 1, 1, 1))).getDouble();
        }
        System.out.printf("penalty %.12f, from finite differences %.12f: relative error %.2e%n", penalty, expected,
                relativeError(penalty, expected));
        assertTrue(expected > 0.01, "the example must not be trivial: " + expected);
        assertEquals(expected, penalty, 1e-8 * expected);
    }

    @Test
    void float32GivesTheFloat64PenaltyToSinglePrecision() {
        double[] real = batch(17);
        double[] fake = batch(18);
        double[] eps = {0.4, 0.7};
        double[] penalties = new double[2];
        float[] gradients32 = null;
        double[] gradients64 = null;
        for (int k = 0; k < 2; k++) {
            TinyCritic critic = k == 0 ? TinyCritic.leaky(manager, BATCH, 19) : TinyCritic.leakyFloat32(manager, BATCH, 19);
            DataType type = k == 0 ? DataType.FLOAT64 : DataType.FLOAT32;
            try (NDManager step = manager.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray gp = GradientPenalty.penalty(critic.function(), critic.parameters(),
                        step.create(real, BATCH).toType(type, false), step.create(fake, BATCH).toType(type, false),
                        step.create(eps, new Shape(2, 1, 1, 1)).toType(type, false));
                assertEquals(type, gp.getDataType());
                c.backward(gp);
                penalties[k] = gp.toType(DataType.FLOAT64, false).getDouble();
            }
            try (NDArray g = critic.parameters().get(0).getValue().getArray().getGradient()) {
                if (k == 0) gradients64 = g.toDoubleArray(); else gradients32 = g.toFloatArray();
            }
        }
        assertEquals(penalties[0], penalties[1], 1e-5 * penalties[0]);
        for (int i = 0; i < gradients64.length; i++) {
            assertEquals(gradients64[i], gradients32[i], 1e-4 * Math.max(1, Math.abs(gradients64[i])));
        }
    }

    /** wgan critic loss + 10 * penalty, as one number, for the critic's current parameters. */
    private static double totalLoss(TinyCritic critic, NDManager manager, double[] real, double[] fake, double[] eps,
            boolean backward) {
        try (NDManager step = manager.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
            NDArray r = step.create(real, BATCH);
            NDArray f = step.create(fake, BATCH);
            Function<NDArray, NDArray> d = critic.function();
            NDArray loss = GanLoss.byName("wgan").discriminatorLoss(d.apply(r), d.apply(f));
            NDArray gp = GradientPenalty.penalty(d, critic.parameters(), r, f, step.create(eps, new Shape(2, 1, 1, 1)));
            NDArray total = loss.add(gp.mul(GradientPenalty.DEFAULT_LAMBDA));
            if (backward) c.backward(total);
            return total.getDouble();
        }
    }

    private static List<double[]> gradients(TinyCritic critic) {
        List<double[]> grads = new ArrayList<>();
        for (Pair<String, Parameter> p : critic.parameters()) {
            try (NDArray g = p.getValue().getArray().getGradient()) {
                grads.add(g.toDoubleArray());
            }
        }
        return grads;
    }

    private static void zeroGradients(TinyCritic critic) {
        for (Pair<String, Parameter> p : critic.parameters()) JniUtils.zeroGrad((PtNDArray) p.getValue().getArray());
    }

    @Test
    void oneBackwardGivesTheParametersTheFiniteDifferenceGradientOfLossPlusPenalty() {
        for (TinyCritic critic : List.of(TinyCritic.leaky(manager, BATCH, 7), TinyCritic.smooth(manager, BATCH, 8))) {
            double[] real = batch(9);
            double[] fake = batch(10);
            double[] eps = {0.62, 0.17};
            totalLoss(critic, manager, real, fake, eps, true);
            List<double[]> analytic = gradients(critic);

            double worst = 0;
            double penaltyShare = 0;
            int checked = 0;
            int index = 0;
            for (Pair<String, Parameter> p : critic.parameters()) {
                NDArray array = p.getValue().getArray();
                double[] theta = TinyCritic.values(array);
                for (int k = 0; k < theta.length; k++) {
                    double[] moved = theta.clone();
                    moved[k] = theta[k] + H;
                    TinyCritic.setValues(array, moved);
                    double plus = totalLoss(critic, manager, real, fake, eps, false);
                    moved[k] = theta[k] - H;
                    TinyCritic.setValues(array, moved);
                    double minus = totalLoss(critic, manager, real, fake, eps, false);
                    TinyCritic.setValues(array, theta);
                    double reference = (plus - minus) / (2 * H);
                    worst = Math.max(worst, relativeError(analytic.get(index)[k], reference));
                    checked++;
                }
                index++;
            }
            // The penalty must matter: compare with the gradient of the critic loss alone.
            zeroGradients(critic);
            try (NDManager step = manager.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
                Function<NDArray, NDArray> d = critic.function();
                c.backward(GanLoss.byName("wgan").discriminatorLoss(d.apply(step.create(real, BATCH)),
                        d.apply(step.create(fake, BATCH))));
            }
            List<double[]> lossOnly = gradients(critic);
            for (int i = 0; i < analytic.size(); i++) {
                for (int k = 0; k < analytic.get(i).length; k++) {
                    penaltyShare = Math.max(penaltyShare, Math.abs(analytic.get(i)[k] - lossOnly.get(i)[k]));
                }
            }
            System.out.printf("d(loss + 10 penalty)/d theta vs central differences (%d parameters): max relative "
                    + "error %.2e; largest penalty part %.3f%n", checked, worst, penaltyShare);
            assertEquals(critic.parameterCount(), checked);
            assertTrue(penaltyShare > 0.1, "the penalty's part of the gradient is too small to test: " + penaltyShare);
            assertTrue(worst < 1e-6, "max relative error " + worst);
        }
    }

    @Test
    void parameterGradientsAreExactlyAsBeforeAfterThePenalty() {
        TinyCritic critic = TinyCritic.leaky(manager, BATCH, 11);
        double[] eps = {0.5, 0.25};
        try (NDManager step = manager.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
            GradientPenalty.penalty(critic.function(), critic.parameters(), step.create(batch(12), BATCH),
                    step.create(batch(13), BATCH), step.create(eps, new Shape(2, 1, 1, 1)));
            for (Pair<String, Parameter> p : critic.parameters()) {
                assertNull(JniUtils.getGradient((PtNDArray) p.getValue().getArray()),
                        p.getKey() + ": no gradient may be written while the penalty is formed");
            }
        }
        // Defined and zero, as after an optimiser step: still exactly zero.
        totalLoss(critic, manager, batch(12), batch(13), eps, true);
        zeroGradients(critic);
        try (NDManager step = manager.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
            GradientPenalty.penalty(critic.function(), critic.parameters(), step.create(batch(12), BATCH),
                    step.create(batch(13), BATCH), step.create(eps, new Shape(2, 1, 1, 1)));
            for (double[] g : gradients(critic)) {
                for (double v : g) assertEquals(0.0, v, 0.0);
            }
        }
    }

    @Test
    void refusesWhatCannotBeAPenalty() {
        TinyCritic critic = TinyCritic.leaky(manager, BATCH, 14);
        NDArray real = manager.create(batch(1), BATCH);
        NDArray fake = manager.create(batch(2), BATCH);
        try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
            IllegalArgumentException perSample = assertThrows(IllegalArgumentException.class, () -> GradientPenalty
                    .penalty(critic.function(), critic.parameters(), real, fake, manager.create(new double[] {0.5, 0.5})));
            assertTrue(perSample.getMessage().contains("(2, 1, 1, 1)"), perSample.getMessage());
            NDArray other = manager.zeros(new Shape(2, 1, 6, 5));
            IllegalArgumentException shapes = assertThrows(IllegalArgumentException.class, () -> GradientPenalty
                    .penalty(critic.function(), critic.parameters(), real, other, manager.ones(new Shape(2, 1, 1, 1))));
            assertTrue(shapes.getMessage().contains("(2, 1, 6, 5)"), shapes.getMessage());
            IllegalArgumentException types = assertThrows(IllegalArgumentException.class, () -> GradientPenalty.penalty(
                    critic.function(), critic.parameters(), real, fake, manager.ones(new Shape(2, 1, 1, 1), DataType.FLOAT32)));
            assertTrue(types.getMessage().contains("float32"), types.getMessage());
        }
        IllegalStateException outside = assertThrows(IllegalStateException.class, () -> GradientPenalty.penalty(
                critic.function(), critic.parameters(), real, fake, manager.ones(new Shape(2, 1, 1, 1), DataType.FLOAT64)));
        assertTrue(outside.getMessage().contains("GradientCollector"), outside.getMessage());
    }

    private static long residentKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }

    /**
     * backward(create_graph=True), the obvious way in DJL, leaves every leaf holding its graph through
     * its .grad (a cycle PyTorch warns about, and DJL cannot break): with this critic and batch of
     * 8x1x256x256 float64 images (4 MiB each) that kept about 16 MB per step alive, some 320 MB over the
     * 20 measured steps. The penalty must keep nothing. Java garbage is collected before each reading;
     * what remains is noise from the allocators and the JIT compilers (up to about 45 MB seen).
     */
    @Test
    void repeatedTrainingStepsKeepNativeMemoryFlat() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc to read the resident size");
        Shape big = new Shape(8, 1, 256, 256);
        Shape weights = new Shape(8, 1, 1, 1);
        TinyCritic critic = TinyCritic.pooled(manager, big, 15);
        SplittableRandom random = new SplittableRandom(16);
        double[] real = new double[Math.toIntExact(big.size())];
        double[] fake = new double[real.length];
        double[] eps = new double[8];
        int warmUp = 10;
        int steps = 30;
        long before = 0;
        for (int s = 0; s < steps; s++) {
            if (s % 5 == 0) System.gc();
            if (s == warmUp) before = residentKiB();
            for (int i = 0; i < real.length; i++) {
                real[i] = random.nextDouble(-1, 1);
                fake[i] = random.nextDouble(-1, 1);
            }
            for (int i = 0; i < eps.length; i++) eps[i] = random.nextDouble();
            try (NDManager step = manager.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
                Function<NDArray, NDArray> d = critic.function();
                NDArray r = step.create(real, big);
                NDArray f = step.create(fake, big);
                NDArray loss = GanLoss.byName("wgan").discriminatorLoss(d.apply(r), d.apply(f));
                NDArray gp = GradientPenalty.penalty(d, critic.parameters(), r, f, step.create(eps, weights));
                c.backward(loss.add(gp.mul(GradientPenalty.DEFAULT_LAMBDA)));
            }
            zeroGradients(critic);
        }
        System.gc();
        long grown = residentKiB() - before;
        System.out.printf("resident size grew by %d KiB over %d penalty steps%n", grown, steps - warmUp);
        assertTrue(grown < 100 * 1024, "native memory grew by " + grown + " KiB over " + (steps - warmUp) + " steps");
    }
}
