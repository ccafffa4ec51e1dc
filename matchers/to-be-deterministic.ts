import type fc from 'fast-check'
import type { MatcherState } from 'vitest'
import { checkDeterminism } from '../src/properties/check-determinism.js'
import { casesDistribution } from '../src/arbitraries/cases-distribution.js'
import { determinismCounts } from '../src/properties/determinism-counts.js'
import { exactRunCounts, relationSummary } from '../src/relations/relation-summary.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { checkId, heldHint, modelRef, num, replayLine, requireModel, requireOptions, resolveSeed, show, type MatcherOutcome } from './matcher-context.js'
import { asyncMatcher } from './async-matcher.js'
import { recordCheck } from './record-check.js'

/** Options of `toBeDeterministic`. */
export interface DeterministicOptions<I = unknown> {
  /** Model inputs: a fast-check arbitrary (shrunk on failure) or real rows. */
  readonly inputs: fc.Arbitrary<I> | readonly I[]
  /** Generated rows. @defaultValue 500 */
  readonly numRuns?: number
  /** Seed for generation, shuffles and batch sizes. @defaultValue derived from the test name */
  readonly seed?: number
  /** Replay one reported failure: the path from its `Replay:` line (with the same seed). */
  readonly path?: string
  /** Largest allowed absolute difference between two answers for the same row. @defaultValue 0 */
  readonly tolerance?: number
  /** Rows also predicted alone, one call each. @defaultValue 32 */
  readonly aloneRows?: number
  /** Compare against a fresh session when the model supports it. @defaultValue true */
  readonly freshSession?: boolean
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toBeDeterministic'

/**
 * The same input gives the same output: on a repeated call, alone versus inside batches of other rows in other orders
 * and sizes, and in a fresh session. A failure names which comparison broke and shows the shrunk row with each answer.
 *
 * @example
 * ```ts
 * await expect(model).toBeDeterministic({ inputs: rows, numRuns: 500 })
 * ```
 */
export const toBeDeterministic = asyncMatcher(NAME, checkBeDeterministic)

async function checkBeDeterministic(this: MatcherState, received: unknown, givenOptions: DeterministicOptions): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const options = requireOptions(givenOptions, NAME, '{ inputs: rows, numRuns: 500 }')
  const seed = resolveSeed(this, NAME, options.seed)
  const tolerance = options.tolerance ?? 0
  const result = await checkDeterminism(model, {
    inputs: options.inputs,
    seed,
    tolerance,
    ...(options.numRuns === undefined ? {} : { numRuns: options.numRuns }),
    ...(options.aloneRows === undefined ? {} : { aloneRows: options.aloneRows }),
    ...(options.freshSession === undefined ? {} : { freshSession: options.freshSession }),
    ...(options.path === undefined ? {} : { path: options.path }),
  })
  const passed = result.violations === 0
  const ce = result.counterexample
  await recordCheck(this, {
    id: checkId(this, 'consistency'),
    kind: 'consistency',
    title: `${model.identity.name} is deterministic (${result.comparisons.join(', ')})`,
    passed,
    severity: options.severity ?? 'high',
    model: modelRef(model),
    metrics: { violationRate: result.violationRate, violations: result.violations, numRuns: result.numRuns, maxDifference: result.maxDifference, tolerance },
    distribution: casesDistribution(options.inputs),
    ...(ce && { counterexample: toJsonSafe({ input: ce.input, outputs: ce.outputs, violation: ce.violation.detail }) }),
    replay: { seed, numRuns: result.numRuns, ...(result.path === undefined ? {} : { path: result.path }) },
  })
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'options', { isNot: this.isNot, promise: this.promise })
  const counts = determinismCounts(result, tolerance, casesDistribution(options.inputs))
  const design = relationSummary(exactRunCounts(result, options.path !== undefined)).design
  return {
    pass: passed,
    message: () =>
      passed
        ? [
            hint,
            '',
            `Expected ${model.identity.name} to answer some row differently, but all ${result.numRuns} rows (under ${casesDistribution(options.inputs)}) matched across ${result.comparisons.join(', ')} (max abs difference ${num(result.maxDifference)}).`,
            design,
            heldHint(false, result.numRuns, 'be deterministic'),
            replayLine(seed, result.numRuns),
          ].join('\n')
        : [
            hint,
            '',
            `${model.identity.name} is not deterministic: ${counts}; max abs difference ${num(result.maxDifference)}.`,
            design,
            `Broken comparisons: ${Object.entries(result.reasons).map(([reason, count]) => `${reason} ${count}`).join(', ')}`,
            `${Array.isArray(options.inputs) ? 'First failing row (real rows are used as given, not shrunk)' : `Shrunk counterexample (${result.numShrinks} shrinks)`}: ${ce?.violation.detail ?? ''}`,
            `  input: ${show(ce?.input)}`,
            ...Object.entries(ce?.outputs ?? {}).map(([label, output]) => `  ${label}: ${show(output)}`),
            replayLine(seed, result.numRuns, result.path),
          ].join('\n'),
  }
}
