import type { Model } from '../../model/model.js'
import type { PlotSpec } from '../../record/check-record.js'
import { bootstrapIndices } from '../../stats/bootstrap-resampler.js'
import { VitestMlError } from '../../util/errors.js'
import { checkEvaluationData, type EvaluationData, predictAll } from '../evaluation-data.js'
import { describeValue, type Label, sortedLabels } from '../labels.js'
import { expectedCalibrationError } from '../metrics/expected-calibration-error.js'
import { recordColumns } from '../record-columns.js'
import { FAIRNESS_METRICS, type FairnessMetricName, fairnessMetric } from './fairness-metrics.js'
import { findProxies, type ProxyFinding } from './find-proxies.js'
import { groupIndex } from './group-fairness.js'
import { type FairnessRows, type GroupRates, groupRates } from './group-rates.js'

/** Options of `assessFairness`. */
export interface AssessFairnessOptions<I = unknown> {
  /** The held-out evaluation set. */
  readonly data: EvaluationData<I>
  /** Records to read the attribute (and proxy features) from, one per input. @defaultValue the inputs */
  readonly rows?: readonly unknown[]
  /** The fairness metric. @defaultValue `demographicParityDifference` for two classes, `accuracyDifference` otherwise */
  readonly metric?: FairnessMetricName
  /** The favourable class (selection = predicting it). @defaultValue `classes[1]` or the larger label, for two classes */
  readonly positiveLabel?: Label
  /** Class of each probability column. */
  readonly classes?: readonly Label[]
  /** Turns single-number outputs into classes. */
  readonly threshold?: number
  /** Groups smaller than this are listed but not compared. @defaultValue `10` */
  readonly minGroupSize?: number
  /** One-sided confidence of the bootstrap bound. @defaultValue `0.95` */
  readonly confidence?: number
  /** Bootstrap resamples (stratified by group, and by true class for TPR / FPR metrics). @defaultValue `1000` */
  readonly resamples?: number
  /** Seed of the bootstrap. @defaultValue `42` */
  readonly seed?: number
  /** Columns checked as proxies of the attribute. @defaultValue every other column of the rows */
  readonly proxyFeatures?: readonly string[]
  /** Balanced accuracy from which a feature is reported as a proxy. @defaultValue `0.8` */
  readonly proxyThreshold?: number
}

/** Result of `assessFairness`. */
export interface FairnessAssessment {
  /** The attribute, `Sex` or `Sex × Island` for an intersection. */
  readonly attribute: string
  readonly metric: FairnessMetricName
  readonly kind: 'difference' | 'ratio'
  /** The metric over the compared groups. */
  readonly value: number
  /** Two-sided bootstrap interval at level 2 x confidence - 1 (so each end is a one-sided bound at `confidence`). */
  readonly low: number
  readonly high: number
  readonly confidence: number
  /** Compared groups (at least `minGroupSize` rows). */
  readonly groups: readonly GroupRates[]
  /** Groups too small to compare. */
  readonly smallGroups: readonly GroupRates[]
  readonly positiveLabel?: Label
  readonly rows: number
  readonly seed: number
  readonly resamples: number
  /** What the bootstrap resamples within: each group, or each group and true class (for TPR / FPR metrics). */
  readonly strata: 'group' | 'group and class'
  /**
   * Per-group calibration of P(positive), when the model gives it: each compared group's ECE (10 equal-width bins), mean
   * score and observed positive rate.
   */
  readonly groupCalibration?: readonly { readonly group: string; readonly ece: number; readonly meanScore: number; readonly positiveRate: number }[]
  /** Features at or above `proxyThreshold`. */
  readonly proxies: readonly ProxyFinding[]
  /** The strongest candidate proxy, whether or not above the threshold. */
  readonly strongestProxy?: ProxyFinding
  /** Bars of the compared rate(s) per group. */
  readonly plot: PlotSpec
}

const SOURCE = 'toBeFairAcross'

