import type { Column } from './dataset.js'

/**
 * What a column holds, decided once (from training or reference data) by `columnKind`: numbers (`numeric`, or
 * `integer` when every one is whole), `boolean`, calendar dates and times (`datetime`, ISO 8601 text), a small set of
 * values (`categorical`), free `text` (too many distinct values: ids, names, addresses), or nothing at all (`empty`).
 */
export type ColumnKind = 'numeric' | 'integer' | 'boolean' | 'datetime' | 'categorical' | 'text' | 'empty'

/** Options of `columnKind`. */
export interface ColumnKindOptions {
  /** Values that mean "missing" in this column besides null, undefined and NaN (`-999`, `'n/a'`, `''`). @defaultValue [] */
  readonly sentinels?: readonly (string | number)[]
  /** A text column with more distinct values than this is `text`, not `categorical`. @defaultValue 50 */
  readonly maxCategories?: number
}

/** The kind of a column and what the rule saw. */
export interface ColumnKindResult {
  readonly kind: ColumnKind
  /** Non-numeric texts in a column decided numeric (`'n/a'` x 12), most frequent first: read as missing, reported apart. */
  readonly nonNumericTokens: readonly { readonly value: string; readonly count: number }[]
  /** Present values that are numbers written as text (`"3.5"`). */
  readonly numbersAsText: number
  /** Distinct present values, counted up to `maxCategories + 1`. */
  readonly distinct: number
}

/** Up to this many distinct non-numeric texts may sit in a numeric column (as `'n/a'`, `'?'`, `'unknown'` do). */
export const MAX_NON_NUMERIC_TOKENS = 3

const NUMBER_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * A number written as text (`"3.5"`, `" -1e3 "`), as a number, or `undefined` when the text is not one.
 *
 * @param text - the text
 * @example
 * ```ts
 * parseNumberText('3.5') // 3.5
 * parseNumberText('n/a') // undefined
 * ```
 */
export function parseNumberText(text: string): number | undefined {
  return NUMBER_TEXT.test(text) ? Number(text) : undefined
}

/**
 * An ISO 8601 date or date-time text (`2012-01-01`, `2012-01-01T08:30:00Z`) as epoch milliseconds, or `undefined`.
 *
 * @param text - the text
 * @example
 * ```ts
 * parseDateText('2012-01-02') // 1325462400000
 * parseDateText('Jan 2') // undefined
 * ```
 */
export function parseDateText(text: string): number | undefined {
  if (!ISO_DATE.test(text)) return undefined
  const time = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text)
  return Number.isNaN(time) ? undefined : time
}

/**
 * Whether a cell is missing: null, undefined, NaN, or one of the column's declared sentinels.
 *
 * @param value - the cell
 * @param sentinels - the declared sentinels (a `Set` of the values)
 * @example
 * ```ts
 * isMissingCell(-999, new Set([-999])) // true
 * ```
 */
export function isMissingCell(value: unknown, sentinels?: ReadonlySet<unknown>): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'number' && Number.isNaN(value)) ||
    (sentinels !== undefined && sentinels.size > 0 && sentinels.has(value))
  )
}

/**
 * Decides what a column holds, by one stated rule applied to its present values (null, undefined, NaN and the
 * declared `sentinels` set aside):
 * 1. none left: `empty`;
 * 2. all booleans: `boolean`;
 * 3. numbers, or texts that parse as numbers, with at most {@link MAX_NON_NUMERIC_TOKENS} distinct other texts that
 *    together are fewer than half the present values: `integer` when every number is whole, else `numeric` (the
 *    other texts, such as `'n/a'`, are reported as non-numeric tokens, counted apart and read as missing);
 * 4. all ISO 8601 dates or date-times: `datetime`;
 * 5. at most `maxCategories` distinct values: `categorical`; more: `text`.
 *
 * A column packed as numbers (`Float64Array`) is decided by rule 3 without looking at text.
 *
 * @param column - the values
 * @param options - sentinels and the category limit
 * @returns the kind, the non-numeric tokens, how many numbers were written as text and the distinct count
 * @example
 * ```ts
 * columnKind(['3.5', '4.1', 'n/a', '2']).kind // 'numeric' (with nonNumericTokens [{ value: 'n/a', count: 1 }])
 * columnKind(['sun', 'rain', null]).kind // 'categorical'
 * columnKind(Float64Array.of(1, 2, Number.NaN)).kind // 'integer'
 * ```
 */
export function columnKind(column: Column, options: ColumnKindOptions = {}): ColumnKindResult {
  const maxCategories = options.maxCategories ?? 50
  const sentinels = new Set<unknown>(options.sentinels ?? [])
  if (column instanceof Float64Array) return packedKind(column, sentinels, maxCategories)
  let present = 0
  let booleans = 0
  let numbers = 0
  let numbersAsText = 0
  let whole = true
  let dates = 0
  const texts = new Map<string, number>()
  const distinct = new Set<unknown>()
  for (let index = 0; index < column.length; index++) {
    const value = column[index]
    if (isMissingCell(value, sentinels)) continue
    present++
    if (distinct.size <= maxCategories) distinct.add(value)
    if (typeof value === 'boolean') booleans++
    else if (typeof value === 'number') {
      numbers++
      if (whole && !Number.isInteger(value)) whole = false
    } else {
      const text = String(value)
      const parsed = parseNumberText(text)
      if (parsed !== undefined) {
        numbers++
        numbersAsText++
        if (whole && !Number.isInteger(parsed)) whole = false
      } else {
        if (parseDateText(text) !== undefined) dates++
        texts.set(text, (texts.get(text) ?? 0) + 1)
      }
    }
  }
  const tokens = [...texts].map(([value, count]) => ({ value, count })).sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1))
  const result = (kind: ColumnKind, nonNumericTokens = NONE): ColumnKindResult => ({ kind, nonNumericTokens, numbersAsText, distinct: distinct.size })
  if (present === 0) return result('empty')
  if (booleans === present) return result('boolean')
  const others = present - numbers
  if (numbers > 0 && booleans === 0 && texts.size <= MAX_NON_NUMERIC_TOKENS && others * 2 < present) return result(whole ? 'integer' : 'numeric', tokens)
  if (dates === present) return result('datetime')
  return result(distinct.size <= maxCategories ? 'categorical' : 'text')
}

const NONE: readonly { readonly value: string; readonly count: number }[] = []

function packedKind(column: Float64Array, sentinels: ReadonlySet<unknown>, maxCategories: number): ColumnKindResult {
  let present = 0
  let whole = true
  const distinct = new Set<number>()
  for (let index = 0; index < column.length; index++) {
    const value = column[index] as number
    if (Number.isNaN(value) || (sentinels.size > 0 && sentinels.has(value))) continue
    present++
    if (whole && !Number.isInteger(value)) whole = false
    if (distinct.size <= maxCategories) distinct.add(value)
  }
  return { kind: present === 0 ? 'empty' : whole ? 'integer' : 'numeric', nonNumericTokens: NONE, numbersAsText: 0, distinct: distinct.size }
}
