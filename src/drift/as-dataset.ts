import { type Dataset, datasetFromColumns, datasetFromRows } from '../data/dataset.js'
import { VitestMlError } from '../util/errors.js'

/** Data as the drift functions accept it: a {@link Dataset}, columns (`{ feature: values[] }`) or rows (records). */
export type DriftData = Dataset | Readonly<Record<string, ArrayLike<unknown>>> | readonly Readonly<Record<string, unknown>>[]

/**
 * Whether a value is a {@link Dataset} (has `columnNames`, `rowCount` and `column()`).
 *
 * @param value - anything
 * @example
 * ```ts
 * isDataset(datasetFromColumns({ x: [1] })) // true
 * isDataset({ x: [1] }) // false
 * ```
 */
export function isDataset(value: unknown): value is Dataset {
  return typeof value === 'object' && value !== null && typeof (value as Dataset).column === 'function' && Array.isArray((value as Dataset).columnNames)
}

/**
 * Normalises drift input into a {@link Dataset}: datasets pass through, arrays are rows, objects are columns.
 *
 * @param source - public name of the caller, for errors
 * @param role - `reference` or `current`, for errors and the default name
 * @param data - the data
 * @returns the dataset
 * @example
 * ```ts
 * asDataset('datasetDrift', 'current', [{ x: 1 }, { x: 2 }]).rowCount // 2
 * ```
 */
export function asDataset(source: string, role: string, data: DriftData): Dataset {
  if (isDataset(data)) return data
  if (Array.isArray(data)) {
    const bad = data.findIndex((row) => typeof row !== 'object' || row === null || Array.isArray(row))
    if (bad >= 0)
      throw new VitestMlError(
        source,
        `${role} rows to be records ({ feature: value })`,
        `${describe(data[bad])} at index ${bad}`,
        'Pass rows as objects, columns as { feature: values[] }, or a Dataset from readCsv()/datasetFromColumns().',
      )
    return datasetFromRows(data as readonly Record<string, unknown>[], { name: role })
  }
  if (typeof data === 'object' && data !== null) {
    try {
      return datasetFromColumns(data as Record<string, ArrayLike<unknown>>, { name: role })
    } catch (error) {
      throw new VitestMlError(
        source,
        `${role} columns of equal length ({ feature: values[] })`,
        (error as Error).message.replace(/^datasetFromColumns: expected /, 'a problem: '),
        'Every column must be an array with one value per row.',
        { cause: error },
      )
    }
  }
  throw new VitestMlError(
    source,
    `${role} data: a Dataset, rows or columns`,
    describe(data),
    'Pass `{ feature: values[] }`, an array of records, or a Dataset from readCsv()/readParquet().',
  )
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value
}
