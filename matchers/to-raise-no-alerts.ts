import type { MatcherState } from 'vitest'
import { type AlertThreshold, DEFAULT_ALERT_THRESHOLDS, evaluateAlerts } from '../src/patterns/evaluate-alerts.js'
import { VitestMlError } from '../src/util/errors.js'
import { checkId, type MatcherOutcome } from './matcher-context.js'
import { recordCheckNow } from './record-check.js'

/** Options of `toRaiseNoAlerts`. */
export interface RaiseNoAlertsOptions {
  /** The alerting rules. @defaultValue DEFAULT_ALERT_THRESHOLDS (accuracy, p99Ms, errorRate, driftShare) */
  readonly rules?: readonly AlertThreshold[]
  /** Ignore rules whose metric is not in the snapshot. @defaultValue false (an unreported metric fires its rule) */
  readonly allowMissing?: boolean
}

const NAME = 'toRaiseNoAlerts'

/**
 * A metrics snapshot fires none of the alerting rules (production pattern 10). Records an `alerting` check whose
 * severity is that of the worst alert, so the deployment gate can block on paging-level problems.
 *
 * @example
 * ```ts
 * expect({ accuracy: 0.93, p99Ms: 41, errorRate: 0, driftShare: 0.03 }).toRaiseNoAlerts()
 * expect(metrics).toRaiseNoAlerts({ rules: [{ metric: 'p99Ms', op: 'max', value: 50, severity: 'high' }] })
 * ```
 */
export function toRaiseNoAlerts(this: MatcherState, received: unknown, options: RaiseNoAlertsOptions = {}): MatcherOutcome {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new VitestMlError(
      NAME,
      'an options object `{ rules?, allowMissing? }`',
      Array.isArray(options) ? 'an array' : String(options),
      'Pass the rules as `toRaiseNoAlerts({ rules: [...] })`.',
    )
  }
  const thresholds = options.rules ?? DEFAULT_ALERT_THRESHOLDS
  if (typeof received !== 'object' || received === null || Array.isArray(received) || !Object.values(received).every((value) => typeof value === 'number')) {
    throw new VitestMlError(
      NAME,
      'a metrics object of numbers such as { accuracy: 0.9, p99Ms: 120 }',
      Array.isArray(received) ? 'an array' : received === null ? 'null' : typeof received === 'object' ? 'an object with non-numeric values' : typeof received,
      "Collect the numbers first, for example from a check record's metrics.",
    )
  }
  const metrics = received as Record<string, number>
  const result = evaluateAlerts(metrics, thresholds, options)
  const passed = result.alerts.length === 0
  const worst =
    result.alerts[0]?.severity ??
    thresholds.reduce<'high' | 'medium' | 'low'>(
      (top, rule) => (rule.severity === 'high' || top === 'high' ? 'high' : rule.severity === 'medium' || top === 'medium' ? 'medium' : 'low'),
      'low',
    )
  recordCheckNow(this, {
    id: checkId(this, 'alerting'),
    kind: 'alerting',
    title: `no alerts on ${result.checked} rules`,
    passed,
    severity: worst,
    metrics: {
      ...Object.fromEntries(Object.entries(metrics).filter(([, value]) => Number.isFinite(value))),
      alerts: result.alerts.length,
      highAlerts: result.alerts.filter((alert) => alert.severity === 'high').length,
      missingMetrics: result.missing.length,
    },
    ...(result.alerts.length > 0 && { counterexample: result.alerts.map((alert) => alert.message) }),
  })
  const hint = this.utils.matcherHint(`.${NAME}`, 'metrics', 'options', { isNot: this.isNot, promise: this.promise })
  return {
    pass: passed,
    message: () =>
      passed
        ? [
            `${hint}\n\nExpected an alert, but all ${result.checked} rules held${result.missing.length > 0 ? ` (${result.missing.join(', ')} not reported, allowed)` : ''}:`,
            ...thresholds
              .filter((rule) => metrics[rule.metric] !== undefined)
              .map((rule) => `  [${rule.severity}] ${rule.metric} ${metrics[rule.metric]} ${rule.op === 'min' ? '>=' : '<='} ${rule.value}`),
          ].join('\n')
        : [
            hint,
            '',
            `${result.alerts.length} of ${result.checked} alert rules fired:`,
            ...result.alerts.map((alert) => `  [${alert.severity}] ${alert.message.replace(/ \((high|medium|low)\)$/, '')}`),
            ...(result.missing.length > 0 ? ['Hint: report every monitored metric, or pass { allowMissing: true } to skip the rules of absent ones.'] : []),
          ].join('\n'),
    actual: Object.fromEntries(result.alerts.map((alert) => [alert.metric, alert.observed])),
    expected: thresholds,
  }
}
