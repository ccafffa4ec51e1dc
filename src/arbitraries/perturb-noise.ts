import type fc from 'fast-check'
import { describeArbitrary } from '../util/described-arbitrary.js'
import { VitestMlError } from '../util/errors.js'
import { type PerturbFunction, perturbFunction } from './perturb-function.js'
import { perturbUniform } from './perturb-uniform.js'

/** Constraints of {@link perturbNoise}. */
export interface PerturbNoiseConstraints {
  /** Largest absolute shift added to the value. */
  readonly scale: number
  /** Lower bound the perturbed value is clipped to. @defaultValue -Infinity */
  readonly min?: number
  /** Upper bound the perturbed value is clipped to. @defaultValue Infinity */
  readonly max?: number
}

/**
 * Additive numeric noise: shifts a value by a generated amount in `[-scale, scale]` and clips it to `[min, max]`.
 * Shrinks toward a shift of 0 (no perturbation). NaN stays NaN (missing stays missing).
 *
 * @param constraints - scale and bounds
 * @returns an arbitrary of number perturbations
 * @example
 * ```ts
 * const [shift] = fc.sample(perturbNoise({ scale: 0.5, min: 0 }), { seed: 1, numRuns: 1 })
 * shift(0.1) // 0.1 + u with |u| <= 0.5, never below 0
 * ```
 */
export function perturbNoise(constraints: PerturbNoiseConstraints): fc.Arbitrary<PerturbFunction<number>> {
  const { scale } = constraints
  const min = constraints.min ?? Number.NEGATIVE_INFINITY
  const max = constraints.max ?? Number.POSITIVE_INFINITY
  if (!(Number.isFinite(scale) && scale >= 0)) {
    throw new VitestMlError('perturbNoise', 'a finite `scale` >= 0', String(scale), 'Pass the largest shift, for example `{ scale: 0.05 }`.')
  }
  if (!(min <= max)) throw new VitestMlError('perturbNoise', 'bounds with min <= max', `min ${min}, max ${max}`, 'Swap or fix the bounds.')
  return describeArbitrary(
    perturbUniform(-scale, scale).map((shift) =>
      perturbFunction(
        shift === 0 ? 'identity' : `noise ${shift > 0 ? '+' : ''}${shift}`,
        (value: number) => (Number.isNaN(value) ? value : Math.min(max, Math.max(min, value + shift))),
        shift === 0,
      ),
    ),
    `a shift uniform in [-${scale}, ${scale}]${Number.isFinite(min) || Number.isFinite(max) ? `, clipped to [${min}, ${max}]` : ''}`,
  )
}
