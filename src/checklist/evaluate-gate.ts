import type { CheckSeverity } from '../report/check-record.js'
import type { EvidenceCheck } from './evidence-check.js'
import { THRESHOLD_METRICS, type GateConfig, type GateThresholds } from './gate-config.js'
import type { ChecklistItemResult } from './score-checklist.js'

/** How one threshold fared against the recorded metrics. */
export interface ThresholdResult {
  /** Threshold name from the gate file (`accuracy`, `latencyP99`, ...). */
  readonly name: string
  /** Metric key read from records. */
  readonly metric: string
  /** Lower bound, if any. */
  readonly min?: number
  /** Upper bound, if any. */
  readonly max?: number
  /** Severity of a breach. */
  readonly severity: CheckSeverity
  /** `ok`, `breached`, or `not-measured` when no check recorded the metric. */
  readonly status: 'ok' | 'breached' | 'not-measured'
  /** The worst recorded value (lowest for `min`, highest for `max`). */
  readonly worst?: number
  /** Anchors of the checks that recorded the metric (breaching ones first). */
  readonly checks: readonly string[]
}

/** One reason the gate failed or warns. */
export interface GateReason {
  /** What produced it. */
  readonly source: 'checklist' | 'threshold' | 'check' | 'score' | 'config'
  /** One line for people. */
  readonly message: string
  /** Anchor to jump to in the HTML report. */
  readonly anchor?: string
}

/** The deployment decision. */
export interface GateVerdict {
  /** Whether the model may ship. */
  readonly passed: boolean
  /** Whether a gate file or inline gate was configured (otherwise only high-severity check failures block). */
  readonly configured: boolean
  /** Blocking reasons. */
  readonly failures: readonly GateReason[]
  /** Non-blocking findings (medium/low breaches, unmeasured thresholds). */
  readonly warnings: readonly GateReason[]
  /** Every configured threshold with its outcome. */
  readonly thresholds: readonly ThresholdResult[]
}

/** A check as the gate sees it: evidence plus severity and metrics. */
export interface GateCheck extends EvidenceCheck {
  /** Severity of a failure. */
  readonly severity: CheckSeverity
  /** Recorded metrics. */
  readonly metrics: Readonly<Record<string, number>>
  /** The model checked, if any (thresholds can be limited to the models being released). */
  readonly model?: { readonly name: string }
}

/**
 * Decides whether a run may ship. Blocking: a required checklist item failed or not covered, a `high` threshold
 * breached or not measured at all, a failed `high`-severity check, an ML Test Score below `minMlTestScore`.
 *
 * @param checks - every check of the run
 * @param checklist - the scored checklist
 * @param mlTestScore - the final ML Test Score
 * @param config - the gate, or `undefined` when none is configured
 * @returns the verdict with its reasons
 * @example
 * ```ts
 * evaluateGate(checks, checklist, 2, { thresholds: { accuracy: { min: 0.85, severity: 'high' } } }).passed // false if any accuracy < 0.85
 * ```
 */
export function evaluateGate(
  checks: readonly GateCheck[], checklist: readonly ChecklistItemResult[], mlTestScore: number, config: GateConfig | undefined,
): GateVerdict {
  const failures: GateReason[] = []
  const warnings: GateReason[] = []
  for (const item of checklist) {
    if (!item.required || item.status === 'passed' || item.status === 'attested') continue
    failures.push({
      source: 'checklist',
      message: `required item "${item.id}" is ${item.status === 'failed' ? 'failed' : 'not covered'}: ${item.reason ?? ''}`.trim(),
      anchor: `item-${item.id}`,
    })
  }
  const thresholds = Object.entries(config?.thresholds ?? {}).map(([name, bound]) =>
    evaluateThreshold(name as keyof GateThresholds, bound, checks))
  for (const result of thresholds) {
    const first = result.checks[0]
    const anchor = first === undefined ? {} : { anchor: first }
    if (result.status === 'breached') {
      const bound = result.min !== undefined && result.worst !== undefined && result.worst < result.min ? `< min ${result.min}` : `> max ${result.max}`
      const reason = { source: 'threshold' as const, message: `${result.severity} threshold ${result.name}: ${result.metric} = ${result.worst} ${bound}`, ...anchor }
      ;(result.severity === 'high' ? failures : warnings).push(reason)
    } else if (result.status === 'not-measured') {
      const reason = { source: 'threshold' as const, message: `${result.severity} threshold ${result.name}: no check recorded metrics.${result.metric}` }
      ;(result.severity === 'high' ? failures : warnings).push(reason)
    }
  }
  for (const check of checks) {
    if (check.outcome === 'failed' && check.severity === 'high') {
      failures.push({ source: 'check', message: `high-severity check failed: ${check.title}`, anchor: check.anchor })
    }
  }
  if (config?.minMlTestScore !== undefined && mlTestScore < config.minMlTestScore) {
    failures.push({ source: 'score', message: `ML Test Score ${mlTestScore} is below the required ${config.minMlTestScore}`, anchor: 'ml-test-score' })
  }
  return { passed: failures.length === 0, configured: config !== undefined, failures, warnings, thresholds }
}

function evaluateThreshold(
  name: keyof GateThresholds, bound: NonNullable<GateThresholds[keyof GateThresholds]>, checks: readonly GateCheck[],
): ThresholdResult {
  const metric = bound.metric ?? THRESHOLD_METRICS[name]
  const measured = checks.filter((check) =>
    Number.isFinite(check.metrics[metric]) &&
    (bound.kinds === undefined || bound.kinds.includes(check.kind)) &&
    (bound.models === undefined || (check.model !== undefined && bound.models.includes(check.model.name))))
  const breaches = (check: GateCheck): boolean => {
    const value = check.metrics[metric]!
    return (bound.min !== undefined && value < bound.min) || (bound.max !== undefined && value > bound.max)
  }
  const breaching = measured.filter(breaches)
  const excess = (value: number): number =>
    Math.max(bound.min === undefined ? -Infinity : bound.min - value, bound.max === undefined ? -Infinity : value - bound.max)
  const values = measured.map((check) => check.metrics[metric]!)
  const worst = values.length === 0 ? undefined : values.reduce((found, value) => (excess(value) > excess(found) ? value : found))
  return {
    name, metric, severity: bound.severity,
    ...(bound.min === undefined ? {} : { min: bound.min }),
    ...(bound.max === undefined ? {} : { max: bound.max }),
    status: measured.length === 0 ? 'not-measured' : breaching.length > 0 ? 'breached' : 'ok',
    ...(worst === undefined ? {} : { worst }),
    checks: [...breaching, ...measured.filter((check) => !breaches(check))].map((check) => check.anchor),
  }
}
