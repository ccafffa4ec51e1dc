import { type ColumnKindResult, columnKind } from '../data/column-kind.js'
import type { Column } from '../data/dataset.js'
import { VitestMlError } from '../util/errors.js'
import type { FeatureKind } from './drift-method.js'
import { featureKind } from './feature-kind.js'

/** How a feature is compared, and what the rule noticed on the way. */
export interface DriftColumnKind {
  /** Numbers or categories. */
  readonly kind: FeatureKind
  /** Text read as missing in a numeric column, numbers written as text: said beside the result, never silent. */
  readonly warnings: readonly string[]
}

const NUMERIC_KINDS: ReadonlySet<string> = new Set(['numeric', 'integer'])

function tokenNote(feature: string, side: string, kind: ColumnKindResult): string[] {
  const notes: string[] = []
  if (kind.nonNumericTokens.length > 0) {
    const count = kind.nonNumericTokens.reduce((sum, token) => sum + token.count, 0)
    const tokens = kind.nonNumericTokens.map((token) => `${JSON.stringify(token.value)} x ${token.count}`).join(', ')
    notes.push(`${feature}: ${count} ${side} values are text among numbers (${tokens}), read as missing and counted apart`)
  }
  if (kind.numbersAsText > 0) notes.push(`${feature}: ${kind.numbersAsText} ${side} values are numbers written as text, compared as numbers`)
  return notes
}

/**
 * Decides how a feature is compared — once, from the reference, by the rule of `columnKind`: a reference column of
 * numbers (numbers written as text count, and up to three distinct non-numeric texts such as `'n/a'` or `'?'` are read
 * as missing values) is compared as numbers, provided the current column is numbers by the same rule (or holds no
 * values); the texts read as missing are counted and said. Anything else follows `featureKind` (a type change between
 * the samples is an error). Two samples with no value at all after cleaning are an error, not a pass.
 *
 * @param feature - the feature name, for messages
 * @param reference - the reference column
 * @param current - the current column
 * @param sentinels - values that mean "missing" in this column (`-999`, `''`) @defaultValue []
 * @returns the kind and the notes
 * @throws VitestMlError when both samples are empty after cleaning, or the current column is text where the reference holds numbers
 * @example
 * ```ts
 * driftColumnKind('temp', [12.1, 'n/a', '13.4'], [11.0, 12.5, 'n/a'])
 * // { kind: 'numeric', warnings: ['temp: 1 reference values are text among numbers ("n/a" x 1), read as missing ...', ...] }
 * ```
 */
export function driftColumnKind(feature: string, reference: Column, current: Column, sentinels: readonly (string | number)[] = []): DriftColumnKind {
  const referenceKind = columnKind(reference, { sentinels })
  const currentKind = columnKind(current, { sentinels })
  if (referenceKind.kind === 'empty' && currentKind.kind === 'empty') {
    throw new VitestMlError(
      'featureDrift',
      `values to compare in "${feature}"`,
      `none in either sample once missing values are removed (${reference.length} reference and ${current.length} current rows, all missing)`,
      'Check the feed: both samples are empty or all missing (NaN, null' +
        (sentinels.length > 0 ? ', or the declared sentinels' : '') +
        '); leave the feature out with `ignore` if that is expected.',
    )
  }
  if (NUMERIC_KINDS.has(referenceKind.kind)) {
    if (NUMERIC_KINDS.has(currentKind.kind) || currentKind.kind === 'empty') {
      return { kind: 'numeric', warnings: [...tokenNote(feature, 'reference', referenceKind), ...tokenNote(feature, 'current', currentKind)] }
    }
    const example = firstNonNumericText(current)
    throw new VitestMlError(
      'featureDrift',
      `"${feature}" to hold numbers in both samples (it does in the reference)`,
      `${currentKind.kind === 'boolean' ? 'booleans' : currentKind.kind === 'datetime' ? 'dates' : 'text'} in the current sample${example === undefined ? '' : `, for example ${JSON.stringify(example)}`}`,
      'A type change between samples is a data bug; fix the feed, or pass `categorical: ["' + feature + '"]` to compare both as categories.',
    )
  }
  return { kind: featureKind(feature, reference, current), warnings: [] }
}

function firstNonNumericText(column: Column): string | undefined {
  if (column instanceof Float64Array) return undefined
  for (const value of column) {
    if (typeof value === 'string' && !/^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(value)) return value
  }
  return undefined
}
