#!/usr/bin/env python3
"""Reference values for MetricReferenceTest (io.github.fijigan.core.metrics).

Run from the repository root:
    /usr/bin/python3 test-data/reference/metrics_reference.py > test-data/reference/metrics_reference.json

Debian 12 packages: python3-skimage 0.19.3, python3-numpy 1.24.2, python3-scipy 1.10.1, python3-pil 9.4.0.

1. Fixtures (written to test-data/reference/metrics/, deterministic):
   - pd_noise.png: mri/BrainProtonDensitySlice.png + Gaussian noise (sigma 10, numpy default_rng(20250307)),
     rounded and clipped to 0..255, 8-bit grey.
   - pd_blur.png: the same slice blurred by scipy.ndimage.gaussian_filter (sigma 1.5, mode 'reflect'), rounded.
   - retina_crop.png: retina/retina.jpg decoded by Pillow, pixels x 100..342, y 520..720 (243 x 201, RGB,
     optic disc and vessels). Saved as PNG so that Java and Python read the same pixels (JPEG decoders differ).
   - retina_noise.png: the crop + Gaussian noise (sigma 12, per channel, default_rng(20250308)), rounded, clipped.
   - retina_blur.png: the crop blurred per channel (sigma 1.2, mode 'reflect'), rounded.
   - ihc_blur.png: histology/ihc.png (512 x 512 RGB) blurred per channel (sigma 1.0, mode 'reflect'), rounded;
     at 512 pixels MDSI averages and subsamples by f = 2 first.
   Each PNG is read back and compared with the array it was made from.

2. Values:
   - PSNR, MSE and SSIM come from scikit-image 0.19.3 itself (peak_signal_noise_ratio, mean_squared_error,
     structural_similarity; RGB SSIM with channel_axis=2, the mean of the channels' SSIM). SSIM twice: Wang et
     al.'s Gaussian window (gaussian_weights=True, sigma=1.5, use_sample_covariance=False) and skimage's default
     7x7 uniform window. MAE is numpy's mean of |x - y| over all values.
   - MS-SSIM, GMSD, MS-GMSD, MDSI and HaarPSI have no implementation in the Debian packages. They are computed by
     the functions below, written from the papers' definitions (and, where the paper leaves a detail open, from
     what the authors' published MATLAB/Python code does, as stated at each function). No code was copied.
     They are vectorised NumPy/SciPy (scipy.signal.convolve2d / correlate2d), a different route from the Java
     loops they check. What was checked here is stated at each function and asserted when the script runs.
"""
import json
import sys
from pathlib import Path

import numpy as np
import scipy
import skimage
from PIL import Image
from scipy import ndimage, signal
from skimage.metrics import mean_squared_error, peak_signal_noise_ratio, structural_similarity

ROOT = Path("test-data")
OUT = ROOT / "reference" / "metrics"


# ---------------------------------------------------------------- fixtures

def load(rel):
    img = Image.open(ROOT / rel)
    if img.mode == "P":
        # BrainProtonDensitySlice.png: palette PNG whose palette is the identity grey ramp (checked here),
        # so the indices are the grey values; ImageJ reads the indices too.
        pal = np.array(img.getpalette()).reshape(-1, 3)
        assert (pal == np.arange(len(pal))[:, None]).all(), rel + ": palette is not the identity ramp"
        return np.array(img).astype(np.float64)
    assert img.mode in ("L", "RGB"), rel + ": unexpected PNG mode " + img.mode
    return np.array(img).astype(np.float64)


def save(name, array):
    u8 = np.clip(np.rint(array), 0, 255).astype(np.uint8)
    path = OUT / name
    Image.fromarray(u8).save(path, optimize=False)
    back = np.array(Image.open(path))
    assert (back == u8).all(), name + " does not read back as written"


def make_fixtures():
    OUT.mkdir(parents=True, exist_ok=True)
    pd = load("mri/BrainProtonDensitySlice.png")
    save("pd_noise.png", pd + np.random.default_rng(20250307).normal(0, 10, pd.shape))
    save("pd_blur.png", ndimage.gaussian_filter(pd, 1.5, mode="reflect"))
    retina = np.array(Image.open(ROOT / "retina/retina.jpg").convert("RGB")).astype(np.float64)
    crop = retina[520:721, 100:343, :]
    assert crop.shape == (201, 243, 3)
    save("retina_crop.png", crop)
    save("retina_noise.png", crop + np.random.default_rng(20250308).normal(0, 12, crop.shape))
    save("retina_blur.png", np.stack([ndimage.gaussian_filter(crop[:, :, c], 1.2, mode="reflect") for c in range(3)], axis=2))
    ihc = load("histology/ihc.png")
    save("ihc_blur.png", np.stack([ndimage.gaussian_filter(ihc[:, :, c], 1.0, mode="reflect") for c in range(3)], axis=2))


