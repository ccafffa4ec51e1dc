#!/usr/bin/env python3
"""Time scipy/numpy reference implementations on fixed data, and dump that data
as raw little-endian binaries so a JS implementation can be timed on the same
bytes.

Run:  python3 bench/scipy_reference.py OUT_DIR      (any python3 with numpy + scipy)

bench/stats-vs-scipy.bench.ts runs this into a temporary directory, then reads the same binaries and times
vitest-ml/stats on the same work, so the two are compared on identical bytes, side by side, in one run. Quote ratios,
not absolute times: machines are shared and noisy.

Files written (all little-endian, no header):
  bench_a.f64, bench_b.f64          1,000,000 float64 each
  bench_tab_ref_num.f64             100,000 x 50 float64, COLUMN-major (col 0 first)
  bench_tab_cur_num.f64             same shape, current table
  bench_tab_ref_cat.u8              100,000 x 10 uint8 category codes, COLUMN-major
  bench_tab_cur_cat.u8              same shape
  bench_results.json                timings (median of 5) + reference outputs
"""
import json
import platform
import statistics
import time

import numpy as np
import scipy
from scipy import stats

import os
import sys
D = (sys.argv[1] if len(sys.argv) > 1 else ".").rstrip("/") + "/"
os.makedirs(D, exist_ok=True)
N = 1_000_000
ROWS, NUM_COLS, CAT_COLS = 100_000, 50, 10
REPEATS = 5


def timeit(fn, repeats=REPEATS):
    times, out = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times, out


def psi_quantile(ref, cur, n_bins=10, eps=1e-4):
    """Inner edges = np.quantile(ref, k/n),
    np.unique'd; searchsorted side='right'; zero proportions -> eps."""
    inner = np.unique(np.quantile(ref, np.arange(1, n_bins) / n_bins))
    k = len(inner) + 1
    rp = np.bincount(np.searchsorted(inner, ref, side="right"), minlength=k) / len(ref)
    cp = np.bincount(np.searchsorted(inner, cur, side="right"), minlength=k) / len(cur)
    rp = np.where(rp == 0, eps, rp)
    cp = np.where(cp == 0, eps, cp)
    return float(np.sum((cp - rp) * np.log(cp / rp)))


def make_data():
    g = np.random.default_rng(20240601)
    a = g.normal(0.0, 1.0, N)
    b = g.normal(0.01, 1.02, N)
    a.astype("<f8").tofile(D + "bench_a.f64")
    b.astype("<f8").tofile(D + "bench_b.f64")

    g = np.random.default_rng(20240602)
    # columns: mixture of distributions; some columns drift in current
    ref_num = np.empty((NUM_COLS, ROWS))
    cur_num = np.empty((NUM_COLS, ROWS))
    for j in range(NUM_COLS):
        kind = j % 5
        shift = 0.05 * (j % 7 == 0)  # every 7th column drifts
        if kind == 0:
            ref_num[j] = g.normal(0, 1, ROWS)
            cur_num[j] = g.normal(shift, 1, ROWS)
        elif kind == 1:
            ref_num[j] = g.exponential(1.0, ROWS)
            cur_num[j] = g.exponential(1.0 + shift, ROWS)
        elif kind == 2:
            ref_num[j] = g.uniform(0, 10, ROWS)
            cur_num[j] = g.uniform(shift, 10 + shift, ROWS)
        elif kind == 3:
            ref_num[j] = np.round(g.normal(50, 10, ROWS))  # many ties
            cur_num[j] = np.round(g.normal(50 + 10 * shift, 10, ROWS))
        else:
            ref_num[j] = g.lognormal(0, 0.5, ROWS)
            cur_num[j] = g.lognormal(shift, 0.5, ROWS)
    ref_cat = np.empty((CAT_COLS, ROWS), dtype=np.uint8)
    cur_cat = np.empty((CAT_COLS, ROWS), dtype=np.uint8)
    for j in range(CAT_COLS):
        k = 3 + j  # 3..12 categories
        p = np.arange(1, k + 1, dtype=float)
        p /= p.sum()
        q = p.copy()
        if j % 3 == 0:  # drift
            q = q[::-1].copy()
        ref_cat[j] = g.choice(k, size=ROWS, p=p)
        cur_cat[j] = g.choice(k, size=ROWS, p=q)
    ref_num.astype("<f8").tofile(D + "bench_tab_ref_num.f64")
    cur_num.astype("<f8").tofile(D + "bench_tab_cur_num.f64")
    ref_cat.tofile(D + "bench_tab_ref_cat.u8")
    cur_cat.tofile(D + "bench_tab_cur_cat.u8")
    return a, b, ref_num, cur_num, ref_cat, cur_cat


