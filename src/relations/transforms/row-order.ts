import { VitestMlError } from '../../util/errors.js'

/** Constraints of {@link rowOrder}. */
export interface RowOrderConstraints {
  /** Fewest rows in a generated batch. @defaultValue 2 */
  readonly minRows?: number
  /** Most rows in a generated batch. @defaultValue 16 */
  readonly maxRows?: number
}

/** The batch-level transform {@link rowOrder} returns; `toBeInvariantUnder` predicts each batch in its own call. */
export interface RowOrderTransform {
  readonly kind: 'row-order'
  readonly minRows: number
  readonly maxRows: number
}

/**
 * A batch-level invariance: the rows of a batch are permuted, and every row must get the same answer in either order
 * (no batch-dependent normalisation, padding or state leaking between rows). Each generated batch and its permutation
 * are predicted in separate calls of their own; the permutation shrinks toward the identity and the batch toward
 * `minRows` rows.
 *
 * @param constraints - batch sizes
 * @returns the transform, for `toBeInvariantUnder`
 * @example
 * ```ts
 * await expect(model).toBeInvariantUnder(rowOrder({ maxRows: 32 }), { inputs: rows, numRuns: 200 })
 * ```
 */
export function rowOrder(constraints: RowOrderConstraints = {}): RowOrderTransform {
  const minRows = constraints.minRows ?? 2
  const maxRows = constraints.maxRows ?? 16
  if (!(Number.isInteger(minRows) && Number.isInteger(maxRows) && minRows >= 2 && minRows <= maxRows)) {
    throw new VitestMlError(
      'rowOrder',
      'whole batch sizes with 2 <= minRows <= maxRows',
      `minRows ${minRows}, maxRows ${maxRows}`,
      'A permutation needs at least two rows.',
    )
  }
  return { kind: 'row-order', minRows, maxRows }
}

/**
 * True for the batch-level {@link rowOrder} transform.
 *
 * @param transform - any transform
 * @example
 * ```ts
 * isRowOrderTransform(rowOrder()) // true
 * ```
 */
export function isRowOrderTransform(transform: unknown): transform is RowOrderTransform {
  return typeof transform === 'object' && transform !== null && (transform as { kind?: unknown }).kind === 'row-order'
}

/**
 * Turns Lehmer codes into a permutation of `n` indices: all-zero codes give the identity, which is where shrinking
 * leads.
 *
 * @param codes - one code per position (used modulo the remaining choices)
 * @param n - the permutation size
 * @returns `order`, with `permuted[i] = original[order[i]]`
 * @example
 * ```ts
 * permutationFromCodes([0, 0, 0], 3) // [0, 1, 2]
 * permutationFromCodes([2, 0, 0], 3) // [2, 0, 1]
 * ```
 */
export function permutationFromCodes(codes: readonly number[], n: number): number[] {
  const remaining = Array.from({ length: n }, (_, i) => i)
  return Array.from({ length: n }, (_, i) => remaining.splice((codes[i] ?? 0) % (n - i), 1)[0] as number)
}
