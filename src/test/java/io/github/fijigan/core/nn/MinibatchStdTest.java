package io.github.fijigan.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class MinibatchStdTest {

    /**
     * Two samples of one channel, 1×2 pixels: [1, 2] and [3, 6]. Feature 1 has values 1, 3 (std 1),
     * feature 2 has 2, 6 (std 2): the appended channel is their mean, 1.5, everywhere.
     */
    @Test
    void appendsTheMeanOfTheBatchStandardDeviations() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3, 6}, new Shape(2, 1, 1, 2));
            MinibatchStd block = new MinibatchStd();
            block.initialize(manager, DataType.FLOAT32, x.getShape());
            NDArray y = block.forward(new ParameterStore(manager, false), new NDList(x), false).head();
            assertEquals(new Shape(2, 2, 1, 2), y.getShape());
            assertArrayEquals(new float[] {1, 2, 1.5f, 1.5f, 3, 6, 1.5f, 1.5f}, y.toFloatArray(), 1e-6f);
            assertEquals(new Shape(2, 2, 1, 2), block.getOutputShapes(new Shape[] {x.getShape()})[0]);
        }
    }

    /** d(Σ channel)/dx: the statistic depends on every sample, so every input gets a gradient. */
    @Test
    void gradientReachesEverySample() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3, 6}, new Shape(2, 1, 1, 2));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = new MinibatchStd().forward(new ParameterStore(manager, false), new NDList(x), true).head();
                collector.backward(y.get(":, 1").sum());
            }
            // Σ over 4 copies of mean(std): d/dx of 4 · (std1 + std2) / 2 = 2 · (x − mean) / (N · std) per feature.
            // Feature 1: (1 − 2) / (2 · 1) · 2 = −1 and +1; feature 2: (2 − 4) / (2 · 2) · 2 = −1 and +1.
            float[] g = x.getGradient().toFloatArray();
            assertArrayEquals(new float[] {-1, -1, 1, 1}, g, 1e-5f);
            assertNotEquals(0f, g[0]);
        }
    }
}
