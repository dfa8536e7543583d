package io.github.fijigan.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InputGradientTest {

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
    void gradientIsExactDifferentiableAndWritesNoGradient() {
        NDArray x = manager.create(new double[] {1, 2, 3});
        NDArray w = manager.create(new double[] {0.5, -1, 2});
        x.setRequiresGradient(true);
        w.setRequiresGradient(true);
        // Names with a dot would make DJL pass a dict to TorchScript: they must not matter, and survive.
        x.setName("input.x");
        try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
            NDArray g = InputGradient.of(x.square().mul(w), x); // d/dx sum(w x^2) = 2 w x
            assertArrayEquals(new double[] {1, -4, 12}, g.toDoubleArray(), 0);
            assertNull(JniUtils.getGradient((PtNDArray) w), "no .grad is written while the gradient is taken");
            assertNull(JniUtils.getGradient((PtNDArray) x));
            c.backward(g.square().sum()); // sum (2 w x)^2: d/dw = 8 x^2 w, d/dx = 8 w^2 x
        }
        assertArrayEquals(new double[] {4, -32, 144}, w.getGradient().toDoubleArray(), 0);
        assertArrayEquals(new double[] {2, 16, 96}, x.getGradient().toDoubleArray(), 0);
        assertEquals("input.x", x.getName());
    }

    @Test
    void saysWhatIsWrong() {
        NDArray x = manager.create(new double[] {1, 2});
        x.setRequiresGradient(true);
        NDArray other = manager.create(new double[] {3, 4});
        other.setRequiresGradient(true);
        try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
            NDArray y = x.mul(2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputGradient.of(y, other));
            assertTrue(e.getMessage().contains("does the output depend on it"), e.getMessage());
        }
        IllegalStateException outside = assertThrows(IllegalStateException.class, () -> InputGradient.of(x.mul(2), x));
        assertTrue(outside.getMessage().contains("GradientCollector"), outside.getMessage());
    }
}
