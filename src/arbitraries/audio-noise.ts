import fc from 'fast-check'
import seedrandom from 'seedrandom'
import { describeArbitrary } from '../util/described-arbitrary.js'
import { VitestMlError } from '../util/errors.js'
import { type PerturbFunction, perturbFunction } from './perturb-function.js'
import { perturbUniform } from './perturb-uniform.js'

/** Constraints of {@link audioNoise}. */
export interface AudioNoiseConstraints {
  /** Largest noise amplitude (samples are in [-1, 1]): uniform noise in `[-a, a]` with `a` up to this. @defaultValue 0.01 */
  readonly maxAmplitude?: number
  /** Clip samples to [-1, 1] after adding the noise. @defaultValue true */
  readonly clip?: boolean
}

/**
 * Added white noise on an audio window: uniform noise of a generated amplitude, drawn from a generated noise seed so
 * the same case always adds the same noise. Shrinks toward amplitude 0 (no perturbation).
 *
 * @param constraints - largest amplitude and clipping
 * @returns an arbitrary of window perturbations
 * @example
 * ```ts
 * const [hiss] = fc.sample(audioNoise({ maxAmplitude: 0.005 }), { seed: 1, numRuns: 1 })
 * hiss(window) // window + noise, |noise| <= 0.005
 * ```
 */
export function audioNoise(constraints: AudioNoiseConstraints = {}): fc.Arbitrary<PerturbFunction<Float32Array>> {
  const maxAmplitude = constraints.maxAmplitude ?? 0.01
  if (!(Number.isFinite(maxAmplitude) && maxAmplitude >= 0)) {
    throw new VitestMlError('audioNoise', 'a finite `maxAmplitude` >= 0', String(maxAmplitude), 'Samples are in [-1, 1]; 0.01 is about -40 dBFS.')
  }
  const clip = constraints.clip ?? true
  return describeArbitrary(
    fc.tuple(perturbUniform(0, maxAmplitude), fc.nat()).map(([amplitude, noiseSeed]) => {
      const label = amplitude === 0 ? 'identity' : `noise amplitude ${Number(amplitude.toPrecision(4))} (noise seed ${noiseSeed})`
      return perturbFunction<Float32Array>(
        label,
        (window) => {
          if (amplitude === 0) return Float32Array.from(window)
          const random = seedrandom(String(noiseSeed))
          const out = new Float32Array(window.length)
          for (let i = 0; i < window.length; i++) {
            const value = (window[i] as number) + amplitude * (2 * random() - 1)
            out[i] = clip ? Math.max(-1, Math.min(1, value)) : value
          }
          return out
        },
        amplitude === 0,
      )
    }),
    `uniform white noise of an amplitude uniform in [0, ${maxAmplitude}]`,
  )
}
