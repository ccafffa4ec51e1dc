import fc from 'fast-check'
import { VitestMlError } from '../util/errors.js'

const GRID = 2 ** 30

/**
 * A real number spread evenly over `[min, max]` (on a grid of 2^30 steps), shrinking toward `origin`. Unlike
 * `fc.double`, which is uniform over representable doubles (so most values in `[0, 1000]` are tiny), amounts drawn from
 * here are evenly spread, which is what a perturbation size or a step needs; under fast-check's bias small moves
 * away from `origin` come first, and under `fc.noBias` the draw is uniform.
 *
 * @param min - lower end
 * @param max - upper end
 * @param origin - where shrinking leads (the "no perturbation" value) @defaultValue the point of the range closest to 0
 * @returns an arbitrary of numbers in `[min, max]`
 * @example
 * ```ts
 * fc.sample(perturbUniform(-3, 3), { seed: 1, numRuns: 3 }) // three values in [-3, 3], shrinking toward 0
 * ```
 */
export function perturbUniform(min: number, max: number, origin = Math.min(max, Math.max(min, 0))): fc.Arbitrary<number> {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
    throw new VitestMlError('perturbUniform', 'finite bounds with min <= max', `min ${min}, max ${max}`, 'Swap or fix the bounds.')
  }
  if (!(origin >= min && origin <= max))
    throw new VitestMlError('perturbUniform', `an origin within [${min}, ${max}]`, String(origin), 'The origin is the value shrinking leads to.')
  if (min === max) return fc.constant(min)
  const unit = (max - min) / GRID
  const below = Math.round((origin - min) / unit)
  const above = Math.round((max - origin) / unit)
  return fc
    .integer({ min: -below, max: above })
    .map((k) => (k === 0 ? origin : k === -below ? min : k === above ? max : Math.min(max, Math.max(min, origin + k * unit))))
}
