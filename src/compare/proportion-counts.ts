import type { CheckSummary } from './report-snapshot.js'

/** Where each proportion metric's number of independent trials is recorded. */
const TRIALS: Readonly<Record<string, (check: Pick<CheckSummary, 'metrics' | 'data'>) => number | undefined>> = {
  accuracy: (check) => check.data?.rows,
  violationRate: (check) => check.metrics['numRuns'],
  mismatchRate: (check) => check.metrics['rows'],
  agreement: (check) => check.metrics['rows'],
  errorRate: (check) => check.metrics['requests'],
}

/** A proportion as counts: `successes` of `trials`. */
export interface ProportionCounts {
  /** Trials counted as successes (correct rows, violations, errors: whatever the metric counts). */
  readonly successes: number
  /** Independent trials. */
  readonly trials: number
}

/**
 * The counts behind a proportion metric of a check, when the check recorded them: accuracy over `data.rows`,
 * `violationRate` over `metrics.numRuns`, `mismatchRate` and `agreement` over `metrics.rows`, `errorRate` over
 * `metrics.requests`. The value times the count must be a whole number (to 1e-6), or the metric is not a share of
 * those trials and `undefined` is returned.
 *
 * @param check - the check's metrics and data
 * @param metric - the metric name
 * @returns the counts, or `undefined` for a metric that is not a proportion of recorded trials
 * @example
 * ```ts
 * proportionCounts({ metrics: { accuracy: 0.95 }, data: { name: 'test', rows: 60 } }, 'accuracy') // { successes: 57, trials: 60 }
 * ```
 */
export function proportionCounts(check: Pick<CheckSummary, 'metrics' | 'data'>, metric: string): ProportionCounts | undefined {
  const trials = Object.hasOwn(TRIALS, metric) ? TRIALS[metric]!(check) : undefined
  const value = check.metrics[metric]
  if (trials === undefined || value === undefined || !Number.isInteger(trials) || trials < 1 || !(value >= 0 && value <= 1)) return undefined
  const successes = Math.round(value * trials)
  return Math.abs(value * trials - successes) <= 1e-6 * trials ? { successes, trials } : undefined
}
