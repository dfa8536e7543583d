package io.github.fijigan.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** ImageBatch with and without targets: sizes, checks, and that close releases every array. */
class ImageBatchTest {

    @Test
    void twoArgumentBatchHasNoTargetsAndCloseReleasesAll() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray images = manager.zeros(new Shape(2, 1, 4, 4));
            ImageBatch plain = new ImageBatch(images, null);
            assertNull(plain.targets());
            assertFalse(plain.hasTargets());
            assertEquals(2, plain.size());
            plain.close();
            assertTrue(images.isReleased());

            NDArray x = manager.zeros(new Shape(2, 3, 4, 4));
            NDArray labels = manager.zeros(new Shape(2));
            NDArray y = manager.ones(new Shape(2, 1, 4, 4));
            ImageBatch pair = new ImageBatch(x, labels, y);
            assertTrue(pair.hasTargets());
            pair.close();
            assertTrue(x.isReleased() && labels.isReleased() && y.isReleased());

            NDArray three = manager.zeros(new Shape(3, 1, 4, 4));
            NDArray two = manager.zeros(new Shape(2, 1, 4, 4));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ImageBatch(three, null, two));
            assertEquals("a batch of 3 images needs as many targets, got 2", e.getMessage());
        }
    }
}
