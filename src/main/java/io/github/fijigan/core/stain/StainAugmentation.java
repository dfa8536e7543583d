package io.github.fijigan.core.stain;

import java.util.SplittableRandom;

/**
 * Random stain variation for training classifiers that must not depend on a lab's staining
 * (Tellez et al. 2018; staintools' {@code StainAugmentor}): the image's own Macenko stain vectors
 * and concentrations are found ({@link MacenkoFit}), each stain's concentration becomes {@code c α
 * + β} with α drawn uniformly from [1 − σ₁, 1 + σ₁] and β from [−σ₂, σ₂], and the image is rebuilt.
 *
 * <p>Only tissue pixels change ({@link TissueMask#DEFAULT}); background stays as it was, since
 * adding β there would tint the empty slide. The change is added to the pixel's own optical density,
 * {@code OD' = OD + Σ S_k ((α_k − 1) c_k + β_k)}, so the part of the OD outside the stains' plane
 * survives and α = 1, β = 0 gives the image back (to float rounding); a least-squares unmixing of the result
 * with the same vectors gives {@code α c + β} (up to clipping at 0 and 255).
 *
 * <p>Draws from the random source, in order: α for hematoxylin, α for the other stain, β for
 * hematoxylin, β for the other stain ({@code nextDouble(lo, hi)} each), so a seed reproduces the
 * perturbation.
 *
 * <pre>{@code
 * StainAugmentation aug = new StainAugmentation(0.2, 0.2);
 * SplittableRandom random = new SplittableRandom(seed);
 * RgbPixels varied = aug.apply(tile, random);
 * }</pre>
 */
public final class StainAugmentation {

    /** staintools' defaults. */
    public static final double DEFAULT_SIGMA1 = 0.2, DEFAULT_SIGMA2 = 0.2;

    private final double sigma1;
    private final double sigma2;
    private final MacenkoParameters parameters;

    /**
     * @param sigma1 half-width of the scale's range around 1, in [0, 1)
     * @param sigma2 half-width of the shift's range around 0, in optical-density units, ≥ 0
     */
    public StainAugmentation(double sigma1, double sigma2) {
        if (!(sigma1 >= 0 && sigma1 < 1)) {
            throw new IllegalArgumentException("stain augmentation sigma1 (scale range) must be in [0, 1), got " + sigma1);
        }
        if (!(sigma2 >= 0 && sigma2 < 10)) {
            throw new IllegalArgumentException("stain augmentation sigma2 (shift range) must be in [0, 10), got " + sigma2);
        }
        this.sigma1 = sigma1;
        this.sigma2 = sigma2;
        this.parameters = MacenkoParameters.DEFAULTS;
    }

    /**
     * One draw of the random changes.
     *
     * @param scaleH α of hematoxylin
     * @param scaleOther α of the other stain
     * @param shiftH β of hematoxylin
     * @param shiftOther β of the other stain
     */
    public record Perturbation(double scaleH, double scaleOther, double shiftH, double shiftOther) {

        /** No change. */
        public static final Perturbation NONE = new Perturbation(1, 1, 0, 0);

        double scale(int k) {
            return k == 0 ? scaleH : scaleOther;
        }

        double shift(int k) {
            return k == 0 ? shiftH : shiftOther;
        }
    }

    /** @return a perturbation drawn from {@code random} (four draws, in the documented order) */
    public Perturbation draw(SplittableRandom random) {
        double aH = 1 + random.nextDouble(-1, 1) * sigma1;
        double aO = 1 + random.nextDouble(-1, 1) * sigma1;
        double bH = random.nextDouble(-1, 1) * sigma2;
        double bO = random.nextDouble(-1, 1) * sigma2;
        return new Perturbation(aH, aO, bH, bO);
    }

    /** @return the image with a perturbation drawn from {@code random} */
    public RgbPixels apply(RgbPixels image, SplittableRandom random) {
        return apply(image, draw(random));
    }

    /**
     * @return the image with its stain concentrations changed (not rounded)
     * @throws IllegalArgumentException when the image's stains cannot be found (background only, gray)
     */
    public RgbPixels apply(RgbPixels image, Perturbation p) {
        MacenkoFit fit = MacenkoFit.fit(image, parameters);
        int n = image.pixelCount();
        boolean[] tissue = TissueMask.DEFAULT.of(image);
        RgbPixels out = RgbPixels.blank(image.width(), image.height());
        float[] v = out.values(), in = image.values(), c = fit.concentrations, od = fit.od;
        for (int ch = 0; ch < 3; ch++) {
            float s0 = (float) fit.stains[0][ch], s1 = (float) fit.stains[1][ch];
            float a0 = (float) (p.scale(0) - 1), a1 = (float) (p.scale(1) - 1);
            float shift = (float) (s0 * p.shift(0) + s1 * p.shift(1));
            int from = ch * n;
            for (int i = 0; i < n; i++) {
                v[from + i] = tissue[i]
                        ? OpticalDensity.intensity(od[from + i] + s0 * a0 * c[i] + s1 * a1 * c[n + i] + shift)
                        : in[from + i];
            }
        }
        return out;
    }

    /** @return σ₁, the scale's half-width */
    public double sigma1() {
        return sigma1;
    }

    /** @return σ₂, the shift's half-width */
    public double sigma2() {
        return sigma2;
    }
}
