"""Reference values for weak segments, fairness between groups and calibration.

Writes test/fixtures/reference/segments-fairness-calibration.json: seeded inputs and the reference outputs the
TypeScript code is checked against (test/src/evaluation/{segments,fairness,calibration}/*.test.ts).

- Calibration: scikit-learn's `calibration_curve` (strategy 'uniform' and 'quantile') and `brier_score_loss`; the ECE
  and MCE are read off those bins. The Brier decomposition (Murphy 1973, binned as in Stephenson et al. 2008) is
  computed here with numpy:
      BS = REL - RES + UNC + WBV - WBC
      REL = 1/N sum_k n_k (fbar_k - obar_k)^2      RES = 1/N sum_k n_k (obar_k - obar)^2      UNC = obar (1 - obar)
  where fbar_k and obar_k are the mean forecast and the observed frequency in bin k, and the within-bin terms
  (WBV - WBC) = BS - (REL - RES + UNC) vanish when every forecast in a bin is the same. For several classes the
  decomposition is the sum over classes of the one-vs-rest decompositions (Brier's original multiclass score).
- Over/under-confidence of a predicted class: gap = mean confidence - accuracy over the rows predicted as that class,
  z = sum(correct - confidence) / sqrt(sum(confidence (1 - confidence))), two-sided p from scipy.stats.norm.
- Fairness: Fairlearn's definitions (fairlearn.metrics, "Common fairness metrics" in the Fairlearn user guide),
  implemented with numpy: selection rate P(h=1 | A=a), true and false positive rates; demographic parity difference =
  max - min selection rate, ratio = min / max; equal opportunity difference = max - min TPR; equalized odds
  difference = max(TPR difference, FPR difference), ratio = min(TPR ratio, FPR ratio). The user guide's own worked
  example (y_true, y_pred, sf_data below) documents 0.25, 0.66666, 1.0 and 0.0 for these four.
- Weak segments: the exact binomial lower tail P(X <= k), X ~ Binomial(n, p0) (scipy.stats.binom.cdf), and the Wilson
  interval from scipy.stats.binomtest(...).proportion_ci(method='wilson').

Run from the repository root with Debian's python3-sklearn:
    /usr/bin/python3 scripts/reference/segments_fairness_calibration_reference.py
"""
import json
import pathlib

import numpy as np
import sklearn
from scipy import stats
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "reference" / "segments-fairness-calibration.json"
rng = np.random.RandomState(17)


def r(values, digits=4):
    return [round(float(v), digits) for v in values]


def bin_counts(p, n_bins, strategy):
    if strategy == "quantile":
        bins = np.percentile(p, np.linspace(0, 1, n_bins + 1) * 100)
    else:
        bins = np.linspace(0.0, 1.0, n_bins + 1)
    ids = np.searchsorted(bins[1:-1], p)
    return np.bincount(ids, minlength=len(bins))


def ece_mce(y, p, n_bins, strategy):
    prob_true, prob_pred = calibration_curve(y, p, n_bins=n_bins, strategy=strategy)
    counts = bin_counts(p, n_bins, strategy)
    counts = counts[counts != 0]
    gaps = np.abs(prob_true - prob_pred)
    return {"probTrue": r(prob_true, 10), "probPred": r(prob_pred, 10), "counts": [int(c) for c in counts],
            "ece": float(np.sum(counts / len(p) * gaps)), "mce": float(gaps.max())}


def murphy(y, p, n_bins):
    bins = np.linspace(0.0, 1.0, n_bins + 1)
    ids = np.searchsorted(bins[1:-1], p)
    obar = y.mean()
    rel = res = 0.0
    for k in range(n_bins):
        members = ids == k
        n_k = members.sum()
        if n_k == 0:
            continue
        rel += n_k * (p[members].mean() - y[members].mean()) ** 2
        res += n_k * (y[members].mean() - obar) ** 2
    rel /= len(y)
    res /= len(y)
    unc = obar * (1 - obar)
    bs = float(np.mean((p - y) ** 2))
    return {"brier": bs, "reliability": rel, "resolution": res, "uncertainty": unc, "withinBin": bs - (rel - res + unc)}


