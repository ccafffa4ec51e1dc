import type fc from 'fast-check'
import { type PerturbFunction, perturbFunction } from '../../arbitraries/perturb-function.js'
import { featureOf, type PerturbableRow, withFeature } from '../../arbitraries/perturb-row.js'
import { type PerturbScaleConstraints, perturbScale } from '../../arbitraries/perturb-scale.js'
import type { FeatureRef } from '../feature-ref.js'

/**
 * An invariance transform for scale: multiplies the listed features by one common generated factor (for models that
 * should only see proportions, such as normalised spectra or shares). Shrinks toward a factor of exactly 1.
 *
 * @param features - the features scaled together (indices or names)
 * @param constraints - factor range containing 1 @defaultValue `{ min: 0.9, max: 1.1 }`
 * @returns an arbitrary of row transforms, for `toBeInvariantUnder`
 * @example
 * ```ts
 * await expect(model).toBeInvariantUnder(scaleFeatures([0, 1, 2], { min: 0.5, max: 2 }), { inputs: rows, tolerance: 1e-4 })
 * ```
 */
export function scaleFeatures<R extends PerturbableRow>(
  features: readonly FeatureRef[],
  constraints: PerturbScaleConstraints = {},
): fc.Arbitrary<PerturbFunction<R>> {
  return perturbScale(constraints).map((scale) =>
    perturbFunction<R>(
      scale.identity ? 'identity' : `[${features.join(', ')}] ${scale.label}`,
      (row) => {
        let scaled = row
        for (const feature of features) {
          const value = featureOf(row, feature)
          scaled = withFeature(scaled, feature, typeof value === 'number' ? scale(value) : value, 'scaleFeatures')
        }
        return scaled
      },
      scale.identity,
    ),
  )
}
