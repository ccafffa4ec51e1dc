import { isMissingCell, parseDateText, parseNumberText } from '../data/column-kind.js'
import type { ColumnContract } from '../data/data-contract.js'
import type { Column } from '../data/dataset.js'

/** A value and the row it was found in. */
export interface RowValue {
  readonly row: number
  readonly value: unknown
}

/** Everything one pass over a column finds, read against the column's contract. */
export interface ColumnScan {
  readonly rows: number
  /** Values that are not missing. */
  readonly present: number
  /** Missing values: null, undefined, NaN and the column's sentinels. */
  readonly missing: number
  /** Of those, the sentinels (`-999`, `'n/a'` where declared or learned). */
  readonly sentinelHits: number
  /** Numbers written as text in a numeric column. */
  readonly numbersAsText: number
  /** Texts that are not numbers in a numeric or datetime column, by value. */
  readonly unparsed: ReadonlyMap<string, number>
  /** Values of another type altogether (a boolean where numbers or categories are expected, a number in a text-coded category). */
  readonly wrongType: number
  /** Non-whole numbers in an integer column. */
  readonly notWhole: number
  /** Values below min / above max (infinities included). */
  readonly below: number
  readonly above: number
  /** Of those, the values beyond the range by more than its width (below min - width, above max + width). */
  readonly farOut: number
  readonly lowest: number
  readonly highest: number
  /** Values outside the allowed values of a categorical or boolean column, by value. */
  readonly unseen: ReadonlyMap<string, number>
  /** Whether the present values are all one value. */
  readonly constant: boolean
  /** Repeats of an earlier value in a unique (id) column. */
  readonly repeats: number
  /** A sample of the numbers outside [min, max] (to spot a unit change). */
  readonly outside: Float64Array
  /** The first offending rows of each finding. */
  readonly examples: Readonly<Record<'unparsed' | 'asText' | 'wrongType' | 'notWhole' | 'range' | 'unseen' | 'repeats', readonly RowValue[]>>
}

const EXAMPLES = 5
const SAMPLE = 20_000

/**
 * Reads one column against its contract in a single pass: missing values and sentinels, numbers written as text,
 * texts that do not parse, values of the wrong type, non-whole numbers, values out of range, unseen categories,
 * repeated ids, and whether the column is constant.
 *
 * @param column - the values
 * @param contract - what the column should be
 * @param extraSentinels - sentinels given by the caller besides the contract's
 * @returns the counts and the first examples of each finding
 * @example
 * ```ts
 * scanColumn(['3.5', 'n/a', 900], { kind: 'numeric', min: 0, max: 10, ... }).unparsed // Map { 'n/a' => 1 }
 * ```
 */
export function scanColumn(column: Column, contract: ColumnContract, extraSentinels: readonly (string | number)[] = []): ColumnScan {
  const sentinels = new Set<unknown>([...(contract.sentinels ?? []), ...extraSentinels])
  const numeric = contract.kind === 'numeric' || contract.kind === 'integer'
  const domain = new Set<unknown>(contract.values ?? [])
  const domainText = new Set((contract.values ?? []).map(String))
  const min = contract.min ?? Number.NEGATIVE_INFINITY
  const max = contract.max ?? Number.POSITIVE_INFINITY
  const sample: number[] = []
  const seen = contract.unique ? new Set<unknown>() : undefined
  const unparsed = new Map<string, number>()
  const unseen = new Map<string, number>()
  const examples = {
    unparsed: [] as RowValue[],
    asText: [] as RowValue[],
    wrongType: [] as RowValue[],
    notWhole: [] as RowValue[],
    range: [] as RowValue[],
    unseen: [] as RowValue[],
    repeats: [] as RowValue[],
  }
  const note = (list: RowValue[], row: number, value: unknown): void => {
    if (list.length < EXAMPLES) list.push({ row, value })
  }
  let present = 0
  let missing = 0
  let sentinelHits = 0
  let numbersAsText = 0
  let wrongType = 0
  let notWhole = 0
  let below = 0
  let above = 0
  let farOut = 0
  const width = max - min
  let lowest = Number.POSITIVE_INFINITY
  let highest = Number.NEGATIVE_INFINITY
  let repeats = 0
  let first: unknown
  let constant = true
  for (let row = 0; row < column.length; row++) {
    const value = column[row]
    if (isMissingCell(value)) {
      missing++
      continue
    }
    if (sentinels.size > 0 && sentinels.has(value)) {
      missing++
      sentinelHits++
      continue
    }
    present++
    if (present === 1) first = value
    else if (constant && value !== first) constant = false
    if (seen !== undefined) {
      if (seen.has(value)) {
        repeats++
        note(examples.repeats, row, value)
      } else seen.add(value)
    }
    if (numeric || contract.kind === 'datetime') {
      let number: number | undefined
      if (typeof value === 'number') number = contract.kind === 'datetime' ? undefined : value
      else if (typeof value === 'string') {
        number = contract.kind === 'datetime' ? parseDateText(value) : parseNumberText(value)
        if (number === undefined) {
          unparsed.set(value, (unparsed.get(value) ?? 0) + 1)
          note(examples.unparsed, row, value)
          continue
        }
        if (numeric) {
          numbersAsText++
          note(examples.asText, row, value)
        }
      }
      if (number === undefined) {
        wrongType++
        note(examples.wrongType, row, value)
        continue
      }
      if (contract.kind === 'datetime') continue
      if (contract.kind === 'integer' && Number.isFinite(number) && !Number.isInteger(number)) {
        notWhole++
        note(examples.notWhole, row, value)
      }
      if (number < lowest) lowest = number
      if (number > highest) highest = number
      if ((number < min || number > max) && sample.length < SAMPLE && Number.isFinite(number)) sample.push(number)
      if (number < min) {
        below++
        if (number < min - width) farOut++
        note(examples.range, row, value)
      } else if (number > max) {
        above++
        if (number > max + width) farOut++
        note(examples.range, row, value)
      }
      continue
    }
    if (contract.kind === 'categorical' || contract.kind === 'boolean') {
      if (domain.has(value)) continue
      if (domainText.has(String(value))) {
        wrongType++
        note(examples.wrongType, row, value)
        continue
      }
      const key = String(value)
      unseen.set(key, (unseen.get(key) ?? 0) + 1)
      note(examples.unseen, row, value)
      continue
    }
    if (contract.kind === 'text' && typeof value !== 'string' && typeof value !== 'number') {
      wrongType++
      note(examples.wrongType, row, value)
    }
  }
  return {
    rows: column.length,
    present,
    missing,
    sentinelHits,
    numbersAsText,
    unparsed,
    wrongType,
    notWhole,
    below,
    above,
    farOut,
    lowest,
    highest,
    unseen,
    constant: present > 0 && constant,
    repeats,
    outside: Float64Array.from(sample),
    examples,
  }
}
