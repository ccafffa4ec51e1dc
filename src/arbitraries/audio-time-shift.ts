import fc from 'fast-check'
import { VitestMlError } from '../util/errors.js'
import { type PerturbFunction, perturbFunction } from './perturb-function.js'

/** Constraints of {@link audioTimeShift}. */
export interface AudioTimeShiftConstraints {
  /** Largest shift in samples, either way. @defaultValue 32 */
  readonly maxSamples?: number
  /** `zero` pads the gap with silence; `wrap` rotates the window. @defaultValue 'zero' */
  readonly mode?: 'zero' | 'wrap'
}

/**
 * A time shift of an audio window by a generated number of samples in `[-maxSamples, maxSamples]` (positive delays
 * the signal). Shrinks toward a shift of 0 (no perturbation).
 *
 * @param constraints - largest shift and padding mode
 * @returns an arbitrary of window perturbations
 * @example
 * ```ts
 * const [shift] = fc.sample(audioTimeShift({ maxSamples: 2 }), { seed: 3, numRuns: 1 })
 * shift(new Float32Array([1, 2, 3, 4])) // e.g. Float32Array [0, 1, 2, 3] for a shift of +1
 * ```
 */
export function audioTimeShift(constraints: AudioTimeShiftConstraints = {}): fc.Arbitrary<PerturbFunction<Float32Array>> {
  const maxSamples = constraints.maxSamples ?? 32
  if (!(Number.isInteger(maxSamples) && maxSamples >= 0)) {
    throw new VitestMlError(
      'audioTimeShift',
      'a whole `maxSamples` >= 0',
      String(maxSamples),
      'Pass the largest shift in samples, for example 160 (10 ms at 16 kHz).',
    )
  }
  const wrap = constraints.mode === 'wrap'
  return fc.integer({ min: -maxSamples, max: maxSamples }).map((shift) =>
    perturbFunction<Float32Array>(
      shift === 0 ? 'identity' : `time shift ${shift > 0 ? '+' : ''}${shift} samples${wrap ? ' (wrapped)' : ''}`,
      (window) => {
        const n = window.length
        const out = new Float32Array(n)
        for (let i = 0; i < n; i++) {
          const from = i - shift
          if (from >= 0 && from < n) out[i] = window[from] as number
          else if (wrap && n > 0) out[i] = window[((from % n) + n) % n] as number
        }
        return out
      },
      shift === 0,
    ),
  )
}
