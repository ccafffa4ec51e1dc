import seedrandom from 'seedrandom'

/**
 * A seeded random permutation of `0 .. n - 1` (Fisher-Yates with seedrandom): the same seed, the same order.
 *
 * @param n - how many indices
 * @param seed - the seed
 * @returns the permuted indices
 * @example
 * ```ts
 * seededPermutation(5, 'x') // e.g. [3, 0, 4, 1, 2]
 * ```
 */
export function seededPermutation(n: number, seed: string): number[] {
  const random = seedrandom(seed)
  const order = Array.from({ length: n }, (_, index) => index)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j] as number, order[i] as number]
  }
  return order
}
