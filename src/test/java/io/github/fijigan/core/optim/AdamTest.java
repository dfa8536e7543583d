package io.github.fijigan.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import io.github.fijigan.core.tensor.GraphConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Adam on the parameters of a small real network (conv 1→2 3x3, LeakyReLU, linear to 3: 35
 * parameters in 4 arrays), driven by a quadratic loss {@code 0.5 sum c (p - target)^2} whose gradient
 * {@code c (p - target)} a plain-Java reference computes for itself.
 */
class AdamTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** A network with its parameters, the loss's targets and weights, all from {@code seed}. */
    private static final class Problem {
        final SequentialBlock block;
        final List<double[]> targets = new ArrayList<>();
        final List<double[]> weights = new ArrayList<>();
        final DataType type;

        Problem(NDManager manager, DataType type, long seed) {
            this.type = type;
            block = new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(2).build())
                    .add(Activation.leakyReluBlock(0.2f))
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(3).build());
            block.initialize(manager, type, new Shape(1, 1, 3, 3));
            SplittableRandom random = new SplittableRandom(seed);
            for (Pair<String, Parameter> p : block.getParameters()) {
                int n = Math.toIntExact(p.getValue().getArray().size());
                double[] start = new double[n];
                double[] target = new double[n];
                double[] weight = new double[n];
                for (int i = 0; i < n; i++) {
                    start[i] = random.nextDouble(-1, 1);
                    target[i] = random.nextDouble(-1, 1);
                    weight[i] = random.nextDouble(0.1, 3);
                }
                set(p.getValue().getArray(), start);
                targets.add(target);
                weights.add(weight);
            }
        }

        ParameterList parameters() {
            return block.getParameters();
        }

        /** Backward of the quadratic loss: afterwards each gradient is c (p - target). */
        void backward() {
            try (NDScope scope = new NDScope(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray loss = null;
                int i = 0;
                for (Pair<String, Parameter> p : parameters()) {
                    NDArray w = p.getValue().getArray();
                    NDManager m = w.getManager();
                    NDArray target = m.create(targets.get(i), w.getShape()).toType(type, false);
                    NDArray weight = m.create(weights.get(i), w.getShape()).toType(type, false);
                    // Not .mul(0.5): DJL's Number factor can be freed before the backward pass reads it (GraphConstants).
                    NDArray term = GraphConstants.times(w.sub(target).square().mul(weight).sum(), 0.5f);
                    loss = loss == null ? term : loss.add(term);
                    i++;
                }
                c.backward(loss);
            }
        }

        List<double[]> values() {
            List<double[]> v = new ArrayList<>();
            for (Pair<String, Parameter> p : parameters()) {
                try (NDArray copy = p.getValue().getArray().toType(DataType.FLOAT64, true)) {
                    v.add(copy.toDoubleArray());
                }
            }
            return v;
        }

        void copyValuesFrom(Problem other) {
            for (int i = 0; i < parameters().size(); i++) {
                set(parameters().get(i).getValue().getArray(), other.values().get(i));
            }
        }

        private void set(NDArray array, double[] values) {
            if (type == DataType.FLOAT64) {
                array.set(DoubleBuffer.wrap(values));
            } else {
                float[] f = new float[values.length];
                for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
                array.set(FloatBuffer.wrap(f));
            }
        }
    }

    /** torch.optim.Adam's arithmetic in plain doubles, on the same quadratic loss. */
    private static List<double[]> referenceRun(Problem problem, List<double[]> start, double[] rates, double beta1,
            double beta2, double eps, double weightDecay) {
        List<double[]> p = new ArrayList<>();
        List<double[]> m = new ArrayList<>();
        List<double[]> v = new ArrayList<>();
        for (double[] s : start) {
            p.add(s.clone());
            m.add(new double[s.length]);
            v.add(new double[s.length]);
        }
        for (int t = 1; t <= rates.length; t++) {
            for (int k = 0; k < p.size(); k++) {
                double[] pk = p.get(k);
                for (int i = 0; i < pk.length; i++) {
                    double g = problem.weights.get(k)[i] * (pk[i] - problem.targets.get(k)[i]) + weightDecay * pk[i];
                    m.get(k)[i] = beta1 * m.get(k)[i] + (1 - beta1) * g;
                    v.get(k)[i] = beta2 * v.get(k)[i] + (1 - beta2) * g * g;
                    double mHat = m.get(k)[i] / (1 - Math.pow(beta1, t));
                    double vHat = v.get(k)[i] / (1 - Math.pow(beta2, t));
                    pk[i] -= rates[t - 1] * mHat / (Math.sqrt(vHat) + eps);
                }
            }
        }
        return p;
    }

    private static double maxRelativeError(List<double[]> actual, List<double[]> expected) {
        double worst = 0;
        for (int k = 0; k < expected.size(); k++) {
            for (int i = 0; i < expected.get(k).length; i++) {
                double e = expected.get(k)[i];
                worst = Math.max(worst, Math.abs(actual.get(k)[i] - e) / Math.max(1e-3, Math.abs(e)));
            }
        }
        return worst;
    }

    @Test
    void followsTheReferenceSequenceInFloat64AndFloat32() {
        double[] rates = {0.05, 0.05, 0.04, 0.03, 0.02, 0.02, 0.01, 0.01};
        for (DataType type : List.of(DataType.FLOAT64, DataType.FLOAT32)) {
            for (double weightDecay : new double[] {0, 0.1}) {
                Problem problem = new Problem(manager, type, 1);
                List<double[]> start = problem.values();
                Adam adam = new Adam(0.5, 0.999, 1e-8, weightDecay);
                for (double rate : rates) {
                    problem.backward();
                    adam.step(problem.parameters(), rate);
                }
                double error = maxRelativeError(problem.values(),
                        referenceRun(problem, start, rates, 0.5, 0.999, 1e-8, weightDecay));
                System.out.printf("Adam %s, weight decay %.1f, %d steps: max relative error vs plain Java %.2e%n",
                        type, weightDecay, rates.length, error);
                assertTrue(error < (type == DataType.FLOAT64 ? 1e-12 : 1e-6), type + ": " + error);
                assertEquals(rates.length, adam.steps());
                assertTrue(maxRelativeError(problem.values(), start) > 0.05, "the parameters must have moved");
            }
        }
    }

    @Test
    void ganDefaults() {
        Adam adam = Adam.gan();
        assertEquals(0.5, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-8, adam.eps());
        assertEquals(0, adam.weightDecay());
        assertEquals(0, adam.steps());
        assertThrows(IllegalArgumentException.class, () -> new Adam(1, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.5, 0.999, 0));
        assertThrows(IllegalArgumentException.class, () -> adam.step(new ParameterList(), -1));
    }

    @Test
    void gradientsAreZeroAfterAStepAndFrozenParametersStay() {
        Problem problem = new Problem(manager, DataType.FLOAT32, 2);
        Parameter frozen = problem.parameters().get("04Linear_bias");
        frozen.freeze(true);
        double[] frozenBefore = problem.values().get(3);
        Adam adam = Adam.gan();
        problem.backward();
        adam.step(problem.parameters(), 0.1);
        for (Pair<String, Parameter> p : problem.parameters()) {
            if (!p.getValue().requiresGradient()) continue;
            try (NDArray g = p.getValue().getArray().getGradient()) {
                for (float x : g.toFloatArray()) assertEquals(0f, x, 0f, p.getKey());
            }
        }
        assertArrayEquals(frozenBefore, problem.values().get(3), 0);
        try (NDManager out = manager.newSubManager()) {
            NDList state = adam.state(out);
            assertEquals(List.of("01Conv2d_weight.m", "01Conv2d_weight.v", "01Conv2d_bias.m", "01Conv2d_bias.v",
                    "04Linear_weight.m", "04Linear_weight.v", "step"), names(state));
        }
    }

    private static List<String> names(NDList list) {
        List<String> names = new ArrayList<>();
        for (NDArray a : list) names.add(a.getName());
        return names;
    }

    private static byte[] encode(NDList list) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        list.encode(out, NDList.Encoding.ND_LIST);
        return out.toByteArray();
    }

    @Test
    void resumingFromSavedStateIsBitIdenticalToNotStopping() throws IOException {
        double[] rates = {0.02, 0.02, 0.015, 0.01, 0.01, 0.005};
        Problem uninterrupted = new Problem(manager, DataType.FLOAT32, 3);
        Adam adam = Adam.gan();
        for (double rate : rates) {
            uninterrupted.backward();
            adam.step(uninterrupted.parameters(), rate);
        }

        Problem first = new Problem(manager, DataType.FLOAT32, 3);
        Adam before = Adam.gan();
        for (int s = 0; s < 3; s++) {
            first.backward();
            before.step(first.parameters(), rates[s]);
        }
        byte[] saved;
        try (NDManager out = manager.newSubManager()) {
            NDList state = before.state(out);
            assertEquals(DataType.INT64, state.get(Adam.STEP).getDataType());
            assertEquals(3, state.get(Adam.STEP).getLong());
            saved = encode(state);
        }
        before.close();

        // A new network for the same loss, given the interrupted run's parameter values.
        Problem resumed = new Problem(manager, DataType.FLOAT32, 3);
        resumed.copyValuesFrom(first);
        Adam after = Adam.gan();
        try (NDManager in = manager.newSubManager()) {
            NDList state = NDList.decode(in, saved);
            float[] savedMoment = state.get("01Conv2d_weight.v").toFloatArray();
            after.loadState(state, resumed.parameters());
            assertEquals(3, after.steps());
            for (int s = 3; s < rates.length; s++) {
                resumed.backward();
                after.step(resumed.parameters(), rates[s]);
            }
            assertArrayEquals(savedMoment, state.get("01Conv2d_weight.v").toFloatArray(), "the state was copied");
        }
        assertEquals(6, after.steps());
        for (int i = 0; i < rates.length - 2; i++) {
            float[] expected = uninterrupted.parameters().get(i).getValue().getArray().toFloatArray();
            float[] actual = resumed.parameters().get(i).getValue().getArray().toFloatArray();
            assertArrayEquals(expected, actual, uninterrupted.parameters().get(i).getKey()); // bit for bit
        }
        // Without the moments, the same three steps end elsewhere: the state mattered.
        Problem fresh = new Problem(manager, DataType.FLOAT32, 3);
        fresh.copyValuesFrom(first);
        Adam forgetful = Adam.gan();
        for (int s = 3; s < rates.length; s++) {
            fresh.backward();
            forgetful.step(fresh.parameters(), rates[s]);
        }
        assertNotEquals(uninterrupted.values().get(0)[0], fresh.values().get(0)[0]);
    }

    @Test
    void loadStateRefusesStatesOfOtherNetworksAndChangesNothingThen() {
        Problem problem = new Problem(manager, DataType.FLOAT32, 4);
        Adam adam = Adam.gan();
        problem.backward();
        adam.step(problem.parameters(), 0.01);
        try (NDManager out = manager.newSubManager()) {
            NDList good = adam.state(out);

            NDList noStep = new NDList(good.stream().filter(a -> !a.getName().equals("step")).toList());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> adam.loadState(noStep, problem.parameters()));
            assertTrue(e.getMessage().contains("'step'"), e.getMessage());

            NDList missing = new NDList(good.stream().filter(a -> !a.getName().equals("04Linear_weight.v")).toList());
            e = assertThrows(IllegalArgumentException.class, () -> adam.loadState(missing, problem.parameters()));
            assertTrue(e.getMessage().contains("04Linear_weight.v") && e.getMessage().contains("parameter 04Linear_weight"),
                    e.getMessage());

            NDList misshaped = new NDList();
            for (NDArray a : good) {
                NDArray b = a.getName().equals("01Conv2d_bias.m") ? out.zeros(new Shape(3)) : a;
                b.setName(a.getName());
                misshaped.add(b);
            }
            e = assertThrows(IllegalArgumentException.class, () -> adam.loadState(misshaped, problem.parameters()));
            assertTrue(e.getMessage().contains("01Conv2d_bias") && e.getMessage().contains("(2)")
                    && e.getMessage().contains("(3)"), e.getMessage());

            NDList extra = new NDList(good);
            NDArray stray = out.zeros(new Shape(2));
            stray.setName("05Linear_weight.m");
            extra.add(stray);
            e = assertThrows(IllegalArgumentException.class, () -> adam.loadState(extra, problem.parameters()));
            assertTrue(e.getMessage().contains("05Linear_weight.m"), e.getMessage());

            assertEquals(1, adam.steps());
            // A fresh optimiser's state (step 0, no moments) loads anywhere.
            Adam fresh = Adam.gan();
            fresh.loadState(Adam.gan().state(out), problem.parameters());
            assertEquals(0, fresh.steps());
        }
    }

    @Test
    void thousandsOfStepsKeepTheManagersArrayCountConstant() {
        Problem problem = new Problem(manager, DataType.FLOAT32, 5);
        BaseNDManager base = (BaseNDManager) manager;
        Adam adam = Adam.gan();
        problem.backward();
        adam.step(problem.parameters(), 1e-3);
        int after1 = base.getManagedArrays().size();
        for (int s = 1; s < 2000; s++) {
            problem.backward();
            adam.step(problem.parameters(), 1e-3);
        }
        int after2000 = base.getManagedArrays().size();
        System.out.printf("managed arrays after 1 step: %d, after 2000: %d%n", after1, after2000);
        assertEquals(after1, after2000);
        assertEquals(2000, adam.steps());
        assertFalse(Double.isNaN(problem.values().get(0)[0]));
        adam.close();
        assertEquals(after1 - 8, base.getManagedArrays().size(), "close() frees the 2 moments of 4 parameters");
    }
}
