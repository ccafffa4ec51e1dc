import { VitestMlError } from '../util/errors.js'

/** One alerting rule: the metric, which side is bad, the threshold and who gets woken up. */
export interface AlertThreshold {
  /** Metric name, as reported (for example `accuracy`, `p99Ms`). */
  readonly metric: string
  /** `min`: alert when the value falls below; `max`: alert when it rises above. */
  readonly op: 'min' | 'max'
  /** The threshold. */
  readonly value: number
  /** `high` pages someone, `medium` and `low` go to a channel. */
  readonly severity: 'high' | 'medium' | 'low'
}

/** A fired alert. */
export interface Alert extends AlertThreshold {
  /** The metric's value (NaN when it was not reported). */
  readonly observed: number
  /** One line for a pager or a channel. */
  readonly message: string
}

/** What {@link evaluateAlerts} found. */
export interface EvaluateAlertsResult {
  /** Fired alerts, most severe first. */
  readonly alerts: readonly Alert[]
  /** Thresholds whose metric was not reported (they fire too unless `allowMissing`). */
  readonly missing: readonly string[]
  /** Thresholds checked. */
  readonly checked: number
}

/**
 * Default alerting rules, in the spirit of the production patterns guide, named like the metrics vitest-ml records:
 * accuracy below 0.85 and an error rate above 5 % page (high); p99 latency above 200 ms and a drift score above 0.1 are
 * medium.
 */
export const DEFAULT_ALERT_THRESHOLDS: readonly AlertThreshold[] = [
  { metric: 'accuracy', op: 'min', value: 0.85, severity: 'high' },
  { metric: 'errorRate', op: 'max', value: 0.05, severity: 'high' },
  { metric: 'p99Ms', op: 'max', value: 200, severity: 'medium' },
  { metric: 'driftShare', op: 'max', value: 0.1, severity: 'medium' },
]

const RANK = { high: 0, medium: 1, low: 2 } as const

/**
 * Automated alerting (production pattern 10): checks a metrics snapshot against thresholds and returns the alerts to
 * send. A metric that is not reported, or is NaN, fires its rule: a silent metric is how models degrade silently.
 *
 * @param metrics - the snapshot, for example `{ accuracy: 0.91, p99Ms: 140, errorRate: 0.002, driftShare: 0.04 }`
 * @param thresholds - the rules @defaultValue {@link DEFAULT_ALERT_THRESHOLDS}
 * @param options - `allowMissing` ignores rules whose metric is absent
 * @returns fired alerts (most severe first) and missing metrics
 * @example
 * ```ts
 * evaluateAlerts({ accuracy: 0.81, p99Ms: 140, errorRate: 0, driftShare: 0.02 }).alerts
 * // [{ metric: 'accuracy', op: 'min', value: 0.85, severity: 'high', observed: 0.81, message: 'accuracy 0.81 < 0.85 (high)' }]
 * ```
 */
export function evaluateAlerts(
  metrics: Readonly<Record<string, number>>,
  thresholds: readonly AlertThreshold[] = DEFAULT_ALERT_THRESHOLDS,
  options: { readonly allowMissing?: boolean } = {},
): EvaluateAlertsResult {
  if (typeof metrics !== 'object' || metrics === null)
    throw new VitestMlError(
      'evaluateAlerts',
      'a metrics object such as { accuracy: 0.9, p99Ms: 120 }',
      String(metrics),
      'Collect the metrics first (toMeetLatency, joinDelayedLabels, a drift check).',
    )
  thresholds.forEach((rule, index) => {
    if (typeof rule?.metric !== 'string' || (rule.op !== 'min' && rule.op !== 'max') || !Number.isFinite(rule.value) || !(rule.severity in RANK)) {
      throw new VitestMlError(
        'evaluateAlerts',
        "thresholds of { metric, op: 'min' | 'max', value, severity: 'high' | 'medium' | 'low' }",
        `${JSON.stringify(rule)} at index ${index}`,
        'Fix the rule; `op: "min"` alerts below the value, `op: "max"` above it.',
      )
    }
  })
  const alerts: Alert[] = []
  const missing: string[] = []
  for (const rule of thresholds) {
    const raw = metrics[rule.metric]
    if (raw === undefined) {
      missing.push(rule.metric)
      if (options.allowMissing === true) continue
    }
    const observed = typeof raw === 'number' ? raw : Number.NaN
    const breached = Number.isNaN(observed) || (rule.op === 'min' ? observed < rule.value : observed > rule.value)
    if (!breached) continue
    const message =
      raw === undefined
        ? `${rule.metric} not reported (${rule.severity})`
        : `${rule.metric} ${observed} ${rule.op === 'min' ? '<' : '>'} ${rule.value} (${rule.severity})`
    alerts.push({ ...rule, observed, message })
  }
  alerts.sort((left, right) => RANK[left.severity] - RANK[right.severity])
  return { alerts, missing, checked: thresholds.length }
}
