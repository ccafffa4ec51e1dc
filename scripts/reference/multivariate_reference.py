#!/usr/bin/env python3
"""Reference values for the multivariate drift tests (src/drift/multivariate/).

Run from the repository root with Debian's python3, which has numpy and scikit-learn (`apt-get install -y
python3-sklearn`):

    /usr/bin/python3 scripts/reference/multivariate_reference.py

It writes test/fixtures/reference/multivariate.json with:

- rocAuc: sklearn.metrics.roc_auc_score on scores with ties;
- classifier: a correlation-flip sample (x, y standard normal with correlation +0.8 in the reference and -0.8 in the
  current sample, 150 rows each), z-scored with the pooled mean and population sd, expanded with
  sklearn.preprocessing.PolynomialFeatures(degree=2, include_bias=False), and the held-out ROC AUC of
  sklearn.linear_model.LogisticRegression(C=1) for each of 5 folds given by `fold = row % 5` (rows as stored). The L2
  logistic objective has one optimum, so any correct solver gives the same coefficients and AUCs;
- mmd: the unbiased MMD^2 estimate (Gretton et al. 2012, JMLR 13, eq. 3) with an RBF kernel exp(-d^2 / (2 sigma^2)),
  sigma from the median heuristic as Alibi Detect's `sigma_median` computes it (sigma^2 = lower median of the
  reference-to-current squared distances / 2), written with numpy here because Alibi Detect does not install on
  this machine; and the permutation p-value (1 + #{permuted >= observed}) / (1 + B) from 2000 numpy permutations, which
  our p-value (another random stream) must match within Monte Carlo error.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import PolynomialFeatures

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "reference", "multivariate.json")


def correlated(g, n, rho):
    a = g.standard_normal(n)
    b = g.standard_normal(n)
    return a, rho * a + np.sqrt(1 - rho * rho) * b


def classifier_case(g):
    n = 150
    rx, ry = correlated(g, n, 0.8)
    cx, cy = correlated(g, n, -0.8)
    x = np.concatenate([rx, cx])
    y = np.concatenate([ry, cy])
    labels = np.concatenate([np.zeros(n, int), np.ones(n, int)])
    z = np.column_stack([(x - x.mean()) / x.std(), (y - y.mean()) / y.std()])
    design = PolynomialFeatures(degree=2, include_bias=False).fit_transform(z)
    folds = np.arange(2 * n) % 5
    aucs = []
    for fold in range(5):
        train, test = folds != fold, folds == fold
        model = LogisticRegression(C=1.0, tol=1e-12, max_iter=10000).fit(design[train], labels[train])
        aucs.append(roc_auc_score(labels[test], model.decision_function(design[test])))
    return {"reference": {"x": rx.tolist(), "y": ry.tolist()}, "current": {"x": cx.tolist(), "y": cy.tolist()},
            "folds": folds.tolist(), "foldAucs": aucs, "auc": float(np.mean(aucs))}


def mmd2_unbiased(k, labels):
    x = labels == 0
    y = labels == 1
    m, n = x.sum(), y.sum()
    kxx = k[np.ix_(x, x)]
    kyy = k[np.ix_(y, y)]
    kxy = k[np.ix_(x, y)]
    return ((kxx.sum() - np.trace(kxx)) / (m * (m - 1)) + (kyy.sum() - np.trace(kyy)) / (n * (n - 1))
            - 2 * kxy.mean())


def mmd_case(g, reference, current, permutations=2000):
    pooled = np.vstack([reference, current])
    m = len(reference)
    sq = ((pooled[:, None, :] - pooled[None, :, :]) ** 2).sum(-1)
    cross = np.sort(sq[:m, m:].ravel())
    median = cross[len(cross) // 2 - 1]
    sigma = np.sqrt(0.5 * median)
    k = np.exp(-sq / (2 * sigma ** 2))
    labels = np.concatenate([np.zeros(m, int), np.ones(len(current), int)])
    observed = mmd2_unbiased(k, labels)
    count = sum(mmd2_unbiased(k, g.permutation(labels)) >= observed for _ in range(permutations))
    return {"reference": reference.tolist(), "current": current.tolist(), "sigma": float(sigma),
            "mmd2": float(observed), "pValue": float((1 + count) / (1 + permutations)), "permutations": permutations}


def main():
    g = np.random.default_rng(20261130)
    out = {"meta": {"numpy": np.__version__, "sklearn": sklearn.__version__}}
    scores = np.round(g.uniform(0, 1, 40), 1)
    labels = (g.uniform(0, 1, 40) < 0.3 + 0.4 * scores).astype(int)
    out["rocAuc"] = [{"scores": scores.tolist(), "labels": labels.tolist(), "auc": float(roc_auc_score(labels, scores))}]
    out["classifier"] = classifier_case(g)
    embed_ref = g.standard_normal((60, 8))
    embed_same = g.standard_normal((50, 8))
    embed_shift = g.standard_normal((50, 8)) + np.array([1.0] + [0.0] * 7)
    out["mmd"] = [mmd_case(g, embed_ref, embed_shift), mmd_case(g, embed_ref, embed_same)]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        json.dump(out, fh, separators=(",", ":"))
        fh.write("\n")
    print("wrote", os.path.normpath(OUT), os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
