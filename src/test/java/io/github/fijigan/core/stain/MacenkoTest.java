package io.github.fijigan.core.stain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Macenko on the two fixtures, against NumPy's eigh/percentile implementation of the same steps
 * (stain_reference.py) and, for the H&E-style image, against the stain vectors it was made with.
 */
class MacenkoTest {

    @Test
    void stainVectorsEqualTheNumpyReference() {
        for (String name : new String[] {StainFixtures.IHC, StainFixtures.HE}) {
            JsonObject facts = StainFixtures.facts(name);
            RgbPixels rgb = StainFixtures.load(name);
            MacenkoFit fit = MacenkoFit.fit(rgb, MacenkoParameters.DEFAULTS);
            assertEquals(facts.get("macenko_kept_pixels").getAsInt(), fit.stainedPixels, name + " pixels with OD >= 0.15");
            double[][] expected = StainFixtures.matrix(facts.get("macenko_stain_matrix"));
            for (int k = 0; k < 2; k++) {
                // measured: 3e-8 (float optical densities against NumPy's doubles); maxima 1.6e-7 relative
                assertArrayEquals(expected[k], fit.stains[k], 1e-5, name + " stain " + k);
            }
            double[] max = StainFixtures.doubles(facts.get("macenko_max_concentrations"));
            for (int k = 0; k < 2; k++) {
                assertEquals(max[k], fit.max[k], 1e-5 * max[k], name + " max concentration " + k);
            }
        }
    }

    @Test
    void tangentShortcutPicksTheSameStainsAsAngles() {
        for (String name : new String[] {StainFixtures.IHC, StainFixtures.HE}) {
            RgbPixels rgb = StainFixtures.load(name);
            MacenkoFit tangents = MacenkoFit.fit(rgb, MacenkoParameters.DEFAULTS, false);
            MacenkoFit angles = MacenkoFit.fit(rgb, MacenkoParameters.DEFAULTS, true);
            for (int k = 0; k < 2; k++) {
                // measured: 7.7e-8 (float angles against float tangents)
                assertArrayEquals(angles.stains[k], tangents.stains[k], 1e-6, name + " stain " + k);
            }
        }
    }

    @Test
    void stainVectorsAreUnitNonNegativeAndHematoxylinFirst() {
        for (String name : new String[] {StainFixtures.IHC, StainFixtures.HE}) {
            StainVectors v = Macenko.fit(StainFixtures.load(name), MacenkoParameters.DEFAULTS);
            for (int k = 0; k < 2; k++) {
                double[] s = v.stain(k);
                assertEquals(1, Matrices.norm(s), 1e-12, name + " stain " + k + " length");
                for (double x : s) {
                    assertTrue(x >= 0, name + " stain " + k + " has a negative optical density: " + Arrays.toString(s));
                }
            }
            // Hematoxylin (blue-purple) absorbs red more than eosin (pink) or DAB (brown).
            assertTrue(v.stain(0)[0] > v.stain(1)[0], name + ": " + v);
        }
    }

    @Test
    void recoversTheStainsTheHeImageWasMadeWith() {
        // he_from_ihc.png follows Beer-Lambert with skimage's rgb_from_hed hematoxylin and eosin rows.
        JsonObject facts = StainFixtures.facts(StainFixtures.HE);
        double[][] truth = StainFixtures.matrix(facts.get("ruifrok_stain_vectors"));
        StainVectors v = Macenko.fit(StainFixtures.load(StainFixtures.HE), MacenkoParameters.DEFAULTS);
        double h = StainFixtures.angleDegrees(v.stain(0), truth[0]), e = StainFixtures.angleDegrees(v.stain(1), truth[1]);
        // measured: 2.52 and 2.69 degrees (the 1st/99th percentile angles sit just inside the pure stains)
        assertTrue(h < 5, "hematoxylin off by " + h + " degrees");
        assertTrue(e < 5, "eosin off by " + e + " degrees");
        // and not swapped: each is far from the other's truth
        assertTrue(StainFixtures.angleDegrees(v.stain(0), truth[1]) > 20);
    }

    @Test
    void ihcStainsAreNearRuifroksHematoxylinAndDab() {
        // Ruifrok's standard vectors are not this image's truth, only close to it.
        JsonObject facts = StainFixtures.facts(StainFixtures.IHC);
        double[][] standard = StainFixtures.matrix(facts.get("ruifrok_stain_vectors"));
        StainVectors v = Macenko.fit(StainFixtures.load(StainFixtures.IHC), MacenkoParameters.DEFAULTS);
        double h = StainFixtures.angleDegrees(v.stain(0), standard[0]), d = StainFixtures.angleDegrees(v.stain(1), standard[1]);
        // measured: 5.86 and 5.03 degrees
        assertTrue(h < 8, "hematoxylin " + h + " degrees from Ruifrok's");
        assertTrue(d < 8, "DAB " + d + " degrees from Ruifrok's");
    }

