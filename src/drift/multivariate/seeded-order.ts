import seedrandom from 'seedrandom'

/** A seeded source of uniform numbers in [0, 1). */
export type Random = () => number

/**
 * A seeded random source (seedrandom's ARC4), the one every multivariate drift test draws from: same seed, same draws.
 *
 * @param seed - the seed
 * @returns a function returning uniform numbers in [0, 1)
 * @example
 * ```ts
 * seededRandom(0)() === seededRandom(0)() // true
 * ```
 */
export function seededRandom(seed: number): Random {
  return seedrandom(`vitest-ml-multivariate-${seed}`)
}

/**
 * Shuffles `values` in place with Fisher-Yates and returns it.
 *
 * @param values - the array to shuffle
 * @param random - the random source
 * @returns the same array, shuffled
 * @example
 * ```ts
 * shuffleInPlace(Uint32Array.of(0, 1, 2, 3), seededRandom(1)) // e.g. [2, 0, 3, 1]
 * ```
 */
export function shuffleInPlace<T extends { length: number; [index: number]: number }>(values: T, random: Random): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = values[i] as number
    values[i] = values[j] as number
    values[j] = swap
  }
  return values
}

/**
 * Up to `limit` distinct row indices out of `rows`, drawn without replacement and returned in increasing order; all
 * rows when there are no more than `limit`.
 *
 * @param rows - how many rows there are
 * @param limit - how many to keep at most
 * @param random - the random source
 * @returns the kept row indices, sorted
 * @example
 * ```ts
 * sampleRowIndices(10, 3, seededRandom(0)) // e.g. Uint32Array [1, 4, 8]
 * ```
 */
export function sampleRowIndices(rows: number, limit: number, random: Random): Uint32Array {
  const all = new Uint32Array(rows)
  for (let i = 0; i < rows; i++) all[i] = i
  if (rows <= limit) return all
  // Partial Fisher-Yates: the first `limit` slots end up a uniform sample without replacement.
  for (let i = 0; i < limit; i++) {
    const j = i + Math.floor(random() * (rows - i))
    const swap = all[i] as number
    all[i] = all[j] as number
    all[j] = swap
  }
  return all.slice(0, limit).sort()
}
