package io.github.fijigan.core.stain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Random stain changes: reproducible from a seed, within their bounds, and exactly what they claim. */
class StainAugmentationTest {

    private static final RgbPixels HE = StainFixtures.load(StainFixtures.HE);

    @Test
    void sameSeedSameImageOtherSeedOtherImage() {
        StainAugmentation aug = new StainAugmentation(0.2, 0.2);
        RgbPixels a = aug.apply(HE, new SplittableRandom(7));
        RgbPixels b = aug.apply(HE, new SplittableRandom(7));
        RgbPixels c = aug.apply(HE, new SplittableRandom(8));
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(aug.draw(new SplittableRandom(7)), aug.draw(new SplittableRandom(7)));
    }

    @Test
    void drawsStayWithinTheirRangesAndFillThem() {
        StainAugmentation aug = new StainAugmentation(0.3, 0.05);
        SplittableRandom random = new SplittableRandom(1);
        double[] lo = {9, 9, 9, 9}, hi = {-9, -9, -9, -9};
        for (int i = 0; i < 2000; i++) {
            StainAugmentation.Perturbation p = aug.draw(random);
            double[] v = {p.scaleH(), p.scaleOther(), p.shiftH(), p.shiftOther()};
            for (int k = 0; k < 4; k++) {
                lo[k] = Math.min(lo[k], v[k]);
                hi[k] = Math.max(hi[k], v[k]);
            }
        }
        for (int k = 0; k < 2; k++) {
            assertTrue(lo[k] >= 0.7 && lo[k] < 0.71 && hi[k] <= 1.3 && hi[k] > 1.29, "scale " + k + " in " + lo[k] + ".." + hi[k]);
            assertTrue(lo[k + 2] >= -0.05 && lo[k + 2] < -0.049 && hi[k + 2] <= 0.05 && hi[k + 2] > 0.049, "shift " + k);
        }
    }

    @Test
    void concentrationsBecomeScaledAndShifted() {
        StainAugmentation.Perturbation p = new StainAugmentation(0.2, 0.2).draw(new SplittableRandom(3));
        RgbPixels out = new StainAugmentation(0.2, 0.2).apply(HE, p);
        MacenkoFit fit = MacenkoFit.fit(HE, MacenkoParameters.DEFAULTS);
        int n = HE.pixelCount();
        float[] after = MacenkoFit.concentrations(OpticalDensity.of(out), n, fit.stains);
        boolean[] tissue = TissueMask.DEFAULT.of(HE);
        int checked = 0;
        double worst = 0, largestChange = 0;
        for (int i = 0; i < n; i++) {
            if (!tissue[i]) {
                for (int ch = 0; ch < 3; ch++) {
                    assertEquals(HE.values()[ch * n + i], out.values()[ch * n + i], "background pixel " + i + " changed");
                }
                continue;
            }
            if (clipped(out, i)) {
                continue;
            }
            for (int k = 0; k < 2; k++) {
                double c = fit.concentrations[k * n + i];
                double expected = (k == 0 ? p.scaleH() : p.scaleOther()) * c + (k == 0 ? p.shiftH() : p.shiftOther());
                worst = Math.max(worst, Math.abs(after[k * n + i] - expected));
                largestChange = Math.max(largestChange, Math.abs(after[k * n + i] - c) - (0.2 * Math.abs(c) + 0.2));
            }
            checked++;
        }
        assertTrue(checked > 0.9 * TissueMask.count(tissue), checked + " unclipped tissue pixels");
        // measured: 5.1e-7 (float arithmetic), over all 46 208 tissue pixels (none clipped)
        assertTrue(worst < 1e-4, "largest |c' - (alpha c + beta)| = " + worst);
        assertTrue(largestChange <= 1e-4, "a change exceeded sigma1 |c| + sigma2 by " + largestChange);
    }

    @Test
    void noChangeGivesTheImageBack() {
        RgbPixels out = new StainAugmentation(0.2, 0.2).apply(HE, StainAugmentation.Perturbation.NONE);
        double worst = 0;
        for (int i = 0; i < out.values().length; i++) {
            worst = Math.max(worst, Math.abs(out.values()[i] - HE.values()[i]));
        }
        // measured: 7.6e-6 of a level (float rounding of exp(log))
        assertTrue(worst < 1e-3, "largest change " + worst);
    }

    @Test
    void boundsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StainAugmentation(1.5, 0.1));
        assertEquals("stain augmentation sigma1 (scale range) must be in [0, 1), got 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StainAugmentation(0.1, -0.1));
    }

    private static boolean clipped(RgbPixels p, int i) {
        int n = p.pixelCount();
        for (int ch = 0; ch < 3; ch++) {
            float v = p.values()[ch * n + i];
            if (v <= 0 || v >= 255) {
                return true;
            }
        }
        return false;
    }
}
