import type fc from 'fast-check'
import type { MatcherState } from 'vitest'
import { isStatistical } from '../src/arbitraries/cases-distribution.js'
import { describeRange, type OutputRange, outputRangeProbe } from '../src/properties/output-range-probe.js'
import { type Counterexample, runBatchedProperty } from '../src/properties/run-batched-property.js'
import { exactRunCounts } from '../src/relations/relation-summary.js'
import { runRelation } from '../src/relations/run-relation.js'
import { VitestMlError } from '../src/util/errors.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { asyncMatcher } from './async-matcher.js'
import { type MatcherOutcome, requireModel, requireOptions } from './matcher-context.js'
import { checkProperty, listedCounterexample, type PropertyRun } from './property-check.js'

/** Options of `toProduceOutputsInRange`: the inputs, the range every output must stay in, and how to draw cases. */
export interface OutputsInRangeOptions<I = unknown> {
  /** Model inputs: a fast-check arbitrary (shrunk on failure) or real rows. */
  readonly inputs: fc.Arbitrary<I> | readonly I[]
  /** Lowest acceptable output value. @defaultValue no lower bound (outputs must still be finite) */
  readonly min?: number
  /** Highest acceptable output value. @defaultValue no upper bound */
  readonly max?: number
  /** Each output row must be a probability distribution: values in [0, 1] summing to 1 within `sumTolerance`. */
  readonly probabilities?: boolean
  /** Allowed \|sum - 1\| of a probability row. @defaultValue 1e-4 (float32 softmax rounding) */
  readonly sumTolerance?: number
  /** Generated cases. @defaultValue 1000 */
  readonly numRuns?: number
  /** Seed. @defaultValue derived from the test name */
  readonly seed?: number
  /** Replay one reported failure: the path from its `Replay:` line (with the same seed). */
  readonly path?: string
  /**
   * Statistical mode: passes only when the one-sided Clopper-Pearson upper bound on the violation rate (cases drawn
   * without fast-check's size bias) is below this. @defaultValue exact mode: any output out of range fails
   */
  readonly maxViolationRate?: number
  /** One-sided confidence of that bound. @defaultValue 0.95 */
  readonly confidence?: number
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toProduceOutputsInRange'

/**
 * Every output of the model is finite and within `[min, max]` (or, with `probabilities: true`, each output row is a
 * probability distribution) for every generated input; a failure reports the violation rate and the shrunk input.
 *
 * @example
 * ```ts
 * await expect(model).toProduceOutputsInRange({ inputs: rows, min: 0, max: 1, numRuns: 2000, seed: 1 })
 * await expect(model).toProduceOutputsInRange({ inputs: rows, probabilities: true })
 * ```
 */
export const toProduceOutputsInRange = asyncMatcher(NAME, checkProduceOutputsInRange)

async function checkProduceOutputsInRange(this: MatcherState, received: unknown, givenOptions: OutputsInRangeOptions): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const options = requireOptions(givenOptions, NAME, '{ inputs: schema.arrays(), min: 0, max: 1 }')
  const range = rangeOf(options)
  const numRuns = options.numRuns ?? 1000
  const probe = outputRangeProbe(range, NAME)
  const path = options.path === undefined ? {} : { path: options.path }
  const where = describeRange(range)
  const name = model.identity.name
  // `maxViolationRate: 0` is the exact mode spelled out; anything else is the relations' statistical mode.
  const maxViolationRate = isStatistical(options.maxViolationRate) ? options.maxViolationRate : undefined
  return checkProperty(this, {
    name: NAME,
    kind: 'range',
    hintArguments: 'options',
    model,
    options,
    severity: 'high',
    run: async (seed): Promise<RangeRun> => {
      if (maxViolationRate !== undefined) {
        const confidence = options.confidence === undefined ? {} : { confidence: options.confidence }
        return runRelation({ model, cases: options.inputs, probe, numRuns, seed, source: NAME, maxViolationRate, ...confidence, ...path })
      }
      const result = await runBatchedProperty({ model, cases: options.inputs, probe, numRuns, seed, source: NAME, ...path })
      // An exact run is summarised like a relation's: the same sentence, design line and metrics.
      return { ...result, ...exactRunCounts(result, options.path !== undefined), passed: result.violations === 0 }
    },
    report: (run) => {
      const ce = run.counterexample
      return {
        title: `${name} outputs in ${where}`,
        failed: (rate) => `${name} produced outputs outside ${where}: ${rate}.`,
        held: (rate) => `Expected ${name} to leave ${where}${maxViolationRate === undefined ? '' : ' too often'}, but it did not: ${rate}.`,
        claim: `stay in ${where}`,
        ...(ce && {
          counterexample: {
            ...listedCounterexample(ce.violation.detail, { input: ce.inputs[0], output: ce.outputs[0] }, 7),
            ...(run.firstFailure === undefined ? {} : { row: run.firstFailure }),
          },
        }),
        // Real rows replay as given; a replayed path keeps the numRuns it was found with.
        replayRuns: Array.isArray(options.inputs) ? run.numRuns : maxViolationRate === undefined ? numRuns : run.plannedRuns,
        actual: toJsonSafe(ce?.outputs[0]),
        expected: where,
      }
    },
  })
}

/** A range run: the counts the summary reads, and the failing case (with its row, for real rows in exact mode). */
type RangeRun = PropertyRun & { readonly counterexample?: Counterexample<unknown, unknown, unknown>; readonly firstFailure?: number }

/** The range the options state, checked: probability rows, or bounds (either may be left out). */
function rangeOf(options: OutputsInRangeOptions): OutputRange {
  if (options.probabilities === true) {
    if (options.min !== undefined || options.max !== undefined) {
      throw new VitestMlError(
        NAME,
        'either `probabilities: true` or `min` / `max`',
        'both',
        'Probability rows are already bounded by [0, 1]; drop `min` and `max`.',
      )
    }
    return { probabilities: true, ...(options.sumTolerance === undefined ? {} : { tolerance: options.sumTolerance }) }
  }
  if (options.sumTolerance !== undefined)
    throw new VitestMlError(
      NAME,
      '`sumTolerance` only with `probabilities: true`',
      `sumTolerance ${options.sumTolerance}`,
      'Add `probabilities: true`, or drop `sumTolerance`.',
    )
  return { ...(options.min === undefined ? {} : { min: options.min }), ...(options.max === undefined ? {} : { max: options.max }) }
}
