import type fc from 'fast-check'
import { VitestMlError } from '../util/errors.js'
import { type PerturbFunction, perturbChance, perturbFunction } from './perturb-function.js'

/** Constraints of {@link perturbMissing}. */
export interface PerturbMissingConstraints<M> {
  /** The missing marker the model sees (NaN for float tensors, `null` for records). */
  readonly missing: M
  /** Chance that the value goes missing. @defaultValue 0.5 */
  readonly probability?: number
}

/**
 * Missing-value injection: replaces a value by the missing marker with probability `probability`. Shrinks toward
 * "present" (no perturbation).
 *
 * @param constraints - the marker and the probability
 * @returns an arbitrary of perturbations
 * @example
 * ```ts
 * const drop = perturbMissing({ missing: Number.NaN, probability: 0.2 })
 * fc.sample(drop, { seed: 1, numRuns: 5 }).map((p) => p(3)) // mostly 3, sometimes NaN
 * ```
 */
export function perturbMissing<T, M = T>(constraints: PerturbMissingConstraints<M>): fc.Arbitrary<PerturbFunction<T | M>> {
  const probability = constraints.probability ?? 0.5
  if (!(probability > 0 && probability <= 1)) {
    throw new VitestMlError('perturbMissing', '`probability` in (0, 1]', String(probability), 'Pass the chance a value goes missing, for example 0.1.')
  }
  return perturbChance(probability).map((drop) =>
    drop
      ? perturbFunction<T | M>(`set to missing (${String(constraints.missing)})`, () => constraints.missing)
      : perturbFunction<T | M>('identity', (value) => value, true),
  )
}
