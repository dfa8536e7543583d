package io.github.fijigan.core.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;

/**
 * Adam as {@code torch.optim.Adam} computes it, with the learning rate given at each step (so a
 * {@link LearningRateSchedule} can drive it) and a state that a checkpoint saves and restores exactly.
 *
 * <p>At step t, for every trainable parameter p with gradient g ({@code + weightDecay * p} when weight
 * decay is on, as torch's L2 form): {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
 * {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}. The update runs in place,
 * without recording gradients, and then sets the gradients to zero (as {@code zero_grad} did before
 * PyTorch 2.0): a parameter that received no gradient counts as one with a zero gradient. The
 * moments are created at the first step, on each parameter's device and in its manager, and then
 * only updated in place, so a long run allocates nothing that stays.
 *
 * <p>Moments are keyed by the names in the {@link ParameterList} (e.g. {@code 01Conv2d_weight}), so
 * the state of one network can be loaded into another copy of it.
 *
 * <pre>{@code
 * Adam adam = Adam.gan();                                   // beta1 0.5, beta2 0.999, eps 1e-8
 * LearningRateSchedule schedule = LearningRateSchedule.parse("linear");
 * ...after each backward:
 * adam.step(netG.getParameters(), 2e-4 * schedule.factor(epoch, epochs));
 * ...checkpoint:
 * NDList state = adam.state(checkpointManager);             // 01Conv2d_weight.m, .v, ..., step
 * adam2.loadState(state, netG.getParameters());
 * }</pre>
 */
public final class Adam implements AutoCloseable {

    /** The name of the step count in {@link #state}. */
    public static final String STEP = "step";
    /** Suffix of a parameter's first moment in {@link #state}. */
    public static final String FIRST_MOMENT = ".m";
    /** Suffix of a parameter's second moment in {@link #state}. */
    public static final String SECOND_MOMENT = ".v";

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private long steps;

    /** Adam without weight decay. */
    public Adam(double beta1, double beta2, double eps) {
        this(beta1, beta2, eps, 0);
    }

