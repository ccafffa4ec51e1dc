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
export function segmentCandidates(conditions: readonly SegmentCondition[], options: { readonly minSize: number; readonly pairs: boolean }): { candidates: SegmentCandidate[]; tooSmall: number } {
  const candidates: SegmentCandidate[] = []
  const seen = new Set<string>()
  let tooSmall = 0
  const consider = (rule: string, features: readonly string[], members: Uint8Array): void => {
    const indices: number[] = []
    members.forEach((member, index) => {
      if (member === 1) indices.push(index)
    })
    if (indices.length === 0) return
    if (indices.length < options.minSize) {
      tooSmall++
      return
    }
    const key = indices.join(',')
    if (seen.has(key)) return
    seen.add(key)
    candidates.push({ rule, features, indices })
  }
  for (const condition of conditions) consider(condition.rule, [condition.feature], condition.members)
  if (!options.pairs) return { candidates, tooSmall }
  for (let i = 0; i < conditions.length; i++) {
    for (let j = i + 1; j < conditions.length; j++) {
      const first = conditions[i] as SegmentCondition
      const second = conditions[j] as SegmentCondition
      if (first.feature === second.feature) continue
      const both = Uint8Array.from(first.members, (member, index) => member & (second.members[index] as number))
      consider(`${first.rule} and ${second.rule}`, [first.feature, second.feature], both)
    }
  }
  return { candidates, tooSmall }
}
