import { existsSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'

/**
 * A signed-off statement that a checklist item is done when no test can prove it (for example a documented rollback
 * procedure): the document, who owns it and when it was last confirmed.
 */
export interface Attestation {
  /** Path of the document, relative to the project root; it must exist. */
  readonly file: string
  /** Where reviewers can read it (wiki page, ticket). */
  readonly link?: string
  /** Who answers for it. */
  readonly owner: string
  /** When it was last confirmed, `YYYY-MM-DD`. */
  readonly date: string
}

/** The outcome of checking one attestation. */
export interface AttestationCheck {
  /** Whether the attestation holds (its file exists). */
  readonly ok: boolean
  /** Why it does not hold. */
  readonly reason?: string
}

/**
 * Checks an attestation: the document it points at must exist.
 *
 * @param attestation - the attestation from the gate file or plugin options
 * @param root - directory relative paths are resolved from (the project root)
 * @returns `{ ok: true }`, or `{ ok: false, reason }` naming the missing file
 * @example
 * ```ts
 * verifyAttestation({ file: 'docs/rollback.md', owner: 'ml-platform', date: '2026-01-15' }, process.cwd())
 * // { ok: false, reason: 'attested file docs/rollback.md does not exist' }
 * ```
 */
export function verifyAttestation(attestation: Attestation, root: string): AttestationCheck {
  const path = isAbsolute(attestation.file) ? attestation.file : resolve(root, attestation.file)
  if (!existsSync(path)) {
    return { ok: false, reason: `attested file ${attestation.file} does not exist (owner ${attestation.owner}, ${attestation.date})` }
  }
  return { ok: true }
}
