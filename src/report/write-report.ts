import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { writeAtomically } from '../util/write-atomically.js'
import { renderHtml } from './render-html.js'
import { renderMarkdown } from './render-markdown.js'
import type { Report } from './report.js'
import { type PublishOptions, publishReportSet, stageReportSet } from './switch-report-set.js'
import { validateReport } from './validate-report.js'

/** The files a report can be written as. */
export type ReportFormat = 'json' | 'html' | 'markdown'

/** Options of `writeReport`. */
export interface WriteReportOptions extends PublishOptions {
  /** Directory for the files. @defaultValue 'reports' */
  readonly outputDir?: string
  /** Which files to write. @defaultValue ['json', 'html', 'markdown'] */
  readonly formats?: readonly ReportFormat[]
  /** Most plots drawn in the HTML. @defaultValue 40 */
  readonly maxPlots?: number
}

/** Paths of the files written, by format (the stable names in the output directory). */
export type WrittenReport = Partial<Record<ReportFormat, string>>

const FILE_NAMES: Readonly<Record<ReportFormat, string>> = { json: 'vitest-ml.json', html: 'vitest-ml.html', markdown: 'vitest-ml.md' }

/**
 * Validates a report against its JSON Schema, then writes it as one set — `vitest-ml.json`, `vitest-ml.html` and
 * `vitest-ml.md` of the same run — so a reader never sees files of two runs mixed: the set is written into a fresh
 * folder under `runs/` and published by one atomic switch of the `current` link; the stable names in the output
 * directory link into it (see `publishReportSet`). Where the file system has no symbolic links, each file is replaced
 * atomically instead (every file carries the run id, so a mix is visible). Nothing is written when validation fails.
 *
 * @param report - the report to write
 * @param options - where, what, and how many old sets to keep
 * @returns the paths written
 * @throws VitestMlError when the report does not match its schema
 * @example
 * ```ts
 * await writeReport(report, { outputDir: 'reports' }) // { json: '.../reports/vitest-ml.json', html: ..., markdown: ... }
 * ```
 */
export async function writeReport(report: Report, options: WriteReportOptions = {}): Promise<WrittenReport> {
  const valid = validateReport(report, 'the report about to be written')
  const directory = resolve(options.outputDir ?? 'reports')
  const formats = (['json', 'html', 'markdown'] as const).filter((format) => (options.formats ?? ['json', 'html', 'markdown']).includes(format))
  const contents: [ReportFormat, string][] = []
  for (const format of formats) contents.push([format, await render(valid, format, options)])
  const staged = stageReportSet(directory, valid.run.id)
  for (const [format, content] of contents) writeFileSync(join(staged, FILE_NAMES[format]), content, 'utf8')
  try {
    const names = contents.map(([format]) => FILE_NAMES[format])
    publishReportSet(directory, staged, names, { ...options, dropped: Object.values(FILE_NAMES).filter((name) => !names.includes(name)) })
  } catch {
    // No symbolic links here (for example Windows without the privilege): replace each file atomically.
    for (const [format, content] of contents) writeAtomically(join(directory, FILE_NAMES[format]), content)
  }
  return Object.fromEntries(contents.map(([format]) => [format, join(directory, FILE_NAMES[format])])) as WrittenReport
}

function render(report: Report, format: ReportFormat, options: WriteReportOptions): Promise<string> | string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`
  if (format === 'html') return renderHtml(report, options.maxPlots === undefined ? {} : { maxPlots: options.maxPlots })
  return renderMarkdown(report)
}
