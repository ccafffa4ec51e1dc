import type { Dataset } from '../../data/dataset.js'
import { VitestMlError } from '../../util/errors.js'
import { asDataset, type DriftData } from '../as-dataset.js'
import { featureKind } from '../feature-kind.js'
import { classifierDrift } from './classifier-drift.js'
import { embeddingMatrix, isEmbeddingColumn } from './embedding-matrix.js'
import { type EncodedFeature, featureMatrix } from './feature-matrix.js'
import { mmdDrift } from './mmd-drift.js'
import { MULTIVARIATE_DEFAULTS, type MultivariateDriftOptions, type MultivariateDriftResult, type MultivariateMethod } from './multivariate-drift-types.js'
import { sampleRowIndices, seededRandom } from './seeded-order.js'

/** Options of {@link multivariateDrift}: the test options, plus which columns are categories or embeddings. */
export interface MultivariateDriftRunOptions extends MultivariateDriftOptions {
  /** Columns to encode as categories even though they hold numbers. @defaultValue [] */
  readonly categorical?: readonly string[]
  /** Embedding columns (vectors) to test, each with its own MMD test. @defaultValue every column of vectors among `features`, or in the data when `features` is not given */
  readonly embeddings?: readonly string[]
  /** Columns to leave out when `features` is not given. @defaultValue [] */
  readonly ignore?: readonly string[]
}

/**
 * Multivariate drift: the joint distribution of the tabular features is tested with each of `methods` (the domain
 * classifier and the kernel MMD), and every embedding column (a column of vectors) with its own MMD test. Every test is
 * seeded (`seed`, default 0): the same data and seed give the same p-values.
 *
 * @param reference - reference data
 * @param current - current data
 * @param options - methods, features, embeddings, threshold, seed, permutations, maxRows, folds
 * @returns one result per test: the tabular tests first, then one per embedding column
 * @example
 * ```ts
 * multivariateDrift(before, after, { methods: ['classifier'], features: ['x', 'y'] })
 * // -> [{ method: 'classifier', statistic: 0.78, pValue: 0.0099, drifted: true, importance: [...] }]
 * ```
 */
export function multivariateDrift(reference: DriftData, current: DriftData, options: MultivariateDriftRunOptions = {}): MultivariateDriftResult[] {
  const ref = asDataset('multivariateDrift', 'reference', reference)
  const cur = asDataset('multivariateDrift', 'current', current)
  const skip = new Set(options.ignore ?? [])
  const candidates = options.features ?? ref.columnNames.filter((name) => !skip.has(name))
  for (const name of [...candidates, ...(options.embeddings ?? [])]) {
    for (const [role, data] of [
      ['reference', ref],
      ['current', cur],
    ] as const) {
      if (!data.columnNames.includes(name))
        throw new VitestMlError(
          'multivariateDrift',
          `column "${name}" in ${role}`,
          `columns ${data.columnNames.join(', ')}`,
          'Check `features` and `embeddings`; names are case-sensitive.',
        )
    }
  }
  const embeddings = options.embeddings ?? candidates.filter((name) => isEmbeddingColumn(ref.column(name)) || isEmbeddingColumn(cur.column(name)))
  const tabular = candidates.filter((name) => !embeddings.includes(name))
  const methods = options.methods ?? (['classifier', 'mmd'] as const)
  const results: MultivariateDriftResult[] = []
  if (tabular.length > 0) {
    const encoded = encode(ref, cur, tabular, options.categorical ?? [])
    for (const method of methods) results.push(method === 'classifier' ? classifierDrift(encoded, options) : tabularMmd(encoded, options))
  }
  for (const name of embeddings) results.push(embeddingMmd(ref, cur, name, options))
  return results
}

/**
 * Checks the `methods` of the multivariate tests.
 *
 * @param methods - the requested methods
 * @returns them
 * @example
 * ```ts
 * checkMultivariateMethods(['classifier']) // ['classifier']
 * ```
 */
export function checkMultivariateMethods(methods: readonly unknown[]): MultivariateMethod[] {
  for (const method of methods) {
    if (method !== 'classifier' && method !== 'mmd')
      throw new VitestMlError(
        'multivariateDrift',
        "methods 'classifier' or 'mmd'",
        JSON.stringify(method),
        "Pass for example `multivariate: ['classifier', 'mmd']`.",
      )
  }
  return methods as MultivariateMethod[]
}

function encode(reference: Dataset, current: Dataset, features: readonly string[], categorical: readonly string[]): EncodedFeature[] {
  return features.map((name) => {
    const ref = reference.column(name)
    const cur = current.column(name)
    const kind = categorical.includes(name) ? 'categorical' : featureKind(name, ref, cur)
    return { name, kind, reference: ref, current: cur }
  })
}

function tabularMmd(features: readonly EncodedFeature[], options: MultivariateDriftOptions): MultivariateDriftResult {
  const random = seededRandom(options.seed ?? MULTIVARIATE_DEFAULTS.seed)
  const maxRows = options.maxRows ?? MULTIVARIATE_DEFAULTS.mmdRows
  const first = features[0] as EncodedFeature
  const referenceRows = sampleRowIndices(first.reference.length, maxRows, random)
  const currentRows = sampleRowIndices(first.current.length, maxRows, random)
  const matrix = featureMatrix(features, referenceRows, currentRows)
  return mmdDrift(
    { values: matrix.values, width: matrix.width, referenceRows: referenceRows.length, currentRows: currentRows.length },
    { features: features.map((feature) => feature.name), embedding: false },
    random,
    options,
  )
}

function embeddingMmd(reference: Dataset, current: Dataset, name: string, options: MultivariateDriftOptions): MultivariateDriftResult {
  const random = seededRandom(options.seed ?? MULTIVARIATE_DEFAULTS.seed)
  const maxRows = options.maxRows ?? MULTIVARIATE_DEFAULTS.mmdRows
  const referenceRows = sampleRowIndices(reference.rowCount, maxRows, random)
  const currentRows = sampleRowIndices(current.rowCount, maxRows, random)
  const ref = embeddingMatrix('multivariateDrift', name, reference.column(name), referenceRows)
  const cur = embeddingMatrix('multivariateDrift', name, current.column(name), currentRows, ref.dimension)
  const values = new Float64Array(ref.values.length + cur.values.length)
  values.set(ref.values)
  values.set(cur.values, ref.values.length)
  return mmdDrift(
    { values, width: ref.dimension, referenceRows: referenceRows.length, currentRows: currentRows.length },
    { features: [name], embedding: true },
    random,
    options,
  )
}
