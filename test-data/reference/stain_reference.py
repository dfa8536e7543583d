#!/usr/bin/env python3
"""H&E-style fixture and reference values for the stain normalisation tests (io.github.fijigan.core.stain).

Run from the repository root with Debian's python3-skimage 0.19.3 and python3-numpy 1.24.2:

    /usr/bin/python3 test-data/reference/stain_reference.py

It writes
  test-data/histology/he_from_ihc.png      the H&E-style image (256 x 256, 8-bit RGB)
  test-data/reference/stain_reference.json the reference values

The H&E-style image follows Beer-Lambert exactly with scikit-image's (Ruifrok's) hematoxylin and
eosin vectors, so the true stain vectors are known: the hematoxylin concentration is the
hematoxylin channel of rgb2hed(ihc.png) and the eosin concentration is 0.6 times its DAB channel,
both averaged over 2 x 2 blocks; combine_stains(..., rgb_from_hed) with a zero DAB channel makes
the colours, rounded to 8 bits as floor(255 v + 0.5).

Conventions that the Java code shares (and that this file's own small Macenko and Reinhard
implementations follow, so the Java results can be compared with them):
  - Lab is skimage.color.rgb2lab of the 8-bit values / 255 (sRGB, D65, 2 degrees).
  - Tissue: Lab L < 80; background pixels are excluded from the Reinhard statistics.
  - Macenko: OD = -ln((I + 1) / 255); pixels with OD < 0.15 in any channel are dropped; eigen-
    vectors of the covariance (numpy.cov, eigh) of the rest; the largest is signed to have a
    positive sum; angles atan2(projection on the second, projection on the largest); the vectors at
    the 1st and 99th percentiles (numpy's linear interpolation); hematoxylin first = the vector with
    the larger red component; concentrations by least squares for every pixel; max concentrations
    are their 99th percentiles over every pixel; reconstruction I = 255 exp(-S C) - 1 (the exact
    inverse of the OD map), clipped to [0, 255].
  - 8-bit outputs are floor(v + 0.5).
"""
import json

import numpy as np
import skimage
from skimage import color
from skimage.io import imread, imsave

ROOT = "test-data/"
IHC = "histology/ihc.png"
HE = "histology/he_from_ihc.png"
EOSIN_SCALE = 0.6
TISSUE_L = 80.0
BETA = 0.15
ALPHA = 1.0
IO = 255.0


def round8(v):
    return np.clip(np.floor(v + 0.5), 0, 255).astype(np.uint8)


def make_he():
    ihc = imread(ROOT + IHC)
    hed = color.rgb2hed(ihc)
    block = lambda a: a.reshape(256, 2, 256, 2).mean(axis=(1, 3))
    stains = np.stack([block(hed[..., 0]), EOSIN_SCALE * block(hed[..., 2]), np.zeros((256, 256))], axis=-1)
    rgb = color.combine_stains(stains, color.rgb_from_hed)
    he = round8(255 * rgb)
    imsave(ROOT + HE, he, check_contrast=False)
    assert np.array_equal(imread(ROOT + HE), he)
    return he


def lab_of(rgb8):
    return color.rgb2lab(rgb8.astype(np.float64) / 255)


def reinhard_stats(rgb8):
    lab = lab_of(rgb8).reshape(-1, 3)
    tissue = lab[:, 0] < TISSUE_L
    return lab[tissue].mean(axis=0), lab[tissue].std(axis=0), int(tissue.sum())


def reinhard(src8, target_mean, target_std):
    lab = lab_of(src8)
    mean, std, _ = reinhard_stats(src8)
    out = (lab - mean) / std * target_std + target_mean
    return round8(255 * color.lab2rgb(out))


def optical_density(rgb8):
    return -np.log((rgb8.reshape(-1, 3).astype(np.float64) + 1) / IO)


def macenko_fit(rgb8):
    od = optical_density(rgb8)
    kept = od[~np.any(od < BETA, axis=1)]
    _, vectors = np.linalg.eigh(np.cov(kept.T))
    e1, e2 = vectors[:, 2], vectors[:, 1]
    if e1.sum() < 0:
        e1 = -e1
    phi = np.arctan2(kept @ e2, kept @ e1)
    lo, hi = np.percentile(phi, [ALPHA, 100 - ALPHA])
    a = e1 * np.cos(lo) + e2 * np.sin(lo)
    b = e1 * np.cos(hi) + e2 * np.sin(hi)
    stains = np.array([a, b]) if a[0] > b[0] else np.array([b, a])
    conc = np.linalg.lstsq(stains.T, od.T, rcond=None)[0]
    return stains, np.percentile(conc, 99, axis=1), conc, len(kept)


