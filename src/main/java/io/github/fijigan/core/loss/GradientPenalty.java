package io.github.fijigan.core.loss;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;

/**
 * The gradient penalty of WGAN-GP (Gulrajani et al. 2017): {@code mean_i (||grad_x critic(x_i)||_2 - 1)^2}
 * at points {@code x = eps * real + (1 - eps) * fake} on the lines between real and generated samples.
 *
 * <p>The input gradient is taken with {@link InputGradient} ({@code torch.autograd.grad}), so that the
 * penalty keeps its graph: one backward of {@code loss + lambda * penalty} gives the critic's
 * parameters the exact gradient, second-order terms included. No {@code .grad} is written while the
 * penalty is formed, so the parameters' gradients are exactly what they were before the call (zero
 * in a training step) and no leaf is left holding a graph.
 *
 * <pre>{@code
 * double[] e = new double[n];                        // from the run's seeded Java RNG
 * for (int i = 0; i < n; i++) e[i] = random.nextDouble();
 * NDArray eps = manager.create(e).toType(DataType.FLOAT32, false).reshape(n, 1, 1, 1);
 * try (GradientCollector collector = engine.newGradientCollector()) {
 *     NDArray lossD = wgan.discriminatorLoss(critic.apply(real), critic.apply(fake));
 *     NDArray gp = GradientPenalty.penalty(critic, netD.getParameters(), real, fake, eps);
 *     collector.backward(lossD.add(gp.mul(GradientPenalty.DEFAULT_LAMBDA)));
 * }
 * }</pre>
 */
public final class GradientPenalty {

    /** The weight of the penalty in WGAN-GP's critic loss. */
    public static final float DEFAULT_LAMBDA = 10;

    /**
     * Added under the square root of each squared norm, as pix2pix adds 1e-16 to the gradient before
     * its norm: the norm's derivative stays finite where a gradient is exactly zero.
     */
    static final double NORM_EPSILON = 1e-16;

    private GradientPenalty() {}

    /**
     * Forms the penalty inside the caller's {@code GradientCollector}. Arrays made on the way are
     * closed before returning (an {@code NDScope} of its own); the result goes to the caller's open
     * {@code NDScope}, if any, and belongs to the manager of {@code epsilon}.
     *
     * @param critic the critic as a function of a batch; called once, on the interpolated batch
     * @param criticParameters the critic's parameters: the penalty's graph reaches them; their
     *     gradients are not touched by this call
     * @param real a batch of real samples {@code (N, ...)}; a constant (its graph is not followed)
     * @param fake generated samples of the same shape; a constant too
     * @param epsilon interpolation weights {@code (N, 1, ..., 1)}, of the rank and data type of
     *     {@code real}, drawn by the caller (uniform in [0, 1] for WGAN-GP)
     * @return the scalar penalty, not yet multiplied by lambda
     * @throws IllegalArgumentException for mismatched shapes or data types, or a critic without
     *     trainable parameters
     * @throws IllegalStateException outside a {@code GradientCollector}
     */
    public static NDArray penalty(Function<NDArray, NDArray> critic, ParameterList criticParameters, NDArray real,
            NDArray fake, NDArray epsilon) {
        Objects.requireNonNull(critic, "critic");
        requireTrainable(criticParameters);
        NDArray result;
        try (NDScope scope = new NDScope()) {
            NDArray interpolated = interpolate(real, fake, epsilon);
            NDArray gradient = InputGradient.of(critic.apply(interpolated), interpolated);
            result = penaltyOf(gradient);
            NDScope.unregister(result);
        }
        NDScope.register(result);
        return result;
    }

    /**
     * @return {@code epsilon * real + (1 - epsilon) * fake}, cut from the graphs of its arguments, as a
     *     new leaf that requires gradient
     * @throws IllegalArgumentException for mismatched shapes or data types
     */
    public static NDArray interpolate(NDArray real, NDArray fake, NDArray epsilon) {
        Shape shape = real.getShape();
        if (!shape.equals(fake.getShape())) {
            throw new IllegalArgumentException("gradient penalty: real " + shape + " and fake " + fake.getShape()
                    + " batches differ in shape");
        }
        if (shape.dimension() < 2) {
            throw new IllegalArgumentException("gradient penalty needs batches (N, ...) of rank 2 or more; got " + shape);
        }
        long[] one = new long[shape.dimension()];
        Arrays.fill(one, 1);
        one[0] = shape.get(0);
        Shape weights = new Shape(one);
        if (!epsilon.getShape().equals(weights)) {
            throw new IllegalArgumentException("gradient penalty: epsilon must have shape " + weights + " (one weight per "
                    + "sample), got " + epsilon.getShape());
        }
        if (real.getDataType() != fake.getDataType() || real.getDataType() != epsilon.getDataType()) {
            // Mixed types would promote the interpolated batch to the wider one, which the critic refuses.
            throw new IllegalArgumentException("gradient penalty: real, fake and epsilon must share one data type; got "
                    + real.getDataType() + ", " + fake.getDataType() + ", " + epsilon.getDataType());
        }
        NDArray point;
        try (NDArray r = real.stopGradient(); NDArray f = fake.stopGradient(); NDArray e = epsilon.stopGradient()) {
            point = e.mul(r).add(e.neg().add(1).mul(f));
        }
        point.setRequiresGradient(true);
        return point;
    }

    /**
     * @param inputGradient the critic's input gradient {@code (N, ...)}
     * @return {@code mean_i (||g_i||_2 - 1)^2}, with the norm over all but the batch axis
     */
    public static NDArray penaltyOf(NDArray inputGradient) {
        long n = inputGradient.getShape().get(0);
        return inputGradient.reshape(n, -1).square().sum(new int[] {1}).add(NORM_EPSILON).sqrt().sub(1).square().mean();
    }

    private static void requireTrainable(ParameterList parameters) {
        Objects.requireNonNull(parameters, "criticParameters");
        for (Pair<String, Parameter> p : parameters) {
            if (p.getValue().requiresGradient()) {
                return;
            }
        }
        throw new IllegalArgumentException("gradient penalty: the critic has no trainable parameter among "
                + parameters.keys() + "; the penalty would train nothing");
    }
}
