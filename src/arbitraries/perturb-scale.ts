import type fc from 'fast-check'
import { describeArbitrary } from '../util/described-arbitrary.js'
import { VitestMlError } from '../util/errors.js'
import { type PerturbFunction, perturbFunction } from './perturb-function.js'
import { perturbUniform } from './perturb-uniform.js'

/** Constraints of {@link perturbScale}. */
export interface PerturbScaleConstraints {
  /** Smallest factor. Must be > 0 and <= 1. @defaultValue 0.9 */
  readonly min?: number
  /** Largest factor. Must be >= 1. @defaultValue 1.1 */
  readonly max?: number
}

/**
 * Multiplicative scaling: multiplies a value by a generated factor in `[min, max]`. The factor is generated on the log
 * scale around 1, so it shrinks toward exactly 1 (no perturbation) from either side.
 *
 * @param constraints - factor range, which must contain 1
 * @returns an arbitrary of number perturbations
 * @example
 * ```ts
 * const [scale] = fc.sample(perturbScale({ min: 0.5, max: 2 }), { seed: 1, numRuns: 1 })
 * scale(10) // 10 * factor, factor in [0.5, 2]
 * ```
 */
export function perturbScale(constraints: PerturbScaleConstraints = {}): fc.Arbitrary<PerturbFunction<number>> {
  const min = constraints.min ?? 0.9
  const max = constraints.max ?? 1.1
  if (!(min > 0 && min <= 1 && max >= 1 && Number.isFinite(max))) {
    throw new VitestMlError(
      'perturbScale',
      'factors with 0 < min <= 1 <= max',
      `min ${min}, max ${max}`,
      'The range must contain 1 (no scaling), for example `{ min: 0.8, max: 1.25 }`.',
    )
  }
  return describeArbitrary(
    perturbUniform(Math.log(min), Math.log(max), 0).map((logFactor) => {
      const factor = Math.exp(logFactor)
      return perturbFunction(logFactor === 0 ? 'identity' : `scale x${factor}`, (value: number) => value * factor, logFactor === 0)
    }),
    `a factor log-uniform in [${min}, ${max}]`,
  )
}
