#!/usr/bin/env python3
"""Reference values for FrechetDistanceTest, SymmetricEigenTest and SingularValuesTest, computed with NumPy and SciPy.

The Frechet distance between the Gaussians fitted to two sets of vectors is computed three ways:
- "distance_sqrtm": as FID does (pytorch-fid's calculate_frechet_distance): means, np.cov (n - 1),
  and the trace of scipy.linalg.sqrtm(sigma1 @ sigma2), real part;
- "distance_eigh": tr sqrt(S1^1/2 S2 S1^1/2) from symmetric eigen-decompositions (np.linalg.eigh);
- "distance": tr sqrt(S1^1/2 S2 S1^1/2) as the nuclear norm of A^T B (A, B the centred vectors as
  columns over sqrt(n - 1)) from np.linalg.svd, which keeps its accuracy for singular covariances.
Where the covariances are singular (fewer vectors than dimensions) the first two take square roots
of eigenvalues that are round-off, and differ from the third by about 1e-8 relative; for full-rank
cases all three agree to 1e-10 (checked below).

The vectors are drawn from a seeded NumPy generator, rounded to float32 and written into the JSON,
so the Java test reads exactly the numbers used here.

Run from the repository root:
  /usr/bin/python3 test-data/reference/frechet_reference.py > test-data/reference/frechet_reference.json
"""
import json

import numpy as np
import scipy
import scipy.linalg


def fid_sqrtm(x, y):
    mu1, mu2 = x.mean(axis=0), y.mean(axis=0)
    s1, s2 = np.atleast_2d(np.cov(x, rowvar=False)), np.atleast_2d(np.cov(y, rowvar=False))
    covmean, _ = scipy.linalg.sqrtm(s1.dot(s2), disp=False)
    covmean = covmean.real
    diff = mu1 - mu2
    return float(diff.dot(diff) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean))


def psd_sqrt(s):
    w, v = np.linalg.eigh(s)
    return (v * np.sqrt(np.clip(w, 0, None))) @ v.T


def fid_eigh(x, y):
    mu1, mu2 = x.mean(axis=0), y.mean(axis=0)
    s1, s2 = np.atleast_2d(np.cov(x, rowvar=False)), np.atleast_2d(np.cov(y, rowvar=False))
    r = psd_sqrt(s1)
    w = np.linalg.eigvalsh(r @ s2 @ r)
    diff = mu1 - mu2
    return float(diff.dot(diff) + np.trace(s1) + np.trace(s2) - 2 * np.sqrt(np.clip(w, 0, None)).sum())


def fid_svd(x, y):
    mu1, mu2 = x.mean(axis=0), y.mean(axis=0)
    a = (x - mu1) / np.sqrt(len(x) - 1)
    b = (y - mu2) / np.sqrt(len(y) - 1)
    diff = mu1 - mu2
    nuclear = np.linalg.svd(a @ b.T, compute_uv=False).sum()
    return float(diff.dot(diff) + (a * a).sum() + (b * b).sum() - 2 * nuclear)


rng = np.random.default_rng(20240607)


def vectors(n, d, scale, shift):
    # correlated, anisotropic clouds: a random linear map of standard normals plus a mean
    mix = rng.normal(size=(d, d)) * scale
    return (rng.normal(size=(n, d)) @ mix + shift).astype(np.float32).astype(np.float64)


CASES = [
    ("full rank, d 6", 40, 30, 6, 1.0, 0.5),
    ("asymmetric sizes, d 3", 5, 200, 3, 2.0, -1.0),
    ("singular, more dimensions than vectors, d 50", 12, 9, 50, 0.3, 0.2),
    ("singular, d 128 as the tests' 4x4x8 latent", 20, 16, 128, 0.1, 0.05),
]

out = {"numpy": np.__version__, "scipy": scipy.__version__, "frechet": [], "eigenvalues": []}
for name, n1, n2, d, scale, shift in CASES:
    x = vectors(n1, d, scale, 0.0)
    y = vectors(n2, d, scale * 1.3, shift)
    exact = fid_svd(x, y)
    via_eigh = fid_eigh(x, y)
    via_sqrtm = fid_sqrtm(x, y)
    if d < min(n1, n2):
        assert abs(exact - via_sqrtm) <= 1e-10 * abs(exact), (name, exact, via_sqrtm)
        assert abs(exact - via_eigh) <= 1e-10 * abs(exact), (name, exact, via_eigh)
    out["frechet"].append({"name": name, "x": x.tolist(), "y": y.tolist(),
                           "distance": exact, "distance_eigh": via_eigh, "distance_sqrtm": via_sqrtm})

for n in (1, 2, 7, 20, 60):
    a = rng.normal(size=(n, n))
    a = (a + a.T) / 2
    out["eigenvalues"].append({"matrix": a.tolist(), "values": np.linalg.eigvalsh(a).tolist()})
# repeated eigenvalues and a rank-deficient Gram matrix (what the nuclear norm meets)
q, _ = np.linalg.qr(rng.normal(size=(6, 6)))
a = (q * np.array([3.0, 3.0, 3.0, -1.0, 0.0, 0.0])) @ q.T
a = (a + a.T) / 2
out["eigenvalues"].append({"matrix": a.tolist(), "values": np.linalg.eigvalsh(a).tolist()})
g = rng.normal(size=(10, 3))
a = g @ g.T
out["eigenvalues"].append({"matrix": a.tolist(), "values": np.linalg.eigvalsh(a).tolist()})
out["singular_values"] = []
for m, n, rank in ((5, 3, 3), (3, 8, 3), (12, 12, 12), (30, 20, 4), (1, 6, 1)):
    a = rng.normal(size=(m, rank)) @ rng.normal(size=(rank, n))
    out["singular_values"].append({"matrix": a.tolist(), "values": np.linalg.svd(a, compute_uv=False).tolist()})
print(json.dumps(out, separators=(",", ":")))
