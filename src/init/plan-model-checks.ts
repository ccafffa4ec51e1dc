import type fc from 'fast-check'
import type { GateConfig } from '../checklist/gate-config.js'
import type { DataContract } from '../data/data-contract.js'
import type { DataRow } from '../data/dataset.js'
import { schemaFromContract } from '../data/schema-from-contract.js'
import { assessCalibration } from '../evaluation/calibration/assess-calibration.js'
import { compareToBaseline } from '../evaluation/compare-to-baseline.js'
import { evaluateSlices } from '../evaluation/evaluate-slices.js'
import type { Label } from '../evaluation/labels.js'
import type { OnnxRow } from '../model/onnx-feeds.js'
import type { OnnxModel } from '../model/onnx-model.js'
import { checkDeterminism } from '../properties/check-determinism.js'
import { wilsonInterval } from '../stats/wilson-interval.js'
import { formatNumber as num } from '../util/format-number.js'
import type { PlannedCheck } from './check-plan.js'
import type { ModelFacts } from './inspect-model.js'

/** What the model half of the plan needs. */
export interface ModelPlanInput {
  readonly model: OnnxModel
  readonly facts: ModelFacts
  readonly contract: DataContract
  readonly label: string
  readonly task: 'classification' | 'regression'
  readonly classes?: readonly Label[]
  /** Usable test rows (label and every input present), their model inputs and labels. */
  readonly rows: readonly DataRow[]
  readonly inputs: readonly unknown[]
  readonly labels: readonly Label[]
  readonly trainLabels: readonly Label[]
  readonly seed: number
  readonly testFile: string
}

const roundUp = (value: number, step = 0.01): number => Math.ceil(value / step - 1e-9) * step
const roundDown = (value: number, step = 0.01): number => Math.floor(value / step + 1e-9) * step
const two = (value: number): number => Number(value.toFixed(2))

/**
 * The model checks of a starting suite, measured on the test data first so every threshold comes from the data:
 * outputs in range (probability rows, or the target's range widened by its width), determinism, a significant gain
 * over the majority (or mean) baseline, every slice of each categorical input within a drop the slice size explains,
 * and calibration within the measured ECE upper bound plus 0.02. The gate requires accuracy at least the 95% Wilson
 * lower bound of what was measured.
 *
 * @param input - the loaded model, what init learned about it, the contract and the usable test rows
 * @returns the checks, the measurements, the gate's thresholds and the warnings
 * @example
 * ```ts
 * (await planModelChecks(input)).measured // { accuracy: 0.988, eceUpper: 0.041 }
 * ```
 */
