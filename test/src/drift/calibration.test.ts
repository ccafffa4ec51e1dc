// Calibration of the drift suite: with no drift, how often does it raise a false alarm? Over 1,000 seeded simulated
// dataset pairs drawn from one distribution (5 numeric features: normal, log-normal, uniform, a mixture, a rounded
// normal with ties; 2 categorical features with 3 and 4 categories), the false alarm rate must stay within the
// nominal alpha = 0.05: per feature without correction, and for "any feature flagged" with Bonferroni and with
// Benjamini-Hochberg (under the global null, BH's false discovery rate equals the family-wise rate). "Within" means
// not significantly above alpha: the one-sided binomial test of the alarm count against alpha has p >= 0.01 (scipy's
// binomtest, ported in src/stats). With a known shift the suite must detect it; its power is printed.
import seedrandom from 'seedrandom'
import { describe, expect, test } from 'vitest'
import { type DatasetDriftOptions, datasetDrift } from '../../../src/drift/dataset-drift.js'
import { binomialTest } from '../../../src/stats/binomial-test.js'

const DATASETS = 1000
const ROWS = 120
const ALPHA = 0.05

type Columns = Record<string, number[] | string[]>

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

function sample(random: () => number, shift = 0): Columns {
  const column = (draw: () => number): number[] => Array.from({ length: ROWS }, draw)
  const pick = (weights: readonly number[], labels: readonly string[]): string[] =>
    Array.from({ length: ROWS }, () => {
      let u = random()
      for (let index = 0; index < weights.length; index++) {
        u -= weights[index] ?? 0
        if (u < 0) return labels[index] ?? ''
      }
      return labels[labels.length - 1] ?? ''
    })
  return {
    normal: column(() => normal(random) + shift),
    logNormal: column(() => Math.exp(0.5 * normal(random))),
    uniform: column(() => random()),
    mixture: column(() => (random() < 0.3 ? 3 + normal(random) : normal(random))),
    rounded: column(() => Math.round(4 * normal(random)) / 2),
    plan: pick([0.5, 0.3, 0.2], ['basic', 'plus', 'pro']),
    region: pick([0.4, 0.3, 0.2, 0.1], ['north', 'south', 'east', 'west']),
  }
}

/** Runs the suite on DATASETS seeded pairs; counts per-feature alarms and datasets with any alarm. */
function simulate(options: DatasetDriftOptions, shift = 0): { featureAlarms: number; features: number; anyAlarm: number; shiftedDetected: number } {
  let featureAlarms = 0
  let features = 0
  let anyAlarm = 0
  let shiftedDetected = 0
  for (let run = 0; run < DATASETS; run++) {
    const random = seedrandom(`calibration-${run}`)
    const result = datasetDrift(sample(random), sample(random, shift), options)
    features += result.features.length
    featureAlarms += result.driftedFeatures.length
    if (result.driftedFeatures.length > 0) anyAlarm++
    if (result.driftedFeatures.includes('normal')) shiftedDetected++
  }
  return { featureAlarms, features, anyAlarm, shiftedDetected }
}

/** p-value of "the alarm rate is above alpha" (one-sided exact binomial test). */
const aboveAlpha = (alarms: number, trials: number): number => binomialTest(alarms, trials, { p: ALPHA, alternative: 'greater' }).pValue

describe('drift suite calibration (1,000 seeded no-drift datasets, 7 features, 120 vs 120 rows)', () => {
  test('no correction: per-feature false alarm rate within alpha = 0.05', () => {
    const { featureAlarms, features, anyAlarm } = simulate({})
    console.log(
      `no correction: ${featureAlarms} false alarms in ${features} feature tests (rate ${(featureAlarms / features).toFixed(4)}, alpha ${ALPHA}); ` +
        `${anyAlarm} of ${DATASETS} datasets have at least one (why the corrections exist)`,
    )
    expect(features).toBe(7 * DATASETS)
    expect(aboveAlpha(featureAlarms, features)).toBeGreaterThanOrEqual(0.01)
    // Not uselessly conservative either: KS with ties and the discrete chi-square still spend most of alpha.
    expect(featureAlarms / features).toBeGreaterThan(0.025)
  })

  test('Bonferroni: rate of datasets with any false alarm within alpha = 0.05', () => {
    const { anyAlarm } = simulate({ correction: 'bonferroni' })
    console.log(`bonferroni: ${anyAlarm} of ${DATASETS} datasets with a false alarm (rate ${(anyAlarm / DATASETS).toFixed(4)})`)
    expect(aboveAlpha(anyAlarm, DATASETS)).toBeGreaterThanOrEqual(0.01)
  })

  test('Benjamini-Hochberg: rate of datasets with any false alarm within alpha = 0.05', () => {
    const { anyAlarm } = simulate({ correction: 'benjamini-hochberg' })
    console.log(`benjamini-hochberg: ${anyAlarm} of ${DATASETS} datasets with a false alarm (rate ${(anyAlarm / DATASETS).toFixed(4)})`)
    expect(aboveAlpha(anyAlarm, DATASETS)).toBeGreaterThanOrEqual(0.01)
  })

  test('power: a 0.5 sd shift of one feature is detected in most datasets, with and without correction', () => {
    const plain = simulate({}, 0.5)
    const corrected = simulate({ correction: 'bonferroni' }, 0.5)
    const power = plain.shiftedDetected / DATASETS
    const correctedPower = corrected.shiftedDetected / DATASETS
    console.log(`power at a 0.5 sd shift, 120 vs 120 rows: ${power.toFixed(3)} uncorrected, ${correctedPower.toFixed(3)} with Bonferroni`)
    expect(power).toBeGreaterThan(0.75)
    expect(correctedPower).toBeGreaterThan(0.5)
  })
})
