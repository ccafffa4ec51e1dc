import fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { VitestMlError } from '../../util/errors.js'
import type { PerturbFunction } from '../perturb-function.js'
import { perturbUniform } from '../perturb-uniform.js'
import type { ImageConstraints } from './image-layout.js'
import { imagePerturbation } from './image-perturbation.js'

/** Constraints of {@link imageOcclusion}. */
export interface ImageOcclusionConstraints extends ImageConstraints {
  /** Largest side of the square patch, as a share of the image's smaller side. @defaultValue 0.25 */
  readonly maxSize?: number
  /** Value the patch is painted with. @defaultValue the range's `min` */
  readonly fill?: number
}

/**
 * An occlusion patch (cutout): a square of side uniform in `[0, maxSize]` of the smaller image side (rounded to whole
 * pixels), at a position uniform over the image, painted with `fill` on every channel. Shrinks toward a patch of size
 * 0 (the identity) at the top-left corner.
 *
 * @param constraints - largest patch, fill, layout, sizes, range
 * @returns a described arbitrary of image perturbations
 * @example
 * ```ts
 * const [patch] = fc.sample(imageOcclusion({ maxSize: 0.25, height: 8, width: 8 }), { seed: 1, numRuns: 1 })
 * patch(pixels) // up to a 2 x 2 square set to 0
 * ```
 */
export function imageOcclusion<R = unknown>(constraints: ImageOcclusionConstraints = {}): fc.Arbitrary<PerturbFunction<R>> {
  const maxSize = constraints.maxSize ?? 0.25
  if (!(maxSize >= 0 && maxSize <= 1))
    throw new VitestMlError('imageOcclusion', '`maxSize` in [0, 1] (a share of the smaller side)', String(maxSize), 'Pass for example 0.25.')
  const arbitrary = fc.tuple(perturbUniform(0, maxSize, 0), perturbUniform(0, 1, 0), perturbUniform(0, 1, 0)).map(([size, top, left]) =>
    imagePerturbation<R>(
      size === 0 ? 'identity' : `occlusion patch ${Number(size.toFixed(3))} of the side at (${Number(top.toFixed(2))}, ${Number(left.toFixed(2))})`,
      constraints,
      (image) => {
        const side = Math.round(size * Math.min(image.height, image.width))
        const out = image.pixels.slice()
        if (side === 0) return out
        const row0 = Math.min(image.height - side, Math.floor(top * (image.height - side + 1)))
        const col0 = Math.min(image.width - side, Math.floor(left * (image.width - side + 1)))
        const plane = image.height * image.width
        for (let channel = 0; channel < image.channels; channel++) {
          for (let r = row0; r < row0 + side; r++)
            for (let c = col0; c < col0 + side; c++) out[channel * plane + r * image.width + c] = constraints.fill ?? image.min
        }
        return out
      },
      size === 0,
      'imageOcclusion',
    ),
  )
  return describeArbitrary(arbitrary, `a square patch of side uniform in [0, ${maxSize}] of the smaller image side, at a uniform position`)
}
