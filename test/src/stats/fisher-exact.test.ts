import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exceedanceTest } from '../../../src/stats/exceedance-test.js'
import { fisherExact } from '../../../src/stats/fisher-exact.js'
import { expectPValue, expectStatistic } from './reference-fixture.js'

// Written by scripts/reference/contracts_reference.py (scipy 1.10).
const reference = JSON.parse(readFileSync(new URL('../../fixtures/reference/contracts.json', import.meta.url), 'utf8')) as {
  fisher: { table: number[][]; alternative: 'two-sided' | 'less' | 'greater'; statistic: number | null; pValue: number }[]
  exceedance: { k: number; n: number; m: number; pValue: number }[]
}

describe('fisherExact', () => {
  it.each(reference.fisher)('agrees with scipy.stats.fisher_exact($table, $alternative)', ({ table, alternative, statistic, pValue }) => {
    const result = fisherExact(table, { alternative })
    if (statistic === null) expect(Number.isFinite(result.statistic)).toBe(false)
    else expectStatistic(result.statistic, statistic)
    expectPValue(result.pValue, pValue)
  })

  it('sums tables of millions of rows quickly and exactly', () => {
    // scipy.stats.fisher_exact([[30000, 1470000], [31000, 1469000]]) -> p = 4.3760e-05
    expect(
      fisherExact([
        [30_000, 1_470_000],
        [31_000, 1_469_000],
      ]).pValue,
    ).toBeCloseTo(4.376e-5, 8)
  })

  it('rejects tables that are not 2x2 whole counts', () => {
    expect(() =>
      fisherExact([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(/^fisherExact: expected a 2x2 table \[\[a, b\], \[c, d\]\], received \[\[1,2,3\],\[4,5,6\]\]\.\nHint: /)
    expect(() =>
      fisherExact([
        [1.5, 2],
        [3, 4],
      ]),
    ).toThrow(/^fisherExact: expected non-negative whole counts, received 1\.5\./)
    expect(() =>
      fisherExact(
        [
          [1, 2],
          [3, 4],
        ],
        { alternative: 'two-tailed' as 'less' },
      ),
    ).toThrow(/alternative 'two-sided', 'less' or 'greater'/)
  })
})

describe('exceedanceTest', () => {
  it.each(reference.exceedance)('agrees with scipy.stats.hypergeom.pmf($k, $n + $m, $m, $k)', ({ k, n, m, pValue }) => {
    expectPValue(exceedanceTest(k, n, m).pValue, pValue)
  })

  it('rejects counts that cannot be', () => {
    expect(() => exceedanceTest(5, 10, 3)).toThrow(/^exceedanceTest: expected k <= m \(3 new values\), received 5\./)
    expect(() => exceedanceTest(1, 0, 3)).toThrow(/^exceedanceTest: expected at least 1 reference value/)
    expect(() => exceedanceTest(-1, 10, 3)).toThrow(/whole `k` >= 0/)
  })
})