def confidence_bias(classes, labels, probs):
    predicted = probs.argmax(axis=1)
    confidence = probs.max(axis=1)
    out = []
    for k, name in enumerate(classes):
        rows = predicted == k
        if rows.sum() == 0:
            continue
        correct = (labels[rows] == k).astype(float)
        conf = confidence[rows]
        z = (correct - conf).sum() / np.sqrt((conf * (1 - conf)).sum())
        out.append({"class": name, "rows": int(rows.sum()), "meanConfidence": float(conf.mean()), "accuracy": float(correct.mean()),
                    "gap": float(conf.mean() - correct.mean()), "z": float(z), "pValue": float(2 * stats.norm.sf(abs(z)))})
    return out


# --- calibration, binary: 300 rows whose probabilities are too extreme (over-confident) -------------------------------
n = 300
true_p = rng.beta(2, 2, n)
y_bin = rng.binomial(1, true_p)
p_bin = np.array(r(np.clip(0.5 + 1.6 * (true_p - 0.5), 0.001, 0.999)))
binary = {"y": [int(v) for v in y_bin], "p": [float(v) for v in p_bin],
          "uniform10": ece_mce(y_bin, p_bin, 10, "uniform"), "quantile10": ece_mce(y_bin, p_bin, 10, "quantile"),
          "uniform5": ece_mce(y_bin, p_bin, 5, "uniform"), "quantile5": ece_mce(y_bin, p_bin, 5, "quantile"),
          "brierScoreLoss": float(brier_score_loss(y_bin, p_bin)), "murphy10": murphy(y_bin.astype(float), p_bin, 10)}

# --- calibration, three classes: top-label ECE, multiclass Brier and its decomposition, confidence per class -----------
m = 240
logits = rng.normal(0, 1.3, (m, 3))
probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
probs = np.round(probs, 4)
probs[:, 2] = np.round(1 - probs[:, 0] - probs[:, 1], 4)
labels = np.array([rng.choice(3, p=np.clip(row, 0, 1) / np.clip(row, 0, 1).sum()) for row in np.sqrt(probs) / np.sqrt(probs).sum(axis=1, keepdims=True)])
confidence = probs.max(axis=1)
correct = (probs.argmax(axis=1) == labels).astype(int)
onehot = np.eye(3)[labels]
multi_murphy = [murphy(onehot[:, k], probs[:, k], 10) for k in range(3)]
multiclass = {"classes": ["a", "b", "c"], "labels": [["a", "b", "c"][v] for v in labels], "probabilities": probs.tolist(),
              "topLabelUniform10": ece_mce(correct, confidence, 10, "uniform"), "topLabelQuantile10": ece_mce(correct, confidence, 10, "quantile"),
              "brier": float(np.mean(((probs - onehot) ** 2).sum(axis=1))),
              "murphy10": {key: float(sum(part[key] for part in multi_murphy)) for key in multi_murphy[0]},
              "confidenceBias": confidence_bias(["a", "b", "c"], labels, probs)}


# --- fairness --------------------------------------------------------------------------------------------------------
def rates(y_true, y_pred, groups):
    out = {}
    for g in sorted(set(groups)):
        rows = np.array([x == g for x in groups])
        yt, yp = y_true[rows], y_pred[rows]
        out[g] = {"n": int(rows.sum()), "selectionRate": float(yp.mean()),
                  "tpr": float(yp[yt == 1].mean()) if (yt == 1).any() else None,
                  "fpr": float(yp[yt == 0].mean()) if (yt == 0).any() else None,
                  "accuracy": float((yp == yt).mean())}
    return out


