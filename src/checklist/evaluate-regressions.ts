import { classifyCheckChange, isNewFailure } from '../compare/classify-check-change.js'
import { compareMetric } from '../compare/compare-metric.js'
import { judgeNoRegression } from '../compare/judge-no-regression.js'
import { matchChecks } from '../compare/match-checks.js'
import type { CheckSummary, ReportSnapshot } from '../compare/report-snapshot.js'
import type { CheckSeverity } from '../record/check-record.js'
import { formatNumber as num } from '../util/format-number.js'
import type { GateCheck, GateReason } from './evaluate-gate.js'
import type { GateConfig, NoRegressionConfig } from './gate-config.js'

/** How one metric of one base check fared under `noRegression`. */
export interface RegressionResult {
  /** The metric compared. */
  readonly metric: string
  /** Severity of a regression. */
  readonly severity: CheckSeverity
  /** `ok`; `regressed`; `not-compared`: the base check has no evidence counterpart recording the metric; `not-measured`: no base evidence check recorded it. */
  readonly status: 'ok' | 'regressed' | 'not-compared' | 'not-measured'
  /** The base check compared (id and title). */
  readonly baseCheck?: { readonly id: string; readonly title: string }
  /** Anchor of the head check it was compared with. */
  readonly check?: string
  /** The base value. */
  readonly base?: number
  /** The head value. */
  readonly head?: number
  /** The margin applied. */
  readonly margin: number
  /** The change as a gain (positive is better). */
  readonly gain?: number
  /** The bound compared with `-margin`. */
  readonly bound?: number
  /** What the bound rests on: Newcombe's interval, identical model and data, or the two values alone. */
  readonly basis?: 'newcombe' | 'identical' | 'point'
}

/** What the rules against the base decided. */
export interface RegressionVerdict {
  /** Blocking reasons. */
  readonly failures: readonly GateReason[]
  /** Non-blocking findings (regressions of a rule with severity below `high`). */
  readonly warnings: readonly GateReason[]
  /** Every metric comparison `noRegression` made. */
  readonly regressions: readonly RegressionResult[]
}

/**
 * Applies the gate's rules against the base report: `noNewFailingChecks` (no evidence check fails that did not fail
 * in the base) and `noRegression` (each listed metric of each base evidence check, against the matched evidence check
 * of this run, judged as `toBeNoWorseThan` judges: see `judgeNoRegression`). Fails closed: a rule without a base, a
 * base check whose metric has no evidence counterpart here, or a metric the base never measured, each gives a reason.
 *
 * @param checks - this run's checks
 * @param baseline - the base report's snapshot, if the run was given one
 * @param config - the gate
 * @returns the reasons and comparisons, or `undefined` when the gate has no rule against the base
 * @example
 * ```ts
 * evaluateRegressions(report.checks, report.baseline, { noRegression: { metrics: ['accuracy'], margin: 0.02 } })?.failures
 * ```
 */
export function evaluateRegressions(
  checks: readonly GateCheck[],
  baseline: ReportSnapshot | undefined,
  config: GateConfig | undefined,
): RegressionVerdict | undefined {
  const rule = config?.noRegression
  if (rule === undefined && config?.noNewFailingChecks !== true) return undefined
  if (baseline === undefined) {
    return {
      failures: [
        {
          source: 'baseline',
          message: 'the gate compares with a base report, but the run was given none: set report.baseline to the report of the release in production',
        },
      ],
      warnings: [],
      regressions: [],
    }
  }
  const failures: GateReason[] = []
  const warnings: GateReason[] = []
  const matching = matchChecks(baseline.checks, checks)
  const since = `since the base run ${baseline.runId}`
  if (config?.noNewFailingChecks === true) {
    const baseOf = new Map(matching.pairs.map((pair) => [pair.head, pair.base]))
    for (const check of checks) {
      if (isNewFailure(classifyCheckChange(baseOf.get(check), check), check)) {
        failures.push({ source: 'baseline', message: `new failing check ${since}: "${check.title}" (${check.file} > ${check.test})`, anchor: check.anchor })
      }
    }
  }
  const regressions = rule === undefined ? [] : rule.metrics.flatMap((metric) => compareOneMetric(metric, rule, matching.pairs, baseline))
  for (const result of regressions) {
    if (result.status === 'ok') continue
    const reason = {
      source: 'baseline' as const,
      message: `${result.severity} no regression on ${result.metric}: ${explain(result, rule!, baseline)}`,
      ...(result.check === undefined ? {} : { anchor: result.check }),
    }
    if (result.severity === 'high') failures.push(reason)
    else warnings.push(reason)
  }
  return { failures, warnings, regressions }
}

function compareOneMetric(
  metric: string,
  rule: NoRegressionConfig,
  pairs: readonly { base: CheckSummary; head: GateCheck }[],
  baseline: ReportSnapshot,
): RegressionResult[] {
  const margin = typeof rule.margin === 'number' ? rule.margin : (rule.margin[metric] ?? 0)
  const severity = rule.severity ?? 'high'
  const applies = (check: Pick<CheckSummary, 'kind' | 'model' | 'metrics' | 'evidence'>): boolean =>
    check.evidence &&
    Number.isFinite(check.metrics[metric]) &&
    (rule.kinds === undefined || rule.kinds.includes(check.kind)) &&
    (rule.models === undefined || (check.model !== undefined && rule.models.includes(check.model.name)))
  const measured = baseline.checks.filter(applies)
  if (measured.length === 0) return [{ metric, severity, status: 'not-measured', margin }]
  return measured.map((base): RegressionResult => {
    const head = pairs.find((pair) => pair.base === base)?.head
    const common = { metric, severity, baseCheck: { id: base.id, title: base.title }, base: base.metrics[metric]!, margin }
    if (head === undefined || !applies(head)) return { ...common, status: 'not-compared' }
    const change = compareMetric(metric, base, head, {
      ...(rule.confidence === undefined ? {} : { confidence: rule.confidence }),
      ...(rule.directions === undefined ? {} : { directions: rule.directions }),
    })!
    const judged = judgeNoRegression({ ...change, direction: change.direction! }, margin)
    return {
      ...common,
      check: head.anchor,
      head: change.head,
      gain: judged.gain,
      bound: judged.bound,
      basis: judged.basis,
      status: judged.passed ? 'ok' : 'regressed',
    }
  })
}

function explain(result: RegressionResult, rule: NoRegressionConfig, baseline: ReportSnapshot): string {
  const title = `"${result.baseCheck?.title ?? ''}"`
  if (result.status === 'not-measured') return `no evidence check of the base run ${baseline.runId} recorded ${result.metric}`
  if (result.status === 'not-compared') return `the base check ${title} has no evidence check recording ${result.metric} in this run to compare with`
  const bound =
    result.basis === 'newcombe'
      ? `one-sided ${num(rule.confidence ?? 0.95)} bound of the gain ${num(result.bound!)} <= -margin ${num(-result.margin)} (Newcombe interval, independent samples)`
      : `gain ${num(result.gain!)} < -margin ${num(-result.margin)} (${result.basis === 'identical' ? 'same model and data' : 'no interval: the reports hold the two values only'})`
  return `${title} went from ${num(result.base!)} to ${num(result.head!)} against the base run ${baseline.runId}: ${bound}`
}
