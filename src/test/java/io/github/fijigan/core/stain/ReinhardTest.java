package io.github.fijigan.core.stain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** Reinhard against scikit-image (rgb2lab, lab2rgb) as stain_reference.py applies it. */
class ReinhardTest {

    @Test
    void targetStatisticsEqualScikitImage() {
        for (String name : new String[] {StainFixtures.IHC, StainFixtures.HE}) {
            JsonObject facts = StainFixtures.facts(name);
            LabStatistics s = Reinhard.fit(StainFixtures.load(name), TissueMask.DEFAULT);
            assertArrayEquals(StainFixtures.doubles(facts.get("lab_mean_tissue")), s.mean(), 1e-3, name + " Lab means over tissue");
            assertArrayEquals(StainFixtures.doubles(facts.get("lab_std_tissue")), s.std(), 1e-3, name + " Lab stds over tissue");
        }
    }

    @Test
    void outputHasTheTargetsLabStatistics() {
        // H&E-style to the IHC target: the IHC colours are inside the sRGB gamut, so nothing clips and the
        // output's statistics over the input's tissue pixels are the target's up to 8-bit rounding.
        RgbPixels he = StainFixtures.load(StainFixtures.HE);
        LabStatistics target = Reinhard.fit(StainFixtures.load(StainFixtures.IHC), TissueMask.DEFAULT);
        RgbPixels out = new Reinhard(target).normalize(he).rounded();
        double[][] stats = statsOver(CieLab.fromRgb(out), TissueMask.DEFAULT.of(he));
        // measured: means within 0.0018, stds within 0.0050 (8-bit rounding of the output)
        assertArrayEquals(target.mean(), stats[0], 0.02, "Lab means");
        assertArrayEquals(target.std(), stats[1], 0.02, "Lab stds");
    }

    @Test
    void normalisingIhcToHeEqualsTheScikitImageReference() {
        // The H&E target is far more saturated than IHC: colours leave the sRGB gamut and are clipped
        // exactly as skimage's lab2rgb clips them.
        RgbPixels ihc = StainFixtures.load(StainFixtures.IHC);
        LabStatistics target = Reinhard.fit(StainFixtures.load(StainFixtures.HE), TissueMask.DEFAULT);
        RgbPixels out = new Reinhard(target).normalize(ihc).rounded();
        JsonObject ref = StainFixtures.reference().getAsJsonObject("ihc_to_he");
        JsonArray positions = ref.getAsJsonArray("positions"), rgb = ref.getAsJsonArray("reinhard_rgb");
        int differing = 0;
        for (int i = 0; i < positions.size(); i++) {
            double[] p = StainFixtures.doubles(positions.get(i)), expected = StainFixtures.doubles(rgb.get(i));
            for (int c = 0; c < 3; c++) {
                float v = out.get(c, (int) p[0], (int) p[1]);
                assertEquals(expected[c], v, 1.0, "pixel " + (int) p[0] + "," + (int) p[1] + " channel " + c);
                differing += v != expected[c] ? 1 : 0;
            }
        }
        // measured: 0 of 192 values differ
        assertTrue(differing <= 5, differing + " of 192 values differ by one level");
        double[][] stats = statsOver(CieLab.fromRgb(out), TissueMask.DEFAULT.of(ihc));
        // measured: within 4e-5 (the clipped output's statistics fall short of the target's, as skimage's do)
        assertArrayEquals(StainFixtures.doubles(ref.get("reinhard_lab_mean_over_source_tissue")), stats[0], 1e-3);
        assertArrayEquals(StainFixtures.doubles(ref.get("reinhard_lab_std_over_source_tissue")), stats[1], 1e-3);
    }

    @Test
    void keepsStructure() {
        RgbPixels ihc = StainFixtures.load(StainFixtures.IHC), he = StainFixtures.load(StainFixtures.HE);
        double toHe = StainFixtures.graySsim(ihc, new Reinhard(Reinhard.fit(he, TissueMask.DEFAULT)).normalize(ihc));
        double toIhc = StainFixtures.graySsim(he, new Reinhard(Reinhard.fit(ihc, TissueMask.DEFAULT)).normalize(he));
        // measured: 0.9528 (clipping flattens some saturated regions) and 0.9776
        assertTrue(toHe >= 0.94, "SSIM of gray input and output, IHC to H&E: " + toHe);
        assertTrue(toIhc >= 0.96, "SSIM of gray input and output, H&E to IHC: " + toIhc);
    }

    @Test
    void normalisingToItsOwnStatisticsChangesAlmostNothing() {
        for (String name : new String[] {StainFixtures.IHC, StainFixtures.HE}) {
            RgbPixels rgb = StainFixtures.load(name);
            RgbPixels out = new Reinhard(Reinhard.fit(rgb, TissueMask.DEFAULT)).normalize(rgb);
            double worst = 0;
            for (int i = 0; i < rgb.values().length; i++) {
                worst = Math.max(worst, Math.abs(out.values()[i] - rgb.values()[i]));
            }
            // the map is the identity up to float rounding; what is left is the Lab round trip's error
            // (measured: 3.2e-4 of a level, no 8-bit value changes)
            assertTrue(worst < 0.01, name + " largest change " + worst + " levels");
            assertEquals(0, StainFixtures.meanAbsDifference(rgb, out), 1e-3, name);
        }
    }

    @Test
    void backgroundIsLeftOutOfTheStatistics() {
        // The same tissue on a larger white slide has the same tissue statistics.
        RgbPixels he = StainFixtures.load(StainFixtures.HE);
        RgbPixels padded = RgbPixels.blank(he.width(), 2 * he.height());
        Arrays.fill(padded.values(), 255f);
        int n = he.pixelCount(), m = padded.pixelCount();
        for (int c = 0; c < 3; c++) {
            System.arraycopy(he.values(), c * n, padded.values(), c * m, n);
        }
        LabStatistics a = Reinhard.fit(he, TissueMask.DEFAULT), b = Reinhard.fit(padded, TissueMask.DEFAULT);
        assertArrayEquals(a.mean(), b.mean(), 1e-9);
        assertArrayEquals(a.std(), b.std(), 1e-9);
    }

    /** @return means and population stds of Lab planes over masked pixels */
    static double[][] statsOver(float[] lab, boolean[] mask) {
        int n = mask.length, count = TissueMask.count(mask);
        double[][] s = new double[2][3];
        for (int c = 0; c < 3; c++) {
            double sum = 0, sq = 0;
            for (int i = 0; i < n; i++) if (mask[i]) sum += lab[c * n + i];
            double mean = sum / count;
            for (int i = 0; i < n; i++) if (mask[i]) sq += (lab[c * n + i] - mean) * (lab[c * n + i] - mean);
            s[0][c] = mean;
            s[1][c] = Math.sqrt(sq / count);
        }
        return s;
    }
}
