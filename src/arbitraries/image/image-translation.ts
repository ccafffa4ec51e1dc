import fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { VitestMlError } from '../../util/errors.js'
import type { PerturbFunction } from '../perturb-function.js'
import type { ImageConstraints } from './image-layout.js'
import { imagePerturbation } from './image-perturbation.js'
import { shiftPixels } from './resample-image.js'

/** Constraints of {@link imageTranslation}. */
export interface ImageTranslationConstraints extends ImageConstraints {
  /** Largest shift either way, in whole pixels, on each axis. @defaultValue 1 */
  readonly maxPixels?: number
  /** Value of the uncovered border. @defaultValue the range's `min` */
  readonly fill?: number
}

/**
 * A small translation: whole-pixel shifts down/up and right/left, each uniform in `[-maxPixels, maxPixels]`, the
 * uncovered border filled with `fill` (as `scipy.ndimage.shift(order=0, mode='constant')`). Shrinks toward no shift.
 *
 * @param constraints - largest shift, fill, layout, sizes, range
 * @returns a described arbitrary of image perturbations
 * @example
 * ```ts
 * const [shift] = fc.sample(imageTranslation({ maxPixels: 1 }), { seed: 2, numRuns: 1 })
 * shift([[1, 2], [3, 4]]) // e.g. [[0, 1], [0, 3]] for one pixel right
 * ```
 */
export function imageTranslation<R = unknown>(constraints: ImageTranslationConstraints = {}): fc.Arbitrary<PerturbFunction<R>> {
  const maxPixels = constraints.maxPixels ?? 1
  if (!(Number.isInteger(maxPixels) && maxPixels >= 0))
    throw new VitestMlError('imageTranslation', 'a whole `maxPixels` >= 0', String(maxPixels), 'Pass for example 2.')
  const shift = fc.integer({ min: -maxPixels, max: maxPixels })
  const arbitrary = fc
    .tuple(shift, shift)
    .map(([rows, cols]) =>
      imagePerturbation<R>(
        rows === 0 && cols === 0 ? 'identity' : `shift ${rows} px down, ${cols} px right`,
        constraints,
        (image) => shiftPixels(image, rows, cols, constraints.fill ?? image.min),
        rows === 0 && cols === 0,
        'imageTranslation',
      ),
    )
  return describeArbitrary(arbitrary, `translation by whole pixels, each axis uniform in [-${maxPixels}, ${maxPixels}]`)
}
