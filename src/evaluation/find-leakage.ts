import { VitestMlError } from '../util/errors.js'
import { nearDuplicatePairs } from './near-duplicates.js'
import { type RowSource, rowHash, rowSetHash, rowsOf } from './row-hash.js'

/** Options of `findLeakage`. */
export interface FindLeakageOptions {
  /** Record keys (or array positions) that identify a row, such as an id; by default the whole row. */
  readonly keys?: readonly (string | number)[]
  /**
   * Near-duplicate distance: two rows are near duplicates when their non-numeric values are equal and every numeric
   * value differs by at most this many training standard deviations. `0` turns the search off.
   * @defaultValue `0.01`
   */
  readonly nearDuplicateDistance?: number
  /** Examples kept per kind. @defaultValue `10` */
  readonly maxListed?: number
}

/** One leaked test row and the training row it matches. */
export interface LeakedRow {
  readonly testIndex: number
  readonly trainIndex: number
  /** Largest standardised difference over numeric columns (0 for exact duplicates). */
  readonly distance: number
  readonly testRow: unknown
  readonly trainRow: unknown
}

/** Result of `findLeakage`. */
export interface LeakageResult {
  readonly trainRows: number
  readonly testRows: number
  /** Test rows whose row (or key columns) also appears in training. */
  readonly exactDuplicates: number
  readonly exactRate: number
  /** Test rows that are not exact duplicates but lie within `nearDuplicateDistance` of a training row. */
  readonly nearDuplicates: number
  readonly nearRate: number
  /** Examples of each kind, at most `maxListed`. */
  readonly examples: { readonly exact: readonly LeakedRow[]; readonly near: readonly LeakedRow[] }
  readonly nearDuplicateDistance: number
  readonly keys?: readonly (string | number)[]
  /** Order-independent SHA-256 of each set. */
  readonly trainSha256: string
  readonly testSha256: string
}

/**
 * Finds test rows that leaked from training: exact overlap by SHA-256 of each row's canonical JSON (or of its key
 * columns), and near duplicates of numeric rows after standardisation, found with a grid over the first numeric
 * columns (neighbouring cells only) so it stays close to linear on large data.
 *
 * @param train - training rows, a `Dataset`, or `{ inputs }`
 * @param test - test rows, a `Dataset`, or `{ inputs }`
 * @param options - see {@link FindLeakageOptions}
 * @returns counts, rates, examples and fingerprints
 * @example
 * ```ts
 * findLeakage([[1, 2], [3, 4]], [[1, 2], [5, 6]]) // { exactDuplicates: 1, exactRate: 0.5, nearDuplicates: 0, ... }
 * ```
 */
export function findLeakage(train: RowSource, test: RowSource, options: FindLeakageOptions = {}): LeakageResult {
  const trainRows = rowsOf('findLeakage', train, 'train')
  const testRows = rowsOf('findLeakage', test, 'test')
  const tolerance = options.nearDuplicateDistance ?? 0.01
  const maxListed = options.maxListed ?? 10
  if (!(tolerance >= 0 && Number.isFinite(tolerance))) {
    throw new VitestMlError(
      'findLeakage',
      'a finite `nearDuplicateDistance` >= 0 (in standard deviations)',
      String(tolerance),
      'Use 0.01, or 0 to check exact duplicates only.',
    )
  }
  if (testRows.length === 0) throw new VitestMlError('findLeakage', 'at least 1 test row', '0', 'An empty test set cannot be checked; check the split.')
  const trainIndex = new Map<string, number>()
  trainRows.forEach((row, index) => {
    const hash = rowHash(row, options.keys)
    if (!trainIndex.has(hash)) trainIndex.set(hash, index)
  })
  const exact: LeakedRow[] = []
  const exactSet = new Set<number>()
  testRows.forEach((row, testIndex) => {
    const match = trainIndex.get(rowHash(row, options.keys))
    if (match === undefined) return
    exactSet.add(testIndex)
    if (exact.length < maxListed) exact.push({ testIndex, trainIndex: match, distance: 0, testRow: row, trainRow: trainRows[match] })
  })
  const nearAll = tolerance === 0 || options.keys !== undefined ? [] : nearDuplicatePairs(trainRows, testRows, tolerance, exactSet)
  const near = nearAll
    .slice(0, maxListed)
    .map(({ testIndex, trainIndex: match, distance }) => ({ testIndex, trainIndex: match, distance, testRow: testRows[testIndex], trainRow: trainRows[match] }))
  return {
    trainRows: trainRows.length,
    testRows: testRows.length,
    exactDuplicates: exactSet.size,
    exactRate: exactSet.size / testRows.length,
    nearDuplicates: nearAll.length,
    nearRate: nearAll.length / testRows.length,
    examples: { exact, near },
    nearDuplicateDistance: tolerance,
    ...(options.keys === undefined ? {} : { keys: options.keys }),
    trainSha256: rowSetHash(trainRows),
    testSha256: rowSetHash(testRows),
  }
}
