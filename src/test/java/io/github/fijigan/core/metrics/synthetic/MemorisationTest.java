package io.github.fijigan.core.metrics.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The nearest real image of each synthetic one: exact copies first, and the same answers as a plain search. */
class MemorisationTest {

    @Test
    void anExactCopyIsFoundAtDistanceZeroAndRankedFirst() {
        SplittableRandom random = new SplittableRandom(4);
        float[][] realPixels = random(random, 20, 600);
        float[][] realLatents = random(random, 20, 32);
        float[][] synthPixels = {random(random, 1, 600)[0], realPixels[13].clone(), nudged(realPixels[5], 0.05f),
            random(random, 1, 600)[0]};
        float[][] synthLatents = {random(random, 1, 32)[0], realLatents[13].clone(), nudged(realLatents[5], 0.05f),
            random(random, 1, 32)[0]};
        List<Memorisation.Match> matches = Memorisation.find(synthLatents, realLatents, synthPixels, realPixels);
        assertEquals(4, matches.size());
        Memorisation.Match copy = matches.get(1);
        assertEquals(new Memorisation.Match(1, 13, 0, 13, 0), copy);
        assertEquals(5, matches.get(2).pixelNearest());
        assertEquals(5, matches.get(2).latentNearest());
        assertEquals(0.05, matches.get(2).pixelRmse(), 1e-6);
        assertEquals(0.05 * Math.sqrt(32), matches.get(2).latentDistance(), 1e-6);
        List<Memorisation.Match> closest = Memorisation.closest(matches, 2);
        assertEquals(List.of(copy, matches.get(2)), closest);
    }

    @Test
    void agreesWithAPlainSearch() {
        SplittableRandom random = new SplittableRandom(8);
        float[][] real = random(random, 60, 1500);
        float[][] synthetic = random(random, 25, 1500);
        List<Memorisation.Match> matches = Memorisation.find(synthetic, real, synthetic, real);
        for (int i = 0; i < synthetic.length; i++) {
            int best = 0;
            double bestSum = Double.POSITIVE_INFINITY;
            for (int j = 0; j < real.length; j++) {
                double sum = 0;
                for (int k = 0; k < 1500; k++) {
                    sum += (synthetic[i][k] - real[j][k]) * (double) (synthetic[i][k] - real[j][k]);
                }
                if (sum < bestSum) {
                    bestSum = sum;
                    best = j;
                }
            }
            assertEquals(best, matches.get(i).pixelNearest(), "synthetic " + i);
            assertEquals(Math.sqrt(bestSum / 1500), matches.get(i).pixelRmse(), 1e-12);
            assertEquals(Math.sqrt(bestSum), matches.get(i).latentDistance(), 1e-12);
        }
    }

    private static float[][] random(SplittableRandom random, int n, int d) {
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = (float) random.nextDouble(-1, 1);
            }
        }
        return x;
    }

    /** @return a copy with every value moved by ±step, so the RMSE to the original is step */
    private static float[] nudged(float[] v, float step) {
        float[] out = v.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] += k % 2 == 0 ? step : -step;
        }
        return out;
    }
}
