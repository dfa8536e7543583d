package io.github.fijigan.core.stain;

/**
 * sRGB ↔ CIELAB (D65 white, 2° observer) exactly as scikit-image's {@code rgb2lab} and {@code
 * lab2rgb} compute it, so statistics agree with Python pipelines: the sRGB transfer curve
 * (IEC 61966-2-1), skimage's {@code xyz_from_rgb} matrix and white point (0.95047, 1, 1.08883),
 * {@code f(t) = cbrt(t)} above 0.008856 and {@code 7.787 t + 16/116} below. The way back clips f(Z)
 * at 0 and linear RGB to [0, 1], as skimage does; out-of-gamut colours therefore come back clipped.
 *
 * <p>Arithmetic is float with a 256-entry table for whole 8-bit values, a cube root by two Halley
 * steps, and the inverse transfer curve from a table in √(linear) (error under 1e-4 of an 8-bit
 * level); the result agrees with skimage's double precision to about 1e-4 in L, a and b.
 *
 * <pre>{@code
 * float[] lab = CieLab.fromRgb(rgb);        // L plane, a plane, b plane; L in [0, 100]
 * RgbPixels back = CieLab.toRgb(rgb.width(), rgb.height(), lab);
 * }</pre>
 */
public final class CieLab {

    /** scikit-image's {@code xyz_from_rgb} (sRGB primaries, D65). */
    static final double[][] XYZ_FROM_RGB = {
        {0.412453, 0.357580, 0.180423},
        {0.212671, 0.715160, 0.072169},
        {0.019334, 0.119193, 0.950227}};
    /** scikit-image's D65, 2° white point. */
    static final double[] WHITE = {0.95047, 1.0, 1.08883};

    private static final float KAPPA_T = 0.008856f;
    private static final float KAPPA_F = 0.2068966f;
    private static final float SLOPE = 7.787f;
    private static final float OFFSET = 16f / 116f;

    /** Rows of XYZ_FROM_RGB divided by the white point: linear RGB → (X/Xn, Y/Yn, Z/Zn). */
    private static final float[] TO_T = new float[9];
    /** inverse(XYZ_FROM_RGB) times diag(WHITE): (X/Xn, Y/Yn, Z/Zn) → linear RGB. */
    private static final float[] FROM_T = new float[9];
    /** Linear value of each 8-bit level. */
    private static final float[] DECODE = new float[256];
    /** Segments of the encoding table over s = √linear in [0, 1]. */
    private static final int ENCODE_STEPS = 4096;
    /** 255 × (1.055 s^(5/6) − 0.055) at s = k / ENCODE_STEPS: the sRGB curve of linear = s². */
    private static final float[] ENCODE = new float[ENCODE_STEPS + 2];

