import { relative, resolve, sep } from 'node:path'
import { VitestMlError } from '../util/errors.js'
import { readReport } from './read-report.js'
import type { ReportBaseline } from './report.js'
import { snapshotReport } from './snapshot-report.js'
import { verifyReport } from './verify-report.js'

/**
 * Reads the base report a run is compared with, verifies it (a hand-edited base must not make a regression
 * disappear) and returns its snapshot for `report.baseline`.
 *
 * @param path - the base report, relative to `root` or absolute
 * @param root - the project root (attestations of the base are judged from it) @defaultValue process.cwd()
 * @returns the snapshot, with the path as given relative to the root
 * @throws VitestMlError when the file is missing, unreadable, of a format version that cannot be read, or inconsistent
 * @example
 * ```ts
 * loadBaseline('reports/release.json', root).runId // '20261120T101500Z-1a2b3c4d'
 * ```
 */
export function loadBaseline(path: string, root: string = process.cwd()): ReportBaseline {
  const absolute = resolve(root, path)
  const report = readReport(absolute)
  const { problems } = verifyReport(report, { root })
  if (problems.length > 0) {
    throw new VitestMlError(
      'loadBaseline',
      `a base report that agrees with itself at ${path}`,
      `${problems.length} inconsistencies: ${problems.slice(0, 3).join('; ')}`,
      "Point report.baseline at a report written by the vitest-ml reporter (for example the release's reports/vitest-ml.json, kept as a CI artifact); an edited base cannot be trusted to show regressions.",
    )
  }
  const shown = relative(root, absolute).split(sep).join('/')
  return { file: shown.startsWith('..') ? absolute : shown, ...snapshotReport(report) }
}
