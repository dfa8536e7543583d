package io.github.fijigan.core.metrics.synthetic;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The memorisation check: for each synthetic image, the nearest real training image by Euclidean
 * distance in latent space and, separately, by root mean square difference of the pixels, so one
 * sees whether a GAN copied (nearly) whole training images, i.e. patients. An exact copy has both
 * distances 0 and comes first in {@link #closest}.
 *
 * <pre>{@code
 * List<Memorisation.Match> matches = Memorisation.find(synthLatents, realLatents, synthPixels, realPixels);
 * List<Memorisation.Match> suspicious = Memorisation.closest(matches, 8);
 * }</pre>
 */
public final class Memorisation {

    /**
     * One synthetic image's nearest real images.
     *
     * @param synthetic the synthetic image's index
     * @param latentNearest the index of the real image nearest in latent space
     * @param latentDistance the Euclidean distance between their latent vectors
     * @param pixelNearest the index of the real image nearest in pixel space
     * @param pixelRmse the root mean square difference of their pixels, in the units of the arrays given
     */
    public record Match(int synthetic, int latentNearest, double latentDistance, int pixelNearest, double pixelRmse) {
    }

    /** Most similar first: by pixel RMSE (a copy is a copy of pixels), then latent distance, then index. */
    public static final Comparator<Match> CLOSEST_FIRST = Comparator.comparingDouble(Match::pixelRmse)
            .thenComparingDouble(Match::latentDistance).thenComparingInt(Match::synthetic);

    private Memorisation() {}

    /**
     * Searches every real image for each synthetic one (in parallel over the synthetic images; the
     * result does not depend on the threads). Ties go to the real image listed first.
     *
     * @return one match per synthetic image, in their order
     * @throws IllegalArgumentException when there are no real images or the counts or lengths differ
     */
    public static List<Match> find(float[][] syntheticLatents, float[][] realLatents, float[][] syntheticPixels, float[][] realPixels) {
        if (realLatents.length == 0) {
            throw new IllegalArgumentException("the memorisation check needs at least one real image");
        }
        if (syntheticLatents.length != syntheticPixels.length || realLatents.length != realPixels.length) {
            throw new IllegalArgumentException("latent vectors and images differ in number: " + syntheticLatents.length + " and "
                    + syntheticPixels.length + " synthetic, " + realLatents.length + " and " + realPixels.length + " real");
        }
        int values = realPixels[0].length;
        return IntStream.range(0, syntheticLatents.length).parallel().mapToObj(i -> {
            int latent = nearest(syntheticLatents[i], realLatents);
            int pixel = nearest(syntheticPixels[i], realPixels);
            double latentDistance = Math.sqrt(squaredDistance(syntheticLatents[i], realLatents[latent], Double.POSITIVE_INFINITY));
            double rmse = Math.sqrt(squaredDistance(syntheticPixels[i], realPixels[pixel], Double.POSITIVE_INFINITY) / values);
            return new Match(i, latent, latentDistance, pixel, rmse);
        }).toList();
    }

    /** @return the {@code k} matches most likely to be copies, closest first */
    public static List<Match> closest(List<Match> matches, int k) {
        return matches.stream().sorted(CLOSEST_FIRST).limit(Math.max(0, k)).toList();
    }

    /** @return the index of the nearest candidate */
    private static int nearest(float[] query, float[][] candidates) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int j = 0; j < candidates.length; j++) {
            if (candidates[j].length != query.length) {
                throw new IllegalArgumentException("vector " + j + " has " + candidates[j].length + " values, the query "
                        + query.length);
            }
            double d = squaredDistance(query, candidates[j], bestDistance);
            if (d < bestDistance || best < 0) {
                best = j;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * @param bound stop summing once the sum exceeds it (the candidate cannot be the nearest):
     *     most candidates are rejected after a fraction of their pixels
     * @return the squared distance, or a value above {@code bound}
     */
    private static double squaredDistance(float[] a, float[] b, double bound) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double diff = a[k] - b[k];
            s += diff * diff;
            if ((k & 255) == 255 && s > bound) {
                return s;
            }
        }
        return s;
    }
}
