import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { weakSegmentsOf } from '../../../../src/evaluation/segments/find-weak-segments.js'
import { segmentCandidates } from '../../../../src/evaluation/segments/segment-candidates.js'
import { segmentConditions } from '../../../../src/evaluation/segments/segment-conditions.js'
import { segmentInterval, segmentTest } from '../../../../src/evaluation/segments/segment-test.js'
import { studentTSf } from '../../../../src/stats/index.js'

// Reference values: scripts/reference/segments_fairness_calibration_reference.py (scipy.stats.binom, scipy.stats.binomtest).
const reference = JSON.parse(readFileSync('test/fixtures/reference/segments-fairness-calibration.json', 'utf8'))

describe('segmentTest', () => {
  test.each(reference.segments.binomialTest as { k: number; n: number; p0: number; pValue: number; low: number; high: number }[])(
    'exact binomial test and Wilson interval: $k of $n against $p0',
    ({ k, n, p0, pValue, low, high }) => {
      const values = Float64Array.from({ length: n }, (_, i) => (i < k ? 1 : 0))
      // scipy.stats.binom.cdf(k, n, p0) ; binomtest(k, n).proportion_ci(method='wilson')
      expect(segmentTest(values, p0, true, true).pValue).toBeCloseTo(pValue, 12)
      const interval = segmentInterval(values, true, (m) => m, 1, 100)
      expect(interval.low).toBeCloseTo(low, 12)
      expect(interval.high).toBeCloseTo(high, 12)
    },
  )

  test('losses: a one-sample t test against the bar, one-sided towards worse', () => {
    const values = Float64Array.from([3, 5, 4, 6, 7])
    // mean 5, sd 1.5811, se 0.7071: t = (5 - 3) / 0.7071 = 2.828 with 4 df
    expect(segmentTest(values, 3, false, false).pValue).toBeCloseTo(studentTSf(2 / Math.sqrt(0.5), 4), 12)
    expect(segmentTest(values, 8, false, false).pValue).toBeGreaterThan(0.99)
    expect(segmentTest(Float64Array.from([2, 2]), 1, false, false).pValue).toBe(0)
  })
})

describe('segmentConditions and segmentCandidates', () => {
  const rows = [
    ...Array.from({ length: 30 }, (_, i) => ({ island: 'Dream', mass: 3000 + 17 * i, sex: i % 2 === 0 ? 'F' : 'M', id: `a${i}` })),
    ...Array.from({ length: 30 }, (_, i) => ({ island: 'Biscoe', mass: 4000 + 23 * i, sex: i % 3 === 0 ? null : 'M', id: `b${i}` })),
  ]

  test('categories, rounded quartile ranges and missing values as readable rules; identifiers skipped', () => {
    const { conditions, skipped } = segmentConditions(rows, ['island', 'mass', 'sex', 'id'])
    expect(conditions.map((condition) => condition.rule)).toEqual([
      'island = Biscoe',
      'island = Dream',
      // numpy.percentile(mass, [25, 50, 75]) -> 3250.75, 3746.5, 4327.75, rounded to 3 significant digits
      'mass < 3,250',
      '3,250 ≤ mass < 3,750',
      '3,750 ≤ mass < 4,330',
      'mass ≥ 4,330',
      'sex = F',
      'sex = M',
      'sex is missing',
    ])
    expect(skipped).toEqual([{ feature: 'id', reason: '60 distinct values (more than 20: an identifier?)' }])
    const lowMass = conditions.find((condition) => condition.rule === 'mass < 3,250')
    expect(Array.from(lowMass?.members ?? []).reduce((sum, member) => sum + member, 0)).toBe(rows.filter((row) => row.mass < 3250).length)
  })

  test('pairs on two features; small and duplicate segments are counted or dropped', () => {
    const { conditions } = segmentConditions(rows, ['island', 'sex'])
    const { candidates, tooSmall } = segmentCandidates(conditions, { minSize: 10, pairs: true })
    expect(candidates.map((candidate) => `${candidate.rule} (${candidate.indices.length})`)).toEqual([
      'island = Biscoe (30)',
      'island = Dream (30)',
      'sex = F (15)',
      'sex = M (35)',
      'sex is missing (10)',
      'island = Biscoe and sex = M (20)',
      'island = Dream and sex = M (15)',
    ])
    // 'island = Biscoe and sex is missing' has the rows of 'sex is missing'; 'island = Dream and sex = F' those of 'sex = F'
    expect(tooSmall).toBe(0)
    expect(segmentCandidates(conditions, { minSize: 16, pairs: false })).toMatchObject({ tooSmall: 2 }) // sex = F (15) and sex is missing (10)
  })
})

describe('weakSegmentsOf', () => {
  test('the family is every segment examined; Benjamini-Hochberg is the less strict alternative', () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ group: ['a', 'b', 'c', 'd'][i % 4], size: i % 5 }))
    const labels = rows.map(() => 1)
    const predictions = rows.map((row, i) => ({ label: row.group === 'd' && i % 3 === 0 ? 0 : 1 }))
    const bonferroni = weakSegmentsOf(labels, predictions, rows, { maxDrop: 0.1 })
    expect(bonferroni).toMatchObject({ examined: 29, correction: 'bonferroni', alpha: 0.05 })
    expect(bonferroni.segments[0]).toMatchObject({ rule: 'group = d', size: 100, weak: true })
    expect(bonferroni.segments[0]?.adjustedPValue).toBeCloseTo(Math.min(1, 29 * (bonferroni.segments[0]?.pValue ?? 1)), 12)
    const bh = weakSegmentsOf(labels, predictions, rows, { maxDrop: 0.1, correction: 'benjamini-hochberg' })
    expect(bh.segments.filter((segment) => segment.weak).length).toBeGreaterThanOrEqual(bonferroni.segments.filter((segment) => segment.weak).length)
  })
})
