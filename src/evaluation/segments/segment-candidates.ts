import type { SegmentCondition } from './segment-conditions.js'

/** A segment to test: one condition, or two on different features. */
export interface SegmentCandidate {
  /** The readable rule, for example `Island = Dream and Body Mass (g) < 3,700`. */
  readonly rule: string
  /** The features the rule reads. */
  readonly features: readonly string[]
  /** Rows in the segment. */
  readonly indices: readonly number[]
}

/**
 * Every segment a weak-segment search examines: each single condition, and (with `pairs`) each conjunction of two
 * conditions on different features. Segments smaller than `minSize` are counted but not kept; a segment with exactly the
 * rows of a simpler one already kept is dropped (it would be the same test twice).
 *
 * @param conditions - single-feature conditions (`segmentConditions`)
 * @param options - `minSize` and whether to pair features
 * @returns the segments to test, and how many were too small
 * @example
 * ```ts
 * segmentCandidates(conditions, { minSize: 20, pairs: true }).candidates[0] // { rule: 'Island = Biscoe', features: ['Island'], indices: [...] }
 * ```
 */
export function segmentCandidates(
  conditions: readonly SegmentCondition[],
  options: { readonly minSize: number; readonly pairs: boolean },
): { candidates: SegmentCandidate[]; tooSmall: number } {
  const candidates: SegmentCandidate[] = []
  const seen = new Map<string, number[][]>()
  let tooSmall = 0
  const consider = (rule: string, features: readonly string[], indices: number[]): void => {
    if (indices.length === 0) return
    if (indices.length < options.minSize) {
      tooSmall++
      return
    }
    const key = fingerprint(indices)
    const same = seen.get(key)
    if (same?.some((kept) => kept.length === indices.length && kept.every((index, k) => index === indices[k])) === true) return
    seen.set(key, [...(same ?? []), indices])
    candidates.push({ rule, features, indices })
  }
  const rowsOf = conditions.map((condition) => {
    const indices: number[] = []
    for (let index = 0; index < condition.members.length; index++) if (condition.members[index] === 1) indices.push(index)
    return indices
  })
  for (const [k, condition] of conditions.entries()) consider(condition.rule, [condition.feature], rowsOf[k] as number[])
  if (!options.pairs) return { candidates, tooSmall }
  for (let i = 0; i < conditions.length; i++) {
    for (let j = i + 1; j < conditions.length; j++) {
      const first = conditions[i] as SegmentCondition
      const second = conditions[j] as SegmentCondition
      if (first.feature === second.feature) continue
      consider(`${first.rule} and ${second.rule}`, [first.feature, second.feature], intersect(rowsOf[i] as number[], rowsOf[j] as number[]))
    }
  }
  return { candidates, tooSmall }
}

/** A short key for a set of row indices (length and two 32-bit FNV-1a hashes); equal keys are compared in full. */
function fingerprint(indices: readonly number[]): string {
  let first = 0x811c9dc5
  let second = 0x01000193
  for (const index of indices) {
    first = Math.imul(first ^ index, 0x01000193) >>> 0
    second = Math.imul(second ^ (index + 0x9e3779b9), 0x85ebca6b) >>> 0
  }
  return `${indices.length}:${first}:${second}`
}

/** The rows in both of two ascending index lists (a merge: linear in their lengths, not in the data). */
function intersect(left: readonly number[], right: readonly number[]): number[] {
  const both: number[] = []
  let i = 0
  let j = 0
  while (i < left.length && j < right.length) {
    const a = left[i] as number
    const b = right[j] as number
    if (a === b) {
      both.push(a)
      i++
      j++
    } else if (a < b) i++
    else j++
  }
  return both
}
