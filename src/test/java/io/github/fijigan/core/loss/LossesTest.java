package io.github.fijigan.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LossesTest {

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
    void l1AndL2AreMeansByHand() {
        NDArray a = manager.create(new float[] {1, 2, 3, -1}, new Shape(1, 1, 2, 2));
        NDArray b = manager.create(new float[] {2, 0, 3, 1}, new Shape(1, 1, 2, 2));
        assertEquals(1.25f, Losses.l1(a, b).getFloat(), 0f); // (1 + 2 + 0 + 2) / 4
        assertEquals(2.25f, Losses.l2(a, b).getFloat(), 0f); // (1 + 4 + 0 + 4) / 4
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.l1(a, manager.ones(new Shape(2, 1, 2, 2))));
        assertTrue(e.getMessage().contains("(1, 1, 2, 2)") && e.getMessage().contains("(2, 1, 2, 2)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.l2(a, manager.ones(new Shape(4))));
    }

    @Test
    void softmaxCrossEntropyByHand() {
        NDArray logits = manager.create(new double[] {1, 2, 3, 0, 0, 0}, new Shape(2, 3));
        // Row 1, label 2: -log(e^3 / (e + e^2 + e^3)) = log(1 + e^-1 + e^-2); row 2, label 0: log 3.
        double expected = (Math.log(1 + Math.exp(-1) + Math.exp(-2)) + Math.log(3)) / 2;
        assertEquals(0.75310912656, expected, 1e-11);
        assertEquals(expected, Losses.softmaxCrossEntropy(logits, manager.create(new long[] {2, 0})).getDouble(), 1e-15);
        assertEquals(expected, Losses.softmaxCrossEntropy(logits, manager.create(new float[] {2, 0})).getDouble(), 1e-15);
        assertEquals(expected, Losses.softmaxCrossEntropy(logits, manager.create(new int[] {2, 0})).getDouble(), 1e-15);
    }

    @Test
    void softmaxCrossEntropyIsStableAndHasTheSoftmaxGradient() {
        NDArray logits = manager.create(new float[] {1000, 0, -1000, 0}, new Shape(2, 2));
        logits.setRequiresGradient(true);
        float loss;
        float[] grad;
        try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
            NDArray l = Losses.softmaxCrossEntropy(logits, manager.create(new long[] {1, 1}));
            c.backward(l);
            loss = l.getFloat();
            grad = logits.getGradient().toFloatArray();
        }
        assertEquals(500f, loss, 1e-3f); // (1000 + log(1 + e^-1000)) / 2
        // (softmax - one hot) / N
        assertArrayEquals(new float[] {0.5f, -0.5f, 0f, 0f}, grad, 1e-7f);
    }

    @Test
    void refusesLabelsThatAreNotClassIndices() {
        NDArray logits = manager.zeros(new Shape(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(logits, manager.create(new float[] {0, 3})));
        assertTrue(e.getMessage().contains("3.0") && e.getMessage().contains("0..2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(logits, manager.create(new float[] {0, 1.5f})));
        assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(logits, manager.create(new float[] {-1, 0})));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(logits, manager.create(new long[] {0, 1, 2})));
        assertTrue(shape.getMessage().contains("(2, 3)") && shape.getMessage().contains("(3)"), shape.getMessage());
    }
}
