import type { MatcherState } from 'vitest'
import type { PerturbableRow } from '../src/arbitraries/perturb-row.js'
import { checkMonotonicity, type MonotonicityOptions } from '../src/relations/check-monotonicity.js'
import type { FeatureRef } from '../src/relations/feature-ref.js'
import { type MonotonicDirection, raisedPair } from '../src/relations/monotonicity-probe.js'
import { outputAt, outputIndex } from '../src/relations/output-selector.js'
import { roundingHint } from '../src/relations/rounding-hint.js'
import { VitestMlError } from '../src/util/errors.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { asyncMatcher } from './async-matcher.js'
import { type MatcherOutcome, num, requireModel, requireOptions, show } from './matcher-context.js'
import { checkProperty, listedCounterexample } from './property-check.js'

/** Options of `toBeMonotonicIn`. */
export interface MonotonicInOptions<I = unknown> extends Omit<MonotonicityOptions<I>, 'seed' | 'source'> {
  /** Seed. @defaultValue derived from the test name */
  readonly seed?: number
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toBeMonotonicIn'

/**
 * Raising `feature` (by a generated step within `bounds`) never moves the watched output the wrong way (CheckList's
 * DIR, as a property). Base and raised rows are predicted together in big batches; a failure shows the shrunk pair
 * with both outputs, and the record carries the output swept across the feature's range from that row.
 *
 * @example
 * ```ts
 * await expect(model).toBeMonotonicIn(2, 'increasing', { inputs: rows, numRuns: 2000, seed: 1 })
 * await expect(cars).toBeMonotonicIn(3, 'decreasing', { inputs: testRows, step: { min: 10, max: 500 }, maxViolationRate: 0.01 })
 * ```
 */
export const toBeMonotonicIn = asyncMatcher(NAME, checkBeMonotonicIn)

async function checkBeMonotonicIn(
  this: MatcherState,
  received: unknown,
  feature: FeatureRef,
  direction: MonotonicDirection,
  givenOptions: MonotonicInOptions,
): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  if (direction !== 'increasing' && direction !== 'decreasing') {
    throw new VitestMlError(NAME, "a direction: 'increasing' or 'decreasing'", JSON.stringify(direction), 'Say which way the output must follow the feature.')
  }
  const options = requireOptions(givenOptions, NAME, '{ inputs: rows, bounds: { min: 0, max: 1 } }')
  const { seed: _seed, severity: _severity, ...rest } = options
  // The typings leave the row type open; the engine checks at run time that rows are arrays or records it can perturb.
  const rows = rest as Omit<MonotonicInOptions<PerturbableRow>, 'seed' | 'severity'>
  const name = model.identity.name
  return checkProperty(this, {
    name: NAME,
    kind: 'monotonicity',
    hintArguments: 'feature, direction',
    model,
    options,
    severity: 'high',
    // Every case draws a step (and a row), so a failure is always shrunk, real rows included.
    givenRows: false,
    run: (seed) => checkMonotonicity<PerturbableRow, unknown>(model, feature, direction, { ...rows, seed, source: NAME }),
    report: (result) => {
      const what = `${direction} in feature ${JSON.stringify(feature)} (bounds [${num(result.bounds.min)}, ${num(result.bounds.max)}], steps ${num(result.step.min)}-${num(result.step.max)}${options.strict === true ? ', strict' : ''})`
      const ce = result.counterexample
      const where = result.localized
      const pair = ce === undefined ? undefined : raisedPair(ce.testCase[0], ce.testCase[1], { feature, bounds: result.bounds, source: NAME })
      const counterexample =
        ce === undefined || pair === undefined
          ? undefined
          : { step: ce.testCase[1], base: pair[0], raised: pair[1], baseOutput: ce.outputs[0], raisedOutput: ce.outputs[1] }
      const watched = outputIndex(options.output, options.classes, NAME)
      const rounding = ce === undefined ? undefined : roundingHint(outputAt(ce.outputs[0], watched), outputAt(ce.outputs[1], watched))
      const sweep = result.sweep?.series[0]?.points
      return {
        title: `${name} is ${direction} in feature ${JSON.stringify(feature)}`,
        failed: (rate) => `${name} is not ${what}: ${rate}.`,
        held: (rate) => `Expected ${name} not to be ${what}, but it was: ${rate}.`,
        claim: `be ${direction}`,
        ...(ce &&
          counterexample && {
            counterexample: {
              ...listedCounterexample(ce.violation.detail, counterexample, 13),
              record: {
                ...counterexample,
                violation: ce.violation.detail,
                ...(where && { localized: { from: where.from, to: where.to, outputs: where.outputs, violation: where.violation.detail } }),
              },
            },
          }),
        lines: [
          ...(where === undefined ? [] : [`Localized by bisection (${where.steps} steps): ${where.violation.detail}`]),
          ...(sweep === undefined
            ? []
            : [
                `Sweep of output across the bounds (${sweep.length} points, in the report): ${sweep
                  .map(([x, y]) => `${num(x)}->${num(y)}`)
                  .slice(0, 8)
                  .join(', ')}${sweep.length > 8 ? ', ...' : ''}`,
              ]),
          ...(rounding === undefined ? [] : [rounding]),
        ],
        ...(result.sweep && { plots: [result.sweep] }),
        actual: toJsonSafe(counterexample?.raisedOutput),
        expected: `output ${direction === 'increasing' ? '>=' : '<='} ${show(counterexample?.baseOutput ?? null)}`,
      }
    },
  })
}
