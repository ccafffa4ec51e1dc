import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { VitestMlError } from '../../util/errors.js'
import type { PerturbFunction } from '../perturb-function.js'
import { perturbUniform } from '../perturb-uniform.js'
import { clipPixels, type ImageConstraints } from './image-layout.js'
import { imagePerturbation, short } from './image-perturbation.js'

/** Constraints of {@link imageContrast}. */
export interface ImageContrastConstraints extends ImageConstraints {
  /** Lowest contrast factor (below 1 flattens). @defaultValue 0.8 */
  readonly minFactor?: number
  /** Highest contrast factor (above 1 stretches). @defaultValue 1.25 */
  readonly maxFactor?: number
}

/**
 * A contrast change, as torchvision's `adjust_contrast` per channel: each pixel `x` becomes `m + f (x - m)` with `m`
 * the channel's mean and `f` log-uniform in `[minFactor, maxFactor]`, then clipped to the range. Shrinks toward
 * `f = 1` (the identity).
 *
 * @param constraints - factor range, layout, sizes, range
 * @returns a described arbitrary of image perturbations
 * @example
 * ```ts
 * const [contrast] = fc.sample(imageContrast({ minFactor: 0.5, maxFactor: 2 }), { seed: 1, numRuns: 1 })
 * contrast([0, 1]) // e.g. [0.2, 0.8] for f = 0.6 (mean 0.5)
 * ```
 */
export function imageContrast<R = unknown>(constraints: ImageContrastConstraints = {}): fc.Arbitrary<PerturbFunction<R>> {
  const minFactor = constraints.minFactor ?? 0.8
  const maxFactor = constraints.maxFactor ?? 1.25
  if (!(minFactor > 0 && minFactor <= 1 && maxFactor >= 1 && Number.isFinite(maxFactor))) {
    throw new VitestMlError(
      'imageContrast',
      'factors with 0 < minFactor <= 1 <= maxFactor',
      `minFactor ${minFactor}, maxFactor ${maxFactor}`,
      'The range must contain 1 (no change), for example `{ minFactor: 0.8, maxFactor: 1.25 }`.',
    )
  }
  const arbitrary = perturbUniform(Math.log(minFactor), Math.log(maxFactor), 0).map((logFactor) => {
    const factor = Math.exp(logFactor)
    return imagePerturbation<R>(
      logFactor === 0 ? 'identity' : `contrast x${short(factor)}`,
      constraints,
      (image) => {
        const plane = image.height * image.width
        const out = new Float64Array(image.pixels.length)
        for (let c = 0; c < image.channels; c++) {
          let sum = 0
          for (let p = 0; p < plane; p++) sum += image.pixels[c * plane + p] as number
          const mean = sum / plane
          for (let p = 0; p < plane; p++) out[c * plane + p] = mean + factor * ((image.pixels[c * plane + p] as number) - mean)
        }
        return clipPixels(out, image.min, image.max)
      },
      logFactor === 0,
      'imageContrast',
    )
  })
  return describeArbitrary(arbitrary, `contrast scaled about each channel's mean by a factor log-uniform in [${minFactor}, ${maxFactor}]`)
}
