/**
 * The `q` quantile of sorted values by linear interpolation between order statistics — numpy's default
 * (`np.quantile(x, q)`, method 'linear'), including its `_lerp`, which interpolates from the nearer end so the result
 * is exact at both ends. Only the two order statistics around the position are read, so partially sorted data (after
 * a selection) works too.
 *
 * @param sorted - values in ascending order (at least at positions ⌊(n-1)q⌋ and the next), not empty
 * @param q - the quantile, in [0, 1]
 * @returns the interpolated value
 * @example
 * ```ts
 * linearQuantile([1, 2, 3, 4], 0.5) // 2.5, as np.quantile([1, 2, 3, 4], 0.5)
 * ```
 */
export function linearQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length
  const virtual = (n - 1) * q
  const lo = Math.floor(virtual)
  if (lo >= n - 1) return sorted[n - 1] as number
  if (lo < 0) return sorted[0] as number
  const a = sorted[lo] as number
  const b = sorted[lo + 1] as number
  const t = virtual - lo
  const diff = b - a
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
}
