package io.github.fijigan.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Constants made by {@link GraphConstants} are still there when the backward pass reads them, even
 * after a garbage collection freed every unreachable Java buffer between forward and backward.
 */
class GraphConstantsTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /**
     * The fault this class avoids, shown on DJL's own {@code mul(Number)}: its scalar lives in a Java
     * buffer that a collection frees before the backward pass reads it. This also proves that
     * {@link NativeBuffers#free()} exposes the fault, so the tests below would catch it. Should this fail
     * after a DJL upgrade because the gradient is right, DJL keeps its scalars alive now.
     */
    @Test
    void djlsNumberScalarIsFreedUnderTheGraph() {
        NDArray x = manager.create(new float[] {1, -2, 3, 4});
        x.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray y = x.mul(10f).sum();
            NativeBuffers.free();
            collector.backward(y);
        }
        float[] gradient = x.getGradient().toFloatArray();
        assertFalse(Arrays.equals(new float[] {10, 10, 10, 10}, gradient),
                "DJL's x.mul(10f) kept its factor through a garbage collection: " + Arrays.toString(gradient));
    }

    @Test
    void aFactorSavedByTheGraphSurvivesACollection() {
        NDArray x = manager.create(new float[] {1, -2, 3, 4});
        x.setRequiresGradient(true);
        NDArray y;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            y = GraphConstants.times(x, 10f);
            NDArray sum = y.sum();
            NativeBuffers.free();
            collector.backward(sum);
        }
        assertArrayEquals(new float[] {10, -20, 30, 40}, y.toFloatArray());
        assertArrayEquals(new float[] {10, 10, 10, 10}, x.getGradient().toFloatArray());
    }

    @Test
    void aMaskClosedBeforeTheBackwardPassStillCounts() {
        NDArray x = manager.create(new float[] {1, -2, 3, 4}, new Shape(2, 2));
        x.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray y;
            try (NDArray mask = GraphConstants.fromFloats(manager, new float[] {0, 2, 0.5f, 2}, new Shape(2, 2))) {
                y = x.mul(mask).sum();
            }
            NativeBuffers.free();
            collector.backward(y);
        }
        assertArrayEquals(new float[] {0, 2, 0.5f, 2}, x.getGradient().toFloatArray());
    }

    @Test
    void constantsTakeTheArraysTypeAndDevice() {
        NDArray x = manager.create(new double[] {1, 2});
        NDArray s = GraphConstants.scalar(x, 2.5f);
        assertEquals(new Shape(), s.getShape());
        assertEquals(DataType.FLOAT64, s.getDataType());
        assertEquals(x.getDevice(), s.getDevice());
        assertEquals(2.5, s.getDouble());
        NDArray y = GraphConstants.times(x, 0.5f);
        assertEquals(DataType.FLOAT64, y.getDataType());
        assertArrayEquals(new double[] {0.5, 1}, y.toDoubleArray());
        NDArray mask = GraphConstants.fromFloats(manager, new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
        assertEquals(new Shape(2, 3), mask.getShape());
        assertEquals(DataType.FLOAT32, mask.getDataType());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, mask.toFloatArray());
    }

    @Test
    void fromFloatsRefusesAWrongCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphConstants.fromFloats(manager, new float[5], new Shape(2, 3)));
        assertTrue(e.getMessage().contains("needs 6 values, got 5"), e.getMessage());
    }
}
