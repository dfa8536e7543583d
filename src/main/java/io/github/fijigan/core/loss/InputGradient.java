package io.github.fijigan.core.loss;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The gradient of a network's summed output with respect to its input, itself differentiable: what
 * gradient penalties (WGAN-GP, R1) are made of. It is PyTorch's {@code torch.autograd.grad(output,
 * input, ones, retain_graph=True, create_graph=True)}: no {@code .grad} of any array is written,
 * neither the input's nor the network's parameters', and a later backward through a function of the
 * result reaches the parameters with the exact second-order terms.
 *
 * <pre>{@code
 * try (GradientCollector collector = engine.newGradientCollector()) {
 *     x.setRequiresGradient(true);
 *     NDArray g = InputGradient.of(critic.apply(x), x);   // d sum(critic(x)) / dx, shape of x
 *     collector.backward(g.square().sum());             // parameters get d ||g||^2 / d theta
 * }
 * }</pre>
 */
public final class InputGradient {

    private InputGradient() {}

    /**
     * @param output an array computed from {@code input} while gradients were recorded
     * @param input an array that requires gradient
     * @return {@code d sum(output) / d input}, of the input's shape, carrying its own graph; it
     *     belongs to the output's manager
     * @throws IllegalStateException outside a {@code GradientCollector} (nothing is recorded there)
     * @throws IllegalArgumentException if the arrays are not PyTorch arrays, or if {@code output}
     *     does not depend on {@code input} through recorded operations
     */
    public static NDArray of(NDArray output, NDArray input) {
        if (!(output instanceof PtNDArray) || !(input instanceof PtNDArray)) {
            throw new IllegalArgumentException("input gradients need the PyTorch engine; got "
                    + output.getClass().getSimpleName() + " and " + input.getClass().getSimpleName());
        }
        if (!JniUtils.isGradMode()) {
            throw new IllegalStateException("input gradients need recorded operations: call inside a GradientCollector");
        }
        // DJL reads array names as TorchScript argument structure (a '.' makes a dict): pass none.
        String outputName = output.getName();
        String inputName = input.getName();
        output.setName(null);
        input.setName(null);
        try {
            return IValueUtils.forward(GradientModule.get(), new NDList(output, input), true).singletonOrThrow();
        } catch (EngineException e) {
            throw new IllegalArgumentException("cannot differentiate the output " + output.getShape()
                    + " with respect to the input " + input.getShape()
                    + " (does the output depend on it, and does it require gradient?): " + e.getMessage(), e);
        } finally {
            output.setName(outputName);
            input.setName(inputName);
        }
    }
}
