/** Which way a metric is better: `higher` (accuracy) or `lower` (latency, error rates). */
export type MetricDirection = 'higher' | 'lower'

/**
 * The direction of every metric name records use (the evaluation metrics under their own names, latency, rates and
 * shares, calibration errors). A metric not listed has no known direction: a change is shown, never judged.
 */
export const METRIC_DIRECTIONS: Readonly<Record<string, MetricDirection>> = {
  accuracy: 'higher',
  balancedAccuracy: 'higher',
  precision: 'higher',
  recall: 'higher',
  f1: 'higher',
  f1Weighted: 'higher',
  rocAuc: 'higher',
  averagePrecision: 'higher',
  r2: 'higher',
  agreement: 'higher',
  throughputPerSec: 'higher',
  gain: 'higher',
  relativeGain: 'higher',
  ciLow: 'higher',
  logLoss: 'lower',
  brier: 'lower',
  ece: 'lower',
  eceUpper: 'lower',
  maxCalibrationError: 'lower',
  rmse: 'lower',
  mae: 'lower',
  mape: 'lower',
  p50Ms: 'lower',
  p95Ms: 'lower',
  p99Ms: 'lower',
  maxLatencyMs: 'lower',
  errorRate: 'lower',
  driftShare: 'lower',
  violationRate: 'lower',
  upperBound: 'lower',
  fallbackRate: 'lower',
  mismatchRate: 'lower',
  exactRate: 'lower',
  nearRate: 'lower',
  worstDrop: 'lower',
}

/**
 * The direction of a metric: the caller's own first, then {@link METRIC_DIRECTIONS}.
 *
 * @param metric - the metric name as records store it
 * @param directions - directions of metrics of the user's own
 * @returns the direction, or `undefined` when it is not known
 * @example
 * ```ts
 * metricDirection('p99Ms') // 'lower'
 * metricDirection('auc90', { auc90: 'higher' }) // 'higher'
 * ```
 */
export function metricDirection(metric: string, directions: Readonly<Record<string, MetricDirection>> = {}): MetricDirection | undefined {
  return Object.hasOwn(directions, metric) ? directions[metric] : Object.hasOwn(METRIC_DIRECTIONS, metric) ? METRIC_DIRECTIONS[metric] : undefined
}
