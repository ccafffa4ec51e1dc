import { type PerturbFunction, perturbFunction } from '../perturb-function.js'
import { type ImageConstraints, type ImagePixels, readImage } from './image-layout.js'

/**
 * Builds an image perturbation: reads each row as `[C, H, W]` pixels (see `readImage`), applies `apply` to a copy,
 * and writes the result back in the row's own form. The row itself is never modified.
 *
 * @param label - what it does, for messages (`brightness +0.05`)
 * @param constraints - layout, sizes, range
 * @param apply - the pure pixel operation: the image in, new `[C, H, W]` pixels out
 * @param identity - whether it changes nothing @defaultValue false
 * @param source - public name for errors @defaultValue 'imagePerturbation'
 * @returns the perturbation
 * @example
 * ```ts
 * const invert = imagePerturbation<number[]>('invert', {}, (image) => image.pixels.map((v) => image.max - v))
 * invert([0, 0.25, 0.5, 1]) // [1, 0.75, 0.5, 0]
 * ```
 */
export function imagePerturbation<R>(
  label: string,
  constraints: ImageConstraints,
  apply: (image: ImagePixels) => Float64Array,
  identity = false,
  source = 'imagePerturbation',
): PerturbFunction<R> {
  return perturbFunction<R>(
    label,
    (row) => {
      const image = readImage(row, constraints, source)
      return image.write(apply(image)) as R
    },
    identity,
  )
}

/**
 * A short number for labels: at most 4 significant digits.
 *
 * @param value - the number
 * @example
 * ```ts
 * short(0.123456) // '0.1235'
 * ```
 */
export function short(value: number): string {
  return String(Number(value.toPrecision(4)))
}
