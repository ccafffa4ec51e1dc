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
 * Formats the end-of-run summary: the verdict, counts, and why the gate failed, in one screen. The verdict word is
 * the report's own `gate.passed`, which the reporter also turns into the exit code.
 *
 * @param report - the report just built
 * @param options - path shown and line limit
 * @returns lines of text (no trailing newline)
 * @example
 * ```ts
 * consoleSummary(report, { htmlPath: 'reports/vitest-ml.html' })
 * // ' vitest-ml  GATE FAILED  tests 13/14 passed; checks 12 passed, 1 failed (1 high); checklist 9/13; ML Test Score 1.5\n   ✗ ...'
 * ```
 */
export function consoleSummary(report: Report, options: ConsoleSummaryOptions = {}): string {
  const paint = (code: number, text: string): string => (options.colors === true ? `\u001b[${code}m${text}\u001b[0m` : text)
  const { gate, summary } = report
  const verdict = gate.passed ? paint(32, 'GATE PASSED') : paint(31, 'GATE FAILED')
  const covered = report.checklist.filter((item) => item.status === 'passed' || item.status === 'attested').length
  const extras = [
    summary.checks.expectedFailures > 0 ? `${summary.checks.expectedFailures} expected ${summary.checks.expectedFailures === 1 ? 'failure' : 'failures'}` : '',
    summary.checks.demonstrations > 0 ? `${summary.checks.demonstrations} ${summary.checks.demonstrations === 1 ? 'demonstration' : 'demonstrations'}` : '',
  ]
    .filter(Boolean)
    .map((part) => `, ${part}`)
    .join('')
  const lines = [
    ` ${paint(1, 'vitest-ml')}  ${verdict}  tests ${summary.tests.passed}/${summary.tests.total} passed; ` +
      `checks ${summary.checks.passed} passed, ${summary.checks.failed} failed (${summary.failedBySeverity.high} high)${extras}; ` +
      `checklist ${covered}/${report.checklist.length}; ML Test Score ${formatMetric(report.mlTestScore.score)}`,
  ]
  const reasons = [
    ...gate.failures.map((reason) => `   ${paint(31, '✗')} ${reason.message}`),
    ...gate.warnings.map((reason) => `   ${paint(33, '!')} ${reason.message}`),
  ]
  const limit = options.maxLines ?? 12
  lines.push(...reasons.slice(0, limit).map((line) => (line.length > 200 ? `${line.slice(0, 199)}…` : line)))
  if (reasons.length > limit) lines.push(`   … ${reasons.length - limit} more in the report`)
  if (!gate.configured) lines.push('   (no gate file: the verdict rests on the run and its tests alone; set report.gate in mlTesting())')
  if (options.htmlPath !== undefined) lines.push(`   report: ${options.htmlPath}`)
  return lines.join('\n')
}
