import fc from 'fast-check'
import { arbitraryDescription, describeArbitrary } from '../util/described-arbitrary.js'
import { VitestMlError } from '../util/errors.js'
import { type PerturbFunction, perturbFunction } from './perturb-function.js'
import { applySteps, isTextPerturbation, type TextPerturbation, textPerturbation } from './text/text-perturbation.js'

/** Constraints of {@link chainPerturbations}. */
export interface ChainPerturbationsConstraints {
  /** Fewest perturbations applied. @defaultValue 1 */
  readonly minSteps?: number
  /** Most perturbations applied: the bound on the number of edits. @defaultValue 2 */
  readonly maxSteps?: number
}

/**
 * Chains perturbations: `minSteps` to `maxSteps` of them (the count uniform without fast-check's bias), each drawn
 * uniformly from the given arbitraries, applied one after another. Shrinks toward fewer steps and toward each step's
 * own smallest change. When every step is a text perturbation the chain is one too, and its `explain` lists every
 * step's edits. Works for any value type (text, image rows, audio windows).
 *
 * @param perturbations - arbitraries of perturbations of one value type
 * @param constraints - step counts
 * @returns a described arbitrary of chained perturbations
 * @example
 * ```ts
 * const noisyText = chainPerturbations([typos(), whitespace(), punctuation()], { maxSteps: 3 })
 * await expect(model).toBeInvariantUnder(noisyText, { inputs: reviews, label: true, maxViolationRate: 0.05 })
 * ```
 */
export function chainPerturbations<T>(
  perturbations: readonly fc.Arbitrary<PerturbFunction<T>>[],
  constraints: ChainPerturbationsConstraints = {},
): fc.Arbitrary<PerturbFunction<T>> {
  if (!Array.isArray(perturbations) || perturbations.length === 0 || perturbations.some((arbitrary) => !(arbitrary instanceof fc.Arbitrary))) {
    throw new VitestMlError(
      'chainPerturbations',
      'a non-empty list of perturbation arbitraries',
      Array.isArray(perturbations) ? `${perturbations.length} entries` : typeof perturbations,
      'Pass for example `[typos(), swapSynonyms()]`.',
    )
  }
  const minSteps = constraints.minSteps ?? 1
  const maxSteps = constraints.maxSteps ?? Math.max(2, minSteps)
  if (!(Number.isInteger(minSteps) && Number.isInteger(maxSteps) && minSteps >= 1 && minSteps <= maxSteps && maxSteps <= 100)) {
    throw new VitestMlError(
      'chainPerturbations',
      'whole step counts with 1 <= minSteps <= maxSteps <= 100',
      `minSteps ${minSteps}, maxSteps ${maxSteps}`,
      'Pass for example `{ maxSteps: 3 }`.',
    )
  }
  const steps: fc.Arbitrary<PerturbFunction<T>[]> = fc.array(fc.oneof(...perturbations) as fc.Arbitrary<PerturbFunction<T>>, {
    minLength: minSteps,
    maxLength: maxSteps,
  })
  const chained = steps.map((chosen): PerturbFunction<T> => {
    const active = chosen.filter((step) => !step.identity)
    const label = active.length === 0 ? 'identity' : active.map((step) => step.label).join(', then ')
    if (active.length > 0 && active.every(isTextPerturbation)) {
      const textSteps = active as unknown as readonly TextPerturbation[]
      return textPerturbation(
        label,
        (text) =>
          applySteps(
            text,
            textSteps.map((step) => step.explain),
          ),
        'chainPerturbations',
      ) as unknown as PerturbFunction<T>
    }
    return perturbFunction<T>(label, (value) => active.reduce((current, step) => step(current), value), active.length === 0)
  })
  const parts = perturbations.map((arbitrary) => arbitraryDescription(arbitrary) ?? 'an undescribed perturbation')
  const count = minSteps === maxSteps ? `${minSteps}` : `${minSteps} to ${maxSteps} (count uniform)`
  return describeArbitrary(chained, `${count} perturbations applied in turn, each drawn uniformly from: ${parts.map((part) => `(${part})`).join(' | ')}`)
}
