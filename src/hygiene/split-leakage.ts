import { isMissingCell, parseDateText } from '../data/column-kind.js'
import type { Dataset } from '../data/dataset.js'
import { rowFingerprints } from '../data/duplicate-rows.js'
import { VitestMlError } from '../util/errors.js'
import { isNumericTarget } from './label-distribution.js'
import { type SingleFeatureScore, singleFeatureScores } from './single-feature-scores.js'

/** Options of `splitLeakage`. */
export interface SplitLeakageOptions {
  /** The label column: each feature is scored alone as a predictor of it (a leakage smell near 1). */
  readonly label?: string
  /** A time column: test rows older than the newest training row overlap the training period. */
  readonly time?: string
  /** Id columns: a test row whose ids also appear in training is the same entity on both sides. */
  readonly ids?: readonly string[]
  /** Features to score alone. @defaultValue every column but the label, time and id columns */
  readonly features?: readonly string[]
}

/** Result of `splitLeakage`. */
export interface SplitLeakageResult {
  readonly trainRows: number
  readonly testRows: number
  /** With `time`: test rows older than the newest training row. */
  readonly timeOverlap?: { readonly column: string; readonly rows: number; readonly share: number; readonly trainLatest: number; readonly testEarliest: number }
  /** With `ids`: test rows whose ids appear in training. */
  readonly sharedIds?: {
    readonly columns: readonly string[]
    readonly rows: number
    readonly share: number
    readonly examples: readonly { readonly testRow: number; readonly trainRow: number; readonly ids: string }[]
  }
  /** With `label`: each feature alone as a predictor of the label, best first. */
  readonly singleFeature?: { readonly label: string; readonly numericLabel: boolean; readonly scores: readonly SingleFeatureScore[] }
}

/**
 * Leakage between a training and a test set beyond repeated rows: time overlap (with a `time` column, test rows older
 * than the newest training row: the model was trained on the future of those rows), shared entities (with `ids`, test
 * rows whose ids appear in training: the same customer, patient or flight on both sides), and single features that
 * give the label away (with `label`, see `singleFeatureScores`). Near-linear: ids are fingerprinted, times scanned once.
 *
 * @param train - training data
 * @param test - test data
 * @param options - label, time and id columns
 * @returns what was found for each option given
 * @example
 * ```ts
 * splitLeakage(train, test, { time: 'date', ids: ['flight_id'], label: 'delayed' }).timeOverlap
 * // { column: 'date', rows: 412, share: 0.41, trainLatest: 1362096000000, testEarliest: 1357084800000 }
 * ```
 */
export function splitLeakage(train: Dataset, test: Dataset, options: SplitLeakageOptions = {}): SplitLeakageResult {
  const need = [options.label, options.time, ...(options.ids ?? [])].filter((name): name is string => name !== undefined)
  for (const [role, data] of [
    ['training', train],
    ['test', test],
  ] as const) {
    const absent = need.filter((name) => !data.columnNames.includes(name))
    if (absent.length > 0)
      throw new VitestMlError(
        'splitLeakage',
        `columns ${absent.map((name) => `"${name}"`).join(', ')} in the ${role} data`,
        `columns ${data.columnNames.slice(0, 8).join(', ')}`,
        'Name the label, time and id columns as they are in both sets.',
      )
  }
  const result: { -readonly [K in keyof SplitLeakageResult]: SplitLeakageResult[K] } = { trainRows: train.rowCount, testRows: test.rowCount }
  if (options.time !== undefined) result.timeOverlap = timeOverlap(train, test, options.time)
  if (options.ids !== undefined && options.ids.length > 0) result.sharedIds = sharedIds(train, test, options.ids)
  if (options.label !== undefined) {
    const skip = new Set([options.label, options.time, ...(options.ids ?? [])])
    const features = options.features ?? train.columnNames.filter((name) => !skip.has(name) && test.columnNames.includes(name))
    const numericLabel = isNumericTarget(train.column(options.label))
    result.singleFeature = { label: options.label, numericLabel, scores: singleFeatureScores(train, test, options.label, features, numericLabel) }
  }
  return result
}

function times(data: Dataset, column: string): Float64Array {
  const values = data.column(column)
  return Float64Array.from(values as ArrayLike<unknown>, (value) => {
    if (isMissingCell(value)) return Number.NaN
    if (typeof value === 'number') return value
    const parsed = typeof value === 'string' ? parseDateText(value) : undefined
    if (parsed === undefined)
      throw new VitestMlError(
        'splitLeakage',
        `times in "${column}" of ${data.name} (numbers, or ISO 8601 dates)`,
        JSON.stringify(value),
        'Pass a column of timestamps or ISO dates such as 2013-04-01.',
      )
    return parsed
  })
}

function timeOverlap(train: Dataset, test: Dataset, column: string): NonNullable<SplitLeakageResult['timeOverlap']> {
  let trainLatest = Number.NEGATIVE_INFINITY
  for (const value of times(train, column)) if (value > trainLatest) trainLatest = value
  let testEarliest = Number.POSITIVE_INFINITY
  let rows = 0
  for (const value of times(test, column)) {
    if (value < testEarliest) testEarliest = value
    if (value < trainLatest) rows++
  }
  return { column, rows, share: test.rowCount === 0 ? 0 : rows / test.rowCount, trainLatest, testEarliest }
}

function sharedIds(train: Dataset, test: Dataset, columns: readonly string[]): NonNullable<SplitLeakageResult['sharedIds']> {
  const trainPrints = rowFingerprints(train, columns)
  const testPrints = rowFingerprints(test, columns)
  const first = new Map<number, number>()
  trainPrints.forEach((print, row) => {
    if (!first.has(print)) first.set(print, row)
  })
  const trainColumns = columns.map((name) => train.column(name))
  const testColumns = columns.map((name) => test.column(name))
  const examples: { testRow: number; trainRow: number; ids: string }[] = []
  let rows = 0
  testPrints.forEach((print, testRow) => {
    const trainRow = first.get(print)
    if (trainRow === undefined || testColumns.some((column) => isMissingCell(column[testRow]))) return
    if (!testColumns.every((column, k) => column[testRow] === trainColumns[k]![trainRow])) return
    rows++
    if (examples.length < 5)
      examples.push({ testRow, trainRow, ids: columns.map((name, k) => `${name}=${JSON.stringify(testColumns[k]![testRow])}`).join(', ') })
  })
  return { columns, rows, share: test.rowCount === 0 ? 0 : rows / test.rowCount, examples }
}