# ---------------------------------------------------------------- shared pieces

def conv2_same(a, k):
    """MATLAB's conv2(a, k, 'same'): true convolution, zeros outside the image, and the central part taken
    from row floor(kh/2), column floor(kw/2) of the full result (for even kernels this differs from SciPy's
    own 'same', which starts at (kh-1)//2)."""
    full = signal.convolve2d(a, k, mode="full")
    r0, c0 = k.shape[0] // 2, k.shape[1] // 2
    return full[r0:r0 + a.shape[0], c0:c0 + a.shape[1]]


def check_conv2_same():
    # By hand: with a 2x2 mean, MATLAB's 'same' output at (i, j) is the mean of a[i:i+2, j:j+2], zeros past the edge.
    a = np.arange(1.0, 13.0).reshape(3, 4)
    s = conv2_same(a, np.ones((2, 2)) / 4)
    padded = np.pad(a, ((0, 1), (0, 1)))
    for i in range(3):
        for j in range(4):
            assert abs(s[i, j] - padded[i:i + 2, j:j + 2].mean()) < 1e-12
    # And a 3x3 kernel is flipped (convolution) and centred: compare with ndimage.convolve in constant mode.
    k = np.array([[1.0, 2, 3], [4, 5, 6], [7, 8, 10]])
    assert np.allclose(conv2_same(a, k), ndimage.convolve(a, k, mode="constant", cval=0.0), atol=1e-12)


def subsample(a, f=2):
    """The authors' GMSD / HaarPSI / MDSI pre-processing: conv2(a, ones(f)/f^2, 'same'), then every f-th
    row and column from the first (so an odd last row is averaged with the zeros past the edge)."""
    return conv2_same(a, np.ones((f, f)) / (f * f))[::f, ::f]


PREWITT_X = np.array([[1.0, 0, -1], [1, 0, -1], [1, 0, -1]]) / 3


def prewitt_magnitude(a):
    return np.sqrt(conv2_same(a, PREWITT_X) ** 2 + conv2_same(a, PREWITT_X.T) ** 2)


def luma(img):
    """Y of YIQ / BT.601 luma, 0.299 R + 0.587 G + 0.114 B; grey images unchanged."""
    if img.ndim == 2:
        return img
    return 0.299 * img[:, :, 0] + 0.587 * img[:, :, 1] + 0.114 * img[:, :, 2]


# ---------------------------------------------------------------- MS-SSIM (Wang, Simoncelli, Bovik 2003)

MS_SSIM_WEIGHTS = [0.0448, 0.2856, 0.3001, 0.2363, 0.1333]


def gaussian_window():
    r = 5  # 11 x 11, sigma 1.5 (Wang's fspecial('gaussian', 11, 1.5); skimage truncates at 3.5 sigma: the same taps)
    g = np.exp(-0.5 * (np.arange(-r, r + 1) / 1.5) ** 2)
    g /= g.sum()
    return np.outer(g, g)


def ssim_and_cs(x, y, L):
    """Mean SSIM and mean contrast-structure term over the 'valid' region (window inside the image), Gaussian
    weights, population (co)variances, K1 0.01, K2 0.03."""
    w = gaussian_window()

    def f(a):
        return signal.correlate2d(a, w, mode="valid")

    mx, my = f(x), f(y)
    vx, vy, cxy = f(x * x) - mx * mx, f(y * y) - my * my, f(x * y) - mx * my
    c1, c2 = (0.01 * L) ** 2, (0.03 * L) ** 2
    cs = (2 * cxy + c2) / (vx + vy + c2)
    lum = (2 * mx * my + c1) / (mx * mx + my * my + c1)
    return float((lum * cs).mean()), float(cs.mean())


def halve_symmetric(a):
    """2 x 2 mean of non-overlapping blocks; an odd last row/column is mirrored, i.e. averaged with itself
    (Wang's msssim.m: imfilter(img, ones(2)/4, 'symmetric', 'same') then img(1:2:end, 1:2:end))."""
    a = np.pad(a, ((0, a.shape[0] % 2), (0, a.shape[1] % 2)), mode="symmetric")
    return 0.25 * (a[0::2, 0::2] + a[1::2, 0::2] + a[0::2, 1::2] + a[1::2, 1::2])


