/**
 * Seeded train/test splits that keep the row indices of the original dataset file, so a test can re-read exactly the
 * rows a model was evaluated on.
 */
import seedrandom from 'seedrandom'

/** Row indices into the original dataset file, each list sorted ascending. */
export interface SplitResult {
  readonly train: number[]
  readonly test: number[]
}

/**
 * Fisher-Yates shuffle driven by a seeded generator; returns a new array.
 * @param items - the items to shuffle
 * @param random - a generator of floats in [0, 1)
 */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items]
  for (let index = result.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1))
    const item = result[index] as T
    result[index] = result[other] as T
    result[other] = item
  }
  return result
}

/**
 * Stratified split: within each group (visited in sorted order) a seeded shuffle puts `round(size * testFraction)`
 * rows into the test split.
 * @param rowIndices - indices of the kept rows in the original file
 * @param groups - the stratum of each kept row (e.g. its class), parallel to `rowIndices`
 * @param testFraction - share of each stratum held out
 * @param seed - the seedrandom seed
 * @example stratifiedSplit([0, 1, 2, 3], ['a', 'a', 'b', 'b'], 0.5, 'seed') // { train: [..2], test: [..2] }
 */
export function stratifiedSplit(rowIndices: readonly number[], groups: readonly string[], testFraction: number, seed: string): SplitResult {
  const random = seedrandom(seed)
  const byGroup = new Map<string, number[]>()
  rowIndices.forEach((rowIndex, position) => {
    const group = groups[position] ?? ''
    byGroup.set(group, [...(byGroup.get(group) ?? []), rowIndex])
  })
  const train: number[] = []
  const test: number[] = []
  for (const group of [...byGroup.keys()].sort()) {
    const members = shuffled(byGroup.get(group) ?? [], random)
    const testCount = Math.round(members.length * testFraction)
    test.push(...members.slice(0, testCount))
    train.push(...members.slice(testCount))
  }
  return { train: train.sort((x, y) => x - y), test: test.sort((x, y) => x - y) }
}

/**
 * Plain seeded split: a shuffle of all rows, the first `round(n * testFraction)` go to the test split.
 * @param rowIndices - indices of the kept rows in the original file
 * @param testFraction - share held out
 * @param seed - the seedrandom seed
 */
export function randomSplit(rowIndices: readonly number[], testFraction: number, seed: string): SplitResult {
  const order = shuffled(rowIndices, seedrandom(seed))
  const testCount = Math.round(order.length * testFraction)
  return {
    train: order.slice(testCount).sort((x, y) => x - y),
    test: order.slice(0, testCount).sort((x, y) => x - y),
  }
}
