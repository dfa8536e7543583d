package io.github.fijigan.core.stain;

/**
 * Macenko et al. (2009) stain normalisation: the image's own stain vectors and concentrations are
 * estimated ({@link MacenkoFit}: OD = −ln((I + 1) / I₀) with I₀ = 255, pixels with OD &lt; beta
 * dropped, the plane of the two largest eigenvectors, robust extreme angles), each stain's
 * concentrations are scaled so that their 99th percentile becomes the target's, and the image is
 * rebuilt with the target's stain vectors: {@code I = I₀ exp(−S_target c') − 1}, the exact inverse
 * of the OD map, clipped to [0, 255].
 *
 * <p>Every pixel is rebuilt, background included (its concentrations are near 0, so it stays near
 * white); the optical density outside the plane of the two stains (noise, a third absorber) is
 * dropped, as in the paper.
 *
 * <pre>{@code
 * StainVectors target = Macenko.fit(reference, MacenkoParameters.DEFAULTS);
 * RgbPixels out = new Macenko(target).normalize(image);
 * }</pre>
 */
public final class Macenko implements StainNormalizer {

    /** The method's name. */
    public static final String METHOD = "macenko";

    private final StainVectors target;

    /** @param target the stain vectors and maximum concentrations to reach */
    public Macenko(StainVectors target) {
        if (target == null) {
            throw new IllegalArgumentException("Macenko needs target stain vectors");
        }
        this.target = target;
    }

    /** @throws IllegalArgumentException when the target has no Macenko stain vectors */
    public Macenko(StainTarget target) {
        this(target.requireMacenko());
    }

    /**
     * @return the stain vectors and maximum concentrations of a reference image
     * @throws IllegalArgumentException when too few pixels are stained or they have one colour
     */
    public static StainVectors fit(RgbPixels reference, MacenkoParameters parameters) {
        return MacenkoFit.fit(reference, parameters).vectors(parameters);
    }

    @Override
    public String method() {
        return METHOD;
    }

    /** @return the stain vectors this normaliser reaches */
    public StainVectors target() {
        return target;
    }

    @Override
    public RgbPixels normalize(RgbPixels image) {
        MacenkoFit source = MacenkoFit.fit(image, target.parameters());
        int n = image.pixelCount();
        double[] targetMax = target.maxConcentrations();
        double[][] s = target.stains();
        float[] c = source.concentrations;
        float[][] w = new float[3][2];
        for (int ch = 0; ch < 3; ch++) {
            for (int k = 0; k < 2; k++) {
                // The concentration scale folds into the stain vector: one multiply-add per stain and channel.
                w[ch][k] = (float) (s[k][ch] * targetMax[k] / source.max[k]);
            }
        }
        RgbPixels out = RgbPixels.blank(image.width(), image.height());
        float[] v = out.values();
        for (int ch = 0; ch < 3; ch++) {
            float w0 = w[ch][0], w1 = w[ch][1];
            int from = ch * n;
            for (int i = 0; i < n; i++) {
                v[from + i] = OpticalDensity.intensity(w0 * c[i] + w1 * c[n + i]);
            }
        }
        return out;
    }
}
