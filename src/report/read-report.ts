import { readFileSync } from 'node:fs'
import { VitestMlError } from '../util/errors.js'
import { REPORT_SCHEMA_VERSION, type Report } from './report.js'
import { validateReport } from './validate-report.js'

/**
 * Reads a `vitest-ml.json` report from disk and validates it.
 *
 * @param path - the report file
 * @returns the report
 * @throws VitestMlError when the file is missing, is not JSON, or is not a vitest-ml report (naming the fields)
 * @example
 * ```ts
 * readReport('reports/vitest-ml.json').gate.passed // true
 * ```
 */
export function readReport(path: string): Report {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'an unreadable file'
    throw new VitestMlError('readReport', `a report file at ${path}`, code, 'Run the tests with the vitest-ml plugin first; the report is written to reports/vitest-ml.json by default.', { cause })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (cause) {
    throw new VitestMlError('readReport', `JSON in ${path}`, (cause as Error).message, 'Pass the vitest-ml.json file, not the HTML or Markdown report.', { cause })
  }
  const version = (parsed as { schemaVersion?: unknown } | null)?.schemaVersion
  if (typeof version === 'number' && version !== REPORT_SCHEMA_VERSION) {
    throw new VitestMlError('readReport', `a report of format version ${REPORT_SCHEMA_VERSION} in ${path}`, `format version ${version}`,
      version < REPORT_SCHEMA_VERSION ? 'The report was written by an older vitest-ml: run the tests again to write a current one.' : 'The report was written by a newer vitest-ml: upgrade vitest-ml to read it.')
  }
  return validateReport(parsed, path)
}
