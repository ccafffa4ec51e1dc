"""Reference values for the vitest-ml evaluation metrics, computed with scikit-learn.

Writes test/fixtures/reference/metrics.json: seeded inputs and the scikit-learn outputs the TypeScript metrics are
checked against (test/src/evaluation/metrics/*.test.ts).

Run from the repository root with an interpreter that has scikit-learn (Debian: apt-get install python3-sklearn):
    /usr/bin/python3 scripts/reference/metrics_reference.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn import metrics
from sklearn.calibration import calibration_curve
from sklearn.preprocessing import label_binarize

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "reference" / "metrics.json"
rng = np.random.RandomState(20240601)


def r(values, digits=4):
    return [round(float(v), digits) for v in values]


def softmax_rows(logits):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def prf(y, p, **kwargs):
    precision, recall, f1, _ = metrics.precision_recall_fscore_support(y, p, zero_division=0, **kwargs)
    return {"precision": float(precision), "recall": float(recall), "f1": float(f1)}


# Binary: 60 rows, scores rounded to 1 decimal so there are ties (exercises mid-ranks and threshold grouping).
n = 60
y_bin = rng.binomial(1, 0.4, n)
p_bin = np.clip(np.round(0.5 * y_bin + rng.uniform(0, 0.6, n) - 0.05, 1), 0.0, 1.0)
prob_bin = np.array(r(np.clip(0.35 * y_bin + rng.beta(2, 3, n), 0.01, 0.99)))
pred_bin = (prob_bin >= 0.5).astype(int)
prob_true, prob_pred = calibration_curve(y_bin, prob_bin, n_bins=5, strategy="uniform")
binary = {
    "yTrue": y_bin.tolist(),
    "scores": r(p_bin, 1),
    "probabilities": prob_bin.tolist(),
    "yPred": pred_bin.tolist(),
    "expected": {
        "roc_auc_score(y, scores)": float(metrics.roc_auc_score(y_bin, p_bin)),
        "average_precision_score(y, scores)": float(metrics.average_precision_score(y_bin, p_bin)),
        "roc_auc_score(y, probabilities)": float(metrics.roc_auc_score(y_bin, prob_bin)),
        "log_loss(y, probabilities)": float(metrics.log_loss(y_bin, prob_bin)),
        "brier_score_loss(y, probabilities)": float(metrics.brier_score_loss(y_bin, prob_bin)),
        "accuracy_score(y, yPred)": float(metrics.accuracy_score(y_bin, pred_bin)),
        "balanced_accuracy_score(y, yPred)": float(metrics.balanced_accuracy_score(y_bin, pred_bin)),
        "precision_recall_fscore_support(y, yPred, average='binary')": prf(y_bin, pred_bin, average="binary"),
        "calibration_curve(y, probabilities, n_bins=5)": {"probTrue": prob_true.tolist(), "probPred": prob_pred.tolist()},
    },
}

# Multiclass: 90 rows, 3 string classes; probabilities from noisy logits.
classes = ["Adelie", "Chinstrap", "Gentoo"]
n = 90
y_idx = rng.choice(3, n, p=[0.45, 0.2, 0.35])
logits = rng.normal(0, 1, (n, 3))
logits[np.arange(n), y_idx] += 1.2
prob_mc = np.round(softmax_rows(logits), 4)
prob_mc = prob_mc / prob_mc.sum(axis=1, keepdims=True)
prob_mc = np.round(prob_mc, 6)
y_mc = np.array(classes)[y_idx]
pred_mc = np.array(classes)[prob_mc.argmax(axis=1)]
onehot = label_binarize(y_mc, classes=classes)
multiclass = {
    "classes": classes,
    "yTrue": y_mc.tolist(),
    "probabilities": prob_mc.tolist(),
    "yPred": pred_mc.tolist(),
    "expected": {
        "accuracy_score(y, yPred)": float(metrics.accuracy_score(y_mc, pred_mc)),
        "balanced_accuracy_score(y, yPred)": float(metrics.balanced_accuracy_score(y_mc, pred_mc)),
        "confusion_matrix(y, yPred)": metrics.confusion_matrix(y_mc, pred_mc).tolist(),
        "precision_recall_fscore_support(y, yPred, average='macro')": prf(y_mc, pred_mc, average="macro"),
        "precision_recall_fscore_support(y, yPred, average='micro')": prf(y_mc, pred_mc, average="micro"),
        "precision_recall_fscore_support(y, yPred, average='weighted')": prf(y_mc, pred_mc, average="weighted"),
        "precision_recall_fscore_support(y, yPred, average=None)": {
            key: [float(v) for v in values]
            for key, values in zip(
                ["precision", "recall", "f1", "support"],
                metrics.precision_recall_fscore_support(y_mc, pred_mc, average=None, zero_division=0),
            )
        },
        "roc_auc_score(y, P, multi_class='ovr', average='macro')": float(
            metrics.roc_auc_score(y_mc, prob_mc, multi_class="ovr", average="macro", labels=classes)
        ),
        "roc_auc_score(y, P, multi_class='ovr', average='weighted')": float(
            metrics.roc_auc_score(y_mc, prob_mc, multi_class="ovr", average="weighted", labels=classes)
        ),
        "average_precision_score(label_binarize(y), P, average='macro')": float(
            metrics.average_precision_score(onehot, prob_mc, average="macro")
        ),
        "log_loss(y, P, labels=classes)": float(metrics.log_loss(y_mc, prob_mc, labels=classes)),
        "mean(sum((P - onehot)^2, axis=1))": float(np.mean(np.sum((prob_mc - onehot) ** 2, axis=1))),
    },
}

# Regression: 40 rows of mpg-like targets.
n = 40
y_reg = np.round(rng.uniform(9, 45, n), 2)
pred_reg = np.round(y_reg + rng.normal(0, 3, n), 3)
regression = {
    "yTrue": y_reg.tolist(),
    "yPred": pred_reg.tolist(),
    "expected": {
        "sqrt(mean_squared_error(y, yPred))": float(np.sqrt(metrics.mean_squared_error(y_reg, pred_reg))),
        "mean_absolute_error(y, yPred)": float(metrics.mean_absolute_error(y_reg, pred_reg)),
        "mean_absolute_percentage_error(y, yPred)": float(metrics.mean_absolute_percentage_error(y_reg, pred_reg)),
        "r2_score(y, yPred)": float(metrics.r2_score(y_reg, pred_reg)),
    },
}

# One class present (a slice or a small evaluation set of negatives only): with 0/1 labels scikit-learn still reads
# the scores as P(label 1); string labels need pos_label.
one_class_scores = [0.1, 0.2, 0.4]
one_class = {
    "scores": one_class_scores,
    "expected": {
        "log_loss([0, 0, 0], scores, labels=[0, 1])": float(metrics.log_loss([0, 0, 0], one_class_scores, labels=[0, 1])),
        "brier_score_loss([0, 0, 0], scores)": float(metrics.brier_score_loss([0, 0, 0], one_class_scores)),
        "average_precision_score([0, 0, 0], scores)": abs(float(metrics.average_precision_score([0, 0, 0], one_class_scores))),
        "brier_score_loss([-1, -1, -1], scores)": float(metrics.brier_score_loss([-1, -1, -1], one_class_scores)),
        "log_loss([1, 1, 1], scores, labels=[0, 1])": float(metrics.log_loss([1, 1, 1], one_class_scores, labels=[0, 1])),
        "brier_score_loss([1, 1, 1], scores)": float(metrics.brier_score_loss([1, 1, 1], one_class_scores)),
    },
}

OUT.parent.mkdir(parents=True, exist_ok=True)
document = {
    "generator": "scripts/reference/metrics_reference.py",
    "sklearn": sklearn.__version__,
    "numpy": np.__version__,
    "binary": binary,
    "multiclass": multiclass,
    "regression": regression,
    "oneClass": one_class,
}
OUT.write_text(json.dumps(document, indent=1) + "\n")
print(f"wrote {OUT.relative_to(OUT.parents[3])}")
