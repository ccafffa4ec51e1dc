// A reduced, seeded version of scripts/simulate/multivariate-calibration.ts (which runs 200 replicates per scenario and
// whose table is in the README): with no drift the multivariate tests must not alarm more often than alpha (one-sided
// binomial test of the alarm count against alpha, p >= 0.01), and a flipped correlation that leaves every marginal
// alone must be caught by them and missed by the per-feature suite.
import { describe, expect, test } from 'vitest'
import { datasetDrift } from '../../../../src/drift/dataset-drift.js'
import { multivariateDrift } from '../../../../src/drift/multivariate/multivariate-drift.js'
import { binomialTest } from '../../../../src/stats/binomial-test.js'
import { correlationFlip } from '../../../support/correlation-flip.js'

const REPLICATES = 20
const OPTIONS = { features: ['x', 'y', 'z', 'segment'], permutations: 20, maxRows: 150 } as const

function alarms(flip: boolean): { classifier: number; mmd: number; anyFeature: number; verdict: number } {
  const counts = { classifier: 0, mmd: 0, anyFeature: 0, verdict: 0 }
  for (let replicate = 0; replicate < REPLICATES; replicate++) {
    const drawn = correlationFlip(150, 0.5, `suite-calibration-${replicate}`)
    const current = flip ? drawn.current : correlationFlip(150, -0.5, `suite-calibration-${replicate}-same`).current
    for (const result of multivariateDrift(drawn.reference, current, { ...OPTIONS, seed: replicate })) if (result.drifted) counts[result.method]++
    const perFeature = datasetDrift(drawn.reference, current)
    if (perFeature.driftedFeatures.length > 0) counts.anyFeature++
    if (perFeature.drifted) counts.verdict++
  }
  return counts
}

describe('multivariate drift calibration (reduced)', () => {
  test('no drift: false alarms within alpha = 0.05', () => {
    const counts = alarms(false)
    console.log(`no drift, ${REPLICATES} replicates: alarms ${JSON.stringify(counts)}`)
    for (const count of [counts.classifier, counts.mmd])
      expect(binomialTest(count, REPLICATES, { p: 0.05, alternative: 'greater' }).pValue).toBeGreaterThanOrEqual(0.01)
  })

  test('correlation flip 0.5 -> -0.5: caught by both multivariate tests, missed by the per-feature suite', () => {
    const counts = alarms(true)
    console.log(`correlation flip, ${REPLICATES} replicates: alarms ${JSON.stringify(counts)}`)
    expect(counts.classifier).toBeGreaterThanOrEqual(18)
    expect(counts.mmd).toBeGreaterThanOrEqual(16)
    // Per feature, the flip is invisible: the dataset verdict stays "no drift", and single features alarm no more often
    // than four independent 5% tests do under no drift at all (1 - 0.95^4 = 0.185).
    expect(counts.verdict).toBeLessThanOrEqual(1)
    expect(binomialTest(counts.anyFeature, REPLICATES, { p: 0.185, alternative: 'greater' }).pValue).toBeGreaterThanOrEqual(0.01)
  })
})
