import { formatMetric } from './html-view.js'
import type { Report } from './report.js'

/** Options of {@link consoleSummary}. */
export interface ConsoleSummaryOptions {
  /** Where the report was written, shown on the last line. */
  readonly htmlPath?: string
  /** Most reason lines shown. @defaultValue 12 */
  readonly maxLines?: number
  /** Use ANSI colours. @defaultValue false */
  readonly colors?: boolean
}

/**
 * Formats the end-of-run summary: the verdict, counts, and why the gate failed, in one screen.
 *
 * @param report - the report just built
 * @param options - path shown and line limit
 * @returns lines of text (no trailing newline)
 * @example
 * ```ts
 * consoleSummary(report, { htmlPath: 'reports/vitest-ml.html' })
 * // ' vitest-ml  GATE FAILED  12/14 checks passed, 2 failed (1 high), ML Test Score 1.5\n   ✗ ...'
 * ```
 */
export function consoleSummary(report: Report, options: ConsoleSummaryOptions = {}): string {
  const paint = (code: number, text: string): string => (options.colors === true ? `\u001b[${code}m${text}\u001b[0m` : text)
  const { gate, summary } = report
  const verdict = gate.passed ? paint(32, 'GATE PASSED') : paint(31, 'GATE FAILED')
  const covered = report.checklist.filter((item) => item.status === 'passed' || item.status === 'attested').length
  const lines = [
    ` ${paint(1, 'vitest-ml')}  ${verdict}  ${summary.checks.passed}/${summary.checks.total} checks passed, ` +
      `${summary.checks.failed} failed (${summary.failedBySeverity.high} high)${summary.checks.expectedFailures === undefined ? '' : `, ${summary.checks.expectedFailures} expected failures`}; checklist ${covered}/${report.checklist.length}; ` +
      `ML Test Score ${formatMetric(report.mlTestScore.score)}`,
  ]
  const reasons = [
    ...gate.failures.map((reason) => `   ${paint(31, '✗')} ${reason.message}`),
    ...gate.warnings.map((reason) => `   ${paint(33, '!')} ${reason.message}`),
  ]
  const limit = options.maxLines ?? 12
  lines.push(...reasons.slice(0, limit).map((line) => (line.length > 200 ? `${line.slice(0, 199)}…` : line)))
  if (reasons.length > limit) lines.push(`   … ${reasons.length - limit} more in the report`)
  if (!gate.configured) lines.push('   (no gate configured: only failed high-severity checks block; set report.gate in mlTesting())')
  if (options.htmlPath !== undefined) lines.push(`   report: ${options.htmlPath}`)
  return lines.join('\n')
}
