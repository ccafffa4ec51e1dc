import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The files named on the command line or found in the folders named. */
export interface FoundReportFiles {
  /** JSON files named directly. */
  readonly named: readonly string[]
  /** JSON files found inside the folders named (recursively, not following links). */
  readonly found: readonly string[]
  /** Paths that do not exist or are neither a file nor a folder. */
  readonly missing: readonly string[]
}

/**
 * Expands the paths given to `vitest-ml history`: a file is taken as it is; a folder is searched for `*.json` files at
 * any depth. Symbolic links are not followed, so a reports folder (where `vitest-ml.json` and `current` are links
 * into `runs/`) gives each kept run once; temporary folders of unfinished writes (`.tmp-*`) are skipped.
 *
 * @param paths - files and folders
 * @returns named files, found files (sorted), and paths that do not exist
 * @example
 * ```ts
 * findReportFiles(['releases/']) // { named: [], found: ['releases/v1.0.json', 'releases/v1.1.json'], missing: [] }
 * ```
 */
export function findReportFiles(paths: readonly string[]): FoundReportFiles {
  const named: string[] = []
  const found: string[] = []
  const missing: string[] = []
  for (const path of paths) {
    let isDirectory: boolean
    try {
      isDirectory = statSync(path).isDirectory()
    } catch {
      missing.push(path)
      continue
    }
    if (isDirectory) found.push(...walk(path).sort())
    else named.push(path)
  }
  return { named, found, missing }
}

function walk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return entry.name.startsWith('.tmp-') || entry.name === 'node_modules' ? [] : walk(path)
    return entry.isFile() && entry.name.endsWith('.json') ? [path] : []
  })
}
