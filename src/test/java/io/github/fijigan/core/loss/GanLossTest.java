package io.github.fijigan.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GanLossTest {

    private NDManager manager;
    /** Patch logits (N, 1, h, w) for real, one per sample for fake: shapes need not agree. */
    private NDArray real;
    private NDArray fake;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        real = manager.create(new double[] {0.5, 2, -1, 3}, new Shape(2, 1, 1, 2));
        fake = manager.create(new double[] {-2, 0.25});
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static double value(NDArray scalar) {
        assertEquals(new Shape(), scalar.getShape());
        return scalar.toType(DataType.FLOAT64, false).getDouble();
    }

    /** log(1 + e^x) without overflow or cancellation, written independently of the code under test. */
    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Test
    void namesAndLookup() {
        assertEquals(List.of("vanilla", "lsgan", "wgan", "hinge"), GanLoss.names());
        for (String name : GanLoss.names()) assertEquals(name, GanLoss.byName(name).id());
        assertSame(GanLoss.byName("wgan"), GanLoss.byName(" WGANGP "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GanLoss.byName("wasserstein"));
        assertTrue(e.getMessage().contains("'wasserstein'") && e.getMessage().contains("vanilla, lsgan, wgan, hinge"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GanLoss.byName(null));
    }

    @Test
    void leastSquaresByHand() {
        // D: mean((r-1)^2) = (0.25 + 1 + 4 + 4)/4 = 2.3125; mean(f^2) = (4 + 0.0625)/2 = 2.03125
        GanLoss lsgan = GanLoss.byName("lsgan");
        assertEquals(4.34375, value(lsgan.discriminatorLoss(real, fake)), 1e-15);
        // G: mean((f-1)^2) = (9 + 0.5625)/2
        assertEquals(4.78125, value(lsgan.generatorLoss(fake)), 1e-15);
    }

    @Test
    void wassersteinByHand() {
        GanLoss wgan = GanLoss.byName("wgan");
        // mean(fake) - mean(real) = -0.875 - 1.125
        assertEquals(-2.0, value(wgan.discriminatorLoss(real, fake)), 1e-15);
        assertEquals(0.875, value(wgan.generatorLoss(fake)), 1e-15);
    }

    @Test
    void hingeByHand() {
        GanLoss hinge = GanLoss.byName("hinge");
        // mean(relu(1 - r)) = (0.5 + 0 + 2 + 0)/4 = 0.625; mean(relu(1 + f)) = (0 + 1.25)/2 = 0.625
        assertEquals(1.25, value(hinge.discriminatorLoss(real, fake)), 1e-15);
        assertEquals(0.875, value(hinge.generatorLoss(fake)), 1e-15);
    }

    @Test
    void vanillaIsBinaryCrossEntropyOnLogits() {
        GanLoss vanilla = GanLoss.byName("vanilla");
        double expectedReal = (softplus(-0.5) + softplus(-2) + softplus(1) + softplus(-3)) / 4;
        double expectedFake = (softplus(-2) + softplus(0.25)) / 2;
        assertEquals(expectedReal + expectedFake, value(vanilla.discriminatorLoss(real, fake)), 1e-15);
        // Non-saturating: -log sigmoid(f)
        double expectedG = (softplus(2) + softplus(-0.25)) / 2;
        assertEquals(expectedG, value(vanilla.generatorLoss(fake)), 1e-15);
        // By hand: -log sigmoid(0) = log 2 for every term of logits all zero.
        NDArray zeros = manager.zeros(new Shape(3, 1, 2, 2), DataType.FLOAT32);
        assertEquals(2 * Math.log(2), value(vanilla.discriminatorLoss(zeros, zeros)), 1e-6);
    }

    @Test
    void vanillaStaysFiniteWithExactGradientsAtHugeLogits() {
        GanLoss vanilla = GanLoss.byName("vanilla");
        // sigmoid(-1000) underflows to 0 in float32: a log-of-sigmoid loss would be infinite here.
        NDArray logits = manager.create(new float[] {-1000, 0, 1000, 30});
        logits.setRequiresGradient(true);
        double loss;
        float[] grad;
        try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
            NDArray l = vanilla.generatorLoss(logits);
            c.backward(l);
            loss = value(l);
            grad = logits.getGradient().toFloatArray();
        }
        assertEquals((1000 + Math.log(2) + softplus(-1000) + softplus(-30)) / 4, loss, 1e-4);
        // d/dx mean(softplus(-x)) = -sigmoid(-x) / n
        assertArrayEquals(new float[] {-0.25f, -0.125f, 0f, (float) (-1 / (1 + Math.exp(30)) / 4)}, grad, 1e-9f);
    }

    @Test
    void discriminatorAndGeneratorOfEveryLossPullTheRightWay() {
        // A better discriminator (higher real, lower fake logits) has a lower loss; a better generator
        // (higher fake logits) too.
        NDArray weakReal = manager.create(new float[] {0.1f, -0.2f});
        NDArray weakFake = manager.create(new float[] {0.2f, -0.1f});
        NDArray strongReal = manager.create(new float[] {0.9f, 0.7f});
        NDArray strongFake = manager.create(new float[] {-0.8f, -0.6f});
        for (String name : GanLoss.names()) {
            GanLoss loss = GanLoss.byName(name);
            assertTrue(value(loss.discriminatorLoss(strongReal, strongFake)) < value(loss.discriminatorLoss(weakReal, weakFake)),
                    name);
            assertTrue(value(loss.generatorLoss(weakFake)) < value(loss.generatorLoss(strongFake)), name);
        }
    }
}
