import type { DiffView } from '../report/diff-view.js'

/** Options of {@link formatDiff}. */
export interface FormatDiffOptions {
  /** Most lines per list (changed checks, metric rows). @defaultValue 20 */
  readonly maxListed?: number
}

/**
 * The diff of two reports for the console: both runs, the regressions, counts, changed checks, metric changes with
 * their intervals (noise included, marked as such), the no-regression rule, checklist, score and hash changes.
 *
 * @param view - the diff view (see `diffView`)
 * @param options - listing limit
 * @returns lines of text (no trailing newline)
 * @example
 * ```ts
 * formatDiff(diffView(diffReports(base, head)))
 * // ' vitest-ml diff  1 REGRESSION  since examples (run 2026…)\n   ✗ accuracy regressed: …'
 * ```
 */
export function formatDiff(view: DiffView, options: FormatDiffOptions = {}): string {
  const limit = options.maxListed ?? 20
  const list = <T>(items: readonly T[], line: (item: T) => string): string[] => [
    ...items.slice(0, limit).map(line),
    ...(items.length > limit ? [`     … ${items.length - limit} more (--max-listed to show more)`] : []),
  ]
  const count = view.regressions.length
  const verdict = [
    count === 0 ? 'NO REGRESSION' : `${count} ${count === 1 ? 'REGRESSION' : 'REGRESSIONS'}`,
    view.ruleFailures.length === 0 ? '' : 'GATE RULES FAIL',
  ]
    .filter(Boolean)
    .join(', ')
  const lines = [
    ` vitest-ml diff  ${verdict}`,
    `   base ${view.base.label}, ${view.base.finishedAt}, gate ${view.base.passed ? 'passed' : 'failed'}, digest ${view.base.digest}`,
    `   head ${view.head.label}, ${view.head.finishedAt}, gate ${view.head.passed ? 'passed' : 'failed'}, digest ${view.head.digest}`,
    ...view.regressions.map((line) => `   ✗ ${line.text}`),
    ...view.ruleFailures.map((line) => `   ✗ gate: ${line.text}`),
    `   checks: ${view.counts.map((count) => `${count.count} ${count.label}`).join(', ') || 'none'}`,
  ]
  if (view.checks.length > 0) lines.push('   changed checks:', ...list(view.checks, (check) => `     ${check.label}: ${check.text}`))
  if (view.metrics.length > 0)
    lines.push(
      '   metric changes (evidence):',
      ...list(view.metrics, (row) => `     ${row.judgement.padEnd(9)} ${row.metric} ${row.base} → ${row.head} (${row.delta}; ${row.interval}): "${row.title}"`),
    )
  if (view.otherMetrics.length > 0) lines.push(`   ${view.otherMetrics.length} metric changes of demonstrations and expected failures (never a regression)`)
  if (view.rules.length > 0) lines.push('   no-regression rule:', ...list(view.rules, (rule) => `     ${rule.status.padEnd(12)} ${rule.text}`))
  if (view.checklist.length > 0)
    lines.push(`   checklist: ${view.checklist.map((item) => `${item.id} ${item.base ?? 'absent'} → ${item.head ?? 'absent'}`).join('; ')}`)
  if (view.score !== undefined)
    lines.push(
      `   ML Test Score: ${view.score.base} → ${view.score.head}${view.score.sections.map((section) => `; ${section.id} ${section.base} → ${section.head}`).join('')}`,
    )
  if (view.artifacts.length > 0)
    lines.push(
      '   models and data that changed:',
      ...list(view.artifacts, (artifact) => `     ${artifact.artifact} ${artifact.name}: ${artifact.base} → ${artifact.head}`),
    )
  return lines.join('\n')
}
