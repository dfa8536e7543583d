package io.github.fijigan.core.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class BlockNetworkTest {

    @Test
    void runsForInferenceWithoutRecordingGradientsEvenInsideACollector() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BlockNetwork net = TinyNets.convolutional(manager, 2, 1, 2, 3);
            for (Pair<String, Parameter> p : net.block().getParameters()) p.getValue().getArray().setRequiresGradient(true);
            NDArray x = manager.create(PredictorTest.pattern(8, 8, 1), new Shape(1, 1, 8, 8));
            // Whether a graph was recorded shows in whether backward can run through the result.
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray recorded = net.block().forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
                collector.backward(recorded.sum());
                NDArray y = net.forward(x);
                assertTrue(JniUtils.isGradMode(), "the collector's grad mode is restored");
                assertThrows(EngineException.class, () -> collector.backward(y.sum()), "BlockNetwork.forward must not record");
                assertArrayEquals(recorded.toFloatArray(), y.toFloatArray());
                assertEquals(new Shape(1, 2, 8, 8), y.getShape());
            }
            assertEquals(Device.cpu(), net.device());
            assertEquals(1, net.inChannels());
            assertEquals(2, net.outChannels());
        }
    }

    @Test
    void refusesImpossibleChannelsAndMultiples() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BlockNetwork net = TinyNets.convolutional(manager, 1, 1, 1, 3);
            assertThrows(IllegalArgumentException.class, () -> new BlockNetwork(net.block(), manager, 0, 1, 1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BlockNetwork(net.block(), manager, 1, 1, 0));
            assertEquals("network size multiple must be at least 1, got 0", e.getMessage());
        }
    }
}