    @Test
    void normalisingIhcToHeEqualsTheNumpyReference() {
        RgbPixels ihc = StainFixtures.load(StainFixtures.IHC);
        StainVectors target = Macenko.fit(StainFixtures.load(StainFixtures.HE), MacenkoParameters.DEFAULTS);
        RgbPixels out = new Macenko(target).normalize(ihc).rounded();
        JsonObject ref = StainFixtures.reference().getAsJsonObject("ihc_to_he");
        JsonArray positions = ref.getAsJsonArray("positions"), rgb = ref.getAsJsonArray("macenko_rgb");
        for (int i = 0; i < positions.size(); i++) {
            double[] p = StainFixtures.doubles(positions.get(i)), expected = StainFixtures.doubles(rgb.get(i));
            for (int c = 0; c < 3; c++) {
                // measured: equal at every position (1 level allowed for float vs double rounding)
                assertEquals(expected[c], out.get(c, (int) p[0], (int) p[1]), 1.0, "pixel " + (int) p[0] + "," + (int) p[1] + " channel " + c);
            }
        }
        double[] mean = StainFixtures.doubles(ref.get("macenko_mean_rgb"));
        for (int c = 0; c < 3; c++) {
            assertEquals(mean[c], channelMean(out, c), 0.01, "mean of channel " + c);
        }
    }

    @Test
    void keepsStructure() {
        RgbPixels ihc = StainFixtures.load(StainFixtures.IHC), he = StainFixtures.load(StainFixtures.HE);
        StainVectors heTarget = Macenko.fit(he, MacenkoParameters.DEFAULTS), ihcTarget = Macenko.fit(ihc, MacenkoParameters.DEFAULTS);
        double toHe = StainFixtures.graySsim(ihc, new Macenko(heTarget).normalize(ihc));
        double toIhc = StainFixtures.graySsim(he, new Macenko(ihcTarget).normalize(he));
        // measured: 0.9961 and 0.9958
        assertTrue(toHe >= 0.99, "SSIM of gray input and output, IHC to H&E: " + toHe);
        assertTrue(toIhc >= 0.99, "SSIM of gray input and output, H&E to IHC: " + toIhc);
    }

    @Test
    void normalisingToItsOwnStatisticsChangesLittle() {
        for (String name : new String[] {StainFixtures.IHC, StainFixtures.HE}) {
            RgbPixels rgb = StainFixtures.load(name);
            RgbPixels out = new Macenko(Macenko.fit(rgb, MacenkoParameters.DEFAULTS)).normalize(rgb);
            double mad = StainFixtures.meanAbsDifference(rgb, out), ssim = StainFixtures.graySsim(rgb, out);
            // measured: 1.44 levels and SSIM 0.9990 (IHC), 0.18 and 1.0000 (H&E); what remains is the OD
            // outside the two stains' plane, which Macenko drops
            assertTrue(mad < 2, name + " mean absolute change " + mad + " levels");
            assertTrue(ssim > 0.995, name + " SSIM " + ssim);
        }
    }

    @Test
    void normalisedImageHasTheTargetsStainsAndMaxima() {
        RgbPixels ihc = StainFixtures.load(StainFixtures.IHC);
        StainVectors target = Macenko.fit(StainFixtures.load(StainFixtures.HE), MacenkoParameters.DEFAULTS);
        RgbPixels out = new Macenko(target).normalize(ihc);
        // Unmixed with the target's vectors, the output's concentrations have the target's 99th percentiles
        // (up to clipping of the darkest pixels at 0). Measured: equal to 1e-8.
        float[] c = MacenkoFit.concentrations(OpticalDensity.of(out), out.pixelCount(), target.stains());
        int n = out.pixelCount();
        for (int k = 0; k < 2; k++) {
            float[] plane = Arrays.copyOfRange(c, k * n, (k + 1) * n);
            double p99 = Percentiles.of(plane, n, 99);
            assertEquals(target.maxConcentrations()[k], p99, 0.01 * target.maxConcentrations()[k], "stain " + k);
        }
    }

    private static double channelMean(RgbPixels p, int c) {
        double sum = 0;
        int n = p.pixelCount();
        for (int i = 0; i < n; i++) sum += p.values()[c * n + i];
        return sum / n;
    }
}