    /**
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param eps added to the denominator, positive
     * @param weightDecay L2 weight added to the gradient, 0 or more
     */
    public Adam(double beta1, double beta2, double eps, double weightDecay) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must lie in [0, 1); got " + beta1 + ", " + beta2);
        }
        if (!(eps > 0 && Double.isFinite(eps))) {
            throw new IllegalArgumentException("Adam eps must be positive and finite; got " + eps);
        }
        if (!(weightDecay >= 0 && Double.isFinite(weightDecay))) {
            throw new IllegalArgumentException("Adam weight decay must be 0 or more; got " + weightDecay);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** @return Adam as DCGAN, pix2pix and CycleGAN train: beta1 0.5, beta2 0.999, eps 1e-8 */
    public static Adam gan() {
        return new Adam(0.5, 0.999, 1e-8);
    }

    /** @return the first moment's decay */
    public double beta1() {
        return beta1;
    }

    /** @return the second moment's decay */
    public double beta2() {
        return beta2;
    }

    /** @return the term added to the denominator */
    public double eps() {
        return eps;
    }

    /** @return the L2 weight added to gradients (0: none) */
    public double weightDecay() {
        return weightDecay;
    }

    /** @return the number of steps taken (t), restored by {@link #loadState} */
    public long steps() {
        return steps;
    }

    /**
     * Updates every parameter that requires gradient from its gradient, then zeroes the gradients.
     * Call outside the {@code GradientCollector}, after its backward.
     *
     * @param parameters the network's parameters, by name
     * @param learningRate this step's learning rate, 0 or more
     * @throws IllegalArgumentException if a parameter's shape or type differs from its moments
     *     (another network under the same name) or it is not a PyTorch array; nothing is changed then
     */
    public void step(ParameterList parameters, double learningRate) {
        if (!(learningRate >= 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learning rate must be 0 or more and finite; got " + learningRate);
        }
        List<Pair<String, NDArray>> trainable = trainable(parameters);
        for (Pair<String, NDArray> p : trainable) {
            NDArray[] mv = moments.get(p.getKey());
            if (mv != null) requireLike(p.getKey(), p.getValue(), mv[0], "its moments");
        }
        long t = steps + 1;
        double stepSize = learningRate / (1 - Math.pow(beta1, t));
        double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDScope scope = new NDScope()) {
            for (Pair<String, NDArray> p : trainable) {
                NDArray w = p.getValue();
                NDArray[] mv = moments.computeIfAbsent(p.getKey(), k -> zeroMoments(w));
                NDArray g = gradient(w);
                if (weightDecay != 0) {
                    g = g.add(w.mul(weightDecay));
                }
                mv[0].muli(beta1).addi(g.mul(1 - beta1));
                mv[1].muli(beta2).addi(g.square().muli(1 - beta2));
                NDArray denominator = mv[1].sqrt().divi(correction2Sqrt).addi(eps);
                w.subi(mv[0].div(denominator).muli(stepSize));
                JniUtils.zeroGrad((PtNDArray) w);
            }
        } finally {
            JniUtils.setGradMode(recording);
        }
        steps = t;
    }

    /**
     * @param manager where the copies go; they belong to it alone (not to an open {@code NDScope})
     * @return independent copies of the moments, named {@code <parameter>.m} and {@code <parameter>.v},
     *     and the step count as an int64 scalar named {@code step}
     */
    public NDList state(NDManager manager) {
        NDList state = new NDList();
        for (Map.Entry<String, NDArray[]> e : moments.entrySet()) {
            state.add(copy(e.getValue()[0], manager, e.getKey() + FIRST_MOMENT));
            state.add(copy(e.getValue()[1], manager, e.getKey() + SECOND_MOMENT));
        }
        NDArray step = manager.create(steps);
        NDScope.unregister(step);
        step.setName(STEP);
        state.add(step);
        return state;
    }

    /**
     * Restores a state that {@link #state} wrote, replacing this optimiser's moments and step count.
     * The arrays are copied onto each parameter's device, into its manager.
     *
     * @param state the saved arrays, by name
     * @param parameters the network the state is for
     * @throws IllegalArgumentException naming the parameter or entry, if the step count is missing or
     *     not a whole number, a trainable parameter's moments are missing (after step 0) or differ in
     *     shape or type, or an entry belongs to no trainable parameter; nothing is changed then
     */
    public void loadState(NDList state, ParameterList parameters) {
        long t = savedStep(state);
        Set<String> unused = new LinkedHashSet<>();
        for (NDArray a : state) {
            if (!STEP.equals(a.getName())) unused.add(a.getName());
        }
        Map<String, NDArray[]> loaded = new LinkedHashMap<>();
        for (Pair<String, NDArray> p : trainable(parameters)) {
            String name = p.getKey();
            NDArray m = state.get(name + FIRST_MOMENT);
            NDArray v = state.get(name + SECOND_MOMENT);
            if (m == null && v == null && t == 0) continue;
            if (m == null || v == null) {
                throw new IllegalArgumentException("optimiser state after " + t + " steps has no " + name
                        + (m == null ? FIRST_MOMENT : SECOND_MOMENT) + " for parameter " + name);
            }
            requireLike(name, p.getValue(), m, "its saved first moment");
            requireLike(name, p.getValue(), v, "its saved second moment");
            loaded.put(name, new NDArray[] {m, v});
            unused.remove(name + FIRST_MOMENT);
            unused.remove(name + SECOND_MOMENT);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("optimiser state has entries for no trainable parameter of this network: "
                    + unused + "; parameters: " + trainable(parameters).stream().map(Pair::getKey).toList());
        }
        close();
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Pair<String, NDArray> p : trainable(parameters)) arrays.put(p.getKey(), p.getValue());
        for (Map.Entry<String, NDArray[]> e : loaded.entrySet()) {
            NDArray w = arrays.get(e.getKey());
            moments.put(e.getKey(), new NDArray[] {restore(e.getValue()[0], w), restore(e.getValue()[1], w)});
        }
        steps = t;
    }

    /** Frees the moments now rather than with the parameters' managers; the step count stays. */
    @Override
    public void close() {
        for (NDArray[] mv : moments.values()) {
            mv[0].close();
            mv[1].close();
        }
        moments.clear();
    }

    private static List<Pair<String, NDArray>> trainable(ParameterList parameters) {
        List<Pair<String, NDArray>> list = new ArrayList<>();
        for (Pair<String, Parameter> p : parameters) {
            if (!p.getValue().requiresGradient()) continue;
            NDArray array = p.getValue().getArray();
            if (!(array instanceof PtNDArray)) {
                throw new IllegalArgumentException("parameter " + p.getKey() + " is not a PyTorch array ("
                        + array.getClass().getSimpleName() + "); this Adam updates PyTorch parameters only");
            }
            list.add(new Pair<>(p.getKey(), array));
        }
        return list;
    }

    private static void requireLike(String name, NDArray parameter, NDArray moment, String what) {
        if (!parameter.getShape().equals(moment.getShape()) || parameter.getDataType() != moment.getDataType()) {
            throw new IllegalArgumentException("parameter " + name + " is " + parameter.getDataType() + " "
                    + parameter.getShape() + " but " + what + " " + moment.getDataType() + " " + moment.getShape()
                    + ": a state of another network?");
        }
    }

    private static NDArray[] zeroMoments(NDArray w) {
        NDArray m = w.zerosLike();
        NDArray v = w.zerosLike();
        // Made inside step's scope, they must outlive it.
        NDScope.unregister(m, v);
        return new NDArray[] {m, v};
    }

    /** @return the parameter's gradient, or zeros of its type where it has none yet */
    private static NDArray gradient(NDArray w) {
        // Not w.getGradient(): without a gradient, DJL answers float32 zeros whatever w's type.
        NDArray g = JniUtils.getGradient((PtNDArray) w);
        return g != null ? g : w.zerosLike();
    }

    private static NDArray copy(NDArray source, NDManager manager, String name) {
        NDArray copy = source.duplicate();
        NDScope.unregister(copy);
        copy.attach(manager);
        copy.setName(name);
        return copy;
    }

    private static NDArray restore(NDArray saved, NDArray parameter) {
        // Not toDevice(device, true): on the same device PyTorch's to() hands back the same tensor.
        NDArray onDevice = saved.toDevice(parameter.getDevice(), false);
        NDArray copy = onDevice.duplicate();
        if (onDevice != saved) {
            onDevice.close();
        }
        NDScope.unregister(copy);
        copy.attach(parameter.getManager());
        copy.setName(null);
        return copy;
    }

    private static long savedStep(NDList state) {
        NDArray step = state.get(STEP);
        if (step == null || step.getShape().size() != 1) {
            throw new IllegalArgumentException("optimiser state needs a scalar named '" + STEP + "' (the step count); "
                    + (step == null ? "there is none" : "it has shape " + step.getShape()));
        }
        double t;
        try (NDArray asDouble = step.toType(DataType.FLOAT64, true)) {
            t = asDouble.toDoubleArray()[0];
        }
        if (!(t >= 0 && t == Math.rint(t))) {
            throw new IllegalArgumentException("optimiser state's step count " + t + " is not a whole number of steps");
        }
        return (long) t;
    }
}
