import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { checkInvariance } from '../../../src/relations/check-invariance.js'
import type { StatisticalOptions } from '../../../src/relations/run-relation.js'
import { violationUpperBound } from '../../../src/relations/violation-bound.js'
import { binomialLowerTail, binomialTest } from '../../../src/stats/index.js'

// A model whose violation rate is known exactly: base rows are [i, 0] for i < 1000 (sampled uniformly: statistical mode
// turns fast-check's size bias off), the transform sets the second feature to 1, and the output changes only for
// i < bad, so the violation rate is bad / 1000.
const rows = fc.nat({ max: 999 }).map((i) => [i, 0])
const flipSecond = (row: number[]): number[] => [row[0] ?? 0, 1]
function modelWithRate(rate: number) {
  const bad = Math.round(rate * 1000)
  return functionModel((batch: readonly number[][]) => batch.map((row) => ((row[0] ?? 0) < bad && row[1] === 1 ? 1 : 0)), {
    batched: true,
    name: `rate-${rate}`,
  })
}

const SEEDS = 500
const EPSILON = 0.05
const NUM_RUNS = 300

async function passRate(rate: number, design: StatisticalOptions): Promise<{ passes: number; meanRuns: number }> {
  const model = modelWithRate(rate)
  let passes = 0
  let runs = 0
  for (let seed = 1; seed <= SEEDS; seed++) {
    const result = await checkInvariance(model, flipSecond, { inputs: rows, numRuns: NUM_RUNS, seed, maxViolationRate: EPSILON, ...design })
    if (result.passed) passes++
    runs += result.numRuns
  }
  return { passes, meanRuns: runs / SEEDS }
}

/** The false passes over SEEDS runs are consistent with a false-pass probability of at most alpha (one-sided exact test at 0.001). */
function expectWithinAlpha(passes: number, alpha: number): void {
  expect(passes / SEEDS).toBeLessThan(alpha + 0.05)
  expect(binomialTest(passes, SEEDS, { p: alpha, alternative: 'greater' }).pValue).toBeGreaterThan(0.001)
}

describe('statistical mode: a pass means "violation rate below epsilon with 95% confidence"', () => {
  test('fixed n: at a true rate just above epsilon, false passes stay within alpha and match the exact binomial probability', async () => {
    for (const rate of [0.05, 0.06]) {
      const { passes } = await passRate(rate, { confidence: 0.95 })
      expectWithinAlpha(passes, 0.05)
      // The exact false-pass probability of the design: Pr(X <= k*) where k* is the largest count whose bound is below epsilon.
      let kStar = -1
      while (violationUpperBound(kStar + 1, NUM_RUNS, 0.95) < EPSILON) kStar++
      const exact = binomialLowerTail(kStar, NUM_RUNS, rate)
      expect(exact).toBeLessThanOrEqual(0.05)
      expect(binomialTest(passes, SEEDS, { p: exact }).pValue).toBeGreaterThan(0.001)
    }
  })

  test('sequential (4 looks, power spending): false passes stay within alpha, and a good model stops early', async () => {
    for (const rate of [0.05, 0.06]) expectWithinAlpha((await passRate(rate, { sequential: true })).passes, 0.05)
    const good = await passRate(0, { sequential: { looks: 4 } })
    expect(good.passes).toBe(SEEDS)
    // Look 1 (75 cases, alpha/16) cannot pass yet: 1 - (0.05 / 16)^(1/75) = 0.074; look 2 (150 cases, 3 alpha/16) can.
    expect(good.meanRuns).toBe(150)
  })

  test('the check has power: a model well below epsilon passes most of the time', async () => {
    const { passes } = await passRate(0.01, { confidence: 0.95 })
    expect(passes / SEEDS).toBeGreaterThan(0.9)
  })
})
