import { formatMetric } from './html-view.js'
import type { Report } from './report.js'

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** Most failed checks listed in detail. @defaultValue 30 */
  readonly maxFailures?: number
}

/** Escapes text for a Markdown table cell or line: no raw HTML, no table breaks, one line. */
function md(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#])/g, '\\$1')
    .replace(/\s*[\r\n]+\s*/g, ' ')
}

const STATUS_ICON: Readonly<Record<string, string>> = {
  passed: '✅ passed',
  failed: '❌ failed',
  'not-covered': '⚪ not covered',
  attested: '📝 attested',
  ok: '✅ ok',
  breached: '❌ breached',
  'not-measured': '⚪ not measured',
}

/**
 * Renders the report as GitHub-flavoured Markdown for CI job summaries and pull-request comments: the verdict and
 * why, counts, the checklist, thresholds, the ML Test Score and the failed checks with their replay commands.
 * Record text is escaped, so a title cannot inject HTML or break a table.
 *
 * @param report - a validated report
 * @param options - listing limits
 * @returns Markdown text
 * @example
 * ```ts
 * appendFileSync(process.env.GITHUB_STEP_SUMMARY!, renderMarkdown(report))
 * ```
 */
export function renderMarkdown(report: Report, options: RenderMarkdownOptions = {}): string {
  const { gate, summary, mlTestScore } = report
  const lines: string[] = []
  lines.push(`<!-- vitest-ml run ${report.run.id} -->`, `## ${gate.passed ? '✅ vitest-ml gate passed' : '❌ vitest-ml gate failed'}: ${md(report.title)}`, '')
  for (const reason of gate.failures) lines.push(`- **blocking** (${reason.source}): ${md(reason.message)}`)
  for (const reason of gate.warnings) lines.push(`- warning (${reason.source}): ${md(reason.message)}`)
  if (gate.failures.length + gate.warnings.length > 0) lines.push('')
  if (!gate.configured) lines.push('_No gate file: nothing was required; the verdict rests on the run and its tests._', '')
  lines.push(
    '| tests passed | checks passed | checks failed | high-severity failures | expected failures / demonstrations | ML Test Score |',
    '| --- | --- | --- | --- | --- | --- |',
  )
  lines.push(
    `| ${summary.tests.passed}/${summary.tests.total} | ${summary.checks.passed}/${summary.checks.total} | ${summary.checks.failed} | ${summary.failedBySeverity.high} | ${summary.checks.expectedFailures} / ${summary.checks.demonstrations} | ${formatMetric(mlTestScore.score)} (${md(mlTestScore.band)}) |`,
    '',
  )
  lines.push('### Production checklist', '', '| item | status | required | note |', '| --- | --- | --- | --- |')
  for (const item of report.checklist) {
    const note =
      item.reason ?? (item.attestation === undefined ? `${item.checks.length} check(s)` : `attested by ${item.attestation.owner}, ${item.attestation.date}`)
    lines.push(`| ${md(item.label)} (\`${item.id}\`) | ${STATUS_ICON[item.status] ?? item.status} | ${item.required ? 'yes' : ''} | ${md(note)} |`)
  }
  if (gate.thresholds.length > 0) {
    lines.push('', '### Thresholds', '', '| threshold | metric | bound | worst | severity | status |', '| --- | --- | --- | --- | --- | --- |')
    for (const result of gate.thresholds) {
      const bound = [result.min === undefined ? '' : `≥ ${result.min}`, result.max === undefined ? '' : `≤ ${result.max}`].filter(Boolean).join(', ')
      const worst = result.worst === undefined ? '—' : formatMetric(result.worst)
      lines.push(`| ${result.name} | \`${md(result.metric)}\` | ${bound} | ${worst} | ${result.severity} | ${STATUS_ICON[result.status] ?? result.status} |`)
    }
  }
  lines.push(
    '',
    `### ML Test Score: ${formatMetric(mlTestScore.score)}`,
    '',
    mlTestScore.sections.map((section) => `${section.name} ${formatMetric(section.score)}/7`).join(' · '),
  )
  const failed = report.checks.filter((check) => check.outcome === 'failed')
  if (failed.length > 0) {
    const limit = options.maxFailures ?? 30
    lines.push('', `### Failed checks (${failed.length})`, '')
    for (const check of failed.slice(0, limit)) {
      const metrics = Object.entries(check.metrics)
        .slice(0, 6)
        .map(([name, value]) => `${md(name)}=${formatMetric(value)}`)
        .join(', ')
      lines.push(`- **${md(check.title)}** (${check.severity}, ${md(check.kind)}) ${metrics}`)
      lines.push(`  \`${check.replayCommand.replace(/`/g, "'")}\``)
    }
    if (failed.length > limit) lines.push(`- … and ${failed.length - limit} more (see the HTML report)`)
  }
  return `${lines.join('\n')}\n`
}
