package io.github.fijigan.core.metrics.synthetic;

import java.util.Objects;

/**
 * How the synthetic images of one class lie in latent space against the real ones: the distance
 * between the real and the synthetic centroids, the Fréchet distance between the Gaussians fitted
 * to both, and each image's Euclidean distance to the real centroid (for the real images, the
 * spread a synthetic set should match; for the synthetic ones, how far they stray).
 *
 * <pre>{@code
 * ClassDistances d = ClassDistances.of("circle", realLatents, syntheticLatents);
 * d.centroidDistance();  d.frechetDistance();  d.syntheticSummary().median();
 * }</pre>
 *
 * @param name the class
 * @param realCount real images
 * @param syntheticCount synthetic images
 * @param centroidDistance Euclidean distance between the centroids; NaN without synthetic images
 * @param frechetDistance see {@link FrechetDistance}; NaN with fewer than 2 images on a side
 * @param realDistances each real image's distance to the real centroid, in input order
 * @param syntheticDistances each synthetic image's distance to the real centroid, in input order
 */
public record ClassDistances(String name, int realCount, int syntheticCount, double centroidDistance, double frechetDistance,
        double[] realDistances, double[] syntheticDistances) {

    public ClassDistances {
        Objects.requireNonNull(name, "name");
        realDistances = realDistances.clone();
        syntheticDistances = syntheticDistances.clone();
    }

    /**
     * @param real the real images' latent vectors, at least one
     * @param synthetic the synthetic images' latent vectors of the same length; may be empty
     */
    public static ClassDistances of(String name, float[][] real, float[][] synthetic) {
        if (real.length == 0) {
            throw new IllegalArgumentException("class " + name + ": no real images to take a centroid of");
        }
        double[] realCentroid = FrechetDistance.mean(FrechetDistance.widen(real));
        for (float[] v : synthetic) {
            if (v.length != realCentroid.length) {
                throw new IllegalArgumentException("class " + name + ": synthetic latent vectors have " + v.length
                        + " values, real ones " + realCentroid.length);
            }
        }
        double centroid = synthetic.length == 0 ? Double.NaN
                : distance(FrechetDistance.mean(FrechetDistance.widen(synthetic)), realCentroid);
        double frechet = real.length < 2 || synthetic.length < 2 ? Double.NaN : FrechetDistance.between(real, synthetic);
        return new ClassDistances(name, real.length, synthetic.length, centroid, frechet, distances(real, realCentroid),
                distances(synthetic, realCentroid));
    }

    /** @return the summary of the real images' distances to the real centroid */
    public Quartiles realSummary() {
        return Quartiles.of(realDistances);
    }

    /** @return the summary of the synthetic images' distances to the real centroid */
    public Quartiles syntheticSummary() {
        return Quartiles.of(syntheticDistances);
    }

    @Override
    public double[] realDistances() {
        return realDistances.clone();
    }

    @Override
    public double[] syntheticDistances() {
        return syntheticDistances.clone();
    }

    private static double[] distances(float[][] vectors, double[] centre) {
        double[] d = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            double s = 0;
            for (int k = 0; k < centre.length; k++) {
                double diff = vectors[i][k] - centre[k];
                s += diff * diff;
            }
            d[i] = Math.sqrt(s);
        }
        return d;
    }

    /** @return the Euclidean distance between two points */
    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double diff = a[k] - b[k];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }
}
