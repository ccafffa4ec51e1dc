#!/usr/bin/env python3
"""Reference values for comparing two releases' reports, computed with statsmodels.

Run from the repository root with Debian's python3 (apt-get install -y python3-statsmodels):

    /usr/bin/python3 scripts/reference/release_comparison_reference.py

It writes test/fixtures/reference/release-comparison.json. Each case is the Newcombe hybrid score interval of the
difference of two independent proportions, current - reference:

    statsmodels.stats.proportion.confint_proportions_2indep(k_current, n_current, k_reference, n_reference,
                                                            method='newcomb', compare='diff', alpha=1 - level)
"""
import json
import os

import statsmodels
from statsmodels.stats.proportion import confint_proportions_2indep

CASES = [
    # (k_current, n_current, k_reference, n_reference, level)
    (80, 100, 90, 100, 0.9),
    (80, 100, 90, 100, 0.95),
    (56, 70, 48, 80, 0.95),
    (9, 10, 3, 10, 0.95),
    (0, 50, 0, 50, 0.9),
    (50, 50, 50, 50, 0.9),
    (0, 1000, 3, 1000, 0.9),
    (66, 69, 68, 69, 0.9),
    (930, 1000, 951, 1000, 0.9),
    (1, 3, 2, 2, 0.99),
    (4999, 5000, 4970, 5000, 0.9),
]


def main() -> None:
    cases = []
    for k_current, n_current, k_reference, n_reference, level in CASES:
        low, high = confint_proportions_2indep(k_current, n_current, k_reference, n_reference, method='newcomb', compare='diff', alpha=1 - level)
        cases.append({
            'kCurrent': k_current, 'nCurrent': n_current, 'kReference': k_reference, 'nReference': n_reference, 'level': level,
            'difference': k_current / n_current - k_reference / n_reference, 'low': float(low), 'high': float(high),
        })
    out = os.path.join('test', 'fixtures', 'reference', 'release-comparison.json')
    with open(out, 'w') as handle:
        json.dump({'statsmodels': statsmodels.__version__, 'newcombe': cases}, handle, indent=2)
        handle.write('\n')
    print(f'wrote {out} ({len(cases)} cases, statsmodels {statsmodels.__version__})')


if __name__ == '__main__':
    main()