def ms_ssim_gray(x, y, L):
    """MS-SSIM = prod_{j<5} cs_j^w_j * ssim_5^w_5, each term the mean over its scale, as in Wang's msssim.m.
    A negative mean (possible for unrelated images) would need a fractional power of a negative number: it is
    clamped at 0, as pytorch-msssim does. Checked: at every scale the mean SSIM equals skimage's
    structural_similarity (Gaussian, sigma 1.5, population covariance) to 1e-12."""
    value = 1.0
    for j, wj in enumerate(MS_SSIM_WEIGHTS):
        if j > 0:
            x, y = halve_symmetric(x), halve_symmetric(y)
        s, cs = ssim_and_cs(x, y, L)
        sk = structural_similarity(x, y, data_range=L, gaussian_weights=True, sigma=1.5, use_sample_covariance=False)
        assert abs(s - sk) < 1e-12, (j, s, sk)
        term = s if j == len(MS_SSIM_WEIGHTS) - 1 else cs
        value *= max(term, 0.0) ** wj
    return value


def ms_ssim(x, y, L):
    if x.ndim == 2:
        return ms_ssim_gray(x, y, L)
    return float(np.mean([ms_ssim_gray(x[:, :, c], y[:, :, c], L) for c in range(x.shape[2])]))


# ---------------------------------------------------------------- GMSD (Xue, Zhang, Mou, Bovik 2014)

def gmsd(x, y, L):
    """GMSD on luminance (RGB -> Y), values rescaled to [0, 255] (c = 170 belongs to that range), 2 x 2 mean
    and subsampling first as in the authors' GMSD.m, Prewitt gradients (3 x 3, /3, zeros past the edge),
    GMS = (2 m_r m_d + c) / (m_r^2 + m_d^2 + c), GMSD = population standard deviation of GMS (paper's
    eq. 8, 1/N; the authors' std2 uses 1/(N-1), a relative difference of about 1/(2N))."""
    s = 255.0 / L
    r, d = subsample(luma(x) * s), subsample(luma(y) * s)
    mr, md = prewitt_magnitude(r), prewitt_magnitude(d)
    gms = (2 * mr * md + 170) / (mr ** 2 + md ** 2 + 170)
    return float(gms.std())


# ---------------------------------------------------------------- MS-GMSD (Zhang, Sander, Bermak 2017)

MS_GMSD_WEIGHTS = [0.096, 0.596, 0.289, 0.019]


def ms_gmsd(x, y, L):
    """Luminance MS-GMSD: 4 scales (full resolution first, then each halved by the same 2 x 2 mean and
    subsampling as GMSD), GMS with the masking parameter alpha = 0.5:
    ((2 - alpha) m_r m_d + c) / (m_r^2 + m_d^2 - alpha m_r m_d + c), c = 170 for [0, 255];
    MS-GMSD = sqrt(sum_j w_j GMSD_j^2), w = (0.096, 0.596, 0.289, 0.019). The chromatic extension MS-GMSDc
    is not computed. Checked: with alpha = 0 the second scale equals gmsd() above."""
    s = 255.0 / L
    r, d = luma(x) * s, luma(y) * s
    a, c = 0.5, 170.0
    total = 0.0
    for j, wj in enumerate(MS_GMSD_WEIGHTS):
        if j > 0:
            r, d = subsample(r), subsample(d)
        mr, md = prewitt_magnitude(r), prewitt_magnitude(d)
        gms = ((2 - a) * mr * md + c) / (mr ** 2 + md ** 2 - a * mr * md + c)
        total += wj * gms.std() ** 2
        if j == 1:
            plain = (2 * mr * md + c) / (mr ** 2 + md ** 2 + c)
            assert abs(plain.std() - gmsd(x, y, L)) < 1e-12
    return float(np.sqrt(total))


# ---------------------------------------------------------------- MDSI (Nafchi, Shahkolaei, Hedjam, Cheriet 2016)

