import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { VitestMlError } from '../../util/errors.js'
import type { PerturbFunction } from '../perturb-function.js'
import { perturbUniform } from '../perturb-uniform.js'
import type { ImageConstraints } from './image-layout.js'
import { imagePerturbation, short } from './image-perturbation.js'
import { blurPixels } from './resample-image.js'

/** Constraints of {@link imageBlur}. */
export interface ImageBlurConstraints extends ImageConstraints {
  /** Largest standard deviation of the gaussian kernel, in pixels. @defaultValue 1 */
  readonly maxSigma?: number
}

/**
 * A gaussian blur with a standard deviation uniform in `[0, maxSigma]` pixels, channel by channel, edges mirrored (as
 * `scipy.ndimage.gaussian_filter(mode='reflect', truncate=4)`). Shrinks toward sigma 0 (the identity).
 *
 * @param constraints - largest sigma, layout, sizes, range
 * @returns a described arbitrary of image perturbations
 * @example
 * ```ts
 * await expect(cnn).toBeInvariantUnder(imageBlur({ maxSigma: 0.5, height: 8, width: 8 }), { inputs: digits, label: true, maxViolationRate: 0.05 })
 * ```
 */
export function imageBlur<R = unknown>(constraints: ImageBlurConstraints = {}): fc.Arbitrary<PerturbFunction<R>> {
  const maxSigma = constraints.maxSigma ?? 1
  if (!(maxSigma >= 0 && Number.isFinite(maxSigma)))
    throw new VitestMlError('imageBlur', 'a finite `maxSigma` >= 0 (pixels)', String(maxSigma), 'Pass for example 1.')
  const arbitrary = perturbUniform(0, maxSigma, 0).map((sigma) =>
    imagePerturbation<R>(
      sigma === 0 ? 'identity' : `gaussian blur sigma ${short(sigma)} px`,
      constraints,
      (image) => blurPixels(image, sigma),
      sigma === 0,
      'imageBlur',
    ),
  )
  return describeArbitrary(arbitrary, `gaussian blur with a standard deviation uniform in [0, ${maxSigma}] pixels`)
}
