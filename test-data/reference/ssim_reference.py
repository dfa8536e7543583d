#!/usr/bin/env python3
"""Reference SSIM values for SsimTest, computed with Debian's python3-skimage (0.19.3).

Run from the repository root:  /usr/bin/python3 test-data/reference/ssim_reference.py > test-data/reference/ssim_reference.json
"""
import json

import numpy as np
import skimage
from skimage.io import imread
from skimage.metrics import structural_similarity

PAIRS = [
    ("synthetic/paired/A/pair_000.png", "synthetic/paired/A/pair_001.png"),
    ("synthetic/paired/A/pair_050.png", "synthetic/paired/B/pair_050.png"),
]

out = {"skimage": skimage.__version__, "data_range": 255, "pairs": []}
for a, b in PAIRS:
    x = imread("test-data/" + a).astype(np.float64)
    y = imread("test-data/" + b).astype(np.float64)
    gaussian = structural_similarity(x, y, data_range=255, gaussian_weights=True, sigma=1.5, use_sample_covariance=False)
    uniform = structural_similarity(x, y, data_range=255)
    out["pairs"].append({"x": a, "y": b, "gaussian": gaussian, "uniform": uniform})
print(json.dumps(out, indent=2))
