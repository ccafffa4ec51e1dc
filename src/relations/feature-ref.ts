import { featureOf, type PerturbableRow } from '../arbitraries/perturb-row.js'
import { VitestMlError } from '../util/errors.js'

/** A feature of a row: an index for array rows, a name for record rows. */
export type FeatureRef = number | string

/**
 * Checks that `feature` exists in `row` (index in range for array rows, known name for record rows) and that its
 * value is a number, with errors that list what exists.
 *
 * @param feature - index or name
 * @param row - a representative row
 * @param source - the public name for errors (for example `toBeMonotonicIn`)
 * @returns the feature, validated
 * @example
 * ```ts
 * requireNumericFeature(2, [1, 2, 3], 'toBeMonotonicIn') // 2
 * requireNumericFeature('weight', { mass: 1 }, 'toBeMonotonicIn') // throws: expected a feature name among [mass] ...
 * ```
 */
export function requireNumericFeature(feature: FeatureRef, row: PerturbableRow, source: string): FeatureRef {
  const arrayRow = Array.isArray(row) || ArrayBuffer.isView(row)
  if (arrayRow) {
    const width = (row as ArrayLike<unknown>).length
    if (typeof feature !== 'number') {
      throw new VitestMlError(
        source,
        `a feature index in [0, ${width - 1}] (rows are arrays)`,
        JSON.stringify(feature),
        'Array rows take features by index; use record rows to name features.',
      )
    }
    if (!Number.isInteger(feature) || feature < 0 || feature >= width) {
      throw new VitestMlError(source, `a feature index in [0, ${width - 1}] for rows of ${width} values`, String(feature), 'Count features from 0.')
    }
  } else {
    if (typeof row !== 'object' || row === null)
      throw new VitestMlError(source, 'array or record rows', row === null ? 'null' : typeof row, 'Pass rows such as `[1, 2, 3]` or `{ weight: 3000 }`.')
    if (!Object.hasOwn(row, String(feature))) {
      throw new VitestMlError(
        source,
        `a feature name among [${Object.keys(row).join(', ')}]`,
        JSON.stringify(feature),
        'Check the spelling of the feature name.',
      )
    }
  }
  const value = featureOf(row, feature)
  if (typeof value !== 'number') {
    throw new VitestMlError(
      source,
      `a numeric feature ${JSON.stringify(feature)}`,
      `${typeof value} ${JSON.stringify(value)}`,
      'Monotonicity and shifts need a number; encode the feature numerically first.',
    )
  }
  return feature
}

/**
 * Reads a numeric feature of a row, throwing when it is not a finite number.
 *
 * @param row - the row
 * @param feature - index or name
 * @param source - public name for errors
 * @example
 * ```ts
 * numericFeature([1, 2, 3], 1, 'toShiftOutput') // 2
 * ```
 */
export function numericFeature(row: PerturbableRow, feature: FeatureRef, source: string): number {
  const value = featureOf(row, feature)
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new VitestMlError(
      source,
      `a finite number in feature ${JSON.stringify(feature)}`,
      typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value)),
      'Impute or drop rows with missing values in that feature before this check (or fix a change function that returns a non-finite value).',
    )
  }
  return value
}
