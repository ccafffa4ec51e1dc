import type { Column } from '../../data/dataset.js'
import { VitestMlError } from '../../util/errors.js'

/**
 * Whether a column holds vectors (embeddings): its first present value is an array or a typed array of numbers.
 *
 * @param column - a dataset column
 * @returns true for a column of vectors
 * @example
 * ```ts
 * isEmbeddingColumn([[0.1, 0.2], [0.3, 0.1]] as never) // true
 * isEmbeddingColumn(Float64Array.of(1, 2))              // false
 * ```
 */
export function isEmbeddingColumn(column: Column): boolean {
  if (column instanceof Float64Array) return false
  for (const value of column as readonly unknown[]) {
    if (value === null || value === undefined) continue
    return isVector(value)
  }
  return false
}

function isVector(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))
}

/**
 * The rows `indices` of an embedding column as a row-major matrix (`rows x dimension`), checking that every value is
 * a vector of the same length holding finite numbers.
 *
 * @param source - public name, for errors
 * @param feature - the column name, for errors
 * @param column - the column of vectors
 * @param indices - which rows to take
 * @param dimension - the expected length, when another sample fixed it
 * @returns the matrix and the vector length
 * @example
 * ```ts
 * embeddingMatrix('mmdDrift', 'emb', [[1, 2], [3, 4]] as never, Uint32Array.of(1)) // { values: [3, 4], dimension: 2 }
 * ```
 */
export function embeddingMatrix(
  source: string,
  feature: string,
  column: Column,
  indices: Uint32Array,
  dimension?: number,
): { values: Float64Array; dimension: number } {
  let width = dimension
  let values = new Float64Array(0)
  for (let k = 0; k < indices.length; k++) {
    const row = indices[k] as number
    const vector: unknown = (column as readonly unknown[])[row]
    if (!isVector(vector)) {
      throw new VitestMlError(
        source,
        `a vector (array of numbers) in every row of embedding column "${feature}"`,
        `${vector === null || vector === undefined ? 'a missing value' : typeof vector} at row ${row}`,
        'Drop or impute rows without an embedding before testing drift on it.',
      )
    }
    if (width === undefined) width = vector.length
    if (k === 0) values = new Float64Array(indices.length * width)
    if (vector.length !== width || width === 0) {
      throw new VitestMlError(
        source,
        `vectors of length ${width} in embedding column "${feature}"`,
        `length ${vector.length} at row ${row}`,
        'Every embedding of one column must come from the same model and have the same dimension.',
      )
    }
    for (let j = 0; j < width; j++) {
      const value = Number(vector[j])
      if (!Number.isFinite(value))
        throw new VitestMlError(
          source,
          `finite numbers in embedding column "${feature}"`,
          `${String(vector[j])} at row ${row}, position ${j}`,
          'An embedding with NaN or Infinity is broken; check the encoder.',
        )
      values[k * width + j] = value
    }
  }
  return { values, dimension: width ?? 0 }
}
