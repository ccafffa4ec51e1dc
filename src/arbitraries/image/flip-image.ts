import { VitestMlError } from '../../util/errors.js'
import type { PerturbFunction } from '../perturb-function.js'
import type { ImageConstraints } from './image-layout.js'
import { imagePerturbation } from './image-perturbation.js'

/**
 * A mirror image: left-right (`horizontal`) or top-bottom (`vertical`). Not small — a flipped digit or text is another
 * picture — so it serves to show that a check can fail, or as an augmentation a model is known to be trained with.
 *
 * @param axis - `horizontal` (left-right) or `vertical` (top-bottom)
 * @param constraints - layout, sizes
 * @returns the perturbation
 * @example
 * ```ts
 * flipImage<number[][]>('horizontal')([[1, 2], [3, 4]]) // [[2, 1], [4, 3]]
 * ```
 */
export function flipImage<R = unknown>(axis: 'horizontal' | 'vertical', constraints: ImageConstraints = {}): PerturbFunction<R> {
  if (axis !== 'horizontal' && axis !== 'vertical')
    throw new VitestMlError('flipImage', "'horizontal' or 'vertical'", JSON.stringify(axis), 'Say which way to mirror the image.')
  return imagePerturbation<R>(
    `${axis} flip`,
    constraints,
    (image) => {
      const { channels, height, width, pixels } = image
      const out = new Float64Array(pixels.length)
      const plane = height * width
      for (let channel = 0; channel < channels; channel++) {
        for (let r = 0; r < height; r++) {
          for (let c = 0; c < width; c++) {
            const from = axis === 'horizontal' ? r * width + (width - 1 - c) : (height - 1 - r) * width + c
            out[channel * plane + r * width + c] = pixels[channel * plane + from] as number
          }
        }
      }
      return out
    },
    false,
    'flipImage',
  )
}
