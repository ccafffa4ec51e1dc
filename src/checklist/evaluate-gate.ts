import type { ReportSnapshot } from '../compare/report-snapshot.js'
import type { CheckSeverity } from '../record/check-record.js'
import { evaluateRegressions, type RegressionResult } from './evaluate-regressions.js'
import type { EvidenceCheck } from './evidence-check.js'
import { type GateConfig, type GateThresholds, THRESHOLD_METRICS } from './gate-config.js'
import type { RunFacts } from './run-facts.js'
import { type NamedCheck, runFailures } from './run-failures.js'
import type { ChecklistItemResult } from './score-checklist.js'

/** How one threshold fared against the recorded metrics. */
export interface ThresholdResult {
  /** Threshold name from the gate file (`accuracy`, `p99Ms`, ...). */
  readonly name: string
  /** Metric key read from records. */
  readonly metric: string
  /** Lower bound, if any. */
  readonly min?: number
  /** Upper bound, if any. */
  readonly max?: number
  /** Severity of a breach. */
  readonly severity: CheckSeverity
  /** `ok`, `breached`, or `not-measured` when no evidence check recorded the metric. */
  readonly status: 'ok' | 'breached' | 'not-measured'
  /** The worst recorded value: the one furthest past (or closest to) the bound. */
  readonly worst?: number
  /** Anchors of the checks that recorded the metric (breaching ones first). */
  readonly checks: readonly string[]
}

/** One reason the gate failed or warns. */
export interface GateReason {
  /** What produced it: the run itself, a failed test, the checklist, a threshold, the score, the gate file, or a rule against the base report. */
  readonly source: 'run' | 'test' | 'checklist' | 'threshold' | 'score' | 'config' | 'baseline'
  /** One line for people. */
  readonly message: string
  /** Anchor to jump to in the HTML report. */
  readonly anchor?: string
}

/** The deployment decision. */
export interface GateVerdict {
  /** Whether the model may ship: nothing blocks. */
  readonly passed: boolean
  /** Whether a gate file or inline gate was configured (otherwise only the run and its tests decide). */
  readonly configured: boolean
  /** Blocking reasons: the run's first, then the gate's. */
  readonly failures: readonly GateReason[]
  /** Non-blocking findings (medium/low breaches, unmeasured thresholds). */
  readonly warnings: readonly GateReason[]
  /** Every configured threshold with its outcome. */
  readonly thresholds: readonly ThresholdResult[]
  /** Every metric comparison of the `noRegression` rule, when the gate has a rule against the base report. */
  readonly regressions?: readonly RegressionResult[]
}

/** A check as the gate sees it. */
export interface GateCheck extends EvidenceCheck, NamedCheck {
  /** Severity of a failure. */
  readonly severity: CheckSeverity
  /** Recorded metrics. */
  readonly metrics: Readonly<Record<string, number>>
  /** The model checked, if any (thresholds can be limited to the models being released). */
  readonly model?: { readonly name: string; readonly sha256?: string }
  /** The recorded check id (matches the check with the base report's). */
  readonly id?: string
  /** The data used, if any. */
  readonly data?: { readonly name: string; readonly rows: number; readonly sha256?: string }
}

/**
 * Decides whether a run may ship. Blocking: anything wrong with the run itself (unfinished, interrupted, an error
 * outside a test, a failed or unfinished test, no test at all), a required checklist item failed or not covered, a
 * `high` threshold breached or not measured at all, an ML Test Score below `minMlTestScore`, and a `high` rule against
 * the base report that fails (see `evaluateRegressions`). Thresholds read only evidence checks: a demonstration on a
 * deliberately broken model neither breaches nor satisfies them.
 *
 * @param checks - every check of the run
 * @param checklist - the scored checklist
 * @param mlTestScore - the final ML Test Score
 * @param config - the gate, or `undefined` when none is configured
 * @param run - the run's status, tests and errors
 * @param baseline - the base report's snapshot, when the run was given one
 * @returns the verdict with its reasons
 * @example
 * ```ts
 * evaluateGate(checks, checklist, 2, { thresholds: { accuracy: { min: 0.85, severity: 'high' } } }, run).passed // false if any accuracy < 0.85
 * ```
 */
