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

class ReflectionPad2dTest {

    private NDManager manager;
    private NDArray x;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        x = manager.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new Shape(1, 1, 3, 3));
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private float[] pad(ReflectionPad2d block) {
        block.initialize(manager, DataType.FLOAT32, x.getShape());
        return block.forward(new ParameterStore(manager, false), new NDList(x), false).head().toFloatArray();
    }

    @Test
    void padOneMirrorsWithoutRepeatingTheEdge() {
        float[] expected = {
            5, 4, 5, 6, 5,
            2, 1, 2, 3, 2,
            5, 4, 5, 6, 5,
            8, 7, 8, 9, 8,
            5, 4, 5, 6, 5};
        assertArrayEquals(expected, pad(new ReflectionPad2d(1)));
    }

    @Test
    void padTwoOnThreeByThree() {
        float[] expected = {
            9, 8, 7, 8, 9, 8, 7,
            6, 5, 4, 5, 6, 5, 4,
            3, 2, 1, 2, 3, 2, 1,
            6, 5, 4, 5, 6, 5, 4,
            9, 8, 7, 8, 9, 8, 7,
            6, 5, 4, 5, 6, 5, 4,
            3, 2, 1, 2, 3, 2, 1};
        assertArrayEquals(expected, pad(new ReflectionPad2d(2)));
        assertEquals(new Shape(1, 1, 7, 7), new ReflectionPad2d(2).getOutputShapes(new Shape[] {x.getShape()})[0]);
    }

    @Test
    void asymmetricPaddingInPyTorchsOrder() {
        // left 1, right 0, top 0, bottom 2: columns [1, 0, 1, 2], rows [0, 1, 2, 1, 0].
        float[] expected = {
            2, 1, 2, 3,
            5, 4, 5, 6,
            8, 7, 8, 9,
            5, 4, 5, 6,
            2, 1, 2, 3};
        assertArrayEquals(expected, pad(new ReflectionPad2d(1, 0, 0, 2)));
        assertArrayEquals(x.toFloatArray(), pad(new ReflectionPad2d(0)));
    }

    /** The gradient of Σ pad(x)·z reaches each pixel once for every place it was copied to. */
    @Test
    void gradientCountsEveryCopy() {
        x.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(ReflectionPad2d.pad(x, 1, 1, 1, 1).sum());
        }
        // Rows map to [1, 0, 1, 2, 1]: row 1 is used 3 times, rows 0 and 2 once; columns the same.
        assertArrayEquals(new float[] {1, 3, 1, 3, 9, 3, 1, 3, 1}, x.getGradient().toFloatArray());
    }

    @Test
    void refusesPaddingAsLargeAsTheImage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReflectionPad2d.pad(x, 3, 3, 3, 3));
        assertTrue(e.getMessage().contains("smaller than the size it mirrors"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReflectionPad2d(-1));
    }
}
