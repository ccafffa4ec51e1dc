import type { MatcherState } from 'vitest'
import { type AssessCalibrationOptions, assessCalibration } from '../src/evaluation/calibration/assess-calibration.js'
import type { ClassConfidence } from '../src/evaluation/calibration/confidence-bias.js'
import { VitestMlError } from '../src/util/errors.js'
import { asyncMatcher } from './async-matcher.js'
import { checkId, type MatcherOutcome, modelRef, num, requireModel, requireOptions, resamplingReplayLine } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** Options of `toBeCalibrated`: the measures (see `assessCalibration`) and the bar. */
export interface CalibratedOptions<I = unknown> extends AssessCalibrationOptions<I> {
  /** Largest acceptable expected calibration error; the bootstrap upper bound must stay at or below it. */
  readonly maxEce: number
  /** Classes listed in the message. @defaultValue 8 */
  readonly maxListed?: number
  /** Severity in the report. @defaultValue 'medium' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toBeCalibrated'

/**
 * The model's probabilities mean what they say on held-out data: the one-sided bootstrap upper bound of the expected
 * calibration error stays at or below `maxEce` (so a small test set cannot pass by luck). The message and the report
 * also give the ECE with equal-width and equal-mass bins, the maximum calibration error, the Brier score's reliability /
 * resolution / uncertainty, and over- or under-confidence per predicted class; the report draws the reliability diagram.
 *
 * @example
 * ```ts
 * await expect(model).toBeCalibrated({ data: test, classes, maxEce: 0.05 })
 * // fails with: ECE 0.12 (equal-width bins, 10), one-sided 95% bias-corrected upper bound 0.16 > maxEce 0.05
 * ```
 */
export const toBeCalibrated = asyncMatcher(NAME, checkCalibrated)

async function checkCalibrated(this: MatcherState, received: unknown, givenOptions: CalibratedOptions): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const options = requireOptions(givenOptions, NAME, '{ data: { inputs, labels }, maxEce: 0.05 }')
  if (typeof options.maxEce !== 'number' || !(options.maxEce >= 0 && options.maxEce <= 1)) {
    throw new VitestMlError(
      NAME,
      '`maxEce` in [0, 1]',
      String(options.maxEce),
      'For example `maxEce: 0.05`: on average, confidence within 5 points of the observed frequency.',
    )
  }
  const result = await assessCalibration(model, options)
  const passed = result.eceUpper <= options.maxEce
  const binsName = result.strategy === 'uniform' ? 'equal-width' : 'equal-mass'
  const level = `${num(result.confidence * 100)}%`
  const statement = `ECE ${num(result.ece)} (${binsName} bins, ${result.uniformBins.length}), one-sided ${level} bias-corrected upper bound ${num(result.eceUpper)} ${passed ? '<=' : '>'} maxEce ${num(options.maxEce)}`
  const flagged = result.classConfidence.filter((entry) => entry.verdict !== 'consistent')
  const { brier } = result
  const classLine = (entry: ClassConfidence): string =>
    `  ${String(entry.label)}: n = ${entry.rows}, confidence ${num(entry.meanConfidence)} vs accuracy ${num(entry.accuracy)}, gap ${entry.gap >= 0 ? '+' : ''}${num(entry.gap)} (${entry.verdict}, adjusted p = ${num(entry.adjustedPValue)})`
  const summary = [
    `ECE equal-width ${num(result.eceUniform)}, equal-mass ${num(result.eceQuantile)}; max calibration error ${num(result.maxCalibrationError)}; measured on ${result.binary ? `P(${String(result.classes[1])})` : 'the top-label confidence'} over ${result.rows} rows.`,
    `Brier ${num(brier.brier)} = reliability ${num(brier.reliability)} - resolution ${num(brier.resolution)} + uncertainty ${num(brier.uncertainty)} + within-bin ${num(brier.withinBin)}.`,
    'Per predicted class (Bonferroni over classes):',
    ...result.classConfidence.slice(0, options.maxListed ?? 8).map(classLine),
    resamplingReplayLine(result.seed, result.resamples),
  ].join('\n')
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'options', { isNot: this.isNot, promise: this.promise })
  const body = passed
    ? `Expected ${model.identity.name} to be miscalibrated, but ${statement}.\n${summary}`
    : `${model.identity.name} is not calibrated: ${statement}.\n${summary}`
  const message = `${hint}\n\n${body}`
  await recordCheck(this, {
    id: checkId(this, 'calibration'),
    kind: 'calibration',
    title: `${model.identity.name} is calibrated (ECE upper bound <= ${num(options.maxEce)})`,
    passed,
    severity: options.severity ?? 'medium',
    model: modelRef(model),
    data: { name: 'evaluation set', rows: result.rows },
    metrics: {
      ece: result.ece,
      eceUpper: result.eceUpper,
      maxEce: options.maxEce,
      eceUniform: result.eceUniform,
      eceQuantile: result.eceQuantile,
      maxCalibrationError: result.maxCalibrationError,
      brier: brier.brier,
      brierReliability: brier.reliability,
      brierResolution: brier.resolution,
      brierUncertainty: brier.uncertainty,
      classesMiscalibrated: flagged.length,
    },
    counterexample: result.classConfidence.map(({ label, rows, meanConfidence, accuracy, gap, adjustedPValue, verdict }) => ({
      label,
      rows,
      meanConfidence,
      accuracy,
      gap,
      adjustedPValue,
      verdict,
    })),
    plots: [result.plot],
    ...(flagged.length === 0
      ? {}
      : {
          warnings: flagged.map(
            (entry) => `${String(entry.label)}: ${entry.verdict} (confidence ${num(entry.meanConfidence)} vs accuracy ${num(entry.accuracy)})`,
          ),
        }),
    ...(passed ? {} : { message: body }),
  })
  return { pass: passed, message: () => message, actual: { ece: result.ece, eceUpper: result.eceUpper }, expected: { maxEce: options.maxEce } }
}
