import type fc from 'fast-check'
import type { MatcherState } from 'vitest'
import { outputRangeProbe, describeRange, type OutputRange } from '../src/properties/output-range-probe.js'
import { runBatchedProperty } from '../src/properties/run-batched-property.js'
import { describeCases, isStatistical } from '../src/arbitraries/cases-distribution.js'
import { exactRunCounts, relationSummary } from '../src/relations/relation-summary.js'
import { runRelation } from '../src/relations/run-relation.js'
import { VitestMlError } from '../src/util/errors.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { checkId, heldHint, modelRef, replayLine, requireModel, requireOptions, resolveSeed, show, type MatcherOutcome } from './matcher-context.js'
import { asyncMatcher } from './async-matcher.js'
import { recordCheck } from './record-check.js'

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
  const seed = resolveSeed(this, NAME, options.seed)
  const numRuns = options.numRuns ?? 1000
  const probe = outputRangeProbe(range, NAME)
  // `maxViolationRate: 0` is the exact mode spelled out; anything else is the relations' statistical mode.
  const statistical = isStatistical(options.maxViolationRate)
  const result = statistical
    ? await runRelation({ model, cases: options.inputs, probe, numRuns, seed, source: NAME, maxViolationRate: options.maxViolationRate as number, ...(options.confidence === undefined ? {} : { confidence: options.confidence }), ...(options.path === undefined ? {} : { path: options.path }) })
    : await runBatchedProperty({ model, cases: options.inputs, probe, numRuns, seed, source: NAME, ...(options.path === undefined ? {} : { path: options.path }) })
  const passed = 'passed' in result ? result.passed : result.violations === 0
  const cases = describeCases(options.inputs, { statistical, seed })
  // An exact run is summarised like a relation's: the same sentence, design line and metrics.
  const summary = relationSummary('passed' in result ? result : exactRunCounts(result, options.path !== undefined), cases.distribution)
  const fixedRows = Array.isArray(options.inputs)
  const replayRuns = fixedRows ? result.numRuns : 'passed' in result ? result.plannedRuns : numRuns
  const firstFailure = 'firstFailure' in result && result.firstFailure !== undefined ? `row ${result.firstFailure}; ` : ''
  const where = describeRange(range)
  const ce = result.counterexample
  await recordCheck(this, {
    id: checkId(this, 'range'),
    kind: 'range',
    title: `${model.identity.name} outputs in ${where}`,
    passed,
    severity: options.severity ?? 'high',
    model: modelRef(model),
    metrics: summary.metrics,
    distribution: cases.distribution,
    ...(cases.warnings.length > 0 ? { warnings: cases.warnings } : {}),
    ...(ce && { counterexample: toJsonSafe({ input: ce.inputs[0], output: ce.outputs[0], violation: ce.violation.detail }) }),
    replay: { seed, numRuns: replayRuns, ...(result.path === undefined ? {} : { path: result.path }) },
  })
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'options', { isNot: this.isNot, promise: this.promise })
  const example = ce === undefined ? [] : [
    `${passed ? 'Example violation' : fixedRows ? `First failing row (${firstFailure}real rows are used as given, not shrunk)` : `Shrunk counterexample (${result.numShrinks} shrinks)`}: ${ce.violation.detail}`,
    `  input:  ${show(ce.inputs[0])}`,
    `  output: ${show(ce.outputs[0])}`,
  ]
  return {
    pass: passed,
    message: () =>
      passed
        ? [hint, '', `Expected ${model.identity.name} to leave ${where}${statistical ? ' too often' : ''}, but it did not: ${summary.sentence}.`, summary.design, ...cases.warnings, ...example,
            heldHint(statistical, result.numRuns, `stay in ${where}`), replayLine(seed, replayRuns)].join('\n')
        : [
            hint,
            '',
            `${model.identity.name} produced outputs outside ${where}: ${summary.sentence}.`,
            summary.design,
            ...cases.warnings,
            `Reasons: ${Object.entries(result.reasons).map(([reason, count]) => `${reason} ${count}`).join(', ')}`,
            ...example,
            replayLine(seed, replayRuns, result.path),
          ].join('\n'),
    actual: toJsonSafe(ce?.outputs[0]),
    expected: where,
  }
}

/** The range the options state, checked: probability rows, or bounds (either may be left out). */
function rangeOf(options: OutputsInRangeOptions): OutputRange {
  if (options.probabilities === true) {
    if (options.min !== undefined || options.max !== undefined) {
      throw new VitestMlError(NAME, 'either `probabilities: true` or `min` / `max`', 'both', 'Probability rows are already bounded by [0, 1]; drop `min` and `max`.')
    }
    return { probabilities: true, ...(options.sumTolerance === undefined ? {} : { tolerance: options.sumTolerance }) }
  }
  if (options.sumTolerance !== undefined) throw new VitestMlError(NAME, '`sumTolerance` only with `probabilities: true`', `sumTolerance ${options.sumTolerance}`, 'Add `probabilities: true`, or drop `sumTolerance`.')
  return { ...(options.min === undefined ? {} : { min: options.min }), ...(options.max === undefined ? {} : { max: options.max }) }
}
