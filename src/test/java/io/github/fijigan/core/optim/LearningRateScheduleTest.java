package io.github.fijigan.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LearningRateScheduleTest {

    private static double[] factors(String spec, int epochs) {
        LearningRateSchedule schedule = LearningRateSchedule.parse(spec);
        double[] f = new double[epochs];
        for (int e = 0; e < epochs; e++) f[e] = schedule.factor(e, epochs);
        return f;
    }

    @Test
    void constant() {
        assertArrayEquals(new double[] {1, 1, 1}, factors("constant", 3));
    }

    @Test
    void linearIsCycleGansRule() {
        // CycleGAN's default run: 100 epochs at the base rate, 100 decaying; lambda_rule
        // 1 - max(0, epoch + 1 - 100) / 101 for the 0-based epoch.
        LearningRateSchedule linear = LearningRateSchedule.parse("linear");
        assertEquals(1, linear.factor(0, 200));
        assertEquals(1, linear.factor(99, 200));
        assertEquals(100.0 / 101, linear.factor(100, 200), 1e-15);
        assertEquals(1.0 / 101, linear.factor(199, 200), 1e-15);
        assertEquals(1.0 / 101, LearningRateSchedule.parse("linear:100").factor(199, 200), 1e-15);
        // By hand: 3 constant epochs of 5, then 1 - 1/3 and 1 - 2/3; half of 5 rounds down to 2.
        assertArrayEquals(new double[] {1, 1, 1, 2.0 / 3, 1.0 / 3}, factors("linear:3", 5), 1e-15);
        assertArrayEquals(new double[] {1, 1, 0.75, 0.5, 0.25}, factors("linear", 5), 1e-15);
        // Constant epochs covering the run: the rate stays.
        assertArrayEquals(new double[] {1, 1, 1}, factors("linear:10", 3));
    }

    @Test
    void stepMultipliesEverySEpochs() {
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0.25, 0.25}, factors("step:2,0.5", 6));
        assertArrayEquals(new double[] {1, 0.1, 0.01}, factors("step:1,0.1", 3), 1e-17);
    }

    @Test
    void cosineByHand() {
        double quarter = 0.5 * (1 + Math.sqrt(0.5)); // cos(pi/4)
        assertArrayEquals(new double[] {1, quarter, 0.5, 1 - quarter}, factors("cosine", 4), 1e-15);
        assertArrayEquals(new double[] {1, 0.1 + 0.9 * quarter, 0.55, 0.1 + 0.9 * (1 - quarter)},
                factors("cosine:0.1", 4), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"constant", "linear", "linear:100", "step:30,0.1", "step:5,2", "cosine", "cosine:0.01"})
    void specsReadBack(String spec) {
        assertEquals(spec, LearningRateSchedule.parse(spec).spec());
    }

    @Test
    void specsAreNormalised() {
        assertEquals("step:30,0.1", LearningRateSchedule.parse(" STEP:30, 0.1 ").spec());
        assertEquals("cosine", LearningRateSchedule.parse("cosine:0").spec());
        assertEquals("step:3,2", LearningRateSchedule.parse("step:3,2.0").spec());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "exponential", "linear:-1", "linear:x", "linear:2,3", "step:0,0.5", "step:3", "step:3,0",
        "step:3,-1", "cosine:2", "cosine:a", "constant:1"})
    void badSpecsNameThemselvesAndTheValidForms(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.parse(spec));
        assertTrue(e.getMessage().contains("'" + spec + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(LearningRateSchedule.FORMS), e.getMessage());
    }

    @Test
    void epochsOutsideTheRunAreRefused() {
        LearningRateSchedule cosine = LearningRateSchedule.parse("cosine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cosine.factor(5, 5));
        assertTrue(e.getMessage().contains("epoch 5") && e.getMessage().contains("0..4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cosine.factor(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> cosine.factor(0, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.parse(null));
    }
}
