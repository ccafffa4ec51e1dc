import { resolve } from 'node:path'
import { readReport } from '../report/read-report.js'
import type { Report } from '../report/report.js'
import { verifyReport } from '../report/verify-report.js'

/** A report read and verified, or why it cannot be used. */
export type VerifiedReport =
  | { readonly ok: true; readonly report: Report; readonly path: string }
  | { readonly ok: false; readonly message: string; readonly path: string }

/**
 * The message of a refused report: which stored fields do not follow from its own checks and tests, and what to do.
 *
 * @param file - the report path as given
 * @param problems - what `verifyReport` found
 * @returns the lines of the refusal
 * @example
 * ```ts
 * inconsistentReportMessage('reports/vitest-ml.json', ['/gate/passed: stored true, recomputed false'])
 * ```
 */
export function inconsistentReportMessage(file: string, problems: readonly string[]): string {
  return [
    `vitest-ml: ${file} is inconsistent: its stored fields do not follow from its own checks and tests, so no verdict is given.`,
    ...problems.map((problem) => `  ${problem}`),
    'Hint: reports are written by the vitest-ml reporter and must not be edited; run the tests again to get a report the gate accepts.',
  ].join('\n')
}

/**
 * Reads a report and verifies it (see `verifyReport`) before anything is compared with it: a report that cannot be
 * read, is of a format version that cannot be verified, or does not agree with itself is refused with the reason.
 *
 * @param file - the report path
 * @param root - the project root (attestation files are resolved from it) @defaultValue process.cwd()
 * @returns the report, or the message saying why it is refused
 * @example
 * ```ts
 * const base = readVerifiedReport('releases/v1.4.json')
 * if (!base.ok) throw new Error(base.message)
 * ```
 */
export function readVerifiedReport(file: string, root: string = process.cwd()): VerifiedReport {
  let report: Report
  try {
    report = readReport(resolve(file))
  } catch (error) {
    return { ok: false, message: (error as Error).message, path: file }
  }
  const { problems } = verifyReport(report, { root })
  return problems.length > 0 ? { ok: false, message: inconsistentReportMessage(file, problems), path: file } : { ok: true, report, path: file }
}
