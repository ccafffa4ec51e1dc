import type { Column } from '../data/dataset.js'
import { VitestMlError } from '../util/errors.js'
import type { DriftMethod, FeatureKind } from './drift-method.js'

const NUMERIC_METHODS: readonly DriftMethod[] = ['ks', 'wasserstein', 'psi']
const CATEGORICAL_METHODS: readonly DriftMethod[] = ['chi-square', 'z', 'jensen-shannon']

/**
 * How a feature is compared when no `kind` is given: as numbers when both columns hold only numbers and missing values,
 * as categories when both hold text (or booleans). A column that is numeric in one sample and text in the other is a
 * data bug and a clear error, not a silent switch to categories.
 *
 * @param feature - the feature name, for the error
 * @param reference - reference column
 * @param current - current column
 * @returns the kind
 * @example
 * ```ts
 * featureKind('age', Float64Array.of(31, 40), [null, 52]) // 'numeric'
 * featureKind('age', Float64Array.of(31, 40), ['31', 'n/a'])
 * // throws: featureDrift: expected "age" to hold numbers in both samples (it does in the reference), received text in the current sample, ...
 * ```
 */
export function featureKind(feature: string, reference: Column, current: Column): FeatureKind {
  const referenceText = firstText(reference)
  const currentText = firstText(current)
  if (referenceText === undefined && currentText === undefined)
    return reference instanceof Float64Array || current instanceof Float64Array ? 'numeric' : 'categorical'
  const numericSide = reference instanceof Float64Array ? 'reference' : current instanceof Float64Array ? 'current' : undefined
  if (numericSide !== undefined) {
    const text = numericSide === 'reference' ? currentText : referenceText
    throw new VitestMlError(
      'featureDrift',
      `"${feature}" to hold numbers in both samples (it does in the ${numericSide})`,
      `text in the ${numericSide === 'reference' ? 'current' : 'reference'} sample, for example ${JSON.stringify(text)}`,
      'A type change between samples is a data bug; fix the feed, or pass `categorical: ["' + feature + '"]` to compare both as categories.',
    )
  }
  return 'categorical'
}

function firstText(column: Column): string | undefined {
  if (column instanceof Float64Array) return undefined
  for (const value of column) if (value !== null && value !== undefined && typeof value !== 'number') return String(value)
  return undefined
}

/**
 * Throws a clear error when a method does not fit the feature's kind (KS, Wasserstein and PSI need numbers;
 * chi-square, Z and Jensen-Shannon need categories).
 *
 * @param feature - the feature name
 * @param kind - numeric or categorical
 * @param method - the requested method
 * @example
 * ```ts
 * checkDriftMethod('x', 'numeric', 'chi-square')
 * // throws: featureDrift: expected a numeric method for "x" (ks, wasserstein, psi), received 'chi-square'.
 * ```
 */
export function checkDriftMethod(feature: string, kind: FeatureKind, method: DriftMethod): void {
  const allowed = kind === 'numeric' ? NUMERIC_METHODS : CATEGORICAL_METHODS
  if (!allowed.includes(method)) {
    throw new VitestMlError(
      'featureDrift',
      `a ${kind} method for "${feature}" (${allowed.join(', ')})`,
      `'${method}'`,
      kind === 'numeric' ? 'Pass `kind: "categorical"` for numeric codes that are categories.' : 'Categorical features need chi-square, z or jensen-shannon.',
    )
  }
}
