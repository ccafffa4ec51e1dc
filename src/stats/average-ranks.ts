/** Midranks of a pooled sample and the sizes of its tie groups. */
export interface AverageRanks {
  /** Rank of each value (1-based, ties get the average of their ranks), in input order. */
  readonly ranks: Float64Array
  /** Size of every group of equal values (1 for untied values), in sorted order. */
  readonly tieCounts: number[]
}

/**
 * Average ("midrank") ranks, as `scipy.stats.rankdata(values, method='average')`, plus the tie-group sizes the
 * tie corrections of rank tests need.
 *
 * @param values - the pooled values (no NaN)
 * @returns ranks in input order and tie-group sizes
 * @example
 * ```ts
 * averageRanks(Float64Array.of(10, 20, 10)) // -> { ranks: [1.5, 3, 1.5], tieCounts: [2, 1] }
 * ```
 */
export function averageRanks(values: Float64Array): AverageRanks {
  const n = values.length
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  order.sort((x, y) => (values[x] as number) - (values[y] as number))
  const ranks = new Float64Array(n)
  const tieCounts: number[] = []
  let start = 0
  while (start < n) {
    let end = start + 1
    const value = values[order[start] as number] as number
    while (end < n && values[order[end] as number] === value) end++
    const rank = (start + 1 + end) / 2
    for (let i = start; i < end; i++) ranks[order[i] as number] = rank
    tieCounts.push(end - start)
    start = end
  }
  return { ranks, tieCounts }
}
