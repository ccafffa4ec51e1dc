import type Papa from 'papaparse'
import { VitestMlError } from '../util/errors.js'
import { lazyRequire } from '../util/lazy-require.js'
import { type Column, type Dataset, datasetFromColumns } from './dataset.js'
import { datasetNameOf, readSourceText } from './read-source.js'

/** Options of {@link readCsv}. */
export interface ReadCsvOptions {
  /** Dataset name in reports. @defaultValue the file name, or `'csv'` for text */
  readonly name?: string
  /** Treat the first argument as CSV text even without a line break. @defaultValue false */
  readonly text?: boolean
  /** Field delimiter. @defaultValue detected by papaparse (comma, tab, semicolon, pipe) */
  readonly delimiter?: string
  /** Cell texts that mean "missing" (after trimming). @defaultValue `['', 'NA', 'N/A', 'NaN', 'null']` */
  readonly missing?: readonly string[]
  /** Read only these columns, in this order. @defaultValue every column */
  readonly columns?: readonly string[]
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?Infinity$/
const BOOLEAN = /^(?:true|false)$/i
const DEFAULT_MISSING = ['', 'NA', 'N/A', 'NaN', 'null']

/** papaparse, loaded on first use (not when vitest-ml is imported). */
const papaparse = lazyRequire<typeof Papa>('papaparse')

/**
 * Reads a CSV file (or CSV text) into a columnar {@link Dataset}, parsed by papaparse (RFC 4180 quoting, delimiter
 * detection). The first line is the header. A column whose present cells are all numbers becomes a `Float64Array`
 * (missing cells NaN); all `true`/`false` becomes booleans; anything else stays text, with `null` for missing cells.
 * Rows with more or fewer cells than the header are an error that names the line.
 *
 * @param source - a file path, or CSV text (any string containing a line break, or with `{ text: true }`)
 * @param options - name, delimiter, missing-value tokens, column subset
 * @returns the dataset
 * @example
 * ```ts
 * const weather = await readCsv('node_modules/vega-datasets/data/seattle-weather.csv')
 * weather.rowCount          // 1461
 * weather.column('temp_max') // Float64Array [12.8, 10.6, ...]
 * (await readCsv('x,y\n1,a\n,b\n')).row(1) // { x: null, y: 'b' }
 * ```
 */
export async function readCsv(source: string, options: ReadCsvOptions = {}): Promise<Dataset> {
  const isText = options.text === true || (typeof source === 'string' && /[\r\n]/.test(source))
  const text = isText ? source : await readSourceText('readCsv', source)
  const where = isText ? 'the CSV text' : `"${source}"`
  const parsed = papaparse().parse<string[]>(text, { skipEmptyLines: true, ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }) })
  const fatal = parsed.errors.find((error) => error.type === 'Quotes')
  if (fatal !== undefined) {
    throw new VitestMlError(
      'readCsv',
      `well-formed CSV in ${where}`,
      `${fatal.message.toLowerCase()} at line ${(fatal.row ?? 0) + 1}`,
      'Close the quoted field, or escape quotes inside it by doubling them ("").',
    )
  }
  const [header, ...rows] = parsed.data
  if (header === undefined || header.length === 0) {
    throw new VitestMlError('readCsv', `a header line in ${where}`, 'no lines', 'The first line must name the columns, for example `x,y,label`.')
  }
  const repeated = header.findIndex((name, index) => header.indexOf(name) !== index)
  if (repeated >= 0) {
    const name = header[repeated] as string
    throw new VitestMlError(
      'readCsv',
      `distinct column names in the header of ${where}`,
      `${JSON.stringify(name)} twice (columns ${header.indexOf(name) + 1} and ${repeated + 1})`,
      'Rename one of the columns; every column needs its own name.',
    )
  }
  const ragged = rows.findIndex((row) => row.length !== header.length)
  if (ragged >= 0) {
    const count = rows.filter((row) => row.length !== header.length).length
    throw new VitestMlError(
      'readCsv',
      `${header.length} cells on every row of ${where} (one per header column)`,
      `${rows[ragged]?.length ?? 0} cells on data row ${ragged + 1} (line ${ragged + 2})${count > 1 ? ` and ${count - 1} more ragged rows` : ''}`,
      'Fix the rows with a missing or extra delimiter; quote cells that contain the delimiter.',
    )
  }
  const missing = new Set(options.missing ?? DEFAULT_MISSING)
  const wanted = options.columns ?? header
  const columns: Record<string, Column> = {}
  for (const name of wanted) {
    const index = header.indexOf(name)
    if (index < 0) throw new VitestMlError('readCsv', `a column named one of [${header.join(', ')}]`, `"${name}"`, 'Check `columns`; names are case-sensitive.')
    columns[name] = typeColumn(
      rows.map((row) => (row[index] ?? '').trim()),
      missing,
    )
  }
  return datasetFromColumns(columns, { name: options.name ?? (isText ? 'csv' : datasetNameOf(source)) })
}

/** Types one column of cell texts: numbers, booleans, or text. */
function typeColumn(cells: readonly string[], missing: ReadonlySet<string>): Column {
  let numeric = true
  let boolean = true
  for (const cell of cells) {
    if (missing.has(cell)) continue
    if (numeric && !NUMBER.test(cell)) numeric = false
    if (boolean && !BOOLEAN.test(cell)) boolean = false
    if (!numeric && !boolean) break
  }
  if (numeric) return Float64Array.from(cells, (cell) => (missing.has(cell) ? Number.NaN : Number(cell)))
  if (boolean) return cells.map((cell) => (missing.has(cell) ? null : cell.toLowerCase() === 'true'))
  return cells.map((cell) => (missing.has(cell) ? null : cell))
}
