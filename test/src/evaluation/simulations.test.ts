import { describe, expect, test } from 'vitest'
import { simulateCalibration, simulateFairness, simulateWeakSegments } from '../../support/simulations.js'

// A reduced version of scripts/simulate/segments-fairness-calibration.ts (whose full figures are in the README): the
// error rates the three matchers promise, checked with few enough seeded repetitions to run in the suite. Each bound is
// the nominal rate plus about three Monte-Carlo standard errors.

describe('toHaveNoWeakSegments by simulation', () => {
  const base = { rows: 1000, accuracy: 0.9, minSize: 30 }

  test('no weak segment: at most alpha false alarms even with maxDrop 0 (every segment exactly at the bar)', () => {
    const { anyFlagged, examined } = simulateWeakSegments({ ...base, segmentAccuracy: 0.9, maxDrop: 0 }, 100, 'suite:none')
    expect(examined).toBe(112)
    expect(anyFlagged.rate).toBeLessThanOrEqual(0.05 + 3 * Math.sqrt((0.05 * 0.95) / 100))
  })

  test('a planted segment of ~62 rows at accuracy 0.5 (overall 0.9, maxDrop 0.1) is found in most runs', () => {
    expect(simulateWeakSegments({ ...base, segmentAccuracy: 0.5, maxDrop: 0.1 }, 40, 'suite:planted').plantedFlagged.rate).toBeGreaterThanOrEqual(0.75)
  })
})

describe('toBeFairAcross by simulation', () => {
  test('a fair scorer raises no alarm at max 0.1; one that lowers women by 0.4 (true DPD 0.22) is caught', async () => {
    expect((await simulateFairness(0, 0.1, 1000, 20, 'suite:fair', 300)).rate).toBeLessThanOrEqual(0.15)
    expect((await simulateFairness(0.4, 0.1, 1000, 20, 'suite:unfair', 300)).rate).toBeGreaterThanOrEqual(0.9)
  })
})

describe('toBeCalibrated by simulation', () => {
  test('a perfectly calibrated scorer passes maxEce 0.05 on 3000 rows; an over-confident one (logit x 2) fails on 1000', () => {
    expect(simulateCalibration(1, 0.05, 3000, 10, 'suite:calibrated', 200).rate).toBeGreaterThanOrEqual(0.8)
    expect(simulateCalibration(2, 0.05, 1000, 10, 'suite:sharp', 200).rate).toBeLessThanOrEqual(0.1)
  })
})
