import fc from 'fast-check'
import { type PerturbFunction, perturbFunction } from '../../arbitraries/perturb-function.js'
import { type PerturbableRow, withFeature } from '../../arbitraries/perturb-row.js'
import { perturbUniform } from '../../arbitraries/perturb-uniform.js'
import { VitestMlError } from '../../util/errors.js'
import type { FeatureRef } from '../feature-ref.js'

/** The values an irrelevant feature may take: a numeric range or a list of allowed values. */
export type FeatureDomain<V = unknown> = { readonly min: number; readonly max: number } | readonly V[]

/**
 * An invariance transform for a feature the model must ignore: sets it to any value of its domain (a range, or a list
 * of categories). Shrinks toward the low end of the range or the first listed value.
 *
 * @param feature - index (array rows) or name (record rows)
 * @param domain - `{ min, max }` or the allowed values
 * @returns an arbitrary of row transforms, for `toBeInvariantUnder`
 * @example
 * ```ts
 * // penguins-mlp must ignore the island code (column 4)
 * await expect(model).toBeInvariantUnder(anyValueOf(4, [0, 1, 2]), { inputs: rows, tolerance: 0 })
 * ```
 */
export function anyValueOf<R extends PerturbableRow, V = unknown>(feature: FeatureRef, domain: FeatureDomain<V>): fc.Arbitrary<PerturbFunction<R>> {
  let values: fc.Arbitrary<unknown>
  if (Array.isArray(domain)) {
    if (domain.length === 0) throw new VitestMlError('anyValueOf', 'at least one value', 'an empty list', 'List the values the feature may take.')
    values = fc.constantFrom(...(domain as readonly unknown[]))
  } else {
    const { min, max } = domain as { readonly min: number; readonly max: number }
    if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
      throw new VitestMlError('anyValueOf', 'a finite range with min <= max', `min ${min}, max ${max}`, 'Pass `{ min, max }` or a list of values.')
    }
    values = perturbUniform(min, max, min)
  }
  return values.map((value) =>
    perturbFunction<R>(`set [${String(feature)}] to ${JSON.stringify(value)}`, (row) => withFeature(row, feature, value, 'anyValueOf')),
  )
}
