import fc from 'fast-check'
import { VitestMlError } from '../util/errors.js'
import { type PerturbFunction, perturbChance, perturbFunction } from './perturb-function.js'

/** Constraints of {@link perturbCategory}. */
export interface PerturbCategoryConstraints {
  /** Chance that the value is swapped at all (the rest of the time it is kept). @defaultValue 0.5 */
  readonly probability?: number
}

/**
 * Categorical swaps: replaces a value by one of `values` (never by itself: a swap to the current value moves on to the
 * next category). Shrinks toward "no swap", then toward the first categories.
 *
 * @param values - the allowed categories (at least 2)
 * @param constraints - swap probability
 * @returns an arbitrary of category perturbations
 * @example
 * ```ts
 * const [swap] = fc.sample(perturbCategory(['Biscoe', 'Dream', 'Torgersen'], { probability: 1 }), { seed: 1, numRuns: 1 })
 * swap('Dream') // 'Biscoe' or 'Torgersen'
 * ```
 */
export function perturbCategory<T>(values: readonly T[], constraints: PerturbCategoryConstraints = {}): fc.Arbitrary<PerturbFunction<T>> {
  if (!Array.isArray(values) || values.length < 2) {
    throw new VitestMlError(
      'perturbCategory',
      'at least 2 categories',
      Array.isArray(values) ? `${values.length}` : typeof values,
      'List every allowed value, for example `[0, 1, 2]`.',
    )
  }
  const probability = constraints.probability ?? 0.5
  if (!(probability > 0 && probability <= 1))
    throw new VitestMlError('perturbCategory', '`probability` in (0, 1]', String(probability), 'Pass the chance of a swap, for example 0.5.')
  return fc.tuple(perturbChance(probability), fc.nat({ max: values.length - 1 })).map(([swaps, index]) => {
    if (!swaps) return perturbFunction<T>('identity', (value) => value, true)
    return perturbFunction<T>(`swap to ${String(values[index])}`, (value) => {
      const target = values[index] as T
      return Object.is(target, value) ? (values[(index + 1) % values.length] as T) : target
    })
  })
}
