import { randomBytes } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Writes a file so readers never see it half-written: the content goes to a temporary file in the same directory,
 * which is then renamed over the target (an atomic step on POSIX file systems). Missing directories are created.
 *
 * @param path - the target file
 * @param content - what to write
 * @example
 * ```ts
 * writeAtomically('reports/vitest-ml.json', JSON.stringify(report, null, 2))
 * ```
 */
export function writeAtomically(path: string, content: string): void {
  const directory = dirname(path)
  mkdirSync(directory, { recursive: true })
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    writeFileSync(temporary, content, 'utf8')
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}
