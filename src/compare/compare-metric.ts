import { newcombeInterval } from '../stats/newcombe-interval.js'
import { type MetricDirection, metricDirection } from './metric-direction.js'
import { type ProportionCounts, proportionCounts } from './proportion-counts.js'
import type { CheckSummary } from './report-snapshot.js'

/** Metrics a model computes from its evaluation data alone: the same model file on the same rows gives the same value. */
const EVALUATION_METRICS: ReadonlySet<string> = new Set([
  'accuracy',
  'balancedAccuracy',
  'precision',
  'recall',
  'f1',
  'f1Weighted',
  'rocAuc',
  'averagePrecision',
  'logLoss',
  'brier',
  'ece',
  'rmse',
  'mae',
  'mape',
  'r2',
])

/** The interval of a metric's change (head − base). */
export interface ChangeInterval {
  /** Lower bound of head − base. */
  readonly low: number
  /** Upper bound of head − base. */
  readonly high: number
  /** Two-sided level (`2 × confidence − 1`: its bounds are one-sided bounds at `confidence`). */
  readonly level: number
  /**
   * `newcombe`: Newcombe's interval for two independent proportions, from the counts both reports recorded;
   * `identical`: the same model file on the same data (equal hashes), so the change has no sampling error.
   */
  readonly basis: 'newcombe' | 'identical'
}

/**
 * How a metric changed: `same`; `improved` / `regressed` when the interval of the change lies wholly on the better /
 * worse side of zero; `noise` when it contains zero; `better` / `worse` when there is no interval (only the two
 * values were stored) and the direction is known; `changed` when the direction is not known either.
 */
export type MetricJudgement = 'same' | 'improved' | 'regressed' | 'noise' | 'better' | 'worse' | 'changed'

/** One metric of one check, base against head. */
export interface MetricChange {
  /** Metric name. */
  readonly metric: string
  /** Value in the base. */
  readonly base: number
  /** Value in the head. */
  readonly head: number
  /** head − base. */
  readonly delta: number
  /** Which way is better, when known. */
  readonly direction?: MetricDirection
  /** Interval of the change, when the reports allow one. */
  readonly interval?: ChangeInterval
  /** The counts behind a proportion, when recorded. */
  readonly counts?: { readonly base: ProportionCounts; readonly head: ProportionCounts }
  /** The verdict on the change. */
  readonly judgement: MetricJudgement
}

/** Options of {@link compareMetric}. */
export interface CompareMetricOptions {
  /** One-sided confidence of the bounds (the interval is two-sided at `2 × confidence − 1`). @defaultValue 0.95 */
  readonly confidence?: number
  /** Directions of metrics of the user's own. @defaultValue {} */
  readonly directions?: Readonly<Record<string, MetricDirection>>
}

/**
 * Compares one metric of the same check in two reports. A report stores summaries, not rows, so an interval exists
 * only where the summaries determine one: a proportion whose counts both checks recorded gets Newcombe's interval for
 * two independent samples (conservative when both runs used the same rows); an evaluation metric of the same model
 * file on the same data (equal hashes) has no sampling error at all. Any other metric is compared as two values.
 *
 * @param metric - the metric name
 * @param base - the check in the base report
 * @param head - the check in the head report
 * @param options - confidence and directions
 * @returns the change, or `undefined` when either check lacks a finite value
 * @example
 * ```ts
 * compareMetric('accuracy', { metrics: { accuracy: 0.9 }, data: { name: 't', rows: 100 } }, { metrics: { accuracy: 0.8 }, data: { name: 't', rows: 100 } })
 * // { metric: 'accuracy', base: 0.9, head: 0.8, delta: -0.1, direction: 'higher',
 * //   interval: { low: -0.183, high: -0.017, level: 0.9, basis: 'newcombe' }, counts: ..., judgement: 'regressed' }
 * ```
 */
export function compareMetric(
  metric: string,
  base: Pick<CheckSummary, 'metrics' | 'data' | 'model'>,
  head: Pick<CheckSummary, 'metrics' | 'data' | 'model'>,
  options: CompareMetricOptions = {},
): MetricChange | undefined {
  const before = base.metrics[metric]
  const after = head.metrics[metric]
  if (before === undefined || after === undefined || !Number.isFinite(before) || !Number.isFinite(after)) return undefined
  const delta = after - before
  const direction = metricDirection(metric, options.directions)
  // Rounded so that the default reads 0.9, not 0.8999999999999999.
  const level = Math.round((2 * (options.confidence ?? 0.95) - 1) * 1e12) / 1e12
  const baseCounts = proportionCounts(base, metric)
  const headCounts = proportionCounts(head, metric)
  const counts = baseCounts === undefined || headCounts === undefined ? undefined : { base: baseCounts, head: headCounts }
  const interval: ChangeInterval | undefined = sameArtifacts(metric, base, head)
    ? { low: delta, high: delta, level, basis: 'identical' }
    : counts === undefined
      ? undefined
      : newcombeChange(counts, level)
  return {
    metric,
    base: before,
    head: after,
    delta,
    ...(direction === undefined ? {} : { direction }),
    ...(interval === undefined ? {} : { interval }),
    ...(counts === undefined ? {} : { counts }),
    judgement: judge(delta, direction, interval),
  }
}

/**
 * The change as a gain — positive is better — with its worst-case bound: the interval's bound on the worse side, or
 * the change itself when there is no interval.
 *
 * @param change - a change with a known direction
 * @returns the gain and its one-sided lower bound
 * @example
 * ```ts
 * gainOf({ delta: 8, direction: 'lower', ... }) // { gain: -8, bound: -8 } (p99Ms went up by 8 ms)
 * ```
 */
export function gainOf(change: Pick<MetricChange, 'delta' | 'interval'> & { readonly direction: MetricDirection }): { gain: number; bound: number } {
  const sign = change.direction === 'higher' ? 1 : -1
  const interval = change.interval
  const bound = interval === undefined ? sign * change.delta : change.direction === 'higher' ? interval.low : -interval.high
  return { gain: sign * change.delta, bound }
}

function newcombeChange(counts: { base: ProportionCounts; head: ProportionCounts }, level: number): ChangeInterval {
  const { low, high } = newcombeInterval(counts.head.successes, counts.head.trials, counts.base.successes, counts.base.trials, { level })
  return { low, high, level, basis: 'newcombe' }
}

function sameArtifacts(metric: string, base: Pick<CheckSummary, 'data' | 'model'>, head: Pick<CheckSummary, 'data' | 'model'>): boolean {
  return (
    EVALUATION_METRICS.has(metric) &&
    base.model?.sha256 !== undefined &&
    base.model.sha256 === head.model?.sha256 &&
    base.data?.sha256 !== undefined &&
    base.data.sha256 === head.data?.sha256
  )
}

function judge(delta: number, direction: MetricDirection | undefined, interval: ChangeInterval | undefined): MetricJudgement {
  if (delta === 0) return 'same'
  if (direction === undefined) return 'changed'
  if (interval === undefined) return (direction === 'higher') === delta > 0 ? 'better' : 'worse'
  const { bound: worst } = gainOf({ delta, interval, direction })
  const best = direction === 'higher' ? interval.high : -interval.low
  return worst > 0 ? 'improved' : best < 0 ? 'regressed' : 'noise'
}