def drift_table(ref_num, cur_num, ref_cat, cur_cat):
    out = []
    for j in range(ref_num.shape[0]):
        r = stats.ks_2samp(ref_num[j], cur_num[j])  # auto -> asymp (n > 10000)
        out.append(("ks", float(r.statistic), float(r.pvalue)))
    for j in range(ref_cat.shape[0]):
        k = int(max(ref_cat[j].max(), cur_cat[j].max())) + 1
        tab = np.vstack([np.bincount(ref_cat[j], minlength=k),
                         np.bincount(cur_cat[j], minlength=k)])
        tab = tab[:, tab.sum(axis=0) > 0]  # drop categories absent from both
        chi2, p, dof, _ = stats.chi2_contingency(tab)
        out.append(("chi2", float(chi2), float(p)))
    return out


def main():
    t0 = time.perf_counter()
    a, b, ref_num, cur_num, ref_cat, cur_cat = make_data()
    print("data generated + written in %.1fs" % (time.perf_counter() - t0))

    res = {}
    med, ts, out = timeit(lambda: stats.ks_2samp(a, b, method="asymp"))
    res["a_ks_2samp_1M_vs_1M_asymp"] = {"median_s": med, "runs_s": ts,
                                        "statistic": float(out.statistic),
                                        "pvalue": float(out.pvalue)}
    print("(a) ks_2samp 1M vs 1M asymp:  median %.3fs  D=%r p=%r" % (med, out.statistic, out.pvalue))

    med, ts, out = timeit(lambda: drift_table(ref_num, cur_num, ref_cat, cur_cat))
    res["b_drift_100k_rows_50num_ks_10cat_chi2"] = {
        "median_s": med, "runs_s": ts,
        "columns": [{"col": i, "test": t, "statistic": s, "pvalue": p}
                    for i, (t, s, p) in enumerate(out)]}
    print("(b) table drift 100k x (50 KS + 10 chi2):  median %.3fs" % med)

    med, ts, out = timeit(lambda: stats.wasserstein_distance(a, b))
    res["c_wasserstein_1M_vs_1M"] = {"median_s": med, "runs_s": ts, "statistic": float(out)}
    print("(c) wasserstein_distance 1M vs 1M:  median %.3fs  W=%r" % (med, out))

    med, ts, out = timeit(lambda: psi_quantile(a, b, 10))
    res["d_psi_10_quantile_bins_1M_vs_1M"] = {"median_s": med, "runs_s": ts, "statistic": out}
    print("(d) PSI 10 quantile bins 1M vs 1M (numpy):  median %.3fs  PSI=%r" % (med, out))

    res["meta"] = {"scipy": scipy.__version__, "numpy": np.__version__,
                   "python": platform.python_version(), "machine": platform.machine(),
                   "cpus": __import__("os").cpu_count(), "repeats": REPEATS,
                   "layout": "little-endian, no header; tables column-major "
                             "(col j occupies elements [j*100000,(j+1)*100000))",
                   "files": ["bench_a.f64", "bench_b.f64", "bench_tab_ref_num.f64",
                             "bench_tab_cur_num.f64", "bench_tab_ref_cat.u8",
                             "bench_tab_cur_cat.u8"],
                   "table_b_note": "numeric cols: KS auto (-> asymp since n>10000); "
                                   "cat cols: chi2_contingency on 2xK counts "
                                   "(K = categories present in either), Yates only if K==2"}
    with open(D + "bench_results.json", "w") as f:
        json.dump(res, f, indent=1)
    print("wrote", D + "bench_results.json")


if __name__ == "__main__":
    main()
