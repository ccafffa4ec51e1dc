import { VitestMlError } from '../util/errors.js'

/** One cell: numbers (NaN = missing in numeric columns), strings, booleans, or null for missing. */
export type CellValue = number | string | boolean | null

/** A column: numeric columns are `Float64Array` (missing as NaN); others are plain arrays with `null` for missing. */
export type Column = Float64Array | readonly (string | null)[] | readonly (boolean | null)[] | readonly CellValue[]

/** A record row. */
export type DataRow = Readonly<Record<string, CellValue>>

/**
 * A columnar table: what readers produce, what schemas are inferred from, what drift is computed on.
 * Numeric columns are packed into `Float64Array`s so millions of rows stay cheap.
 */
export interface Dataset {
  /** Name shown in reports (usually the file name). */
  readonly name: string
  /** Number of rows. */
  readonly rowCount: number
  /** Column names in order. */
  readonly columnNames: readonly string[]
  /** The values of one column; throws a clear error for an unknown name. */
  column(name: string): Column
  /** Whether the column is stored as numbers. */
  isNumeric(name: string): boolean
  /** Row `index` as a record. */
  row(index: number): DataRow
  /** Every row as records (materialises: avoid on very large data). */
  rows(): DataRow[]
}

function packColumn(values: ArrayLike<unknown>): Column {
  if (values instanceof Float64Array) return values
  let numeric = true
  let present = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) continue
    present++
    if (typeof value !== 'number') {
      numeric = false
      break
    }
  }
  if (numeric && (present > 0 || values.length === 0)) {
    const packed = new Float64Array(values.length)
    for (let i = 0; i < values.length; i++) {
      const value = values[i]
      packed[i] = typeof value === 'number' ? value : Number.NaN
    }
    return packed
  }
  return Array.from(values, (value) => (value === undefined ? null : (value as CellValue)))
}

/**
 * Builds a dataset from columns of equal length. Columns whose present values are all numbers are packed as
 * `Float64Array` (null and undefined become NaN).
 *
 * @param columns - column name to values
 * @param options - the dataset's name
 * @returns the dataset
 * @example
 * ```ts
 * const data = datasetFromColumns({ weight: [3504, 3693], origin: ['USA', 'USA'] }, { name: 'cars' })
 * data.row(1) // { weight: 3693, origin: 'USA' }
 * ```
 */
export function datasetFromColumns(columns: Readonly<Record<string, ArrayLike<unknown>>>, options: { readonly name?: string } = {}): Dataset {
  const name = options.name ?? 'dataset'
  const columnNames = Object.keys(columns)
  const packed = new Map<string, Column>()
  let rowCount: number | undefined
  for (const columnName of columnNames) {
    const values = columns[columnName] as ArrayLike<unknown>
    if (typeof values?.length !== 'number') {
      throw new VitestMlError('datasetFromColumns', `column "${columnName}" to be an array`, typeof values, 'Pass `{ feature: values[] }`.')
    }
    if (rowCount !== undefined && values.length !== rowCount) {
      throw new VitestMlError(
        'datasetFromColumns',
        `every column to have ${rowCount} values`,
        `${values.length} in "${columnName}"`,
        'Columns of one dataset must have equal length.',
      )
    }
    rowCount = values.length
    packed.set(columnName, packColumn(values))
  }
  const column = (columnName: string): Column => {
    const found = packed.get(columnName)
    if (found === undefined)
      throw new VitestMlError(name, `a column named one of [${columnNames.join(', ')}]`, `"${columnName}"`, 'Check the spelling; names are case-sensitive.')
    return found
  }
  const row = (index: number): DataRow => Object.fromEntries(columnNames.map((columnName) => [columnName, cell(column(columnName), index)]))
  return {
    name,
    rowCount: rowCount ?? 0,
    columnNames,
    column,
    isNumeric: (columnName) => column(columnName) instanceof Float64Array,
    row,
    rows: () => Array.from({ length: rowCount ?? 0 }, (_, index) => row(index)),
  }
}

function cell(values: Column, index: number): CellValue {
  const value = values[index]
  if (typeof value === 'number' && Number.isNaN(value)) return null
  return value ?? null
}

/**
 * Builds a dataset from record rows; the columns are the union of the rows' keys in first-seen order.
 *
 * @param rows - records
 * @param options - the dataset's name
 * @returns the dataset
 * @example
 * ```ts
 * datasetFromRows([{ x: 1, y: 'a' }, { x: 2, y: null }]).column('x') // Float64Array [1, 2]
 * ```
 */
export function datasetFromRows(rows: readonly Readonly<Record<string, unknown>>[], options: { readonly name?: string } = {}): Dataset {
  const names: string[] = []
  const seen = new Set<string>()
  for (const row of rows)
    for (const key of Object.keys(row))
      if (!seen.has(key)) {
        seen.add(key)
        names.push(key)
      }
  const columns: Record<string, unknown[]> = {}
  for (const key of names) columns[key] = rows.map((row) => row[key] ?? null)
  return datasetFromColumns(columns, options)
}
