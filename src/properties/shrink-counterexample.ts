import type fc from 'fast-check'
import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import type { CaseProbe } from './case-probe.js'
import type { Counterexample } from './run-batched-property.js'
import { type ShrinkCaseResult, shrinkCase } from './shrink-case.js'

/** Options of {@link shrinkCounterexample}. */
export interface ShrinkCounterexampleOptions<C, I, O> {
  /** The model under test. */
  readonly model: Model<I, O>
  /** How each candidate is predicted and judged. */
  readonly probe: CaseProbe<C, I, O>
  /** The arbitrary the failing case was generated from. */
  readonly arbitrary: fc.Arbitrary<C>
  /** The seed it was generated with. */
  readonly seed: number
  /** numRuns of the original generation. */
  readonly numRuns: number
  /** Index of the failing case in the generated sequence. */
  readonly index: number
  /** A replay path to start from instead of the case at `index` (replaying a reported failure). */
  readonly path?: string
  /** The failing case as first judged: kept when no smaller candidate fails. */
  readonly initial?: Counterexample<C, I, O>
  /** Public name that starts error messages. @defaultValue 'shrinkCounterexample' */
  readonly source?: string
}

/** The outcome of {@link shrinkCounterexample}. */
export interface ShrinkCounterexampleResult<C, I, O> extends ShrinkCaseResult {
  /** The smallest failing case, with the inputs and outputs that broke the property. */
  readonly counterexample?: Counterexample<C, I, O>
  /** Model calls made while shrinking (one small call per candidate). */
  readonly modelCalls: number
}

/**
 * Shrinks a failing case of a probe with fast-check's own shrinking, predicting each candidate the shrinker asks for
 * (one small model call each) and keeping the last candidate that still fails.
 *
 * @param options - model, probe, and where the failing case came from
 * @returns the minimal counterexample, its replay path and the shrink and call counts
 * @example
 * ```ts
 * const { counterexample, path } = await shrinkCounterexample({ model, probe, arbitrary: rows, seed: 1, numRuns: 1000, index: 17 })
 * ```
 */
export async function shrinkCounterexample<C, I, O>(options: ShrinkCounterexampleOptions<C, I, O>): Promise<ShrinkCounterexampleResult<C, I, O>> {
  const { model, probe } = options
  let counterexample = options.initial
  let modelCalls = 0
  const shrinking = await shrinkCase({
    arbitrary: options.arbitrary,
    seed: options.seed,
    numRuns: options.numRuns,
    index: options.index,
    ...(options.path === undefined ? {} : { path: options.path }),
    fails: async (testCase) => {
      const inputs = probe.inputsOf(testCase)
      const outputs = await checkedPredict(model, inputs, options.source ?? 'shrinkCounterexample')
      modelCalls++
      const violation = probe.judge(testCase, outputs)
      if (violation !== undefined) counterexample = { testCase, inputs, outputs, violation }
      return violation !== undefined
    },
  })
  return { ...shrinking, ...(counterexample && { counterexample }), modelCalls }
}
