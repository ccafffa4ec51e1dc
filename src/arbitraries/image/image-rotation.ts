import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { VitestMlError } from '../../util/errors.js'
import type { PerturbFunction } from '../perturb-function.js'
import { perturbUniform } from '../perturb-uniform.js'
import type { ImageConstraints } from './image-layout.js'
import { imagePerturbation, short } from './image-perturbation.js'
import { rotatePixels } from './resample-image.js'

/** Constraints of {@link imageRotation}. */
export interface ImageRotationConstraints extends ImageConstraints {
  /** Largest angle either way, in degrees. @defaultValue 10 */
  readonly maxDegrees?: number
  /** Value of the corners that come from outside the image. @defaultValue the range's `min` (black) */
  readonly fill?: number
}

/**
 * A small rotation about the image centre by an angle uniform in `[-maxDegrees, maxDegrees]`, bilinear, corners
 * filled with `fill` (as `scipy.ndimage.rotate(reshape=False, order=1, mode='grid-constant')`, so a small angle changes the image a little). Shrinks toward 0 degrees
 * (the identity).
 *
 * @param constraints - largest angle, fill, layout, sizes, range
 * @returns a described arbitrary of image perturbations
 * @example
 * ```ts
 * await expect(cnn).toBeInvariantUnder(imageRotation({ maxDegrees: 10, height: 8, width: 8 }), { inputs: digits, label: true, maxViolationRate: 0.1 })
 * ```
 */
export function imageRotation<R = unknown>(constraints: ImageRotationConstraints = {}): fc.Arbitrary<PerturbFunction<R>> {
  const maxDegrees = constraints.maxDegrees ?? 10
  if (!(maxDegrees >= 0 && maxDegrees <= 180)) throw new VitestMlError('imageRotation', '`maxDegrees` in [0, 180]', String(maxDegrees), 'Pass for example 10.')
  const arbitrary = perturbUniform(-maxDegrees, maxDegrees, 0).map((degrees) => rotateImage<R>(degrees, constraints))
  return describeArbitrary(arbitrary, `rotation by an angle uniform in [-${maxDegrees}, ${maxDegrees}] degrees`)
}

/**
 * A fixed rotation (for a demonstration that a large one changes the answer, or a known augmentation).
 *
 * @param degrees - the angle (counter-clockwise as displayed)
 * @param constraints - fill, layout, sizes, range
 * @returns the perturbation
 * @example
 * ```ts
 * await expect(cnn).not.toBeInvariantUnder(rotateImage(90, { height: 8, width: 8 }), { inputs: digits, label: true })
 * ```
 */
export function rotateImage<R = unknown>(degrees: number, constraints: Omit<ImageRotationConstraints, 'maxDegrees'> = {}): PerturbFunction<R> {
  if (!Number.isFinite(degrees)) throw new VitestMlError('rotateImage', 'a finite angle in degrees', String(degrees), 'Pass for example 90.')
  return imagePerturbation<R>(
    degrees === 0 ? 'identity' : `rotation ${short(degrees)} degrees`,
    constraints,
    (image) => rotatePixels(image, degrees, constraints.fill ?? image.min),
    degrees === 0,
    'imageRotation',
  )
}