    static {
        double[][] inv = Matrices.inverse3(XYZ_FROM_RGB);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                TO_T[3 * i + j] = (float) (XYZ_FROM_RGB[i][j] / WHITE[i]);
                FROM_T[3 * i + j] = (float) (inv[i][j] * WHITE[j]);
            }
        }
        for (int v = 0; v < 256; v++) {
            DECODE[v] = (float) decodeExact(v / 255.0);
        }
        for (int k = 0; k <= ENCODE_STEPS; k++) {
            double s = (double) k / ENCODE_STEPS;
            ENCODE[k] = (float) (255 * (1.055 * Math.pow(s, 5.0 / 6.0) - 0.055));
        }
        ENCODE[ENCODE_STEPS + 1] = ENCODE[ENCODE_STEPS];
    }

    private CieLab() {}

    /** @return L, a and b planes (3 × n floats) of an RGB image */
    public static float[] fromRgb(RgbPixels rgb) {
        int n = rgb.pixelCount();
        float[] v = rgb.values();
        float[] lab = new float[3 * n];
        for (int i = 0; i < n; i++) {
            float r = linear(v[i]), g = linear(v[n + i]), b = linear(v[2 * n + i]);
            float fx = f(TO_T[0] * r + TO_T[1] * g + TO_T[2] * b);
            float fy = f(TO_T[3] * r + TO_T[4] * g + TO_T[5] * b);
            float fz = f(TO_T[6] * r + TO_T[7] * g + TO_T[8] * b);
            lab[i] = 116f * fy - 16f;
            lab[n + i] = 500f * (fx - fy);
            lab[2 * n + i] = 200f * (fy - fz);
        }
        return lab;
    }

    /** @return the lightness plane L (n floats) only */
    public static float[] lightness(RgbPixels rgb) {
        int n = rgb.pixelCount();
        float[] v = rgb.values();
        float[] l = new float[n];
        for (int i = 0; i < n; i++) {
            float y = TO_T[3] * linear(v[i]) + TO_T[4] * linear(v[n + i]) + TO_T[5] * linear(v[2 * n + i]);
            l[i] = 116f * f(y) - 16f;
        }
        return l;
    }

    /** @return the RGB image (8-bit units, not rounded) of L, a, b planes; out-of-gamut colours are clipped */
    public static RgbPixels toRgb(int width, int height, float[] lab) {
        RgbPixels out = RgbPixels.blank(width, height);
        int n = out.pixelCount();
        if (lab.length != 3 * n) {
            throw new IllegalArgumentException("Lab planes of " + width + "x" + height + " need " + 3 * n + " values, got " + lab.length);
        }
        float[] v = out.values();
        for (int i = 0; i < n; i++) {
            float fy = (lab[i] + 16f) / 116f;
            float fx = lab[n + i] / 500f + fy;
            float fz = Math.max(fy - lab[2 * n + i] / 200f, 0f);
            float x = finv(fx), y = finv(fy), z = finv(fz);
            v[i] = encode(FROM_T[0] * x + FROM_T[1] * y + FROM_T[2] * z);
            v[n + i] = encode(FROM_T[3] * x + FROM_T[4] * y + FROM_T[5] * z);
            v[2 * n + i] = encode(FROM_T[6] * x + FROM_T[7] * y + FROM_T[8] * z);
        }
        return out;
    }

    /** @return the linear intensity in [0, 1] of a value in 8-bit units (clamped to 0..255) */
    static float linear(float v) {
        int k = (int) v;
        if (k == v && k >= 0 && k <= 255) {
            return DECODE[k];
        }
        return (float) decodeExact(Math.min(Math.max(v, 0f), 255f) / 255.0);
    }

    private static double decodeExact(double u) {
        return u > 0.04045 ? Math.pow((u + 0.055) / 1.055, 2.4) : u / 12.92;
    }

    /** @return the value in 8-bit units (not rounded) of a linear intensity, clipped to [0, 1] first */
    static float encode(float linear) {
        if (!(linear > 0.0031308f)) {
            return linear > 0f ? 255f * 12.92f * linear : 0f;
        }
        if (linear >= 1f) {
            return 255f;
        }
        float pos = (float) Math.sqrt(linear) * ENCODE_STEPS;
        int k = (int) pos;
        float frac = pos - k;
        return ENCODE[k] + frac * (ENCODE[k + 1] - ENCODE[k]);
    }

    private static float f(float t) {
        return t > KAPPA_T ? cbrt(t) : SLOPE * t + OFFSET;
    }

    private static float finv(float v) {
        return v > KAPPA_F ? v * v * v : (v - OFFSET) / SLOPE;
    }

    /** @return the cube root of a positive normal float, to a few float ulps */
    static float cbrt(float t) {
        // Kahan's bit trick halves the exponent's third and starts within about 5 %; each Halley
        // step cubes the relative error (5e-2 -> 1e-4 -> below float precision).
        float y = Float.intBitsToFloat(Float.floatToRawIntBits(t) / 3 + 709921077);
        float y3 = y * y * y;
        y = y * (y3 + 2f * t) / (2f * y3 + t);
        y3 = y * y * y;
        return y * (y3 + 2f * t) / (2f * y3 + t);
    }
}
