import type fc from 'fast-check'
import type { PerturbFunction } from '../../arbitraries/perturb-function.js'
import { type PerturbNoiseConstraints, perturbNoise } from '../../arbitraries/perturb-noise.js'
import { type PerturbableRow, perturbRow } from '../../arbitraries/perturb-row.js'
import type { FeatureRef } from '../feature-ref.js'

/**
 * An invariance transform: additive noise of at most `scale` on one feature, clipped to the feature's bounds. Shrinks
 * toward no noise, so a counterexample shows the smallest nudge that changes the answer.
 *
 * @param feature - index (array rows) or name (record rows)
 * @param constraints - `scale`, and the bounds `min` / `max` the value stays within
 * @returns an arbitrary of row transforms, for `toBeInvariantUnder`
 * @example
 * ```ts
 * await expect(model).toBeInvariantUnder(noiseOn(0, { scale: 0.5, min: 30, max: 60 }), { inputs: rows, label: true })
 * ```
 */
export function noiseOn<R extends PerturbableRow>(feature: FeatureRef, constraints: PerturbNoiseConstraints): fc.Arbitrary<PerturbFunction<R>> {
  return perturbRow<R>({ [feature]: perturbNoise(constraints) })
}
