#!/usr/bin/env python3
"""Reference classification metrics for ClassificationMetricsTest, computed with Debian's python3-sklearn (1.2.1).

Every case lists true and predicted labels; the JSON holds scikit-learn's confusion matrix, accuracy,
per-class precision, recall and F1 (zero_division=0, labels = all classes) and macro averages.
Cases cover a perfect run, an imbalanced run, a class never predicted and a class without test images.

Run from the repository root:
  /usr/bin/python3 test-data/reference/classification_reference.py > test-data/reference/classification_reference.json
"""
import json

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support,
                             recall_score, precision_score)

rng = np.random.RandomState(7)
CASES = [
    ("perfect", 2, [0, 0, 1, 1, 1], [0, 0, 1, 1, 1]),
    ("imbalanced", 2, [0] * 16 + [1] * 4, [0] * 14 + [1] * 2 + [1] * 1 + [0] * 3),
    ("never_predicted", 3, [0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 0, 1]),
    ("no_support", 3, [0, 0, 0, 1, 1], [0, 2, 0, 1, 0]),
    ("absent_and_unpredicted", 3, [0, 1, 1, 0], [0, 1, 0, 0]),
    ("random_4", 4, rng.randint(0, 4, 50).tolist(), rng.randint(0, 4, 50).tolist()),
]

out = {"sklearn": sklearn.__version__, "zero_division": 0, "cases": []}
for name, k, truth, predicted in CASES:
    labels = list(range(k))
    p, r, f, s = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)
    out["cases"].append({
        "name": name,
        "classes": k,
        "truth": truth,
        "predicted": predicted,
        "confusion": confusion_matrix(truth, predicted, labels=labels).tolist(),
        "accuracy": accuracy_score(truth, predicted),
        "precision": p.tolist(),
        "recall": r.tolist(),
        "f1": f.tolist(),
        "support": s.tolist(),
        "macro_f1": f1_score(truth, predicted, labels=labels, average="macro", zero_division=0),
        "macro_recall": recall_score(truth, predicted, labels=labels, average="macro", zero_division=0),
        "macro_precision": precision_score(truth, predicted, labels=labels, average="macro", zero_division=0),
    })
print(json.dumps(out, indent=2))
