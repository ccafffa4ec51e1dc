import fc from 'fast-check'
import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import { VitestMlError } from '../util/errors.js'
import type { CaseProbe, Violation } from './case-probe.js'
import { shrinkCounterexample } from './shrink-counterexample.js'

/** Options of {@link runBatchedProperty}. */
export interface BatchedPropertyOptions<C, I, O> {
  /** The model under test. */
  readonly model: Model<I, O>
  /** Generated cases (a fast-check arbitrary, shrunk on failure) or a fixed list of real cases (not shrunk). */
  readonly cases: fc.Arbitrary<C> | readonly C[]
  /** How each case is predicted and judged. */
  readonly probe: CaseProbe<C, I, O>
  /** Number of generated cases (ignored for a fixed list, which is used whole). */
  readonly numRuns: number
  /** fast-check seed; the same seed generates the same cases. */
  readonly seed: number
  /** Largest number of cases predicted in one model call. @defaultValue 8192 */
  readonly chunkSize?: number
  /** Shrink the first failure to a minimal counterexample. @defaultValue true */
  readonly shrink?: boolean
  /** Public name that starts error messages (the matcher using the engine). @defaultValue 'runBatchedProperty' */
  readonly source?: string
  /**
   * Replay one reported failure: judge only the case at this fast-check path (from a failure's `Replay:` line) and
   * shrink from it, instead of generating `numRuns` cases. Ignored for a fixed list of rows.
   */
  readonly path?: string
}

/** A shrunk (or, for fixed lists, the first) failing case with the outputs that broke the property. */
export interface Counterexample<C, I, O> {
  readonly testCase: C
  readonly inputs: readonly I[]
  readonly outputs: readonly O[]
  readonly violation: Violation
}

/** What a batched property run found. */
export interface BatchedPropertyResult<C, I, O> {
  /** Cases judged. */
  readonly numRuns: number
  /** Cases that broke the property. */
  readonly violations: number
  /** violations / numRuns. */
  readonly violationRate: number
  /** Violations counted per reason. */
  readonly reasons: Readonly<Record<string, number>>
  /** Index of the first failing case, when there was one. */
  readonly firstFailure?: number
  /** The minimal failing case. */
  readonly counterexample?: Counterexample<C, I, O>
  /** fast-check replay path (`runIndex:shrink:...`) of the counterexample. */
  readonly path?: string
  /** Successful shrink steps. */
  readonly numShrinks: number
  /** The seed used. */
  readonly seed: number
  /** Model calls made, shrinking included (a sanity figure for batching). */
  readonly modelCalls: number
  /** Shrink candidates the model threw on (skipped while shrinking). */
  readonly shrinkErrors?: number
}

/**
 * The batched property engine: generate every case from the seed, predict all their inputs in a few large model
 * calls, judge each case, and on failure replay the first failing case through fast-check's own runner (same seed,
 * its path) so fast-check shrinks it, predicting only the candidates shrinking asks for.
 *
 * @param options - model, cases, probe, runs and seed
 * @returns counts, the violation rate and the shrunk counterexample
 * @example
 * ```ts
 * const result = await runBatchedProperty({ model, cases: rows, numRuns: 1000, seed: 1, probe: rangeProbe({ min: 0, max: 1 }) })
 * result.violationRate // 0
 * ```
 */
