import type fc from 'fast-check'
import type { MatcherState } from 'vitest'
import { outputRangeProbe, describeRange, type OutputRange } from '../src/properties/output-range-probe.js'
import { runBatchedProperty } from '../src/properties/run-batched-property.js'
import { toJsonSafe } from '../src/report/json-safe.js'
import { VitestMlError } from '../src/errors.js'
import { checkId, modelRef, num, replayLine, requireModel, requireOptions, resolveSeed, show, type MatcherOutcome } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** Options of `toProduceOutputsInRange`. */
export interface OutputsInRangeOptions<I = unknown> {
  /** Model inputs: a fast-check arbitrary (shrunk on failure) or real rows. */
  readonly inputs: fc.Arbitrary<I> | readonly I[]
  /** Generated cases. @defaultValue 1000 */
  readonly numRuns?: number
  /** Seed. @defaultValue derived from the test name */
  readonly seed?: number
  /** Largest violation rate that still passes. @defaultValue 0 */
  readonly maxViolationRate?: number
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toProduceOutputsInRange'

/**
 * Every output of the model is finite and within `range` (or, with `{ probabilities: true }`, each output row is a
 * probability distribution) for every generated input; a failure reports the violation rate and the shrunk input.
 *
 * @example
 * ```ts
 * await expect(model).toProduceOutputsInRange({ min: 0, max: 1 }, { inputs: rows, numRuns: 2000, seed: 1 })
 * ```
 */
export async function toProduceOutputsInRange(this: MatcherState, received: unknown, range: OutputRange, givenOptions: OutputsInRangeOptions): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const options = requireOptions(givenOptions, NAME, '{ inputs: fc.tuple(fc.double({ min: 0, max: 1 })) }')
  const seed = resolveSeed(this, NAME, options.seed)
  const numRuns = options.numRuns ?? 1000
  const allowed = options.maxViolationRate ?? 0
  if (!(allowed >= 0 && allowed <= 1)) {
    throw new VitestMlError(NAME, '`maxViolationRate` in [0, 1]', String(allowed), 'Pass the share of cases allowed outside the range, for example 0.01; leave it out to allow none.')
  }
  const probe = outputRangeProbe(range, NAME)
  const result = await runBatchedProperty({ model, cases: options.inputs, probe, numRuns, seed, source: NAME })
  const passed = result.violationRate <= allowed
  const where = describeRange(range)
  const ce = result.counterexample
  await recordCheck(this, {
    id: checkId(this, 'range'),
    kind: 'range',
    title: `${model.identity.name} outputs in ${where}`,
    passed,
    severity: options.severity ?? 'high',
    checklist: [],
    model: modelRef(model),
    metrics: { violationRate: result.violationRate, violations: result.violations, numRuns: result.numRuns, numShrinks: result.numShrinks },
    ...(ce && { counterexample: toJsonSafe({ input: ce.inputs[0], output: ce.outputs[0], violation: ce.violation.detail }) }),
    replay: { seed, numRuns, ...(result.path === undefined ? {} : { path: result.path }) },
  })
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', show(range), { isNot: this.isNot, promise: this.promise })
  const rate = `violation rate ${num(result.violationRate)} (${result.violations} of ${result.numRuns} cases), expected <= ${num(allowed)}`
  return {
    pass: passed,
    message: () =>
      passed
        ? `${hint}\n\nExpected ${model.identity.name} to produce an output outside ${where}, but all ${result.numRuns} cases stayed inside (${rate}).\n${replayLine(seed, numRuns)}`
        : [
            hint,
            '',
            `${model.identity.name} produced outputs outside ${where}: ${rate}.`,
            `Reasons: ${Object.entries(result.reasons).map(([reason, count]) => `${reason} ${count}`).join(', ')}`,
            `Shrunk counterexample (${result.numShrinks} shrinks):`,
            `  input:  ${show(ce?.inputs[0])}`,
            `  output: ${show(ce?.outputs[0])}`,
            `  ${ce?.violation.detail ?? ''}`,
            replayLine(seed, numRuns, result.path),
          ].join('\n'),
    actual: toJsonSafe(ce?.outputs[0]),
    expected: where,
  }
}
