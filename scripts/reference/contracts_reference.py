#!/usr/bin/env python3
"""Reference values for the data-contract and data-hygiene statistics of vitest-ml.

Run from the repository root with Debian's python3 (scipy 1.10, numpy 1.24, scikit-learn 1.2: `apt-get install -y
python3-sklearn`):

    /usr/bin/python3 scripts/reference/contracts_reference.py

It writes test/fixtures/reference/contracts.json:
- fisher: scipy.stats.fisher_exact(table, alternative) -> odds ratio and p-value (the missing-rate and duplicate tests);
- exceedance: scipy.stats.hypergeom.pmf(k, n + m, m, k), the chance that the top k of n + m exchangeable values are all
  new ones (the range test);
- labels: scipy.stats.chi2_contingency on the species counts of the penguins split (train vs test), computed here from
  vega-datasets' penguins.json and the split in models/converters/penguins-pipeline-zipmap.rows.json;
- mad: np.median, scipy.stats.median_abs_deviation(x, scale='normal') and scipy.stats.norm.ppf(1 - rate / 2), the
  robust z-score rule, on the penguins body masses and on a sample with planted outliers;
- single_feature: each penguin feature alone as a predictor of the species, fitted on train and scored on test, with
  sklearn.preprocessing.KBinsDiscretizer(n_bins=10, encode='ordinal', strategy='quantile') for numeric features and the
  majority species per bin or value (ties: the first species in sorted order, as numpy's argmax over sorted labels).
"""
import json
import os

import numpy as np
from scipy import stats
from sklearn.preprocessing import KBinsDiscretizer

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "test", "fixtures", "reference", "contracts.json")
COLUMNS = {"species": "Species", "island": "Island", "beak_length_mm": "Beak Length (mm)", "beak_depth_mm": "Beak Depth (mm)",
           "flipper_length_mm": "Flipper Length (mm)", "body_mass_g": "Body Mass (g)", "sex": "Sex"}


def penguin_split():
    """The converter's split: test = the rows listed in the manifest, train = every other complete row."""
    with open(os.path.join(ROOT, "node_modules", "vega-datasets", "data", "penguins.json")) as f:
        penguins = json.load(f)
    with open(os.path.join(ROOT, "models", "converters", "penguins-pipeline-zipmap.rows.json")) as f:
        test_rows = json.load(f)["source_rows"]
    rows = [{name: p.get(source) for name, source in COLUMNS.items()} for p in penguins]
    complete = [i for i, r in enumerate(rows) if all(v is not None for v in r.values()) and r["sex"] != "."]
    held = set(test_rows)
    return [rows[i] for i in complete if i not in held], [rows[i] for i in test_rows]


def fisher_cases():
    tables = [[[8, 2], [1, 5]], [[12, 988], [40, 960]], [[0, 249], [5, 79]], [[1200, 98800], [1500, 98500]],
              [[3, 3], [3, 3]], [[5, 0], [0, 5]], [[30000, 1470000], [31000, 1469000]], [[146, 584], [0, 731]], [[0, 84], [0, 249]]]
    cases = []
    for table in tables:
        for alternative in ["two-sided", "less", "greater"]:
            odds, p = stats.fisher_exact(table, alternative=alternative)
            cases.append({"table": table, "alternative": alternative, "statistic": None if not np.isfinite(odds) else float(odds), "pValue": float(p)})
    return cases


def exceedance_cases():
    return [{"k": k, "n": n, "m": m, "pValue": float(stats.hypergeom.pmf(k, n + m, m, k))}
            for k, n, m in [(0, 249, 84), (1, 249, 84), (2, 249, 84), (6, 249, 84), (3, 731, 730), (40, 1_500_000, 1_500_000)]]


def label_case(train, test):
    species = sorted({r["species"] for r in train + test})
    table = [[sum(r["species"] == s for r in train) for s in species], [sum(r["species"] == s for r in test) for s in species]]
    chi2, p, dof, _ = stats.chi2_contingency(table)
    return {"species": species, "table": table, "statistic": float(chi2), "pValue": float(p), "dof": int(dof)}


def mad_cases(train):
    rate = 0.001
    threshold = float(stats.norm.ppf(1 - rate / 2))
    planted = [float(x) for x in np.linspace(10, 20, 101)] + [45.0, -30.0, 21.0]
    cases = []
    for name, values in [("body_mass_g", [float(r["body_mass_g"]) for r in train]), ("planted", planted)]:
        x = np.asarray(values)
        median = float(np.median(x))
        scale = float(stats.median_abs_deviation(x, scale="normal"))
        outliers = [int(i) for i in np.flatnonzero(np.abs(x - median) > threshold * scale)]
        cases.append({"name": name, "values": values, "median": median, "scale": scale, "threshold": threshold, "outliers": outliers})
    return cases


def single_feature_cases(train, test):
    species = sorted({r["species"] for r in train})
    y_train = np.array([species.index(r["species"]) for r in train])
    y_test = np.array([species.index(r["species"]) for r in test])
    majority = np.bincount(y_train, minlength=len(species)).argmax()
    base = float(np.mean(y_test == majority))
    scores = {}
    for feature in ["island", "beak_length_mm", "beak_depth_mm", "flipper_length_mm", "body_mass_g", "sex"]:
        if isinstance(train[0][feature], str):
            g_train = np.array([r[feature] for r in train], dtype=object)
            g_test = np.array([r[feature] for r in test], dtype=object)
        else:
            binner = KBinsDiscretizer(n_bins=10, encode="ordinal", strategy="quantile", subsample=None)
            g_train = binner.fit_transform(np.array([[float(r[feature])] for r in train]))[:, 0]
            g_test = binner.transform(np.array([[float(r[feature])] for r in test]))[:, 0]
        rule = {}
        for group in set(g_train.tolist()):
            rule[group] = np.bincount(y_train[g_train == group], minlength=len(species)).argmax()
        predicted = np.array([rule.get(group, majority) for group in g_test.tolist()])
        accuracy = float(np.mean(predicted == y_test))
        scores[feature] = {"accuracy": accuracy, "score": (accuracy - base) / (1 - base)}
    return {"base": base, "scores": scores}


def main():
    train, test = penguin_split()
    out = {
        "generator": "scripts/reference/contracts_reference.py",
        "fisher": fisher_cases(),
        "exceedance": exceedance_cases(),
        "labels": label_case(train, test),
        "mad": mad_cases(train),
        "single_feature": single_feature_cases(train, test),
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
