import fc from 'fast-check'
import { VitestMlError } from '../util/errors.js'
import { type PerturbFunction, perturbFunction } from './perturb-function.js'
import { perturbUniform } from './perturb-uniform.js'

/** Constraints of {@link perturbClip}. */
export interface PerturbClipConstraints {
  /** The feature's lower bound. */
  readonly min: number
  /** The feature's upper bound. */
  readonly max: number
  /** Largest fraction of the range cut from each end. @defaultValue 0.25 */
  readonly maxCut?: number
}

/**
 * Clipping, as a saturating sensor or a capped field does it: values are clipped into a generated window
 * `[min + a * range, max - b * range]` with `a, b` in `[0, maxCut]`. Shrinks toward `a = b = 0`, the feature's own
 * bounds, where every in-range value is left unchanged.
 *
 * @param constraints - the feature's bounds and the largest cut
 * @returns an arbitrary of number perturbations
 * @example
 * ```ts
 * const [clip] = fc.sample(perturbClip({ min: 0, max: 100 }), { seed: 2, numRuns: 1 })
 * clip(99) // <= 99, clipped to the generated upper end
 * ```
 */
export function perturbClip(constraints: PerturbClipConstraints): fc.Arbitrary<PerturbFunction<number>> {
  const { min, max } = constraints
  const maxCut = constraints.maxCut ?? 0.25
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
    throw new VitestMlError(
      'perturbClip',
      'finite bounds with min <= max',
      `min ${min}, max ${max}`,
      'Pass the feature bounds, for example `{ min: 0, max: 100 }`.',
    )
  }
  if (!(maxCut >= 0 && maxCut <= 0.5))
    throw new VitestMlError('perturbClip', '`maxCut` in [0, 0.5]', String(maxCut), 'It is the fraction of the range cut from each end.')
  const cut = perturbUniform(0, maxCut)
  return fc.tuple(cut, cut).map(([low, high]) => {
    const lower = min + low * (max - min)
    const upper = max - high * (max - min)
    const identity = low === 0 && high === 0
    return perturbFunction(
      identity ? `clip to [${min}, ${max}]` : `clip to [${lower}, ${upper}]`,
      (value: number) => (Number.isNaN(value) ? value : Math.min(upper, Math.max(lower, value))),
      identity,
    )
  })
}