def mdsi(x, y, L):
    """MDSI, summation combination (the paper's default): values rescaled to [0, 255]; a grey image is taken
    as R = G = B. f = max(1, round(min(rows, cols) / 256)) (MATLAB round: half away from zero), f x f mean and
    every f-th pixel; L = 0.2989 R + 0.587 G + 0.114 B, H = 0.30 R + 0.04 G - 0.35 B,
    M = 0.34 R - 0.60 G + 0.17 B; Prewitt gradient magnitudes of the reference, the distorted image and their
    mean F = (L_r + L_d) / 2; GS = GS(r, d) + GS(d, F) - GS(r, F) with C1 = 140 for (r, d), C2 = 55 with F;
    CS = (2 (H_r H_d + M_r M_d) + C3) / (H_r^2 + H_d^2 + M_r^2 + M_d^2 + C3), C3 = 550;
    GCS = 0.6 GS + 0.4 CS; deviation pooling with q = 1/4, rho = 1, o = 1/4:
    MDSI = (mean |GCS^q - mean(GCS^q)|)^o, with the principal complex power where GCS < 0 (as MATLAB's .^
    gives). Checked: the complex route equals the real one on a map without negative values."""
    s = 255.0 / L
    x, y = x * s, y * s
    if x.ndim == 2:
        x, y = np.stack([x] * 3, axis=2), np.stack([y] * 3, axis=2)
    f = max(1, int(np.floor(min(x.shape[0], x.shape[1]) / 256 + 0.5)))
    if f > 1:
        x = np.stack([subsample(x[:, :, c], f) for c in range(3)], axis=2)
        y = np.stack([subsample(y[:, :, c], f) for c in range(3)], axis=2)

    def lhm(img):
        r, g, b = img[:, :, 0], img[:, :, 1], img[:, :, 2]
        return (0.2989 * r + 0.5870 * g + 0.1140 * b, 0.30 * r + 0.04 * g - 0.35 * b, 0.34 * r - 0.60 * g + 0.17 * b)

    l1, h1, m1 = lhm(x)
    l2, h2, m2 = lhm(y)
    g1, g2, gf = prewitt_magnitude(l1), prewitt_magnitude(l2), prewitt_magnitude(0.5 * (l1 + l2))
    c1, c2, c3 = 140.0, 55.0, 550.0
    gs = ((2 * g1 * g2 + c1) / (g1 ** 2 + g2 ** 2 + c1)
          + (2 * g2 * gf + c2) / (g2 ** 2 + gf ** 2 + c2)
          - (2 * g1 * gf + c2) / (g1 ** 2 + gf ** 2 + c2))
    cs = (2 * (h1 * h2 + m1 * m2) + c3) / (h1 ** 2 + h2 ** 2 + m1 ** 2 + m2 ** 2 + c3)
    gcs = 0.6 * gs + 0.4 * cs
    z = gcs.astype(np.complex128) ** 0.25
    value = float(np.mean(np.abs(z - z.mean())) ** 0.25)
    if (gcs >= 0).all():
        zr = gcs ** 0.25
        assert abs(np.mean(np.abs(zr - zr.mean())) ** 0.25 - value) < 1e-12
    return value


# ---------------------------------------------------------------- HaarPSI (Reisenhofer, Bosse, Kutyniok, Wiegand 2018)

