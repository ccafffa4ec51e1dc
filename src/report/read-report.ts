import { readFileSync } from 'node:fs'
import { VitestMlError } from '../util/errors.js'
import { READABLE_SCHEMA_VERSIONS, REPORT_SCHEMA_VERSION, type Report } from './report.js'
import { validateReport } from './validate-report.js'

/**
 * Reads a `vitest-ml.json` report from disk and validates it. Reports of format versions 2 and 3 are read as they are
 * (version 2 is version 3 without a base report); version 1 is refused — it has no run id, no list of tests and no
 * digest, so its verdict cannot be recomputed — and so is a version newer than this vitest-ml knows.
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
    throw new VitestMlError(
      'readReport',
      `a report file at ${path}`,
      code,
      'Run the tests with the vitest-ml plugin first; the report is written to reports/vitest-ml.json by default.',
      { cause },
    )
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (cause) {
    throw new VitestMlError('readReport', `JSON in ${path}`, (cause as Error).message, 'Pass the vitest-ml.json file, not the HTML or Markdown report.', {
      cause,
    })
  }
  const version = (parsed as { schemaVersion?: unknown } | null)?.schemaVersion
  if (typeof version === 'number' && !(READABLE_SCHEMA_VERSIONS as readonly number[]).includes(version)) {
    throw new VitestMlError(
      'readReport',
      `a report of format version ${READABLE_SCHEMA_VERSIONS.join(' or ')} in ${path}`,
      `format version ${version}`,
      version < REPORT_SCHEMA_VERSION
        ? 'Format version 1 was written before reports listed every test and carried a digest, so its verdict cannot be recomputed and it is not read. Re-run the tests of that release (check out its tag) to write a current report; see "Report format versions" in the README.'
        : 'The report was written by a newer vitest-ml: upgrade vitest-ml to read it.',
    )
  }
  return validateReport(parsed, path)
}
