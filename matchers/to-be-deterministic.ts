import type fc from 'fast-check'
import type { MatcherState } from 'vitest'
import { checkDeterminism } from '../src/properties/check-determinism.js'
import { determinismCounts } from '../src/properties/determinism-counts.js'
import { exactRunCounts } from '../src/relations/relation-summary.js'
import { asyncMatcher } from './async-matcher.js'
import { type MatcherOutcome, num, requireModel, requireOptions, show } from './matcher-context.js'
import { checkProperty } from './property-check.js'

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
  const tolerance = options.tolerance ?? 0
  const name = model.identity.name
  return checkProperty(this, {
    name: NAME,
    kind: 'consistency',
    hintArguments: 'options',
    model,
    options,
    severity: 'high',
    run: async (seed) => {
      const result = await checkDeterminism(model, {
        inputs: options.inputs,
        seed,
        tolerance,
        ...(options.numRuns === undefined ? {} : { numRuns: options.numRuns }),
        ...(options.aloneRows === undefined ? {} : { aloneRows: options.aloneRows }),
        ...(options.freshSession === undefined ? {} : { freshSession: options.freshSession }),
        ...(options.path === undefined ? {} : { path: options.path }),
      })
      return { ...result, ...exactRunCounts(result, options.path !== undefined), passed: result.violations === 0 }
    },
    report: (result, { cases }) => {
      const ce = result.counterexample
      const comparisons = result.comparisons.join(', ')
      const maxDifference = `max abs difference ${num(result.maxDifference)}`
      return {
        title: `${name} is deterministic (${comparisons})`,
        failed: () => `${name} is not deterministic: ${determinismCounts(result, tolerance, cases.distribution)}; ${maxDifference}.`,
        held: () =>
          `Expected ${name} to answer some row differently, but all ${result.numRuns} rows (under ${cases.distribution}) matched across ${comparisons} (${maxDifference}).`,
        claim: 'be deterministic',
        reasonsLabel: 'Broken comparisons',
        ...(ce && {
          counterexample: {
            violation: ce.violation.detail,
            fields: [['input', show(ce.input)], ...Object.entries(ce.outputs).map(([label, output]) => [label, show(output)] as const)],
            labelWidth: 0,
            record: { input: ce.input, outputs: ce.outputs, violation: ce.violation.detail },
          },
        }),
        metrics: {
          violationRate: result.violationRate,
          violations: result.violations,
          numRuns: result.numRuns,
          maxDifference: result.maxDifference,
          tolerance,
        },
        replayRuns: result.numRuns,
      }
    },
  })
}
