import fc from 'fast-check'
import type { CellValue, DataRow, Dataset } from '../data/dataset.js'
import type { FeatureSchema } from '../data/feature-schema.js'
import type { FeatureSpec } from '../data/feature-spec.js'
import { describeArbitrary } from '../util/described-arbitrary.js'
import { VitestMlError } from '../util/errors.js'
import { perturbUniform } from './perturb-uniform.js'

/** Constraints of {@link rowsNearData}. */
export interface RowsNearDataConstraints {
  /** Largest numeric perturbation, as a fraction of each feature's range (max - min). @defaultValue 0.05 */
  readonly noise?: number
  /** Chance that a categorical value is swapped for another allowed value. @defaultValue 0 */
  readonly swapProbability?: number
}

function perturbation(spec: FeatureSpec, noise: number, swapProbability: number): fc.Arbitrary<(value: CellValue) => CellValue> {
  if ((spec.kind === 'numeric' || spec.kind === 'integer') && noise > 0) {
    const width = (spec.max - spec.min) * noise
    // Evenly spread amounts (fc.double would put almost all of them next to zero), shrinking to no move at all.
    return perturbUniform(-1, 1, 0).map((unit) => (value: CellValue) => {
      if (typeof value !== 'number' || Number.isNaN(value)) return value
      const moved = Math.min(spec.max, Math.max(spec.min, value + unit * width))
      return spec.kind === 'integer' ? Math.round(moved) : moved
    })
  }
  if (spec.kind === 'categorical' && swapProbability > 0 && spec.values.length > 1) {
    // "No swap" comes first so that shrinking goes back to the real value.
    const swap = fc.oneof(
      { arbitrary: fc.constant(undefined), weight: Math.round((1 - swapProbability) * 1000) },
      { arbitrary: fc.constantFrom(...spec.values), weight: Math.round(swapProbability * 1000) },
    )
    return swap.map((replacement) => (value: CellValue) => (replacement === undefined ? value : replacement))
  }
  return fc.constant((value: CellValue) => value)
}

/**
 * An arbitrary of rows near real data: a real row (chosen by index) with each numeric feature moved by at most
 * `noise` of its range and clipped to the schema's bounds, and categorical values optionally swapped. It shrinks
 * toward the unperturbed row and toward the first rows of the data, so counterexamples stay realistic.
 *
 * @param data - the real rows (a dataset or records)
 * @param schema - the schema whose features are generated (in its order) and whose bounds are kept
 * @param constraints - noise and swap probability
 * @returns an arbitrary of record rows; `.map(schema.toArray)` for array rows
 * @example
 * ```ts
 * const rows = rowsNearData(cars, schema, { noise: 0.02 }).map(schema.toArray)
 * ```
 */
export function rowsNearData(
  data: Dataset | readonly DataRow[],
  schema: FeatureSchema,
  constraints: RowsNearDataConstraints = {},
): fc.Arbitrary<Record<string, CellValue>> {
  const rows = Array.isArray(data) ? (data as readonly DataRow[]) : (data as Dataset).rows()
  if (rows.length === 0) throw new VitestMlError('rowsNearData', 'at least one real row', 'no rows', 'Pass a non-empty dataset.')
  const noise = constraints.noise ?? 0.05
  const swapProbability = constraints.swapProbability ?? 0
  if (!(noise >= 0 && noise <= 1) || !(swapProbability >= 0 && swapProbability <= 1)) {
    throw new VitestMlError(
      'rowsNearData',
      'noise and swapProbability in [0, 1]',
      `noise ${noise}, swapProbability ${swapProbability}`,
      'noise is a fraction of each feature range, e.g. 0.05.',
    )
  }
  const perturbations = schema.names.map((name) => perturbation(schema.features[name] as FeatureSpec, noise, swapProbability))
  // Every real row equally likely (fast-check's size bias would favour the first rows); shrinking still goes to row 0.
  const near = fc.tuple(fc.noBias(fc.nat({ max: rows.length - 1 })), fc.tuple(...perturbations)).map(([index, moves]) => {
    const row = rows[index] as DataRow
    return Object.fromEntries(schema.names.map((name, j) => [name, (moves[j] as (value: CellValue) => CellValue)(row[name] ?? null)]))
  })
  const swaps = swapProbability > 0 ? `, categories swapped with probability ${swapProbability}` : ''
  return describeArbitrary(
    near,
    `the ${rows.length} real rows, each equally likely, numbers moved uniformly by up to ${noise} of their feature's range${swaps}`,
  )
}
