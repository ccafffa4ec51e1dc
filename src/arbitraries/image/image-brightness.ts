import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { VitestMlError } from '../../util/errors.js'
import type { PerturbFunction } from '../perturb-function.js'
import { perturbUniform } from '../perturb-uniform.js'
import { clipPixels, type ImageConstraints } from './image-layout.js'
import { imagePerturbation, short } from './image-perturbation.js'

/** Constraints of {@link imageBrightness}. */
export interface ImageBrightnessConstraints extends ImageConstraints {
  /** Largest change, as a share of the pixel range: every pixel moves by the same `delta` in `[-maxDelta, maxDelta]` x (max - min). @defaultValue 0.1 */
  readonly maxDelta?: number
}

/**
 * A brightness change: the same amount, uniform in `[-maxDelta, maxDelta]` of the pixel range, added to every pixel,
 * then clipped to the range. Shrinks toward 0 (the identity).
 *
 * @param constraints - largest change, layout, sizes, range
 * @returns a described arbitrary of image perturbations
 * @example
 * ```ts
 * const [brighter] = fc.sample(imageBrightness({ maxDelta: 0.1, height: 8, width: 8 }), { seed: 1, numRuns: 1 })
 * brighter(pixels) // every pixel + delta, |delta| <= 0.1, clipped to [0, 1]
 * ```
 */
export function imageBrightness<R = unknown>(constraints: ImageBrightnessConstraints = {}): fc.Arbitrary<PerturbFunction<R>> {
  const maxDelta = constraints.maxDelta ?? 0.1
  if (!(maxDelta >= 0 && maxDelta <= 1))
    throw new VitestMlError(
      'imageBrightness',
      '`maxDelta` in [0, 1] (a share of the pixel range)',
      String(maxDelta),
      'Pass for example 0.1 for +-10% of the range.',
    )
  const arbitrary = perturbUniform(-maxDelta, maxDelta, 0).map((delta) =>
    imagePerturbation<R>(
      delta === 0 ? 'identity' : `brightness ${delta > 0 ? '+' : ''}${short(delta)} of the range`,
      constraints,
      (image) => {
        const shift = delta * (image.max - image.min)
        return clipPixels(
          image.pixels.map((value) => value + shift),
          image.min,
          image.max,
        )
      },
      delta === 0,
      'imageBrightness',
    ),
  )
  return describeArbitrary(arbitrary, `brightness shifted by a share of the pixel range uniform in [-${maxDelta}, ${maxDelta}]`)
}