export async function planModelChecks(
  input: ModelPlanInput,
): Promise<{ checks: PlannedCheck[]; measured: Record<string, number>; thresholds: GateConfig['thresholds']; warnings: string[] }> {
  const { model, facts, task, seed, testFile } = input
  const data = { inputs: input.inputs, labels: input.labels }
  const classes = input.classes === undefined ? {} : { classes: input.classes }
  const warnings: string[] = []
  const measured: Record<string, number> = {}
  const checks: PlannedCheck[] = []
  const trainNumbers = input.trainLabels.filter((label): label is number => typeof label === 'number')
  if (facts.probabilities) {
    checks.push({
      kind: 'range',
      title: 'every output is a probability row (finite, in [0, 1], summing to 1) on rows drawn from the training ranges',
      why: ['Inputs are drawn uniformly from the ranges and values of schema.json (the training data), not only from the test rows.'],
      options: { probabilities: true, seed },
    })
  } else if (task === 'regression' && trainNumbers.length > 0) {
    const low = Math.min(...trainNumbers)
    const high = Math.max(...trainNumbers)
    const width = high - low
    checks.push({
      kind: 'range',
      title: 'every prediction is finite and within the target range widened by its width',
      why: [
        `The target ran from ${num(low)} to ${num(high)} in training; a prediction beyond that by more than the whole range is a bug, not an extrapolation.`,
      ],
      options: { min: two(low - width), max: two(high + width), seed },
    })
  }
  const generated = schemaFromContract(input.contract, facts.features)
  const determinism = await checkDeterminism(model as OnnxModel<unknown>, {
    inputs: (facts.feeding === 'records' ? generated.records() : generated.arrays()) as fc.Arbitrary<OnnxRow>,
    seed,
    tolerance: 0,
  })
  measured['determinismMaxDifference'] = determinism.maxDifference
  const tolerance = determinism.maxDifference > 0 ? Number(`1e${Math.ceil(Math.log10(determinism.maxDifference * 10))}`) : 0
  if (determinism.valueMismatches > 0 || !Number.isFinite(tolerance))
    warnings.push(
      `the model is not deterministic on generated rows (${determinism.violations} of ${determinism.numRuns} differ, ${determinism.valueMismatches} beyond rounding): the determinism check fails as written`,
    )
  checks.push({
    kind: 'consistency',
    title: 'the same input gives the same output: repeated, in other batches, in a fresh session',
    why: [
      'A model that answers differently to the same row cannot be tested, cached or rolled back.',
      tolerance === 0
        ? 'When the suite was written the outputs were identical bit for bit: no tolerance.'
        : `When the suite was written outputs differed by up to ${num(determinism.maxDifference)} between batches (float rounding that depends on the batch); tolerance = 10x that, to the next power of ten.`,
    ],
    options: { ...(tolerance > 0 && Number.isFinite(tolerance) ? { tolerance } : {}), seed },
  })
  const baseline = task === 'classification' ? 'majority' : 'mean'
  const comparison = await compareToBaseline(model, baseline, { data, train: { labels: input.trainLabels }, seed, testSetUsage: false, ...classes })
  measured[comparison.metric] = comparison.modelScore
  measured[`${baseline}Baseline`] = comparison.baselineScore
  if (!comparison.passed)
    warnings.push(
      `the model does not beat the ${baseline} baseline on ${testFile} (${comparison.metric} ${num(comparison.modelScore)} vs ${num(comparison.baselineScore)}, gain interval from ${num(comparison.ciLow)}): the baseline check fails as written`,
    )
  checks.push({
    kind: 'baseline',
    title: `beats the ${baseline} baseline on ${testFile} with 95% confidence`,
    why: [
      `When the suite was written: ${comparison.metric} ${num(comparison.modelScore)} vs ${num(comparison.baselineScore)} for the ${baseline} baseline (paired bootstrap lower bound of the gain ${num(comparison.ciLow)}).`,
    ],
    options: { seed },
  })
  let thresholds: GateConfig['thresholds']
  if (task === 'classification') {
    const correct = Math.round(comparison.modelScore * input.labels.length)
    const lower = roundDown(wilsonInterval(correct, input.labels.length).low)
    thresholds = { accuracy: { min: two(lower), severity: 'high', kinds: ['baseline'] } }
    measured['accuracyLowerBound'] = two(lower)
  }
  const slices = facts.features.filter((name) => ['categorical', 'boolean'].includes(input.contract.columns[name]?.kind ?? ''))
  if (slices.length > 0) {
    const result = await evaluateSlices(model, { data, rows: input.rows, slices, ...classes })
    const judged = result.slices.filter((slice) => !slice.tooSmall && Number.isFinite(slice.score))
    const worst = judged.reduce((most, slice) => Math.max(most, slice.drop), 0)
    const spread = result.higherIsBetter ? 1.96 * Math.sqrt(Math.max(result.overall * (1 - result.overall), 0.0475) / 10) : 0.5 * Math.abs(result.overall)
    const maxDrop = two(roundUp(worst + spread))
    measured['worstSliceDrop'] = worst
    checks.push({
      kind: 'slices',
      title: `performs on every value of ${slices.join(', ')}, not just on average`,
      why: [
        `Worst slice when the suite was written: drop ${num(worst)} from the overall ${result.metric} ${num(result.overall)}.`,
        result.higherIsBetter
          ? `maxDrop = that + 1.96 x sqrt(p(1 - p) / 10), p(1 - p) at least 0.0475: what chance alone takes from a slice of 10 rows at accuracy p.`
          : `maxDrop = that + half the overall ${result.metric}.`,
      ],
      options: { slices, maxDrop, minSliceSize: 10 },
    })
  }
  if (task === 'classification' && facts.probabilities) {
    const calibration = await assessCalibration(model, { data, seed, ...classes })
    const maxEce = two(Math.min(1, roundUp(calibration.eceUpper + 0.02)))
    measured['ece'] = calibration.ece
    measured['eceUpper'] = calibration.eceUpper
    checks.push({
      kind: 'calibration',
      title: 'its probabilities mean what they say (expected calibration error)',
      why: [
        `When the suite was written: ECE ${num(calibration.ece)}, one-sided 95% bootstrap upper bound ${num(calibration.eceUpper)}; maxEce = that bound + 0.02, rounded up.`,
      ],
      options: { maxEce, seed },
    })
  }
  return { checks, measured, thresholds, warnings }
}