def disparities(y_true, y_pred, groups):
    table = rates(y_true, y_pred, groups)
    sel = [v["selectionRate"] for v in table.values()]
    tpr = [v["tpr"] for v in table.values() if v["tpr"] is not None]
    fpr = [v["fpr"] for v in table.values() if v["fpr"] is not None]
    acc = [v["accuracy"] for v in table.values()]
    ratio = lambda xs: min(xs) / max(xs) if max(xs) > 0 else 1.0
    return {"groups": table,
            "demographicParityDifference": max(sel) - min(sel), "demographicParityRatio": ratio(sel),
            "equalOpportunityDifference": max(tpr) - min(tpr),
            "equalizedOddsDifference": max(max(tpr) - min(tpr), max(fpr) - min(fpr)),
            "equalizedOddsRatio": min(ratio(tpr), ratio(fpr)),
            "accuracyDifference": max(acc) - min(acc)}


doc_y = np.array([0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1])
doc_p = np.array([0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0])
doc_sf = ['b', 'b', 'a', 'b', 'b', 'c', 'c', 'c', 'a', 'a', 'c', 'a', 'b', 'c', 'c', 'b', 'c', 'c']
doc = {"yTrue": doc_y.tolist(), "yPred": doc_p.tolist(), "sensitive": doc_sf,
       "documented": {"demographicParityDifference": 0.25, "demographicParityRatio": 0.66666, "equalizedOddsDifference": 1.0, "equalizedOddsRatio": 0.0},
       "numpy": disparities(doc_y, doc_p, doc_sf)}

k = 400
sex = rng.choice(["female", "male"], k)
region = rng.choice(["north", "south", "west"], k, p=[0.5, 0.3, 0.2])
y_f = rng.binomial(1, 0.45, k)
favour = np.where(sex == "male", 0.15, 0.0) + np.where(region == "west", -0.1, 0.0)
score = np.clip(0.2 + 0.55 * y_f + favour + rng.uniform(-0.25, 0.25, k), 0, 1)
pred = (score >= 0.5).astype(int)
intersection = [f"{s} & {g}" for s, g in zip(sex, region)]
group_calibration = {}
for g in sorted(set(sex)):
    rows = sex == g
    group_calibration[g] = {"meanScore": float(score[rows].mean()), "positiveRate": float(y_f[rows].mean())}
gaps = [v["meanScore"] - v["positiveRate"] for v in group_calibration.values()]
synthetic = {"yTrue": y_f.tolist(), "score": r(score, 6), "yPred": pred.tolist(), "sex": sex.tolist(), "region": region.tolist(),
             "bySex": disparities(y_f, pred, list(sex)), "byRegion": disparities(y_f, pred, list(region)),
             "bySexAndRegion": disparities(y_f, pred, intersection),
             "calibrationBySex": group_calibration, "calibrationDifference": max(gaps) - min(gaps)}
# the scores were rounded to 6 digits above; recompute the calibration reference on the rounded scores
rounded = np.array(synthetic["score"])
for g in sorted(set(sex)):
    group_calibration[g]["meanScore"] = float(rounded[sex == g].mean())
gaps = [v["meanScore"] - v["positiveRate"] for v in group_calibration.values()]
synthetic["calibrationDifference"] = max(gaps) - min(gaps)

# --- weak segments: Wilson score test and interval ---------------------------------------------------------------------
wilson = []
for kk, nn, p0 in [(25, 41, 0.87), (18, 20, 0.9), (3, 30, 0.5), (40, 40, 0.95)]:
    ci = stats.binomtest(kk, nn).proportion_ci(confidence_level=0.95, method="wilson")
    wilson.append({"k": kk, "n": nn, "p0": p0, "pValue": float(stats.binom.cdf(kk, nn, p0)), "low": float(ci.low), "high": float(ci.high)})

OUT.write_text(json.dumps({"generator": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}",
                           "calibration": {"binary": binary, "multiclass": multiclass},
                           "fairness": {"fairlearnDocExample": doc, "synthetic": synthetic},
                           "segments": {"binomialTest": wilson}}, indent=1) + "\n")
print("wrote", OUT)
