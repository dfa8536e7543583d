package io.github.fijigan.core.stain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** Lab against scikit-image's {@code rgb2lab} (values in stain_reference.json). */
class CieLabTest {

    @Test
    void colourLatticeEqualsScikitImageWithin1e3() {
        var colours = StainFixtures.reference().getAsJsonArray("lab_colours");
        int n = colours.size();
        RgbPixels rgb = RgbPixels.blank(n, 1);
        for (int i = 0; i < n; i++) {
            double[] c = StainFixtures.doubles(colours.get(i).getAsJsonObject().get("rgb"));
            for (int ch = 0; ch < 3; ch++) {
                rgb.values()[ch * n + i] = (float) c[ch];
            }
        }
        float[] lab = CieLab.fromRgb(rgb);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double[] expected = StainFixtures.doubles(colours.get(i).getAsJsonObject().get("lab"));
            for (int ch = 0; ch < 3; ch++) {
                worst = Math.max(worst, Math.abs(lab[ch * n + i] - expected[ch]));
            }
        }
        assertTrue(n > 400, "lattice of " + n + " colours");
        // measured: 9.5e-5
        assertTrue(worst < 1e-3, "largest |Lab - skimage| = " + worst);
    }

    @Test
    void fixtureStatisticsEqualScikitImage() {
        for (String name : new String[] {StainFixtures.IHC, StainFixtures.HE}) {
            JsonObject facts = StainFixtures.facts(name);
            RgbPixels rgb = StainFixtures.load(name);
            float[] lab = CieLab.fromRgb(rgb);
            int n = rgb.pixelCount();
            double[] mean = StainFixtures.doubles(facts.get("lab_mean_all_pixels"));
            double[] std = StainFixtures.doubles(facts.get("lab_std_all_pixels"));
            for (int c = 0; c < 3; c++) {
                double sum = 0, sq = 0;
                for (int i = 0; i < n; i++) sum += lab[c * n + i];
                double m = sum / n;
                for (int i = 0; i < n; i++) sq += (lab[c * n + i] - m) * (lab[c * n + i] - m);
                assertEquals(mean[c], m, 1e-3, name + " mean of channel " + c);
                assertEquals(std[c], Math.sqrt(sq / n), 1e-3, name + " std of channel " + c);
            }
            assertEquals(facts.get("tissue_pixels").getAsInt(), TissueMask.count(TissueMask.DEFAULT.of(rgb)), name + " tissue pixels (L < 80)");
        }
    }

    @Test
    void roundTripGivesEvery8BitColourBack() {
        // 32^3 colours spread over the cube, including its corners and edges.
        int n = 32 * 32 * 32;
        RgbPixels rgb = RgbPixels.blank(n, 1);
        for (int i = 0; i < n; i++) {
            rgb.values()[i] = Math.min(255, (i & 31) * 8 + (i & 1) * 7);
            rgb.values()[n + i] = Math.min(255, ((i >> 5) & 31) * 8 + 3);
            rgb.values()[2 * n + i] = Math.min(255, (i >> 10) * 8 + ((i >> 10) == 31 ? 7 : 0));
        }
        RgbPixels back = CieLab.toRgb(n, 1, CieLab.fromRgb(rgb));
        double worst = 0;
        for (int i = 0; i < 3 * n; i++) {
            worst = Math.max(worst, Math.abs(back.values()[i] - rgb.values()[i]));
        }
        // measured: 0.0028 of an 8-bit level
        assertTrue(worst < 0.01, "largest round-trip error " + worst + " levels");
    }

    @Test
    void outOfGamutColoursAreClippedAsScikitImageDoes() {
        // L = 50 with a = 150 is far outside sRGB: skimage's lab2rgb gives red 1, green 0 after clipping.
        RgbPixels rgb = CieLab.toRgb(1, 1, new float[] {50, 150, 0});
        assertEquals(255, rgb.values()[0], 1e-3);
        assertEquals(0, rgb.values()[1], 1e-3);
        RgbPixels white = CieLab.toRgb(1, 1, new float[] {120, 0, 0});
        for (int c = 0; c < 3; c++) {
            assertEquals(255, white.values()[c], 1e-3);
        }
    }

    @Test
    void cubeRootIsAccurateToAFewUlps() {
        double worst = 0;
        for (float t = 0.008f; t <= 1.2f; t = Math.nextUp(t * 1.0003f)) {
            worst = Math.max(worst, Math.abs(CieLab.cbrt(t) - Math.cbrt(t)) / Math.cbrt(t));
        }
        assertTrue(worst < 5e-7, "largest relative error " + worst);
    }

    @Test
    void fractionalValuesFollowTheSameCurve() {
        // 16-bit and float images reach here as fractional 8-bit units: the exact sRGB curve, not the table.
        RgbPixels a = new RgbPixels(1, 1, new float[] {100.5f, 100.5f, 100.5f});
        RgbPixels lo = new RgbPixels(1, 1, new float[] {100, 100, 100}), hi = new RgbPixels(1, 1, new float[] {101, 101, 101});
        float l = CieLab.fromRgb(a)[0], l0 = CieLab.fromRgb(lo)[0], l1 = CieLab.fromRgb(hi)[0];
        assertTrue(l0 < l && l < l1, l0 + " < " + l + " < " + l1);
        assertEquals((l0 + l1) / 2, l, 0.01);
    }
}
