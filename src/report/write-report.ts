import { join, resolve } from 'node:path'
import { renderHtml } from './render-html.js'
import { renderMarkdown } from './render-markdown.js'
import type { Report } from './report.js'
import { validateReport } from './validate-report.js'
import { writeAtomically } from './write-atomically.js'

/** The files a report can be written as. */
export type ReportFormat = 'json' | 'html' | 'markdown'

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** Directory for the files. @defaultValue 'reports' */
  readonly outputDir?: string
  /** Which files to write. @defaultValue ['json', 'html', 'markdown'] */
  readonly formats?: readonly ReportFormat[]
  /** Most plots drawn in the HTML. @defaultValue 40 */
  readonly maxPlots?: number
}

/** Paths of the files written, by format. */
export type WrittenReport = Partial<Record<ReportFormat, string>>

/**
 * Validates a report against its JSON Schema, then writes `vitest-ml.json`, `vitest-ml.html` and `vitest-ml.md`
 * atomically. Nothing is written when validation fails.
 *
 * @param report - the report to write
 * @param options - where and what
 * @returns the absolute paths written
 * @throws VitestMlError when the report does not match its schema
 * @example
 * ```ts
 * await writeReport(report, { outputDir: 'reports' }) // { json: '.../reports/vitest-ml.json', html: ..., markdown: ... }
 * ```
 */
export async function writeReport(report: Report, options: WriteReportOptions = {}): Promise<WrittenReport> {
  const valid = validateReport(report, 'the report about to be written')
  const directory = resolve(options.outputDir ?? 'reports')
  const formats = new Set(options.formats ?? ['json', 'html', 'markdown'])
  const written: WrittenReport = {}
  const contents: [ReportFormat, string, () => Promise<string> | string][] = [
    ['json', 'vitest-ml.json', () => `${JSON.stringify(valid, null, 2)}\n`],
    ['html', 'vitest-ml.html', () => renderHtml(valid, options.maxPlots === undefined ? {} : { maxPlots: options.maxPlots })],
    ['markdown', 'vitest-ml.md', () => renderMarkdown(valid)],
  ]
  for (const [format, name, render] of contents) {
    if (!formats.has(format)) continue
    const path = join(directory, name)
    writeAtomically(path, await render())
    written[format] = path
  }
  return written
}
