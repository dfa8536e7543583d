package io.github.fijigan.core.stain;

/**
 * Reinhard et al. (2001), "Color transfer between images", as used for stain normalisation: each
 * Lab channel of the image is shifted and scaled so that its mean and standard deviation over tissue
 * pixels become the target's, {@code v' = (v − mean) · target.std / std + target.mean}.
 *
 * <p>Lab is CIELAB from sRGB as scikit-image's {@code rgb2lab} ({@link CieLab}) rather than the
 * paper's lαβ, so statistics compare with Python pipelines. Statistics use the tissue pixels only
 * ({@link TissueMask}, the target's threshold); the map is applied to every pixel (no seam at the
 * mask's edge). Colours the map sends out of the sRGB gamut are clipped, so for a target far more
 * saturated than the image the output's statistics fall short of the target's.
 *
 * <pre>{@code
 * LabStatistics stats = Reinhard.fit(reference, TissueMask.DEFAULT);
 * RgbPixels out = new Reinhard(stats).normalize(image);
 * }</pre>
 */
public final class Reinhard implements StainNormalizer {

    /** The method's name. */
    public static final String METHOD = "reinhard";

    private final LabStatistics target;

    /** @param target the Lab statistics to match */
    public Reinhard(LabStatistics target) {
        if (target == null) {
            throw new IllegalArgumentException("Reinhard needs target Lab statistics");
        }
        this.target = target;
    }

    /** @throws IllegalArgumentException when the target has no Reinhard statistics */
    public Reinhard(StainTarget target) {
        this(target.requireReinhard());
    }

    /**
     * @return the Lab statistics of a reference image's tissue
     * @throws IllegalArgumentException when it has no tissue or no colour spread
     */
    public static LabStatistics fit(RgbPixels reference, TissueMask tissue) {
        return LabStatistics.of(CieLab.fromRgb(reference), tissue);
    }

    @Override
    public String method() {
        return METHOD;
    }

    /** @return the statistics this normaliser matches */
    public LabStatistics target() {
        return target;
    }

    @Override
    public RgbPixels normalize(RgbPixels image) {
        float[] lab = CieLab.fromRgb(image);
        LabStatistics source = LabStatistics.of(lab, target.tissue());
        int n = image.pixelCount();
        double[] mean = source.mean(), std = source.std(), targetMean = target.mean(), targetStd = target.std();
        for (int c = 0; c < 3; c++) {
            float scale = (float) (targetStd[c] / std[c]);
            float offset = (float) (targetMean[c] - mean[c] * targetStd[c] / std[c]);
            int from = c * n, to = from + n;
            for (int i = from; i < to; i++) {
                lab[i] = scale * lab[i] + offset;
            }
        }
        return CieLab.toRgb(image.width(), image.height(), lab);
    }
}
