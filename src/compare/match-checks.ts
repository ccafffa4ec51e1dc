/** The fields that identify a check across two reports. */
export interface CheckIdentity {
  /** The recorded check id (`kind:test-slug:position`, or `kind:stable-id:position` with `stableCheckId`). */
  readonly id?: string
  /** Check kind. */
  readonly kind: string
  /** The claim the check makes. */
  readonly title: string
  /** Test file. */
  readonly file: string
  /** Whether the assertion was negated. */
  readonly negated?: boolean
  /** The model checked, by name. */
  readonly model?: { readonly name: string }
  /** The data used, by name. */
  readonly data?: { readonly name: string }
}

/** How a pair was matched: by its id (in the same file, or moved to another file), or by what the check is. */
export type MatchedBy = 'id' | 'moved' | 'fingerprint'

/** A check of the base and the same check in the head. */
export interface CheckPair<B, H> {
  /** The check in the base report. */
  readonly base: B
  /** The check in the head report. */
  readonly head: H
  /** Which rule matched them. */
  readonly matchedBy: MatchedBy
}

/** The result of {@link matchChecks}. */
export interface CheckMatching<B, H> {
  /** Matched checks, in the head's order. */
  readonly pairs: readonly CheckPair<B, H>[]
  /** Head checks with no counterpart in the base, in the head's order. */
  readonly added: readonly H[]
  /** Base checks with no counterpart in the head, in the base's order. */
  readonly removed: readonly B[]
}

/**
 * What a check is, without the test it sits in: kind, polarity, title, model name and data name. Model and data
 * hashes are left out on purpose — a new release changes the model's hash, and the check is still the same check.
 *
 * @param check - the check
 * @returns a string equal for the same check in two runs
 * @example
 * ```ts
 * checkFingerprint({ kind: 'baseline', title: 'm.onnx beats majority on accuracy', file: 'a.test.ts', model: { name: 'm.onnx' } })
 * // 'baseline\u0000+\u0000m.onnx beats majority on accuracy\u0000m.onnx\u0000'
 * ```
 */
export function checkFingerprint(check: CheckIdentity): string {
  return [check.kind, check.negated === true ? '-' : '+', check.title, check.model?.name ?? '', check.data?.name ?? ''].join('\u0000')
}

/**
 * Matches the checks of two reports, in three passes over what is still unmatched: the same id in the same file; the
 * same id in another file (the test moved); then the same fingerprint — kind, polarity, title, model and data names —
 * so a renamed test whose check is the same keeps its match. Within a pass, the n-th check with a key in the base
 * pairs with the n-th check with that key in the head. Checks left over were added or removed.
 *
 * @param base - the base report's checks
 * @param head - the head report's checks
 * @returns pairs, added and removed checks
 * @example
 * ```ts
 * matchChecks(base.checks, head.checks).pairs.filter((pair) => pair.matchedBy === 'fingerprint') // renamed tests
 * ```
 */
export function matchChecks<B extends CheckIdentity, H extends CheckIdentity>(base: readonly B[], head: readonly H[]): CheckMatching<B, H> {
  const baseOf = new Map<number, number>()
  const rules: readonly [MatchedBy, (check: CheckIdentity) => string | undefined][] = [
    ['id', (check) => (check.id === undefined ? undefined : `${check.file}\u0000${check.id}`)],
    ['moved', (check) => check.id],
    ['fingerprint', checkFingerprint],
  ]
  const how = new Map<number, MatchedBy>()
  for (const [rule, key] of rules) {
    const waiting = new Map<string, number[]>()
    const taken = new Set(baseOf.values())
    base.forEach((check, index) => {
      const value = taken.has(index) ? undefined : key(check)
      if (value !== undefined) waiting.set(value, [...(waiting.get(value) ?? []), index])
    })
    head.forEach((check, index) => {
      if (baseOf.has(index)) return
      const value = key(check)
      const queue = value === undefined ? undefined : waiting.get(value)
      const found = queue?.shift()
      if (found === undefined) return
      baseOf.set(index, found)
      how.set(index, rule)
    })
  }
  const pairs: CheckPair<B, H>[] = []
  const added: H[] = []
  head.forEach((check, index) => {
    const found = baseOf.get(index)
    if (found === undefined) added.push(check)
    else pairs.push({ base: base[found]!, head: check, matchedBy: how.get(index)! })
  })
  const matched = new Set(baseOf.values())
  return { pairs, added, removed: base.filter((_, index) => !matched.has(index)) }
}
