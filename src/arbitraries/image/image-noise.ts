import fc from 'fast-check'
import seedrandom from 'seedrandom'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { VitestMlError } from '../../util/errors.js'
import type { PerturbFunction } from '../perturb-function.js'
import { perturbUniform } from '../perturb-uniform.js'
import { clipPixels, type ImageConstraints } from './image-layout.js'
import { imagePerturbation, short } from './image-perturbation.js'

/** Constraints of {@link imageNoise}. */
export interface ImageNoiseConstraints extends ImageConstraints {
  /** Largest noise standard deviation, as a share of the pixel range. @defaultValue 0.05 */
  readonly maxSigma?: number
}

/**
 * Gaussian noise: independent normal noise on every pixel, with a standard deviation uniform in `[0, maxSigma]` of the
 * pixel range, drawn from a generated noise seed (the same case always adds the same noise), then clipped to the
 * range. Shrinks toward sigma 0 (the identity).
 *
 * @param constraints - largest sigma, layout, sizes, range
 * @returns a described arbitrary of image perturbations
 * @example
 * ```ts
 * const [noisy] = fc.sample(imageNoise({ maxSigma: 0.05 }), { seed: 1, numRuns: 1 })
 * noisy(pixels) // pixels + N(0, sigma^2), sigma <= 0.05, clipped to [0, 1]
 * ```
 */
export function imageNoise<R = unknown>(constraints: ImageNoiseConstraints = {}): fc.Arbitrary<PerturbFunction<R>> {
  const maxSigma = constraints.maxSigma ?? 0.05
  if (!(maxSigma >= 0 && maxSigma <= 1))
    throw new VitestMlError('imageNoise', '`maxSigma` in [0, 1] (a share of the pixel range)', String(maxSigma), 'Pass for example 0.05.')
  const arbitrary = fc.tuple(perturbUniform(0, maxSigma, 0), fc.nat()).map(([sigma, noiseSeed]) =>
    imagePerturbation<R>(
      sigma === 0 ? 'identity' : `gaussian noise sigma ${short(sigma)} of the range (noise seed ${noiseSeed})`,
      constraints,
      (image) => {
        if (sigma === 0) return image.pixels.slice()
        const random = seedrandom(`imageNoise:${noiseSeed}`)
        const scale = sigma * (image.max - image.min)
        const out = new Float64Array(image.pixels.length)
        for (let i = 0; i < out.length; i += 2) {
          // Box-Muller: two independent standard normals from two uniforms in (0, 1].
          const radius = Math.sqrt(-2 * Math.log(1 - random()))
          const angle = 2 * Math.PI * random()
          out[i] = (image.pixels[i] as number) + scale * radius * Math.cos(angle)
          if (i + 1 < out.length) out[i + 1] = (image.pixels[i + 1] as number) + scale * radius * Math.sin(angle)
        }
        return clipPixels(out, image.min, image.max)
      },
      sigma === 0,
      'imageNoise',
    ),
  )
  return describeArbitrary(arbitrary, `gaussian pixel noise with a standard deviation uniform in [0, ${maxSigma}] of the pixel range`)
}
