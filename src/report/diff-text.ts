/** How a report diff puts metric changes, artifacts and gate rules into words (shared by the diff and history pages). */
import type { RegressionResult } from '../checklist/evaluate-regressions.js'
import type { MetricChange } from '../compare/compare-metric.js'
import { formatNumber as num } from '../util/format-number.js'

/**
 * A number with its sign (`+0.01`, `-0.2`), as changes are written.
 *
 * @param value - the change
 * @example
 * ```ts
 * signed(0.0123) // '+0.0123'
 * ```
 */
export function signed(value: number): string {
  return value > 0 ? `+${num(value)}` : num(value)
}

/**
 * The interval of a change as text.
 *
 * @param change - the metric change
 * @example
 * ```ts
 * intervalText(change) // '90% interval [-0.3305, -0.1036] (Newcombe, 69 vs 69)'
 * ```
 */
export function intervalText(change: MetricChange): string {
  const interval = change.interval
  if (interval === undefined) return 'no interval: the reports hold the two values only'
  if (interval.basis === 'identical') return 'exact: same model file and data'
  const counts = change.counts === undefined ? '' : `, ${change.counts.base.trials} vs ${change.counts.head.trials}`
  return `${num(Math.round(interval.level * 1000) / 10)}% interval [${num(interval.low)}, ${num(interval.high)}] (Newcombe${counts})`
}

/**
 * A metric change as a sentence: values, change, interval, judgement.
 *
 * @param change - the metric change
 * @example
 * ```ts
 * metricSentence(change) // '0.9565 → 0.7536 (-0.2029; 90% interval [-0.3305, -0.1036] (Newcombe, 69 vs 69)): regressed'
 * ```
 */
export function metricSentence(change: MetricChange): string {
  return `${num(change.base)} → ${num(change.head)} (${signed(change.delta)}; ${intervalText(change)}): ${change.judgement}`
}

/**
 * A model or data artifact of a diff as text: its hash prefix and rows, or `absent`.
 *
 * @param entry - the artifact, if the report has it
 * @example
 * ```ts
 * artifactText({ sha256: 'ab12…', rows: 344 }) // 'sha256:ab12cd34ef56…, 344 rows'
 * ```
 */
export function artifactText(entry: { sha256?: string; rows?: number } | undefined): string {
  if (entry === undefined) return 'absent'
  return [entry.sha256 === undefined ? 'no hash' : `sha256:${entry.sha256.slice(0, 12)}…`, entry.rows === undefined ? '' : `${entry.rows} rows`]
    .filter(Boolean)
    .join(', ')
}

/**
 * A gate rule against the base, as the diff states it: the metric, both values, the gain and the bound it was judged by.
 *
 * @param rule - the evaluated rule
 * @example
 * ```ts
 * ruleText(rule) // 'accuracy of "accuracy on held-out data": 0.9884 → 0.7442, gain -0.2442; one-sided bound ... <= -margin -0.01'
 * ```
 */
export function ruleText(rule: RegressionResult): string {
  const what = rule.baseCheck === undefined ? `${rule.metric}: no base evidence check recorded it` : `${rule.metric} of "${rule.baseCheck.title}"`
  if (rule.status === 'not-measured' || rule.status === 'not-compared')
    return `${what}${rule.status === 'not-compared' ? ': no evidence counterpart in the head' : ''}`
  return `${what}: ${num(rule.base!)} → ${num(rule.head!)}, gain ${signed(rule.gain!)}; ${BASIS[rule.basis ?? 'point']} ${num(rule.bound!)} ${comparison(rule)} -margin ${num(-rule.margin)}`
}

// As judgeNoRegression decides: a bound of an interval must exceed -margin; a gain without one must reach it.
function comparison(rule: RegressionResult): string {
  const strict = rule.basis === 'newcombe'
  if (rule.status === 'ok') return strict ? '>' : '>='
  return strict ? '<=' : '<'
}

const BASIS: Readonly<Record<NonNullable<RegressionResult['basis']>, string>> = {
  newcombe: 'one-sided bound of the gain (Newcombe interval, independent samples)',
  identical: 'exact gain (same model file and data)',
  point: 'gain (no interval: the reports hold the two values only)',
}
