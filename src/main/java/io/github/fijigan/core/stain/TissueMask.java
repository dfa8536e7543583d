package io.github.fijigan.core.stain;

/**
 * Which pixels are tissue: those darker than a lightness threshold (CIELAB L, 0..100, as {@link
 * CieLab}); brighter pixels are the slide's background. Background is excluded from the statistics
 * a method fits (Reinhard's Lab means and standard deviations); the normalising map itself is
 * applied to every pixel, so there is no seam at the mask's edge and the white background stays
 * near white.
 *
 * <pre>{@code
 * boolean[] tissue = TissueMask.DEFAULT.of(rgb);    // L < 80
 * }</pre>
 *
 * @param lightnessBelow the L value (exclusive) under which a pixel counts as tissue, in (0, 100]
 */
public record TissueMask(double lightnessBelow) {

    /** L &lt; 80, i.e. 0.8 of the lightness range (staintools' luminosity threshold 0.8). */
    public static final TissueMask DEFAULT = new TissueMask(80);

    public TissueMask {
        if (!(lightnessBelow > 0 && lightnessBelow <= 100)) {
            throw new IllegalArgumentException("tissue lightness threshold must be in (0, 100] (CIELAB L), got " + lightnessBelow);
        }
    }

    /** @return one flag per pixel: true for tissue */
    public boolean[] of(RgbPixels rgb) {
        return of(CieLab.lightness(rgb));
    }

    /** @return one flag per value of a lightness plane: true for tissue */
    public boolean[] of(float[] lightness) {
        return of(lightness, lightness.length);
    }

    /** @return flags for the first {@code n} values, e.g. the L plane at the start of {@link CieLab#fromRgb}'s result */
    boolean[] of(float[] lightness, int n) {
        float t = (float) lightnessBelow;
        boolean[] mask = new boolean[n];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = lightness[i] < t;
        }
        return mask;
    }

    /** @return the number of true flags */
    public static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