def macenko(src8, target_stains, target_max):
    stains, max_c, conc, _ = macenko_fit(src8)
    conc = conc * (target_max / max_c)[:, None]
    out = IO * np.exp(-(target_stains.T @ conc)) - 1
    return round8(out.T.reshape(src8.shape))


def angle_deg(u, v):
    return float(np.degrees(np.arccos(np.clip(np.dot(u, v) / np.linalg.norm(u) / np.linalg.norm(v), -1, 1))))


def sample_positions(width, height, count, seed):
    rng = np.random.default_rng(seed)
    return [(int(x), int(y)) for x, y in zip(rng.integers(0, width, count), rng.integers(0, height, count))]


def fixture_facts(name, rgb8, truth_rows):
    mean_all = lab_of(rgb8).reshape(-1, 3).mean(axis=0)
    std_all = lab_of(rgb8).reshape(-1, 3).std(axis=0)
    mean, std, tissue = reinhard_stats(rgb8)
    stains, max_c, _, kept = macenko_fit(rgb8)
    truth = color.rgb_from_hed[truth_rows]
    truth = truth / np.linalg.norm(truth, axis=1, keepdims=True)
    return {
        "file": name,
        "width": rgb8.shape[1],
        "height": rgb8.shape[0],
        "lab_mean_all_pixels": mean_all.tolist(),
        "lab_std_all_pixels": std_all.tolist(),
        "tissue_pixels": tissue,
        "lab_mean_tissue": mean.tolist(),
        "lab_std_tissue": std.tolist(),
        "macenko_kept_pixels": kept,
        "macenko_stain_matrix": stains.tolist(),
        "macenko_max_concentrations": max_c.tolist(),
        "ruifrok_stain_vectors": truth.tolist(),
        "ruifrok_rows": truth_rows,
        "angles_to_ruifrok_deg": [angle_deg(stains[i], truth[i]) for i in range(2)],
    }


def main():
    he = make_he()
    ihc = imread(ROOT + IHC)

    levels = [0, 51, 102, 153, 204, 255]
    colours = [[r, g, b] for r in levels for g in levels for b in levels] + [[v, v, v] for v in range(256) if v % 51]
    colours += [[255, 0, 128], [12, 200, 37], [3, 1, 2], [250, 251, 249], [128, 64, 10]]
    lab = lab_of(np.array(colours, dtype=np.uint8)[None])[0]

    he_mean, he_std, _ = reinhard_stats(he)
    he_stains, he_max, _, _ = macenko_fit(he)
    positions = sample_positions(ihc.shape[1], ihc.shape[0], 64, 20250305)
    reinhard_out = reinhard(ihc, he_mean, he_std)
    macenko_out = macenko(ihc, he_stains, he_max)
    ihc_tissue = lab_of(ihc).reshape(-1, 3)[:, 0] < TISSUE_L
    reinhard_lab = lab_of(reinhard_out).reshape(-1, 3)[ihc_tissue]

    out = {
        "skimage": skimage.__version__,
        "numpy": np.__version__,
        "tissue_l_threshold": TISSUE_L,
        "macenko": {"io": IO, "beta": BETA, "alpha": ALPHA},
        "he_eosin_scale": EOSIN_SCALE,
        "lab_colours": [{"rgb": c, "lab": l.tolist()} for c, l in zip(colours, lab)],
        "fixtures": [fixture_facts(IHC, ihc, [0, 2]), fixture_facts(HE, he, [0, 1])],
        "ihc_to_he": {
            "positions": [[x, y] for x, y in positions],
            "reinhard_rgb": [reinhard_out[y, x].tolist() for x, y in positions],
            "reinhard_lab_mean_over_source_tissue": reinhard_lab.mean(axis=0).tolist(),
            "reinhard_lab_std_over_source_tissue": reinhard_lab.std(axis=0).tolist(),
            "macenko_rgb": [macenko_out[y, x].tolist() for x, y in positions],
            "reinhard_mean_rgb": reinhard_out.reshape(-1, 3).mean(axis=0).tolist(),
            "macenko_mean_rgb": macenko_out.reshape(-1, 3).mean(axis=0).tolist(),
        },
    }
    with open(ROOT + "reference/stain_reference.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