/**
 * Compares a model's behaviour between the groups of a protected attribute (or the intersection of two) on held-out
 * data: a Fairlearn-defined metric (`FAIRNESS_METRICS`) with a seeded bootstrap interval stratified by group (and true
 * class for TPR / FPR metrics), the rates of every group, and the features that act as proxies of the attribute.
 *
 * @param model - the model
 * @param attribute - the column of the protected attribute, or two columns for intersectional groups
 * @param options - see {@link AssessFairnessOptions}
 * @returns the metric, its interval, the groups and the proxies
 * @example
 * ```ts
 * const result = await assessFairness(model, 'Sex', { data: test, rows: records, classes })
 * // { metric: 'accuracyDifference', value: 0.02, low: -0.03, high: 0.09, groups: [...], proxies: [] }
 * ```
 */
export async function assessFairness<I>(
  model: Model<I, unknown>,
  attribute: string | readonly string[],
  options: AssessFairnessOptions<I>,
): Promise<FairnessAssessment> {
  const { inputs, labels } = checkEvaluationData(SOURCE, options?.data)
  const attributes = typeof attribute === 'string' ? [attribute] : [...(Array.isArray(attribute) ? attribute : [])]
  if (attributes.length === 0 || attributes.some((name) => typeof name !== 'string')) {
    throw new VitestMlError(
      SOURCE,
      'an attribute column name, or an array of two for intersectional groups',
      describeValue(attribute),
      "For example `toBeFairAcross('Sex', ...)` or `toBeFairAcross(['Sex', 'Island'], ...)`.",
    )
  }
  const records = options.rows ?? inputs
  if (records.length !== inputs.length)
    throw new VitestMlError(
      SOURCE,
      `${inputs.length} rows (one per input)`,
      String(records.length),
      '`rows` must describe the same rows as `data.inputs`, in order.',
    )
  const read = (name: string): unknown[] => {
    const values = records.map((row) => (row as Record<string, unknown> | null)?.[name])
    if (values.every((value) => value === undefined))
      throw new VitestMlError(
        SOURCE,
        `rows with a column ${JSON.stringify(name)}`,
        'no row having it',
        'Pass `rows` holding the protected attribute (one record per input), even when the model does not take it.',
      )
    return values
  }
  const columns = attributes.map(read)
  const { group, names } = groupIndex(
    records.map((_, i) => (attributes.length === 1 ? columns[0]?.[i] : columns.map((column) => String(column[i] ?? 'missing')).join(' & '))),
  )
  const predictions = await predictAll(
    SOURCE,
    model,
    inputs,
    { ...(options.classes === undefined ? {} : { classes: options.classes }), ...(options.threshold === undefined ? {} : { threshold: options.threshold }) },
    labels,
  )
  const known = sortedLabels(
    labels,
    predictions.map((p) => p.label),
  )
  const positiveLabel = options.positiveLabel ?? (known.length <= 2 ? (options.classes?.[1] ?? known[known.length - 1]) : undefined)
  const metric = options.metric ?? (positiveLabel === undefined ? 'accuracyDifference' : 'demographicParityDifference')
  const info = FAIRNESS_METRICS[metric]
  if (info === undefined)
    throw new VitestMlError(SOURCE, `a fairness metric (${Object.keys(FAIRNESS_METRICS).join(', ')})`, describeValue(metric), 'Check the spelling.')
  if (info.binary && positiveLabel === undefined) {
    throw new VitestMlError(
      SOURCE,
      `a positive class for ${metric}`,
      `${known.length} classes (${known.slice(0, 5).map(describeValue).join(', ')})`,
      "Name the favourable class with `positiveLabel`, or use metric: 'accuracyDifference'.",
    )
  }
  const column = positiveLabel === undefined ? -1 : (options.classes?.indexOf(positiveLabel) ?? -1)
  const rows: FairnessRows = {
    group,
    positive: Uint8Array.from(labels, (label) => (label === positiveLabel ? 1 : 0)),
    selected: Uint8Array.from(predictions, (p) => (p.label === positiveLabel ? 1 : 0)),
    correct: Uint8Array.from(predictions, (p, i) => (p.label === labels[i] ? 1 : 0)),
    score: Float64Array.from(predictions, (p) =>
      column >= 0 && p.probabilities !== undefined ? (p.probabilities[column] ?? Number.NaN) : (p.score ?? Number.NaN),
    ),
  }
  if (info.scores && rows.score.some((score) => Number.isNaN(score))) {
    throw new VitestMlError(
      SOURCE,
      `a probability of ${describeValue(positiveLabel)} for every row (for ${metric})`,
      'a model output without one',
      'Return probabilities from the model and pass `classes` in the column order.',
    )
  }
  const minGroupSize = options.minGroupSize ?? 10
  const all = groupRates(rows, names)
  const judged = new Set(all.flatMap((rate, k) => (rate.size >= minGroupSize ? [k] : [])))
  if (judged.size < 2) {
    throw new VitestMlError(
      SOURCE,
      `at least 2 groups of ${attributes.join(' × ')} with ${minGroupSize} or more rows`,
      all.map((rate) => `${rate.group} (${rate.size})`).join(', '),
      'Use more held-out data, fewer attributes, or a smaller `minGroupSize`.',
    )
  }
  const compare = (indices?: ArrayLike<number>): number =>
    fairnessMetric(
      metric,
      groupRates(rows, names, indices).filter((_, k) => judged.has(k)),
    )
  const confidence = options.confidence ?? 0.95
  const seed = options.seed ?? 42
  const resamples = options.resamples ?? 1000
  if (!(confidence > 0.5 && confidence < 1)) throw new VitestMlError(SOURCE, '`confidence` in (0.5, 1)', String(confidence), 'Use 0.95 or 0.99.')
  // Rates given the true class (TPR, FPR) resample within group and class; the others within group only: fixing the
  // class mix of a group would hide part of the variance of its selection rate or accuracy (too narrow an interval).
  const byClass = info.rates.includes('truePositiveRate') || info.rates.includes('falsePositiveRate')
  const strata = Int32Array.from(group, (g, i) => (byClass ? g * 2 + (rows.positive[i] as number) : g))
  const interval = bootstrapIndices(SOURCE, labels.length, compare, { confidence: 2 * confidence - 1, resamples, seed }, strata)
  const proxyFeatures = options.proxyFeatures ?? recordColumns(records, attributes, labels)
  const compared = Array.from(group.keys()).filter((i) => judged.has(group[i] as number))
  const proxies = findProxies(
    compared.map((i) => records[i]),
    Int32Array.from(compared, (i) => group[i] as number),
    names.length,
    proxyFeatures,
  )
  const groups = all.filter((_, k) => judged.has(k))
  const name = attributes.join(' × ')
  const scored = positiveLabel !== undefined && rows.score.every((score) => score >= 0 && score <= 1)
  const groupCalibration = !scored
    ? undefined
    : groups.map((rate) => {
        const k = names.indexOf(rate.group)
        const members = Array.from(group.keys()).filter((i) => group[i] === k)
        const { ece } = expectedCalibrationError(
          members.map((i) => rows.positive[i] as number),
          members.map((i) => rows.score[i] as number),
          { positiveLabel: 1 },
        )
        return { group: rate.group, ece, meanScore: rate.meanScore, positiveRate: rate.positiveRate }
      })
  return {
    attribute: name,
    metric,
    kind: info.kind,
    value: compare(),
    low: interval.low,
    high: interval.high,
    confidence,
    groups,
    smallGroups: all.filter((_, k) => !judged.has(k)),
    ...(positiveLabel === undefined ? {} : { positiveLabel }),
    rows: labels.length,
    seed,
    resamples,
    strata: byClass ? 'group and class' : 'group',
    ...(groupCalibration === undefined ? {} : { groupCalibration }),
    proxies: proxies.filter((proxy) => proxy.balancedAccuracy >= (options.proxyThreshold ?? 0.8)),
    ...(proxies[0] === undefined ? {} : { strongestProxy: proxies[0] }),
    plot: {
      type: 'bar',
      title: `${metric} across ${name}`,
      xLabel: name,
      yLabel: info.rates.join(' / '),
      categories: groups.map((rate) => rate.group),
      series: info.rates.map((rate) => ({ name: rate, points: groups.map((entry, k) => [k, entry[rate]] as const) })),
    },
  }
}
