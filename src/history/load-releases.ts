import { readFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import type { Report } from '../report/report.js'
import { findReportFiles } from './find-report-files.js'
import { readVerifiedReport } from './read-verified-report.js'

/** One release of the history: a verified report and the name it is shown under. */
export interface Release {
  /**
   * Shown on the x axis: the file's name, or for `vitest-ml.json` the report set's folder (`releases/v1.2/vitest-ml.json`
   * and `releases/v1.2/runs/<run id>/vitest-ml.json` → `v1.2`); labels that repeat get the run id added.
   */
  readonly label: string
  /** The file it was read from. */
  readonly path: string
  /** The verified report. */
  readonly report: Report
}

/** What {@link loadReleases} read. */
export interface LoadedReleases {
  /** Verified reports, oldest first (by the time the run finished). */
  readonly releases: readonly Release[]
  /** Reports refused (unreadable, a format that cannot be verified, inconsistent), with the reason. */
  readonly refused: readonly { readonly path: string; readonly message: string }[]
  /** JSON files found in folders that are not vitest-ml reports at all (no `schemaVersion`), skipped. */
  readonly ignored: readonly string[]
  /** The same report reached twice (same digest), kept once. */
  readonly duplicates: readonly string[]
}

/**
 * Reads every report of a history: files as named, folders searched (see `findReportFiles`). Each report is verified
 * before it is used; one that cannot be read or verified is refused with the reason (the caller decides whether that
 * stops the history). A JSON file in a folder that is not a vitest-ml report at all is skipped and listed.
 *
 * @param paths - report files and folders
 * @param root - the project root, for attestation files @defaultValue process.cwd()
 * @returns releases oldest first, refused files, ignored files, duplicates
 * @example
 * ```ts
 * loadReleases(['releases/']).releases.map((release) => release.label) // ['v1.0', 'v1.1', 'v1.2']
 * ```
 */
export function loadReleases(paths: readonly string[], root: string = process.cwd()): LoadedReleases {
  const files = findReportFiles(paths)
  const refused: { path: string; message: string }[] = files.missing.map((path) => ({ path, message: `vitest-ml: ${path} does not exist` }))
  const ignored = files.found.filter((path) => !looksLikeReport(path))
  const candidates = [...files.named, ...files.found.filter((path) => !ignored.includes(path))]
  const seen = new Map<string, string>()
  const duplicates: string[] = []
  const loaded: { path: string; report: Report }[] = []
  for (const path of candidates) {
    const read = readVerifiedReport(path, root)
    if (!read.ok) {
      refused.push({ path, message: read.message })
      continue
    }
    if (seen.has(read.report.integrity.digest)) {
      duplicates.push(path)
      continue
    }
    seen.set(read.report.integrity.digest, path)
    loaded.push({ path, report: read.report })
  }
  loaded.sort((left, right) => compare(left.report.run.finishedAt, right.report.run.finishedAt) || compare(left.path, right.path))
  const labels = loaded.map((entry) => labelOf(entry.path))
  const releases = loaded.map((entry, index) => {
    const label = labels[index]!
    const unique = labels.filter((other) => other === label).length === 1 ? label : `${label} (${entry.report.run.id.slice(0, 16)})`
    return { label: unique, path: entry.path, report: entry.report }
  })
  return { releases, refused, ignored, duplicates }
}

function labelOf(path: string): string {
  const stem = basename(path).replace(/\.json$/, '')
  if (stem !== 'vitest-ml') return stem
  // A report set: <name>/vitest-ml.json, or <name>/runs/<run id>/vitest-ml.json.
  const folder = dirname(path)
  return basename(dirname(folder)) === 'runs' ? basename(dirname(dirname(folder))) : basename(folder)
}

function looksLikeReport(path: string): boolean {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown
    return typeof parsed === 'object' && parsed !== null && 'schemaVersion' in parsed
  } catch {
    return true // unreadable or not JSON: let the reader say so
  }
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0
}