export async function runBatchedProperty<C, I, O>(options: BatchedPropertyOptions<C, I, O>): Promise<BatchedPropertyResult<C, I, O>> {
  const { model, probe, seed } = options
  const source = options.source ?? 'runBatchedProperty'
  const fixed = Array.isArray(options.cases)
  if (!fixed && !(options.cases instanceof fc.Arbitrary)) {
    throw new VitestMlError(
      source,
      '`inputs`: a fast-check Arbitrary or an array of rows',
      options.cases === null ? 'null' : typeof options.cases,
      'Pass `inputs: fc.tuple(...)`, a schema arbitrary, or real rows.',
    )
  }
  if (!Number.isInteger(options.numRuns) || options.numRuns < 1) {
    throw new VitestMlError(source, 'a positive whole `numRuns`', String(options.numRuns), 'Pass `numRuns: 1000` or similar.')
  }
  if (!fixed && options.path !== undefined) return replayPath(options as BatchedPropertyOptions<C, I, O> & { readonly path: string }, source)
  const cases: readonly C[] = fixed ? (options.cases as readonly C[]) : fc.sample(options.cases as fc.Arbitrary<C>, { seed, numRuns: options.numRuns })
  if (cases.length === 0) throw new VitestMlError(source, 'at least one input row', 'an empty list', 'Pass real rows or an arbitrary.')
  const chunkSize = options.chunkSize ?? 8192
  let modelCalls = 0
  const reasons: Record<string, number> = {}
  let violations = 0
  let firstFailure: number | undefined
  let firstCounterexample: Counterexample<C, I, O> | undefined

  for (let start = 0; start < cases.length; start += chunkSize) {
    const chunk = cases.slice(start, start + chunkSize)
    const perCase = chunk.map((testCase) => probe.inputsOf(testCase))
    // A plain loop: Array.prototype.flat is several times slower on 100k small arrays.
    const batch: I[] = []
    for (const inputs of perCase) for (const input of inputs) batch.push(input)
    const outputs = await checkedPredict(model, batch, source)
    modelCalls++
    let offset = 0
    chunk.forEach((testCase, k) => {
      const inputs = perCase[k] as readonly I[]
      const caseOutputs = inputs.length === 1 ? [outputs[offset] as O] : outputs.slice(offset, offset + inputs.length)
      offset += inputs.length
      const violation = probe.judge(testCase, caseOutputs)
      if (violation === undefined) return
      violations++
      reasons[violation.reason] = (reasons[violation.reason] ?? 0) + 1
      if (firstFailure === undefined) {
        firstFailure = start + k
        firstCounterexample = { testCase, inputs, outputs: caseOutputs, violation }
      }
    })
  }

  const base = { numRuns: cases.length, violations, violationRate: violations / cases.length, reasons, seed }
  if (firstFailure === undefined) return { ...base, numShrinks: 0, modelCalls }
  if (fixed || options.shrink === false) {
    return {
      ...base,
      firstFailure,
      ...(firstCounterexample && { counterexample: firstCounterexample }),
      ...(fixed ? {} : { path: String(firstFailure) }),
      numShrinks: 0,
      modelCalls,
    }
  }

  const shrunk = await shrinkCounterexample({
    model,
    probe,
    arbitrary: options.cases as fc.Arbitrary<C>,
    seed,
    numRuns: options.numRuns,
    index: firstFailure,
    source,
    ...(firstCounterexample && { initial: firstCounterexample }),
  })
  return {
    ...base,
    firstFailure,
    ...(shrunk.counterexample && { counterexample: shrunk.counterexample }),
    path: shrunk.path,
    numShrinks: shrunk.numShrinks,
    modelCalls: modelCalls + shrunk.modelCalls,
    shrinkErrors: shrunk.errors,
  }
}

/**
 * Replays the case at a reported path: fast-check regenerates exactly that case from the seed (and the shrink steps the
 * path records) and shrinks on from it. The result counts one case: 1 violation when it still fails, 0 when it no
 * longer does (the model was fixed).
 */
async function replayPath<C, I, O>(
  options: BatchedPropertyOptions<C, I, O> & { readonly path: string },
  source: string,
): Promise<BatchedPropertyResult<C, I, O>> {
  const { model, probe, seed } = options
  if (!/^\d+(:\d+)*$/.test(options.path)) {
    throw new VitestMlError(
      source,
      "a replay `path` such as '4:5:0' (from a failure's Replay line)",
      JSON.stringify(options.path),
      'Copy the path from the failure message, or leave `path` out to run every case.',
    )
  }
  const index = Number(options.path.split(':')[0])
  const shrunk = await shrinkCounterexample({
    model,
    probe,
    arbitrary: options.cases as fc.Arbitrary<C>,
    seed,
    numRuns: Math.max(options.numRuns, index + 1),
    index,
    path: options.path,
    source,
  })
  const failed = shrunk.counterexample !== undefined
  const reasons: Record<string, number> = failed ? { [shrunk.counterexample!.violation.reason]: 1 } : {}
  return {
    numRuns: 1,
    violations: failed ? 1 : 0,
    violationRate: failed ? 1 : 0,
    reasons,
    seed,
    ...(failed ? { firstFailure: index, counterexample: shrunk.counterexample!, path: shrunk.path } : {}),
    numShrinks: shrunk.numShrinks,
    modelCalls: shrunk.modelCalls,
    shrinkErrors: shrunk.errors,
  }
}
