#!/usr/bin/python3
"""Reference values for the DICOM test images, computed with pydicom.

The Java tests compare our DICOM reading (ImageJ 1 / Bio-Formats bridges,
calibration, HU conversion) against these numbers.  pydicom is an independent
implementation, so agreement with it means more than agreement with ourselves.

CI does not run this script: its output, dicom_reference.json, is committed.
Regenerate (Debian 12: apt-get install -y python3-pydicom python3-numpy) with

    /usr/bin/python3 test-data/reference/dicom_reference.py \
        > test-data/reference/dicom_reference.json

Conventions in the JSON:
  * x is the column index, y the row index, (0, 0) is the top-left pixel,
    so a value is pixel_array[y, x].
  * "stored" is the value as written in Pixel Data, interpreted with the
    file's Pixel Representation (1 = two's complement signed).  ImageJ 1
    instead adds 32768 to signed 16-bit data and folds that offset into its
    calibration function, so compare calibrated values, not raw ones.
  * "rescaled" is stored * RescaleSlope + RescaleIntercept (Hounsfield units
    for CT).  Where the file has no rescale tags (MR) slope 1 and intercept
    0 apply, as the DICOM Modality LUT rules say; "rescale_present" tells
    which case holds.
  * pixel_spacing_mm keeps the DICOM order: [row spacing (between rows,
    i.e. vertical), column spacing (horizontal)].
"""

import hashlib
import json
import os
import sys

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut

HERE = os.path.dirname(os.path.abspath(__file__))
DICOM_DIR = os.path.join(HERE, os.pardir, "dicom")
FILES = ["CT_small.dcm", "MR_small.dcm"]


def positions(width, height):
    """Corners, centre and interior points, as (x, y).

    Points with x != y catch a transposed reader; corners catch off-by-one
    and flipped readers.
    """
    return [
        (0, 0),
        (width - 1, 0),
        (0, height - 1),
        (width - 1, height - 1),
        (width // 2, height // 2),
        (width // 4, height // 4),
        (3 * width // 4, height // 4),
        (width // 4, 3 * height // 4),
        (3 * width // 4, 3 * height // 4),
        (width // 3, height // 2 + 7),
        (width // 2 + 9, height // 5),
    ]


def optional_float(ds, keyword):
    value = ds.get(keyword)
    return None if value is None else float(value)


def describe(path):
    ds = pydicom.dcmread(path)
    stored = ds.pixel_array
    has_rescale = "RescaleSlope" in ds and "RescaleIntercept" in ds
    slope = float(ds.RescaleSlope) if has_rescale else 1.0
    intercept = float(ds.RescaleIntercept) if has_rescale else 0.0

    # Two independent routes to the rescaled image must agree, otherwise the
    # reference itself is wrong.
    rescaled = stored.astype(np.float64) * slope + intercept
    via_pydicom = np.asarray(apply_modality_lut(stored, ds), dtype=np.float64)
    if not np.array_equal(rescaled, via_pydicom):
        sys.exit(f"{path}: manual rescale disagrees with pydicom's modality LUT")

    with open(path, "rb") as f:
        sha256 = hashlib.sha256(f.read()).hexdigest()

    height, width = stored.shape
    samples = []
    for x, y in positions(width, height):
        samples.append({
            "x": x,
            "y": y,
            "stored": int(stored[y, x]),
            "rescaled": float(rescaled[y, x]),
        })

    return {
        "file": "dicom/" + os.path.basename(path),
        "sha256": sha256,
        "modality": str(ds.Modality),
        "transfer_syntax_uid": str(ds.file_meta.TransferSyntaxUID),
        "photometric_interpretation": str(ds.PhotometricInterpretation),
        "rows": int(ds.Rows),
        "columns": int(ds.Columns),
        "samples_per_pixel": int(ds.SamplesPerPixel),
        "bits_allocated": int(ds.BitsAllocated),
        "bits_stored": int(ds.BitsStored),
        "high_bit": int(ds.HighBit),
        "pixel_representation": int(ds.PixelRepresentation),
        "rescale_present": has_rescale,
        "rescale_slope": slope,
        "rescale_intercept": intercept,
        "pixel_spacing_mm": [float(v) for v in ds.PixelSpacing],
        "slice_thickness_mm": optional_float(ds, "SliceThickness"),
        "window_center": optional_float(ds, "WindowCenter"),
        "window_width": optional_float(ds, "WindowWidth"),
        "stored_min": int(stored.min()),
        "stored_max": int(stored.max()),
        "rescaled_min": float(rescaled.min()),
        "rescaled_max": float(rescaled.max()),
        "rescaled_mean": float(rescaled.mean()),
        "samples": samples,
    }


def main():
    result = {
        "generator": "test-data/reference/dicom_reference.py",
        "pydicom_version": pydicom.__version__,
        "numpy_version": np.__version__,
        "images": [describe(os.path.join(DICOM_DIR, name)) for name in FILES],
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
