/**
 * Rearranges `values` in place so that, for every requested rank r, `values[r]` holds the r-th smallest value
 * (0-based), like numpy's `partition` with several kth. A multi-target quickselect (Hoare partition, median-of-three
 * pivot) that only descends into the parts containing requested ranks, so finding a few quantiles costs a few passes
 * over the data instead of a full sort; parts that recurse too deep are sorted natively, bounding the worst case.
 *
 * @param values - numbers without NaN; reordered in place
 * @param ranks - the ranks to place, ascending, each in [0, values.length)
 * @returns `values`, partitioned
 * @example
 * ```ts
 * const x = Float64Array.of(9, 1, 8, 2, 7, 3)
 * selectOrderStatistics(x, [0, 3]) // x[0] === 1, x[3] === 7
 * ```
 */
export function selectOrderStatistics(values: Float64Array, ranks: readonly number[]): Float64Array {
  if (ranks.length > 0) select(values, 0, values.length - 1, ranks, 0, ranks.length - 1, 0)
  return values
}

function select(a: Float64Array, lo0: number, hi0: number, ranks: readonly number[], r0: number, r1: number, depth: number): void {
  let lo = lo0
  let hi = hi0
  let rLo = r0
  let rHi = r1
  for (;;) {
    while (rLo <= rHi && (ranks[rLo] as number) < lo) rLo++
    while (rHi >= rLo && (ranks[rHi] as number) > hi) rHi--
    if (rLo > rHi || hi <= lo) return
    if (hi - lo < 24 || depth > 60) {
      a.subarray(lo, hi + 1).sort()
      return
    }
    const mid = lo + ((hi - lo) >> 1)
    const x = a[lo] as number
    const y = a[mid] as number
    const z = a[hi] as number
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y
    let i = lo - 1
    let j = hi + 1
    for (;;) {
      do i++
      while ((a[i] as number) < pivot)
      do j--
      while ((a[j] as number) > pivot)
      if (i >= j) break
      const t = a[i] as number
      a[i] = a[j] as number
      a[j] = t
    }
    // [lo, j] <= pivot <= [j + 1, hi]; split the requested ranks and recurse into the smaller side.
    let split = rLo
    while (split <= rHi && (ranks[split] as number) <= j) split++
    depth++
    if (split - rLo <= rHi - split + 1) {
      select(a, lo, j, ranks, rLo, split - 1, depth)
      lo = j + 1
      rLo = split
    } else {
      select(a, j + 1, hi, ranks, split, rHi, depth)
      hi = j
      rHi = split - 1
    }
  }
}
