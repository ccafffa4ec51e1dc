import { randomBytes } from 'node:crypto'
import { lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'

/** Where a report set lives inside the output directory. */
export const RUNS_FOLDER = 'runs'
/** The link that names the current set. */
export const CURRENT_LINK = 'current'

/** Options of `publishReportSet`. */
export interface PublishOptions {
  /** Complete sets kept besides the current one. @defaultValue 3 */
  readonly keepRuns?: number
  /** Temporary folders older than this are orphans of a killed run and are removed. @defaultValue 10 minutes */
  readonly orphanAgeMs?: number
}

/**
 * Publishes a folder of report files written elsewhere as the current set, in one atomic step: the folder is renamed
 * into `runs/`, then the `current` link is switched to it by renaming a fresh link over the old one (POSIX rename is
 * atomic), so a reader that opens `current/` sees one whole set, never two runs mixed. The stable names beside it
 * (`vitest-ml.json` → `current/vitest-ml.json`, ...) are links made once. Old sets beyond `keepRuns` and temporary
 * folders left by killed runs are removed; concurrent runs each publish a whole set and the last switch wins.
 *
 * @param directory - the output directory (`reports/`)
 * @param staged - a folder inside `directory/runs/` holding the complete set
 * @param names - the file names of the set (`vitest-ml.json`, ...)
 * @param options - how many old sets to keep, and file names of formats this set leaves out (their links are removed)
 * @returns the folder the set now lives in
 * @throws when the file system cannot make symbolic links (the caller then writes files in place)
 */
export function publishReportSet(
  directory: string,
  staged: string,
  names: readonly string[],
  options: PublishOptions & { readonly dropped?: readonly string[] } = {},
): string {
  const runs = join(directory, RUNS_FOLDER)
  const final = join(runs, staged.slice(staged.lastIndexOf('.tmp-') + '.tmp-'.length))
  renameSync(staged, final)
  replaceWithLink(join(directory, CURRENT_LINK), join(RUNS_FOLDER, final.slice(runs.length + 1)))
  for (const name of names) {
    const target = join(CURRENT_LINK, name)
    const path = join(directory, name)
    if (linkTarget(path) !== target) replaceWithLink(path, target)
  }
  // A format the new set does not have must not keep pointing into it.
  for (const name of options.dropped ?? []) if (linkTarget(join(directory, name)) === join(CURRENT_LINK, name)) rmSync(join(directory, name), { force: true })
  pruneRuns(directory, options)
  return final
}

/**
 * A fresh, empty temporary folder inside `directory/runs/` to write a set into before publishing it.
 *
 * @param directory - the output directory
 * @param runId - the run's id, part of the folder's final name
 */
export function stageReportSet(directory: string, runId: string): string {
  const staged = join(directory, RUNS_FOLDER, `.tmp-${runId}-${randomBytes(4).toString('hex')}`)
  mkdirSync(staged, { recursive: true })
  return staged
}

/** Replaces `path` (a file, a link or nothing) by a symbolic link to `target`, atomically. */
function replaceWithLink(path: string, target: string): void {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.link-tmp`
  symlinkSync(target, temporary)
  try {
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}

function linkTarget(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined
  } catch {
    return undefined
  }
}

/** Removes sets beyond the newest `keepRuns` (never the current one) and orphaned temporary folders and links. */
function pruneRuns(directory: string, options: PublishOptions): void {
  const runs = join(directory, RUNS_FOLDER)
  const current = linkTarget(join(directory, CURRENT_LINK))?.split(/[\\/]/).pop()
  const now = Date.now()
  const orphanAge = options.orphanAgeMs ?? 600_000
  const complete: { name: string; mtime: number }[] = []
  for (const name of safeList(runs)) {
    const mtime = safeMtime(join(runs, name))
    if (mtime === undefined) continue
    if (name.startsWith('.tmp-')) {
      if (now - mtime > orphanAge) rmSync(join(runs, name), { recursive: true, force: true })
    } else if (name !== current) complete.push({ name, mtime })
  }
  complete.sort((left, right) => right.mtime - left.mtime || (left.name < right.name ? 1 : left.name > right.name ? -1 : 0))
  for (const old of complete.slice(options.keepRuns ?? 3)) rmSync(join(runs, old.name), { recursive: true, force: true })
  for (const name of safeList(directory)) {
    if (!name.endsWith('.link-tmp') && !(name.startsWith('.') && name.endsWith('.tmp'))) continue
    const mtime = safeMtime(join(directory, name), true)
    if (mtime !== undefined && now - mtime > orphanAge) rmSync(join(directory, name), { force: true })
  }
}

function safeList(directory: string): string[] {
  try {
    return readdirSync(directory)
  } catch {
    return []
  }
}

function safeMtime(path: string, link = false): number | undefined {
  try {
    return (link ? lstatSync(path) : statSync(path)).mtimeMs
  } catch {
    return undefined
  }
}
