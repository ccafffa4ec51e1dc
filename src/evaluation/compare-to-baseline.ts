import type { Model } from '../model/model.js'
import { VitestMlError } from '../util/errors.js'
import type { BaselineComparisonResult } from './baseline-comparison-result.js'
import { type BaselineSpec, resolveBaseline } from './baselines/resolve-baseline.js'
import { checkEvaluationData, type EvaluationData, predictAll } from './evaluation-data.js'
import { findLeakage } from './find-leakage.js'
import type { Label } from './labels.js'
import { defaultMetric, type MetricDefinition, type MetricName, resolveMetric } from './metric.js'
import { bootstrapGainInterval, mcnemarExact } from './paired-tests.js'
import { resampledGain } from './resampled-gain.js'
import { rowSetHash } from './row-hash.js'
import { recordTestSetUsage, type TestSetUsageOptions } from './test-set-usage.js'
import type { Prediction } from './to-prediction.js'

export type { BaselineComparisonResult } from './baseline-comparison-result.js'

/** Options of `compareToBaseline`. */
export interface CompareToBaselineOptions<I = unknown> {
  /** The held-out evaluation set. */
  readonly data: EvaluationData<I>
  /** The metric. @defaultValue `accuracy` for class labels, `rmse` for numeric targets */
  readonly metric?: MetricName | MetricDefinition
  /** Smallest gain (in metric units, positive = better) the interval's lower bound must exceed. @defaultValue `0` */
  readonly minGain?: number
  /** One-sided confidence of the lower bound (and of McNemar's test for accuracy). @defaultValue `0.95` */
  readonly confidence?: number
  /**
   * Training labels to fit a named baseline on (without them it is fitted on the evaluation labels, flagged); with
   * training inputs, evaluation rows that also appear in training are flagged too.
   */
  readonly train?: { readonly labels: readonly unknown[]; readonly inputs?: readonly I[] }
  /** Seed of the bootstrap and the stratified baseline. @defaultValue `42` */
  readonly seed?: number
  /** Bootstrap resamples. @defaultValue `2000` */
  readonly resamples?: number
  /** Turns the test into non-inferiority: passes when the lower bound of the gain exceeds `-nonInferiorityMargin`. */
  readonly nonInferiorityMargin?: number
  /** Class of each probability column (and of integer label outputs). @defaultValue the model's own `classes` (an ONNX classifier's class labels), if it declares them */
  readonly classes?: readonly Label[]
  /** Positive class, for binary precision / recall / F1 and ranking metrics. */
  readonly positiveLabel?: Label
  /** Turns single-number outputs into classes (`>= threshold` is positive). */
  readonly threshold?: number
  /** Records the comparison in the test-set reuse ledger (the matchers do by default); `false` or absent: no ledger. */
  readonly testSetUsage?: TestSetUsageOptions | false
}

/**
 * Compares a model with a baseline on the same held-out rows (anti-pattern 1, "no baseline"): both scores, the gain,
 * a seeded paired bootstrap interval on the gain and, for accuracy, an exact one-sided McNemar test. The model passes
 * when the interval's lower bound exceeds `minGain` (and McNemar's p < 1 - confidence), i.e. it is better with the
 * stated confidence, not just on this sample. Errors and losses (rmse, mae, mape, logLoss, brier, ece) count lower as better.
 *
 * @param model - the candidate model
 * @param baseline - `'majority' | 'stratified' | 'prior' | 'mean' | 'median'`, a previous model, or a row -> prediction rule
 * @param options - see {@link CompareToBaselineOptions}
 * @returns scores, gain, interval, p-value, decision
 * @example
 * ```ts
 * const result = await compareToBaseline(model, 'majority', { data: test, train: { labels: trainLabels } })
 * // { passed: true, modelScore: 0.988, baselineScore: 0.442, gain: 0.547, ciLow: 0.477, pValue: 1.8e-14, ... }
 * ```
 */
