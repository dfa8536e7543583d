package io.github.fijigan.core.stain;

/**
 * Beer-Lambert optical density of bright-field intensities in 8-bit units, with the incident light
 * I₀ = 255 (a white background pixel): {@code OD = −ln((I + 1) / I₀)}, the +1 keeping black pixels
 * finite (so a 255 background has OD −0.0039), and its exact inverse {@code I = I₀ exp(−OD) − 1}.
 */
final class OpticalDensity {

    /** Incident light intensity in 8-bit units. */
    static final double IO = 255;

    private static final float[] TABLE = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            TABLE[v] = (float) -Math.log((v + 1) / IO);
        }
    }

    private OpticalDensity() {}

    /** @return OD planes (3 × n floats, R, G, B) of an image */
    static float[] of(RgbPixels rgb) {
        float[] v = rgb.values();
        float[] od = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            od[i] = of(v[i]);
        }
        return od;
    }

    /** @return the OD of one intensity in 8-bit units (clamped to 0..255) */
    static float of(float v) {
        int k = (int) v;
        if (k == v && k >= 0 && k <= 255) {
            return TABLE[k];
        }
        return (float) -Math.log((Math.min(Math.max(v, 0f), 255f) + 1) / IO);
    }

    /** @return the intensity in 8-bit units of an OD, clamped to [0, 255] */
    static float intensity(float od) {
        float v = (float) (IO * Math.exp(-od)) - 1f;
        return v >= 255f ? 255f : v > 0f ? v : 0f;
    }
}
