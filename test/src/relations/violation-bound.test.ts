import { describe, expect, test } from 'vitest'
import { sequentialPlan } from '../../../src/relations/sequential-plan.js'
import { minimumRunsToPass, validateStatisticalOptions, violationUpperBound } from '../../../src/relations/violation-bound.js'

describe('violationUpperBound', () => {
  test('is the one-sided Clopper-Pearson upper bound', () => {
    // scipy.stats.binomtest(0, 59, alternative='less').proportion_ci(0.95).high -> 0.04950760988846832
    expect(violationUpperBound(0, 59, 0.95)).toBeCloseTo(0.04950760988846832, 12)
    // scipy.stats.binomtest(3, 1000, alternative='less').proportion_ci(0.95).high -> 0.007735244718481942
    expect(violationUpperBound(3, 1000, 0.95)).toBeCloseTo(0.007735244718481942, 12)
    // scipy.stats.binomtest(12, 1000, alternative='less').proportion_ci(0.99).high -> 0.02269746787262558
    expect(violationUpperBound(12, 1000, 0.99)).toBeCloseTo(0.02269746787262558, 12)
    expect(violationUpperBound(5, 5, 0.95)).toBe(1)
    expect(violationUpperBound(0, 0, 0.95)).toBe(1)
  })

  test('minimumRunsToPass is the first n whose zero-violation bound is below epsilon', () => {
    const n = minimumRunsToPass(0.05, 0.95)
    expect(n).toBe(59)
    expect(violationUpperBound(0, n, 0.95)).toBeLessThan(0.05)
    expect(violationUpperBound(0, n - 1, 0.95)).toBeGreaterThanOrEqual(0.05)
    expect(minimumRunsToPass(0.0001, 0.95)).toBe(29956)
  })

  test('options are validated', () => {
    expect(() => validateStatisticalOptions('toBeMonotonicIn', 0, 0.95)).toThrow(/toBeMonotonicIn: expected `maxViolationRate` in \(0, 1\), received 0/)
    expect(() => validateStatisticalOptions('toBeMonotonicIn', 0.01, 1)).toThrow(/`confidence` in \(0\.5, 1\), received 1/)
  })
})

describe('sequentialPlan', () => {
  test('spends alpha with the power family and sums to alpha', () => {
    const plan = sequentialPlan(1000, 0.05, { looks: 4, rho: 2 })
    expect(plan.map((look) => look.numRuns)).toEqual([250, 500, 750, 1000])
    expect(plan.map((look) => look.alpha / 0.05)).toEqual([1 / 16, 3 / 16, 5 / 16, 7 / 16].map((share) => expect.closeTo(share, 12)))
    expect(plan.reduce((sum, look) => sum + look.alpha, 0)).toBeCloseTo(0.05, 15)
    expect(sequentialPlan(10, 0.05, { looks: 1 })).toEqual([{ numRuns: 10, alpha: 0.05 }])
  })

  test('rejects impossible plans', () => {
    expect(() => sequentialPlan(3, 0.05, { looks: 4 })).toThrow(/a whole number of looks in \[1, 3\], received 4/)
    expect(() => sequentialPlan(100, 0.05, { rho: 0 })).toThrow(/rho/)
  })
})
