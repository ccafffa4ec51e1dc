import { writeAtomically } from '../util/write-atomically.js'
import { loadReleases } from './load-releases.js'
import { renderHistoryHtml } from './render-history-html.js'
import type { DiffIo } from './run-diff.js'

/** Options of {@link runHistory}. */
export interface RunHistoryOptions {
  /** The page to write. @defaultValue 'reports/history.html' */
  readonly out?: string
  /** Render the history without the reports that cannot be read or verified (listed on the page) instead of refusing. @defaultValue false */
  readonly skipInvalid?: boolean
  /** A metric without an interval is marked as moved when it changes by at least this share. @defaultValue 0.1 */
  readonly minChange?: number
  /** Project root, for attestation files. @defaultValue process.cwd() */
  readonly root?: string
}

/**
 * `vitest-ml history REPORTS...`: reads every report (files, or folders searched for them), verifies each, and writes
 * the trend page (see `renderHistoryHtml`). A report that cannot be read or verified — an edited one, one of format
 * version 1 — stops the history with its reason (exit 2), unless `skipInvalid` leaves it out and names it on the page.
 *
 * @param paths - report files and folders
 * @param options - output, tolerance of bad files, move threshold
 * @param io - output streams
 * @returns the exit code: 0 written, 2 nothing to draw or a report refused
 * @example
 * ```ts
 * await runHistory(['releases/'], { out: 'site/history.html' }, io) // 0
 * ```
 */
export async function runHistory(paths: readonly string[], options: RunHistoryOptions, io: DiffIo): Promise<number> {
  const loaded = loadReleases(paths, options.root ?? process.cwd())
  if (loaded.refused.length > 0 && options.skipInvalid !== true) {
    io.err(
      [
        ...loaded.refused.map((entry) => entry.message),
        `vitest-ml: ${loaded.refused.length} of ${loaded.refused.length + loaded.releases.length} reports refused, so no history was written. Hint: fix or remove them, or pass --skip-invalid to draw the rest.`,
      ].join('\n'),
    )
    return 2
  }
  if (loaded.releases.length === 0) {
    io.err(
      `vitest-ml: no vitest-ml report found in ${paths.join(', ')}. Hint: pass report files (reports/runs/*/vitest-ml.json, releases/*.json) or a folder holding them.`,
    )
    return 2
  }
  const out = options.out ?? 'reports/history.html'
  writeAtomically(out, await renderHistoryHtml(loaded, options.minChange === undefined ? {} : { minChange: options.minChange }))
  const notes = [
    loaded.refused.length > 0 ? `${loaded.refused.length} refused (listed on the page)` : '',
    loaded.ignored.length > 0 ? `${loaded.ignored.length} files that are not reports skipped` : '',
    loaded.duplicates.length > 0 ? `${loaded.duplicates.length} duplicates` : '',
  ].filter(Boolean)
  io.out(
    `vitest-ml: wrote ${out}: ${loaded.releases.length} releases, ${loaded.releases[0]!.label} to ${loaded.releases[loaded.releases.length - 1]!.label}${notes.length === 0 ? '' : `; ${notes.join(', ')}`}`,
  )
  return 0
}