def haar_filter(k):
    """2^k x 2^k, entries 2^-k, the upper half negated (the paper's Haar high-pass at scale k)."""
    n = 2 ** k
    h = np.full((n, n), 2.0 ** -k)
    h[: n // 2, :] *= -1
    return h


def haarpsi(x, y, L):
    """HaarPSI with C = 30, alpha = 4.2, values rescaled to [0, 255]. RGB goes to YIQ
    (Y = 0.299 R + 0.587 G + 0.114 B, I = 0.596 R - 0.274 G - 0.322 B, Q = 0.211 R - 0.523 G + 0.312 B); every
    channel is subsampled by the 2 x 2 mean as in GMSD. Haar coefficients at scales 1..3 in both orientations
    (conv2 'same'); for each orientation the local similarity is the mean over scales 1 and 2 of
    S(a, b) = (2 |a||b| + C) / (a^2 + b^2 + C) and the weight is max(|ref|, |dist|) at scale 3. Colour adds a
    third map: the mean of S over |I|, |Q| after a 2 x 2 mean, weighted by the mean of the two luminance
    weights. HaarPSI = (logit_alpha(sum sigmoid_alpha(LS) W / sum W))^2. Checked: identical images give 1;
    no published values were found for these images (the authors' repository ships code, no test values)."""
    s = 255.0 / L
    x, y = x * s, y * s
    colour = x.ndim == 3
    if colour:
        def yiq(img):
            r, g, b = img[:, :, 0], img[:, :, 1], img[:, :, 2]
            return (0.299 * r + 0.587 * g + 0.114 * b, 0.596 * r - 0.274 * g - 0.322 * b, 0.211 * r - 0.523 * g + 0.312 * b)
        (y1, i1, q1), (y2, i2, q2) = yiq(x), yiq(y)
        i1, q1, i2, q2 = (subsample(a) for a in (i1, q1, i2, q2))
    else:
        y1, y2 = x, y
    y1, y2 = subsample(y1), subsample(y2)
    C, alpha = 30.0, 4.2

    def sim(a, b):
        return (2 * a * b + C) / (a * a + b * b + C)

    maps, weights = [], []
    for transpose in (False, True):
        coeff = []
        for k in (1, 2, 3):
            h = haar_filter(k)
            h = h.T if transpose else h
            coeff.append((np.abs(conv2_same(y1, h)), np.abs(conv2_same(y2, h))))
        weights.append(np.maximum(coeff[2][0], coeff[2][1]))
        maps.append((sim(*coeff[0]) + sim(*coeff[1])) / 2)
    if colour:
        m = np.ones((2, 2)) / 4
        ci1, ci2 = np.abs(conv2_same(i1, m)), np.abs(conv2_same(i2, m))
        cq1, cq2 = np.abs(conv2_same(q1, m)), np.abs(conv2_same(q2, m))
        maps.append((sim(ci1, ci2) + sim(cq1, cq2)) / 2)
        weights.append((weights[0] + weights[1]) / 2)
    ls, w = np.stack(maps), np.stack(weights)
    p = np.sum(1 / (1 + np.exp(-alpha * ls)) * w) / np.sum(w)
    return float((np.log(p / (1 - p)) / alpha) ** 2)


# ---------------------------------------------------------------- table

PAIRS = [
    ("mri/BrainProtonDensitySlice.png", "reference/metrics/pd_noise.png", 255),
    ("mri/BrainProtonDensitySlice.png", "reference/metrics/pd_blur.png", 255),
    ("reference/metrics/pd_noise.png", "reference/metrics/pd_blur.png", 255),
    ("mri/BrainProtonDensitySlice.png", "reference/metrics/pd_noise.png", 300),
    ("reference/metrics/retina_crop.png", "reference/metrics/retina_noise.png", 255),
    ("reference/metrics/retina_crop.png", "reference/metrics/retina_blur.png", 255),
    ("histology/ihc.png", "reference/metrics/ihc_blur.png", 255),
]


def main():
    check_conv2_same()
    make_fixtures()
    out = {
        "skimage": skimage.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
        "sources": {
            "skimage": ["psnr", "mse", "ssim", "ssim_uniform"],
            "numpy": ["mae"],
            "this script": ["ms_ssim", "gmsd", "ms_gmsd", "mdsi", "haarpsi"],
        },
        "pairs": [],
    }
    for a, b, L in PAIRS:
        x, y = load(a), load(b)
        assert x.shape == y.shape
        channel = {"channel_axis": 2} if x.ndim == 3 else {}
        values = {
            "psnr": peak_signal_noise_ratio(x, y, data_range=L),
            "mse": mean_squared_error(x, y),
            "mae": float(np.mean(np.abs(x - y))),
            "ssim": structural_similarity(x, y, data_range=L, gaussian_weights=True, sigma=1.5,
                                          use_sample_covariance=False, **channel),
            "ssim_uniform": structural_similarity(x, y, data_range=L, **channel),
            "ms_ssim": ms_ssim(x, y, L),
            "gmsd": gmsd(x, y, L),
            "ms_gmsd": ms_gmsd(x, y, L),
            "mdsi": mdsi(x, y, L),
            "haarpsi": haarpsi(x, y, L),
        }
        ideal = {"ms_ssim": 1.0, "gmsd": 0.0, "ms_gmsd": 0.0, "mdsi": 0.0, "haarpsi": 1.0}
        for name, fn in (("ms_ssim", ms_ssim), ("gmsd", gmsd), ("ms_gmsd", ms_gmsd), ("mdsi", mdsi), ("haarpsi", haarpsi)):
            assert abs(fn(x, x, L) - ideal[name]) < 1e-12, name + " of identical images"
        out["pairs"].append({
            "reference": a, "test": b, "data_range": L,
            "width": x.shape[1], "height": x.shape[0], "channels": 1 if x.ndim == 2 else x.shape[2],
            "values": {k: float(v) for k, v in values.items()},
        })
    json.dump(out, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