export function evaluateGate(
  checks: readonly GateCheck[],
  checklist: readonly ChecklistItemResult[],
  mlTestScore: number,
  config: GateConfig | undefined,
  run: RunFacts,
  baseline?: ReportSnapshot,
): GateVerdict {
  const failures: GateReason[] = runFailures(run, checks)
  const warnings: GateReason[] = []
  for (const item of checklist) {
    if (!item.required || item.status === 'passed' || item.status === 'attested') continue
    failures.push({
      source: 'checklist',
      message: `required item "${item.id}" is ${item.status === 'failed' ? 'failed' : 'not covered'}: ${item.reason ?? ''}`.trim(),
      anchor: `item-${item.id}`,
    })
  }
  const evidence = checks.filter((check) => check.evidence)
  const thresholds = Object.entries(config?.thresholds ?? {}).map(([name, bound]) => evaluateThreshold(name as keyof GateThresholds, bound, evidence))
  for (const result of thresholds) {
    if (result.status === 'ok') continue
    const first = result.checks[0]
    const message =
      result.status === 'breached'
        ? `${result.severity} threshold ${result.name}: ${result.metric} = ${result.worst} ${result.min !== undefined && result.worst! < result.min ? `< min ${result.min}` : `> max ${result.max}`}`
        : `${result.severity} threshold ${result.name}: no evidence check recorded metrics.${result.metric}`
    const reason = { source: 'threshold' as const, message, ...(first === undefined ? {} : { anchor: first }) }
    if (result.severity === 'high') failures.push(reason)
    else warnings.push(reason)
  }
  if (config?.minMlTestScore !== undefined && mlTestScore < config.minMlTestScore) {
    failures.push({ source: 'score', message: `ML Test Score ${mlTestScore} is below the required ${config.minMlTestScore}`, anchor: 'ml-test-score' })
  }
  const against = evaluateRegressions(checks, baseline, config)
  failures.push(...(against?.failures ?? []))
  warnings.push(...(against?.warnings ?? []))
  return {
    passed: failures.length === 0,
    configured: config !== undefined,
    failures,
    warnings,
    thresholds,
    ...(against === undefined ? {} : { regressions: against.regressions }),
  }
}

function evaluateThreshold(
  name: keyof GateThresholds,
  bound: NonNullable<GateThresholds[keyof GateThresholds]>,
  checks: readonly GateCheck[],
): ThresholdResult {
  const metric = bound.metric ?? THRESHOLD_METRICS[name]
  const measured = checks.filter(
    (check) =>
      Number.isFinite(check.metrics[metric]) &&
      (bound.kinds === undefined || bound.kinds.includes(check.kind)) &&
      (bound.models === undefined || (check.model !== undefined && bound.models.includes(check.model.name))),
  )
  const breaches = (check: GateCheck): boolean => {
    const value = check.metrics[metric]!
    return (bound.min !== undefined && value < bound.min) || (bound.max !== undefined && value > bound.max)
  }
  const breaching = measured.filter(breaches)
  // How far a value lies past its bound (positive) or inside it (negative): the worst value is the largest.
  const excess = (value: number): number =>
    Math.max(bound.min === undefined ? -Infinity : bound.min - value, bound.max === undefined ? -Infinity : value - bound.max)
  const values = measured.map((check) => check.metrics[metric]!)
  const worst = values.length === 0 ? undefined : values.reduce((found, value) => (excess(value) > excess(found) ? value : found))
  return {
    name,
    metric,
    severity: bound.severity,
    ...(bound.min === undefined ? {} : { min: bound.min }),
    ...(bound.max === undefined ? {} : { max: bound.max }),
    status: measured.length === 0 ? 'not-measured' : breaching.length > 0 ? 'breached' : 'ok',
    ...(worst === undefined ? {} : { worst }),
    checks: [...breaching, ...measured.filter((check) => !breaches(check))].map((check) => check.anchor),
  }
}
