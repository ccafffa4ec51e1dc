/**
 * Category counts of a column as plain data: exact while there are at most `maxCategories` distinct labels; beyond
 * that the Misra-Gries frequent-items reduction keeps the most frequent ones, and every listed count is at most
 * `countError` below the true count (an unlisted label occurs at most `countError` times).
 */
export interface CategorySummary {
  /** `[label, count]`, most frequent first. */
  readonly counts: [string, number][]
  /** Upper bound on how far each count is below the truth; 0 means exact. */
  readonly countError: number
}

/**
 * Applies the Misra-Gries reduction when a map holds more than twice `maxCategories` labels: the
 * (maxCategories + 1)-th largest count is subtracted from every count and labels at or below zero are dropped.
 *
 * @param counts - label counts (changed in place)
 * @param maxCategories - labels to keep at most
 * @returns the amount subtracted (0 when nothing was reduced)
 * @example
 * ```ts
 * reduceCategories(new Map([['a', 5], ['b', 1], ['c', 1]]), 1) // 1 -> Map { a: 4 }
 * ```
 */
export function reduceCategories(counts: Map<string, number>, maxCategories: number): number {
  if (counts.size <= 2 * maxCategories) return 0
  const sorted = [...counts.values()].sort((left, right) => right - left)
  const cut = sorted[maxCategories] ?? 0
  for (const [label, count] of counts) {
    if (count <= cut) counts.delete(label)
    else counts.set(label, count - cut)
  }
  return cut
}

/**
 * Finishes a count map into a summary (most frequent first, ties by label), applying the reduction once more so that
 * at most `maxCategories` labels are listed.
 *
 * @param counts - label counts
 * @param countError - the error accumulated so far
 * @param maxCategories - labels to list at most
 * @returns the summary
 * @example
 * ```ts
 * finishCategories(new Map([['a', 2], ['b', 1]]), 0, 10) // { counts: [['a', 2], ['b', 1]], countError: 0 }
 * ```
 */
export function finishCategories(counts: ReadonlyMap<string, number>, countError: number, maxCategories: number): CategorySummary {
  const sorted = [...counts.entries()].sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : left[0] > right[0] ? 1 : 0))
  if (sorted.length <= maxCategories) return { counts: sorted, countError }
  const cut = sorted[maxCategories]?.[1] ?? 0
  return {
    counts: sorted
      .slice(0, maxCategories)
      .map(([label, count]) => [label, count - cut] as [string, number])
      .filter(([, count]) => count > 0),
    countError: countError + cut,
  }
}

/**
 * Merges two category summaries: counts add, errors add, and the result is reduced to `maxCategories` labels.
 *
 * @param left - one summary
 * @param right - the other
 * @param maxCategories - labels to list at most
 * @returns the merged summary
 * @example
 * ```ts
 * mergeCategories({ counts: [['a', 2]], countError: 0 }, { counts: [['a', 1], ['b', 1]], countError: 0 }, 10)
 * // { counts: [['a', 3], ['b', 1]], countError: 0 }
 * ```
 */
export function mergeCategories(left: CategorySummary, right: CategorySummary, maxCategories: number): CategorySummary {
  const counts = new Map(left.counts)
  for (const [label, count] of right.counts) counts.set(label, (counts.get(label) ?? 0) + count)
  return finishCategories(counts, left.countError + right.countError, maxCategories)
}
