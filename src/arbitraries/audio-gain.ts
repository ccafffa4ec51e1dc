import type fc from 'fast-check'
import { describeArbitrary } from '../util/described-arbitrary.js'
import { VitestMlError } from '../util/errors.js'
import { type PerturbFunction, perturbFunction } from './perturb-function.js'
import { perturbUniform } from './perturb-uniform.js'

/** Constraints of {@link audioGain}. */
export interface AudioGainConstraints {
  /** Quietest change, in dB. @defaultValue -3 */
  readonly minDb?: number
  /** Loudest change, in dB. @defaultValue 3 */
  readonly maxDb?: number
  /** Clip samples to [-1, 1] after the gain, as a real converter would. @defaultValue true */
  readonly clip?: boolean
}

/**
 * A gain change on an audio window (float samples): multiplies every sample by `10^(dB / 20)` for a generated dB in
 * `[minDb, maxDb]`. Shrinks toward 0 dB (no perturbation). The window is copied, never modified.
 *
 * @param constraints - dB range and clipping
 * @returns an arbitrary of window perturbations
 * @example
 * ```ts
 * const [gain] = fc.sample(audioGain({ minDb: -3, maxDb: 3 }), { seed: 1, numRuns: 1 })
 * gain(new Float32Array([0.5])) // Float32Array [0.5 * 10^(dB/20)]
 * ```
 */
export function audioGain(constraints: AudioGainConstraints = {}): fc.Arbitrary<PerturbFunction<Float32Array>> {
  const minDb = constraints.minDb ?? -3
  const maxDb = constraints.maxDb ?? 3
  if (!(Number.isFinite(minDb) && Number.isFinite(maxDb) && minDb <= 0 && maxDb >= 0)) {
    throw new VitestMlError(
      'audioGain',
      'a dB range with minDb <= 0 <= maxDb',
      `minDb ${minDb}, maxDb ${maxDb}`,
      'The range must contain 0 dB (no change), for example `{ minDb: -3, maxDb: 3 }`.',
    )
  }
  const clip = constraints.clip ?? true
  return describeArbitrary(
    perturbUniform(minDb, maxDb, 0).map((db) => {
      const factor = 10 ** (db / 20)
      return perturbFunction<Float32Array>(
        db === 0 ? 'identity' : `gain ${db > 0 ? '+' : ''}${Number(db.toFixed(3))} dB`,
        (window) => {
          const out = new Float32Array(window.length)
          for (let i = 0; i < window.length; i++) {
            const value = (window[i] as number) * factor
            out[i] = clip ? Math.max(-1, Math.min(1, value)) : value
          }
          return out
        },
        db === 0,
      )
    }),
    `a gain uniform in [${minDb}, ${maxDb}] dB${clip ? ', clipped to [-1, 1]' : ''}`,
  )
}
