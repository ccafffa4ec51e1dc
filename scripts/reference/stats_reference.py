#!/usr/bin/env python3
"""Reference values for vitest-ml/stats, computed with scipy (and statsmodels formulas).

Run from the repository root with any python3 that has numpy and scipy:

    python3 scripts/reference/stats_reference.py

It writes test/fixtures/reference/stats.json: seeded inputs and the reference outputs. Small samples are stored
inline. Large samples (n > 10,000, for the asymptotic KS branch) are not stored: they are described by a "weyl"
generator that both sides rebuild with the same IEEE operations only (multiply, fmod, add, floor), so the bytes agree:

    value_i = floor_or_not((i * alpha) mod 1) * scale + shift,  i = 1..n

McNemar and the multiple-testing corrections follow statsmodels (`contingency_tables.mcnemar`, `multipletests`).
When statsmodels is importable its answers are used and cross-checked; otherwise the same definitions are computed
here from scipy.stats.binom / chi2 (exact McNemar = min(1, 2 * binom.cdf(min(b, c), b + c, 0.5)); Yates-corrected
chi-square (|b - c| - 1)^2 / (b + c); Bonferroni min(1, m p); Benjamini-Hochberg step-up), and the JSON says which.
The committed fixture was generated without statsmodels; running this script under a python3 that has it
(statsmodels 0.13.5) asserts that those formulas agree with statsmodels on every case.
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

try:  # optional
    import statsmodels
    from statsmodels.stats.contingency_tables import mcnemar as sm_mcnemar
    from statsmodels.stats.multitest import multipletests as sm_multipletests
except ImportError:  # pragma: no cover
    statsmodels = None

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "reference", "stats.json")


def weyl(n, alpha, scale=1.0, shift=0.0, floor=False):
    """Deterministic sample, rebuilt bit-for-bit in the TypeScript tests (see test/src/stats/reference-fixture.ts)."""
    out = np.empty(n)
    for i in range(1, n + 1):
        u = math.fmod(i * alpha, 1.0)
        if floor:
            u = math.floor(u * scale)
            out[i - 1] = u + shift
        else:
            out[i - 1] = u * scale + shift
    return out


def r(x, digits=4):
    return [round(float(v), digits) for v in x]


def f(x):
    return None if x is None else float(x)


def ks_cases(g):
    cases = []

    def add(name, ref, cur, spec=None, **kw):
        res = stats.ks_2samp(ref, cur, **kw)
        result = {"method": kw.get("method", "auto"), "alternative": kw.get("alternative", "two-sided"),
                  "statistic": float(res.statistic), "pValue": float(res.pvalue)}
        if cases and cases[-1]["name"] == name:  # same samples, another method / alternative
            cases[-1]["results"].append(result)
            return
        case = {"name": name, "results": [result]}
        if spec is None:
            case["reference"] = list(map(float, ref))
            case["current"] = list(map(float, cur))
        else:
            case["generated"] = spec
        cases.append(case)

    small_pairs = [
        ("normal 20 vs 25", r(g.normal(0, 1, 20)), r(g.normal(0.5, 1, 25))),
        ("normal 50 vs 50", r(g.normal(0, 1, 50)), r(g.normal(0.3, 1, 50))),
        ("normal 7 vs 300", r(g.normal(0, 1, 7)), r(g.normal(0.4, 1.2, 300))),
        ("ties 60 vs 45", list(map(float, g.integers(0, 6, 60))), list(map(float, g.integers(1, 7, 45)))),
        ("exponential 400 vs 350", r(g.exponential(1, 400)), r(g.exponential(1.2, 350))),
        ("far apart 40 vs 30 (tiny p)", r(g.normal(0, 1, 40)), r(g.normal(4, 1, 30))),
        ("equal n far apart 100 vs 100", r(g.normal(0, 1, 100)), r(g.normal(2, 1, 100))),
        ("uniform 1000 vs 1200", r(g.uniform(0, 1, 1000)), r(g.uniform(0.02, 1.02, 1200))),
    ]
    for name, ref, cur in small_pairs:
        for alternative in ("two-sided", "less", "greater"):
            add(name, ref, cur, alternative=alternative)
        add(name, ref, cur, method="asymp")
    # asymptotic two-sided at various effective n (hits Durbin, Pomeranz, Pelz-Good, Smirnov branches of kstwo)
    ref, cur = r(g.normal(0, 1, 150)), r(g.normal(0.2, 1, 160))
    add("asymp 150 vs 160", ref, cur, method="asymp")
    ref, cur = r(g.normal(0, 1, 30)), r(g.normal(0.6, 1, 20))
    add("asymp 30 vs 20", ref, cur, method="asymp")
    add("asymp 30 vs 20", ref, cur, method="asymp", alternative="less")
    # large samples: auto -> asymp (n > 10000)
    big = [
        ("weyl 12000 vs 11000 close", dict(n=12000, alpha=0.6180339887498949), dict(n=11000, alpha=0.41421356237309515, scale=1.0, shift=0.003)),
        ("weyl 20000 vs 15000 shifted", dict(n=20000, alpha=0.6180339887498949), dict(n=15000, alpha=0.7320508075688772, scale=1.05, shift=0.02)),
        ("weyl 30000 vs 25 small current", dict(n=30000, alpha=0.6180339887498949), dict(n=25, alpha=0.7320508075688772, scale=1.0, shift=0.1)),
        ("weyl ties 15000 vs 16000", dict(n=15000, alpha=0.6180339887498949, scale=50.0, floor=True), dict(n=16000, alpha=0.41421356237309515, scale=50.0, shift=1.0, floor=True)),
        ("weyl 50000 vs 40000 identical law", dict(n=50000, alpha=0.6180339887498949), dict(n=40000, alpha=0.41421356237309515)),
    ]
    for name, rs, cs in big:
        ref, cur = weyl(**rs), weyl(**cs)
        for alternative in ("two-sided", "less", "greater"):
            add(name, ref, cur, spec={"reference": rs, "current": cs}, alternative=alternative)
    return cases


def chi_cases(g):
    homog = []
    tables = [
        [[10, 20, 30], [15, 15, 30]],
        [[12, 5], [7, 9]],
        [[12, 5], [7, 9], ],
        [[100, 0, 50, 3], [80, 10, 70, 0]],
        [[5000, 3000, 2000], [4000, 3500, 2500]],
        [[1, 2], [3, 4]],
        [[30, 0, 12, 0], [25, 0, 20, 5]],
        [[1000, 10], [900, 60]],
    ]
    for i, t in enumerate(tables):
        for correction in (True, False):
            arr = np.array(t)
            kept = arr[:, arr.sum(axis=0) > 0]
            chi2, p, dof, expected = stats.chi2_contingency(kept, correction=correction)
            homog.append({"table": t, "correction": correction, "statistic": float(chi2), "pValue": float(p),
                          "dof": int(dof), "expected": expected.tolist()})
    gof = []
    for obs, exp, ddof in [
        ([16, 18, 16, 14, 12, 12], None, 0),
        ([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8], 0),
        ([16, 18, 16, 14, 12, 12], None, 1),
        ([500, 300, 200], [333.3, 333.3, 333.4], 0),
        ([90, 5, 5], None, 0),
        ([10, 10], None, 0),
    ]:
        res = stats.chisquare(obs, exp, ddof=ddof)
        gof.append({"observed": obs, "expected": exp, "ddof": ddof, "statistic": float(res.statistic),
                    "pValue": float(res.pvalue)})
    return homog, gof


def psi_quantile(ref, cur, n_bins=10, eps=1e-4):
    inner = np.unique(np.quantile(ref, np.arange(1, n_bins) / n_bins))
    k = len(inner) + 1
    rp = np.bincount(np.searchsorted(inner, ref, side="right"), minlength=k) / len(ref)
    cp = np.bincount(np.searchsorted(inner, cur, side="right"), minlength=k) / len(cur)
    rp = np.where(rp == 0, eps, rp)
    cp = np.where(cp == 0, eps, cp)
    return float(np.sum((cp - rp) * np.log(cp / rp)))


def distance_cases(g):
    wass, psi, js = [], [], []
    pairs = [
        (r(g.normal(0, 1, 30)), r(g.normal(0.5, 2, 45))),
        (list(map(float, g.integers(0, 5, 40))), list(map(float, g.integers(0, 7, 33)))),
        ([3.0], [5.0]),
        ([1.0, 1.0, 1.0], [1.0, 1.0]),
        (r(g.exponential(1, 500)), r(g.exponential(1.5, 400))),
    ]
    for ref, cur in pairs:
        wass.append({"reference": ref, "current": cur, "statistic": float(stats.wasserstein_distance(ref, cur))})
    psi_pairs = [
        (r(g.normal(0, 1, 500)), r(g.normal(0.3, 1.1, 400)), 10),
        (r(g.normal(0, 1, 500)), r(g.normal(0, 1, 500)), 10),
        (list(map(float, g.integers(0, 4, 300))), list(map(float, g.integers(0, 6, 250))), 10),
        (r(g.uniform(0, 1, 200)), r(g.uniform(0.5, 1.5, 200)), 5),
        (r(g.normal(0, 1, 1000)), r(g.normal(1, 1, 1000)), 20),
        ([1.0] * 50, [1.0] * 20 + [2.0] * 5, 10),
    ]
    for ref, cur, bins in psi_pairs:
        psi.append({"reference": ref, "current": cur, "bins": bins, "statistic": psi_quantile(np.array(ref), np.array(cur), bins)})
    for p, q, base in [
        ([0.1, 0.4, 0.5], [0.3, 0.3, 0.4], None),
        ([1, 0, 0], [0, 1, 0], None),
        ([1, 0, 0], [0, 1, 0], 2),
        ([10, 20, 30, 40], [40, 30, 20, 10], 2),
        ([5, 5], [5, 5], None),
        ([0.2, 0.0, 0.8], [0.1, 0.5, 0.4], 10),
    ]:
        js.append({"p": p, "q": q, "base": base, "statistic": float(distance.jensenshannon(p, q, base=base))})
    return wass, psi, js


def binomial_cases():
    out = []
    for k, n, p, alt in [(7, 20, 0.5, "two-sided"), (3, 30, 0.3, "two-sided"), (15, 20, 0.3, "two-sided"),
                         (0, 10, 0.2, "two-sided"), (10, 10, 0.2, "two-sided"), (682, 925, 0.75, "two-sided"),
                         (3, 100, 0.01, "greater"), (3, 100, 0.1, "less"), (50, 100, 0.5, "two-sided"),
                         (1, 1000, 0.05, "two-sided"), (0, 500, 0.01, "less"), (30, 60, 0.5, "greater")]:
        res = stats.binomtest(k, n, p, alternative=alt)
        ci95 = res.proportion_ci(0.95, method="exact")
        ci90 = res.proportion_ci(0.9, method="exact")
        wil = res.proportion_ci(0.95, method="wilson")
        out.append({"k": k, "n": n, "p": p, "alternative": alt, "statistic": float(res.statistic),
                    "pValue": float(res.pvalue), "clopperPearson95": [f(ci95.low), f(ci95.high)],
                    "clopperPearson90": [f(ci90.low), f(ci90.high)], "wilson95": [f(wil.low), f(wil.high)]})
    # two-sided intervals for the proportion helpers (binomtest two-sided)
    intervals = []
    for k, n, level in [(0, 20, 0.95), (3, 20, 0.95), (20, 20, 0.95), (1, 1000, 0.99), (57, 80, 0.9), (0, 3000, 0.95)]:
        res = stats.binomtest(k, n)
        cp = res.proportion_ci(level, method="exact")
        wil = res.proportion_ci(level, method="wilson")
        wcc = res.proportion_ci(level, method="wilsoncc")
        intervals.append({"k": k, "n": n, "level": level, "clopperPearson": [f(cp.low), f(cp.high)],
                          "wilson": [f(wil.low), f(wil.high)], "wilsonCorrected": [f(wcc.low), f(wcc.high)]})
    return out, intervals


def mcnemar_cases():
    out = []
    for table in ([[101, 121], [59, 33]], [[10, 3], [9, 40]], [[5, 0], [0, 7]], [[0, 12], [2, 0]], [[50, 400], [320, 60]]):
        b, c = table[0][1], table[1][0]
        for exact, correction in ((True, True), (False, True), (False, False)):
            if exact:
                stat = min(b, c)
                p = 1.0 if b + c == 0 else min(1.0, 2 * stats.binom.cdf(stat, b + c, 0.5))
            else:
                if b + c == 0:
                    stat, p = 0.0, 1.0
                else:
                    stat = (abs(b - c) - (1 if correction else 0)) ** 2 / (b + c)
                    p = stats.chi2.sf(stat, 1)
            source = "formula"
            if statsmodels is not None and b + c > 0:
                sm = sm_mcnemar(np.array(table), exact=exact, correction=correction)
                assert math.isclose(sm.statistic, stat, rel_tol=1e-12) and math.isclose(sm.pvalue, p, rel_tol=1e-9)
                source = "statsmodels " + statsmodels.__version__
            out.append({"table": table, "exact": exact, "correction": correction, "statistic": float(stat),
                        "pValue": float(p), "source": source})
    return out


def multiple_cases():
    out = []
    for pv, alpha in [([0.01, 0.04, 0.03, 0.005, 0.5], 0.05), ([0.2, 0.001, 0.04, 0.04, 0.9, 0.012, 0.3], 0.05),
                      ([0.5], 0.1), ([0.03, 0.03, 0.03], 0.05)]:
        m = len(pv)
        p = np.asarray(pv)
        bonf = np.minimum(p * m, 1.0)
        order = np.argsort(p)
        ranked = p[order] * m / np.arange(1, m + 1)
        bh_sorted = np.minimum.accumulate(ranked[::-1])[::-1]
        bh = np.empty(m)
        bh[order] = np.minimum(bh_sorted, 1.0)
        reject_bonf = (p <= alpha / m)
        below = p[order] <= np.arange(1, m + 1) / m * alpha
        reject_bh = np.zeros(m, dtype=bool)
        if below.any():
            reject_bh[order[: np.nonzero(below)[0].max() + 1]] = True
        source = "formula"
        if statsmodels is not None:
            rb, pb, _, _ = sm_multipletests(pv, alpha=alpha, method="bonferroni")
            rh, ph, _, _ = sm_multipletests(pv, alpha=alpha, method="fdr_bh")
            assert np.allclose(pb, bonf, rtol=1e-12) and np.allclose(ph, bh, rtol=1e-12)
            assert (rb == reject_bonf).all() and (rh == reject_bh).all()
            source = "statsmodels " + statsmodels.__version__
        out.append({"pValues": pv, "alpha": alpha, "bonferroni": bonf.tolist(), "bonferroniReject": reject_bonf.tolist(),
                    "benjaminiHochberg": bh.tolist(), "benjaminiHochbergReject": reject_bh.tolist(), "source": source})
    return out


def rank_cases(g):
    cvm, mwu, welch = [], [], []
    pairs = [
        (r(g.normal(0, 1, 8)), r(g.normal(0.8, 1, 10))),
        (r(g.normal(0, 1, 15)), r(g.normal(0.3, 1, 20))),
        (list(map(float, g.integers(0, 5, 12))), list(map(float, g.integers(1, 6, 9)))),
        (r(g.normal(0, 1, 60)), r(g.normal(0.4, 1.5, 80))),
        (r(g.exponential(1, 300)), r(g.exponential(1.3, 250))),
        (r(g.normal(0, 1, 5)), r(g.normal(3, 1, 6))),
    ]
    for ref, cur in pairs:
        cvm_case = {"reference": ref, "current": cur, "results": []}
        mwu_case = {"reference": ref, "current": cur, "results": []}
        welch_case = {"reference": ref, "current": cur, "results": []}
        for method in ("auto", "asymptotic"):
            res = stats.cramervonmises_2samp(ref, cur, method=method)
            cvm_case["results"].append({"method": method, "statistic": float(res.statistic), "pValue": float(res.pvalue)})
        for alt in ("two-sided", "less", "greater"):
            for method, cont in (("auto", True), ("asymptotic", True), ("asymptotic", False), ("exact", True)):
                res = stats.mannwhitneyu(ref, cur, alternative=alt, method=method, use_continuity=cont)
                mwu_case["results"].append({"alternative": alt, "method": method, "continuity": cont,
                                            "statistic": float(res.statistic), "pValue": float(res.pvalue)})
            res = stats.ttest_ind(ref, cur, equal_var=False, alternative=alt)
            welch_case["results"].append({"alternative": alt, "statistic": float(res.statistic),
                                          "pValue": float(res.pvalue), "df": float(res.df)})
        cvm.append(cvm_case)
        mwu.append(mwu_case)
        welch.append(welch_case)
    return cvm, mwu, welch


def bootstrap_cases():
    """scipy.stats.bootstrap of the mean, 9999 resamples, percentile and BCa, on two samples: a near-symmetric one
    (x_i = 1.5 sin(1.7 i) + 0.1 i, i < 60) and a skewed one (x_i = 10 frac(i phi)^4, 1 <= i <= 40), where BCa's bounds
    lie 6-8 resampling sds above the percentile ones.

    Our resampler draws other random numbers than numpy, so the bounds can only agree up to resampling noise: the
    fixture keeps the mean and the standard deviation of each bound over 50 scipy seeds, and the test allows 4 of them.
    """
    samples = {
        "sine": [1.5 * math.sin(i * 1.7) + 0.1 * i for i in range(60)],
        "skewed": [10 * ((i * 0.6180339887498949) % 1) ** 4 for i in range(1, 41)],
    }
    cases = []
    for name, values in samples.items():
        x = np.array(values)
        for method in ("percentile", "BCa"):
            lows, highs, errors = [], [], []
            for seed in range(50):
                res = stats.bootstrap((x,), np.mean, n_resamples=9999, method=method, random_state=seed)
                lows.append(res.confidence_interval.low)
                highs.append(res.confidence_interval.high)
                errors.append(res.standard_error)
            spread = lambda values: {"mean": float(np.mean(values)), "sd": float(np.std(values, ddof=1))}
            cases.append({"sample": name, "x": [float(v) for v in x], "method": "bca" if method == "BCa" else "percentile",
                          "confidence": 0.95, "resamples": 9999, "seeds": 50, "estimate": float(np.mean(x)),
                          "low": spread(lows), "high": spread(highs), "standardError": spread(errors)})
    return cases


def encode(value):
    """JSON has no inf or NaN: they are written as the strings "inf", "-inf" and "nan"."""
    value = float(value)
    return "nan" if math.isnan(value) else ("inf" if value == math.inf else ("-inf" if value == -math.inf else value))


def degenerate_cases():
    """Decisive degenerate inputs that scipy answers instead of raising: an observation in a category expected 0 times
    (chisquare: statistic inf, p 0) and two different constant samples (ttest_ind Welch: statistic +-inf, p 0 or 1)."""
    gof = []
    with np.errstate(divide="ignore", invalid="ignore"):
        for obs, exp, ddof in [([3, 2, 1], [3, 3, 0], 0), ([5, 5], [10, 0], 0), ([0, 4, 6], [0, 5, 5], 0)]:
            res = stats.chisquare(obs, exp, ddof=ddof)
            gof.append({"observed": obs, "expected": exp, "ddof": ddof, "statistic": encode(res.statistic),
                        "pValue": encode(res.pvalue)})
    welch = []
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for ref, cur in [([1.0, 1.0, 1.0], [2.0, 2.0, 2.0]), ([5.0, 5.0], [-1.0, -1.0, -1.0]), ([1.0, 1.0], [1.0, 1.0])]:
            for alt in ("two-sided", "less", "greater"):
                res = stats.ttest_ind(ref, cur, equal_var=False, alternative=alt)
                welch.append({"reference": ref, "current": cur, "alternative": alt, "statistic": encode(res.statistic),
                              "pValue": encode(res.pvalue), "df": encode(res.df)})
    return {"chiSquareGoodnessOfFit": gof, "welchTTest": welch}


def main():
    g = np.random.default_rng(20260601)
    out = {"meta": {"scipy": scipy.__version__, "numpy": np.__version__,
                    "statsmodels": None if statsmodels is None else statsmodels.__version__}}
    out["ksTwoSample"] = ks_cases(g)
    out["chiSquareHomogeneity"], out["chiSquareGoodnessOfFit"] = chi_cases(g)
    out["wassersteinDistance"], out["populationStabilityIndex"], out["jensenShannonDistance"] = distance_cases(g)
    out["binomialTest"], out["proportionIntervals"] = binomial_cases()
    out["mcnemarTest"] = mcnemar_cases()
    out["multipleTesting"] = multiple_cases()
    out["cramerVonMises"], out["mannWhitneyU"], out["welchTTest"] = rank_cases(g)
    out["bootstrapConfidenceInterval"] = bootstrap_cases()
    out["degenerate"] = degenerate_cases()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        json.dump(out, fh, separators=(",", ":"))
        fh.write("\n")
    print("wrote", os.path.normpath(OUT), os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
