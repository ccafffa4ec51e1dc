/** Counts of each category in both samples, aligned. */
export interface CategoryCounts {
  /** Categories: reference order of first appearance, then categories only the current sample has. */
  readonly categories: string[]
  /** Reference count per category. */
  readonly reference: number[]
  /** Current count per category. */
  readonly current: number[]
}

/**
 * Counts category labels of two samples over the union of their categories, so a category that appears only in one
 * sample shows as a zero in the other.
 *
 * @param reference - reference labels
 * @param current - current labels
 * @returns aligned counts
 * @example
 * ```ts
 * categoryCounts(['a', 'b', 'a'], ['b', 'c'])
 * // { categories: ['a', 'b', 'c'], reference: [2, 1, 0], current: [0, 1, 1] }
 * ```
 */
export function categoryCounts(reference: readonly string[], current: readonly string[]): CategoryCounts {
  const index = new Map<string, number>()
  const referenceCounts: number[] = []
  const currentCounts: number[] = []
  const slot = (label: string): number => {
    let at = index.get(label)
    if (at === undefined) {
      at = index.size
      index.set(label, at)
      referenceCounts.push(0)
      currentCounts.push(0)
    }
    return at
  }
  for (const label of reference) referenceCounts[slot(label)]! += 1
  for (const label of current) currentCounts[slot(label)]! += 1
  return { categories: [...index.keys()], reference: referenceCounts, current: currentCounts }
}

/**
 * Turns counts into proportions (all zeros stay zeros).
 *
 * @param counts - counts
 * @returns proportions summing to 1
 * @example
 * ```ts
 * proportions([1, 3]) // [0.25, 0.75]
 * ```
 */
export function proportions(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0)
  return counts.map((count) => (total === 0 ? 0 : count / total))
}