export async function compareToBaseline<I>(
  model: Model<I, unknown>,
  baseline: BaselineSpec<I>,
  options: CompareToBaselineOptions<I>,
): Promise<BaselineComparisonResult> {
  const source = options.nonInferiorityMargin === undefined ? 'toBeatBaseline' : 'toBeNoWorseThan'
  const { inputs, labels } = checkEvaluationData(source, options?.data)
  const metric = resolveMetric(options.metric ?? defaultMetric(labels), source)
  const confidence = options.confidence ?? 0.95
  const seed = options.seed ?? 42
  const resamples = options.resamples ?? 2000
  check(source, confidence > 0.5 && confidence < 1, '`confidence` in (0.5, 1)', String(confidence), 'Use 0.95 or 0.99.')
  check(source, Number.isInteger(resamples) && resamples >= 100, 'at least 100 bootstrap `resamples`', String(resamples), 'Use 2000 or more.')
  const margin = options.nonInferiorityMargin
  check(
    source,
    margin === undefined || (Number.isFinite(margin) && margin >= 0),
    'a non-negative finite margin',
    String(margin),
    'The margin is how much worse (in metric units) is still acceptable.',
  )
  const threshold = margin === undefined ? (options.minGain ?? 0) : -margin
  check(source, Number.isFinite(threshold), 'a finite `minGain`', String(options.minGain), 'Use 0 for "any improvement" or e.g. 0.02 for two points.')
  // Without a `classes` option, the classes the model declares (an ONNX classifier's class labels), if any.
  const classes = options.classes ?? model.classes
  const fitted = resolveBaseline(baseline, {
    evaluationLabels: labels,
    seed,
    ...(options.train === undefined ? {} : { trainLabels: options.train.labels }),
    ...(classes === undefined ? {} : { classes }),
  })
  const readOptions = { ...(classes === undefined ? {} : { classes }), ...(options.threshold === undefined ? {} : { threshold: options.threshold }) }
  const context = { ...(classes === undefined ? {} : { classes }), ...(options.positiveLabel === undefined ? {} : { positiveLabel: options.positiveLabel }) }
  const modelPredictions = await predictAll(source, model, inputs, readOptions, labels)
  const baselinePredictions = await predictAll(source, fitted, inputs, readOptions, labels)
  const score = (predictions: readonly Prediction[], indices?: Uint32Array): number =>
    indices === undefined
      ? metric.compute(labels, predictions, context)
      : metric.compute(
          Array.from(indices, (i) => labels[i] as Label),
          Array.from(indices, (i) => predictions[i] as Prediction),
          context,
        )
  const modelScore = score(modelPredictions)
  const baselineScore = scoreBaseline(source, fitted.baseline.description, () => score(baselinePredictions))
  check(
    source,
    Number.isFinite(modelScore) && Number.isFinite(baselineScore),
    `a finite ${metric.name} for both models`,
    `${modelScore} and ${baselineScore}`,
    'The metric is undefined on this data (for example ROC AUC with one class); choose another metric or more data.',
  )
  const direction = metric.higherIsBetter ? 1 : -1
  const gain = direction * (modelScore - baselineScore)
  const interval = bootstrapGainInterval(inputs.length, resampledGain(metric, labels, modelPredictions, baselinePredictions, context, score), {
    confidence,
    resamples,
    seed,
    threshold,
  })
  const warnings: string[] = []
  let pValue = interval.pValue
  let test = `paired bootstrap (${interval.resamples} resamples, one-sided ${confidence})`
  let discordant: { modelOnly: number; baselineOnly: number } | undefined
  if (metric.name === 'accuracy' && margin === undefined) {
    discordant = { modelOnly: 0, baselineOnly: 0 }
    for (let i = 0; i < labels.length; i++) {
      const modelRight = modelPredictions[i]?.label === labels[i]
      const baselineRight = baselinePredictions[i]?.label === labels[i]
      if (modelRight && !baselineRight) discordant.modelOnly++
      if (baselineRight && !modelRight) discordant.baselineOnly++
    }
    pValue = mcnemarExact(discordant.modelOnly, discordant.baselineOnly).oneSided
    test += ' + exact McNemar (one-sided)'
  }
  const passed = interval.low > threshold && (discordant === undefined || pValue < 1 - confidence)
  if (fitted.baseline.fittedOn === 'evaluation')
    warnings.push(`the ${fitted.baseline.kind} baseline was fitted on the evaluation labels (optimistic for the baseline); pass \`train: { labels }\``)
  if (inputs.length < 30) warnings.push(`only ${inputs.length} evaluation rows: the interval is wide and the bootstrap approximate`)
  if (interval.undefinedResamples > 0)
    warnings.push(`${interval.undefinedResamples} of ${resamples} resamples had an undefined ${metric.name}; they count as the worst gain`)
  if (options.train?.inputs !== undefined) {
    const leaked = findLeakage(options.train.inputs, inputs, { nearDuplicateDistance: 0, maxListed: 0 })
    if (leaked.exactDuplicates > 0)
      warnings.push(
        `${leaked.exactDuplicates} of ${inputs.length} evaluation rows also appear in the training inputs: the score is optimistic (check with toBeHeldOutFrom)`,
      )
  }
  const testSetSha256 = rowSetHash(inputs.map((input, i) => [input, labels[i]]))
  const usage =
    options.testSetUsage === undefined || options.testSetUsage === false
      ? undefined
      : recordTestSetUsage(testSetSha256, inputs.length, model.identity, options.testSetUsage)
  if (usage?.warning !== undefined) warnings.push(usage.warning)
  const perfect = metric.perfect
  const relativeGain = perfect === undefined || perfect === baselineScore ? Number.NaN : (modelScore - baselineScore) / (perfect - baselineScore)
  return {
    passed,
    mode: margin === undefined ? 'superiority' : 'non-inferiority',
    metric: metric.name,
    higherIsBetter: metric.higherIsBetter,
    modelName: model.identity.name,
    baselineName: fitted.identity.name,
    baseline: fitted.baseline,
    modelScore,
    baselineScore,
    gain,
    relativeGain,
    ciLow: interval.low,
    ciHigh: interval.high,
    threshold,
    pValue,
    test,
    ...(discordant === undefined ? {} : { discordant }),
    confidence,
    seed,
    resamples,
    rows: inputs.length,
    testSetSha256,
    ...(usage === undefined ? {} : { testSetUsage: usage }),
    warnings,
  }
}

function scoreBaseline(source: string, description: string, compute: () => number): number {
  try {
    return compute()
  } catch (error) {
    if (!(error instanceof VitestMlError)) throw error
    const hint = "Probabilistic metrics need a probabilistic baseline: use 'prior' (class priors) instead of 'majority' or 'stratified'."
    throw new VitestMlError(source, `a baseline the metric can score (${description})`, error.message.split('\n')[0] ?? 'an error', hint, { cause: error })
  }
}

function check(source: string, condition: boolean, expected: string, received: string, hint: string): asserts condition {
  if (!condition) throw new VitestMlError(source, expected, received, hint)
}
