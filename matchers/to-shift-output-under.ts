import type fc from 'fast-check'
import type { MatcherState } from 'vitest'
import { casesDistribution } from '../src/arbitraries/cases-distribution.js'
import { transformedCasesDistribution } from '../src/relations/changed-cases.js'
import { checkTransformShift, type TransformShiftOptions } from '../src/relations/check-transform-shift.js'
import type { RowTransform } from '../src/relations/invariance-probe.js'
import { textChange } from '../src/relations/text-change.js'
import { describeDirection } from '../src/relations/transform-shift-probe.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { asyncMatcher } from './async-matcher.js'
import { type MatcherOutcome, num, requireModel, requireOptions, show } from './matcher-context.js'
import { checkProperty, listedCounterexample } from './property-check.js'

/** Options of `toShiftOutputUnder`. */
export interface ShiftOutputUnderOptions<I = unknown> extends Omit<TransformShiftOptions<I>, 'seed' | 'source'> {
  /** Seed. @defaultValue derived from the test name */
  readonly seed?: number
  /** Severity in the report. @defaultValue 'medium' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toShiftOutputUnder'

function transformName(transform: unknown): string {
  if (typeof transform === 'function') {
    const label = (transform as { label?: unknown }).label
    return typeof label === 'string' ? label : transform.name === '' ? 'the given transform' : transform.name
  }
  return 'each generated transform'
}

/**
 * A directional expectation under a transform (CheckList's DIR): transforming the input moves the watched output
 * `up`, `down`, `{ awayFrom: x }` or `{ toward: x }` by at least `atLeast`, on every case (or, with
 * `maxViolationRate`, on all but a bounded rate). Made for text: `negation()` must lower P(positive), `intensify()`
 * must push a score away from neutral. Inputs the transform leaves unchanged are not cases (`skipUnchanged`, on by
 * default). A failure shows the shrunk input, the transformed one, the change highlighted, both outputs and the seed.
 *
 * @example
 * ```ts
 * await expect(classifier).toShiftOutputUnder(negation(), { inputs: sentences, direction: 'down', output: 'positive', atLeast: 0.1 })
 * await expect(scorer).toShiftOutputUnder(intensify(), { inputs: sentences, direction: { awayFrom: 0 }, maxViolationRate: 0.05, numRuns: 500 })
 * ```
 */
export const toShiftOutputUnder = asyncMatcher(NAME, checkShiftOutputUnder)

async function checkShiftOutputUnder(
  this: MatcherState,
  received: unknown,
  transform: RowTransform<unknown> | fc.Arbitrary<(row: never) => unknown>,
  givenOptions: ShiftOutputUnderOptions,
): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const options = requireOptions(givenOptions, NAME, "{ inputs, direction: 'down' }")
  const { seed: _seed, severity: _severity, ...rest } = options
  const name = model.identity.name
  return checkProperty(this, {
    name: NAME,
    kind: 'metamorphic',
    hintArguments: 'transform',
    model,
    options,
    severity: 'medium',
    // Real rows under one plain transform are each judged once; a generated transform is drawn and shrunk with its row.
    givenRows: Array.isArray(options.inputs) && typeof transform === 'function',
    run: (seed) => checkTransformShift(model, transform as RowTransform<unknown>, { ...rest, seed, source: NAME }),
    distribution: (result) => transformedCasesDistribution(options.inputs, transform, casesDistribution, result.skip),
    report: (result, { summary }) => {
      const watched = typeof options.output === 'string' ? `P(${options.output})` : `output[${result.output}]`
      const what = `${transformName(transform)} moves ${watched} ${describeDirection(result.direction)} by at least ${num(result.atLeast)}`
      const ce = result.counterexample
      const counterexample =
        ce === undefined
          ? undefined
          : {
              transform: transformName(ce.testCase[1]),
              ...textChange(ce.testCase[1], ce.inputs[0], ce.inputs[1]),
              base: ce.inputs[0],
              transformed: ce.inputs[1],
              baseOutput: ce.outputs[0],
              transformedOutput: ce.outputs[1],
            }
      return {
        title: `${name}: ${what}`,
        failed: (rate) => `${name}: it is not true that ${what}: ${rate}.`,
        held: (rate) => `Expected it to be false that ${what} for ${name}, but it held: ${rate}.`,
        ...(ce && counterexample && { counterexample: listedCounterexample(ce.violation.detail, counterexample, 19, ['transform', 'change']) }),
        metrics: { ...summary.metrics, atLeast: result.atLeast, ...(result.skip?.skipped === undefined ? {} : { skipped: result.skip.skipped }) },
        actual: toJsonSafe(counterexample?.transformedOutput),
        expected: `${describeDirection(result.direction)} by at least ${result.atLeast} from ${show(counterexample?.baseOutput ?? null)}`,
      }
    },
  })
}
