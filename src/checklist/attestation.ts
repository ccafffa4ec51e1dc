import { realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'

/**
 * A signed-off statement that a checklist item is done when no test can prove it (for example a documented rollback
 * procedure): the document, who owns it and when it was last confirmed.
 */
export interface Attestation {
  /** Path of the document, relative to the project root; it must be a non-empty regular file inside the root. */
  readonly file: string
  /** Where reviewers can read it (wiki page, ticket). */
  readonly link?: string
  /** Who answers for it. */
  readonly owner: string
  /** When it was last confirmed, `YYYY-MM-DD`: a real calendar date, not in the future. */
  readonly date: string
  /** Days after `date` the attestation goes stale and stops counting. @defaultValue the gate's `attestationMaxAgeDays`, else no limit */
  readonly maxAgeDays?: number
}

/** The outcome of checking one attestation. */
export interface AttestationCheck {
  /** Whether the attestation holds. */
  readonly ok: boolean
  /** Why it does not hold. */
  readonly reason?: string
}

/** Options of `verifyAttestation`. */
export interface VerifyAttestationOptions {
  /** The moment the attestation is judged at (the run's end, so a report re-checked later gives the same answer). @defaultValue now */
  readonly now?: Date
  /** Age limit in days when the attestation sets none. @defaultValue no limit */
  readonly maxAgeDays?: number
}

const DAY_MS = 86_400_000

/**
 * Checks an attestation: the document must be a non-empty regular file inside the project root (no path that leaves
 * it, no symlink pointing out of it, no directory or device), the date a real ISO calendar date that is not in the
 * future, and not older than its age limit.
 *
 * @param attestation - the attestation from the gate file or plugin options
 * @param root - the project root; relative paths are resolved from it and every path must stay inside it
 * @param options - the moment to judge at and a default age limit
 * @returns `{ ok: true }`, or `{ ok: false, reason }` saying what is wrong
 * @example
 * ```ts
 * verifyAttestation({ file: 'docs/rollback.md', owner: 'ml-platform', date: '2026-01-15' }, process.cwd())
 * // { ok: false, reason: 'attested file docs/rollback.md does not exist (owner ml-platform, 2026-01-15)' }
 * ```
 */
export function verifyAttestation(attestation: Attestation, root: string, options: VerifyAttestationOptions = {}): AttestationCheck {
  const who = `(owner ${attestation.owner}, ${attestation.date})`
  const fileProblem = documentProblem(attestation.file, root)
  if (fileProblem !== undefined) return { ok: false, reason: `attested file ${attestation.file} ${fileProblem} ${who}` }
  const date = calendarDate(attestation.date)
  if (date === undefined) return { ok: false, reason: `attestation date "${attestation.date}" is not a real calendar date (YYYY-MM-DD) ${who}` }
  const now = options.now ?? new Date()
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  if (date > today) return { ok: false, reason: `attestation date ${attestation.date} is in the future ${who}` }
  const maxAgeDays = attestation.maxAgeDays ?? options.maxAgeDays
  const ageDays = Math.round((today - date) / DAY_MS)
  if (maxAgeDays !== undefined && ageDays > maxAgeDays) {
    return {
      ok: false,
      reason: `attestation of ${attestation.file} is stale: confirmed ${attestation.date}, ${ageDays} days ago, limit ${maxAgeDays} days ${who}`,
    }
  }
  return { ok: true }
}

/** What is wrong with the attested document, or `undefined` when it is a non-empty regular file inside the root. */
function documentProblem(file: string, root: string): string | undefined {
  const rootReal = realOrUndefined(root) ?? resolve(root)
  const path = isAbsolute(file) ? file : resolve(root, file)
  if (!inside(rootReal, resolve(path)) && !inside(resolve(root), resolve(path))) return 'is outside the project root'
  const real = realOrUndefined(path)
  if (real === undefined) return 'does not exist'
  if (!inside(rootReal, real)) return 'resolves (through a link) to a file outside the project root'
  const stats = statSync(real)
  if (!stats.isFile()) return 'is not a regular file'
  if (stats.size === 0) return 'is empty'
  return undefined
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path)
  } catch {
    return undefined
  }
}

/** Milliseconds at UTC midnight of a `YYYY-MM-DD` date that exists in the calendar, or `undefined`. */
function calendarDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (match === null) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1970) return undefined
  const time = Date.UTC(year, month - 1, day)
  const date = new Date(time)
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : undefined
}
