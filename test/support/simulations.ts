import seedrandom from 'seedrandom'
import { calibrationOf } from '../../src/evaluation/calibration/assess-calibration.js'
import { assessFairness } from '../../src/evaluation/fairness/assess-fairness.js'
import { expectedCalibrationError } from '../../src/evaluation/metrics/expected-calibration-error.js'
import { weakSegmentsOf } from '../../src/evaluation/segments/find-weak-segments.js'
import { type Applicant, applicantModel, applicants } from './planted-models.js'

/** A rate measured over repetitions, with its Monte-Carlo standard error. */
export interface SimulatedRate {
  readonly rate: number
  readonly standardError: number
  readonly repetitions: number
}

const rateOf = (hits: number, repetitions: number): SimulatedRate => {
  const rate = hits / repetitions
  return { rate, standardError: Math.sqrt((rate * (1 - rate)) / repetitions), repetitions }
}

/** Settings of the weak-segment simulation. */
export interface WeakSegmentScenario {
  readonly rows: number
  /** Accuracy outside the planted segment. */
  readonly accuracy: number
  /** Accuracy inside the planted segment `color = red and shape = square` (about rows / 16); equal to `accuracy`: no weak segment. */
  readonly segmentAccuracy: number
  readonly maxDrop: number
  readonly minSize: number
}

/**
 * Share of repetitions in which `toHaveNoWeakSegments`' search flags a segment (any segment, or with `planted` the
 * planted one): rows with two 4-level categorical features and two uniform numeric ones (quartiles), every row right
 * with probability `accuracy` except in the planted segment.
 */
export function simulateWeakSegments(
  scenario: WeakSegmentScenario,
  repetitions: number,
  seed: string,
): { anyFlagged: SimulatedRate; plantedFlagged: SimulatedRate; examined: number } {
  const random = seedrandom(seed)
  let any = 0
  let planted = 0
  let examined = 0
  for (let r = 0; r < repetitions; r++) {
    const rows = Array.from({ length: scenario.rows }, () => ({
      color: ['red', 'green', 'blue', 'gold'][Math.floor(random() * 4)],
      shape: ['square', 'round', 'star', 'oval'][Math.floor(random() * 4)],
      x: random(),
      y: random(),
    }))
    const labels = rows.map(() => 1)
    const predictions = rows.map((row) => ({
      label: random() < (row.color === 'red' && row.shape === 'square' ? scenario.segmentAccuracy : scenario.accuracy) ? 1 : 0,
    }))
    const result = weakSegmentsOf(labels, predictions, rows, { maxDrop: scenario.maxDrop, minSize: scenario.minSize })
    examined = result.examined
    const weak = result.segments.filter((segment) => segment.weak)
    if (weak.length > 0) any++
    if (weak.some((segment) => segment.rule === 'color = red and shape = square')) planted++
  }
  return { anyFlagged: rateOf(any, repetitions), plantedFlagged: rateOf(planted, repetitions), examined }
}

/**
 * Share of repetitions in which `toBeFairAcross` fails (`demographicParityDifference`, stratified bootstrap): applicants
 * whose outcome does not depend on sex, scored by the true probability lowered by `penalty` for women, thresholded at
 * 0.5, judged against `max`.
 */
export async function simulateFairness(
  penalty: number,
  max: number,
  rows: number,
  repetitions: number,
  seed: string,
  resamples = 1000,
): Promise<SimulatedRate> {
  const model = applicantModel(penalty)
  let failed = 0
  for (let r = 0; r < repetitions; r++) {
    const data = applicants(rows, `${seed}:${r}`)
    const result = await assessFairness(model, 'sex', { data, threshold: 0.5, resamples, seed: r, proxyFeatures: [] })
    if (result.low > max) failed++
  }
  return rateOf(failed, repetitions)
}

/** The demographic parity difference of the penalised applicant scorer on a large sample (its true value, nearly). */
export async function trueDemographicParity(penalty: number, rows = 200_000): Promise<number> {
  const data = applicants(rows, 'truth')
  const model = applicantModel(penalty)
  const scores = await model.predict(data.inputs)
  const rate = (sex: Applicant['sex']): number => {
    const chosen = data.inputs.flatMap((row, i) => (row.sex === sex ? [(scores[i] as number) >= 0.5 ? 1 : 0] : []))
    return chosen.reduce((sum: number, value) => sum + value, 0) / chosen.length
  }
  return Math.abs(rate('male') - rate('female'))
}

/**
 * Share of repetitions in which `toBeCalibrated`'s criterion passes (bootstrap upper bound of the ECE <= maxEce):
 * outcomes drawn from the scorer's own probability (perfectly calibrated), or scored with the logit multiplied by
 * `sharpen` (over-confident when > 1).
 */
export function simulateCalibration(sharpen: number, maxEce: number, rows: number, repetitions: number, seed: string, resamples = 500): SimulatedRate {
  const random = seedrandom(seed)
  let passed = 0
  for (let r = 0; r < repetitions; r++) {
    const { labels, predictions } = sharpenedScorer(sharpen, rows, random)
    if (calibrationOf(labels, predictions, { resamples, seed: r }, 'simulated').eceUpper <= maxEce) passed++
  }
  return rateOf(passed, repetitions)
}

/** Rows whose true probability is uniform on [0, 1], outcomes drawn from it, scored with the logit times `sharpen`. */
function sharpenedScorer(sharpen: number, rows: number, random: () => number): { labels: number[]; predictions: { label: number; score: number }[] } {
  const truth = Array.from({ length: rows }, () => random())
  const labels = truth.map((p) => (random() < p ? 1 : 0))
  const predictions = truth.map((p) => {
    const logit = Math.log(Math.max(p, 1e-9) / Math.max(1 - p, 1e-9))
    const score = 1 / (1 + Math.exp(-sharpen * logit))
    return { label: score >= 0.5 ? 1 : 0, score }
  })
  return { labels, predictions }
}

/** The sharpening factor whose scorer has a true ECE (10 equal-width bins, 400 000 rows) of `target`, by bisection. */
export function sharpenForEce(target: number): number {
  let low = 1
  let high = 3
  for (let step = 0; step < 30; step++) {
    const middle = (low + high) / 2
    const { labels, predictions } = sharpenedScorer(middle, 400_000, seedrandom('truth'))
    if (
      expectedCalibrationError(
        labels,
        predictions.map((p) => p.score),
      ).ece < target
    )
      low = middle
    else high = middle
  }
  return (low + high) / 2
}
