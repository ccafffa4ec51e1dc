import type { MatcherState } from 'vitest'
import type { PerturbableRow } from '../src/arbitraries/perturb-row.js'
import { checkOutputShift, type FeatureChange, type OutputShiftOptions } from '../src/relations/check-output-shift.js'
import type { FeatureRef } from '../src/relations/feature-ref.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { asyncMatcher } from './async-matcher.js'
import { type MatcherOutcome, num, requireModel, requireOptions, show } from './matcher-context.js'
import { checkProperty, listedCounterexample } from './property-check.js'

/** Options of `toShiftOutput`. */
export interface ShiftOutputOptions<I = unknown> extends Omit<OutputShiftOptions<I>, 'seed' | 'source'> {
  /** Seed. @defaultValue derived from the test name */
  readonly seed?: number
  /** Severity in the report. @defaultValue 'medium' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toShiftOutput'

function describeChange(change: FeatureChange): string {
  if (typeof change === 'number') return `${change >= 0 ? '+' : ''}${change}`
  if (typeof change === 'function') return change.name === '' ? 'the given change' : change.name
  return 'a generated amount'
}

/**
 * A directional expectation (CheckList's DIR): changing `feature` by `change` moves the watched output `up` or `down` by
 * at least `atLeast`, on every generated base row (or, with `maxViolationRate`, on all but a bounded rate).
 *
 * @example
 * ```ts
 * // 500 lb more must cost at least 0.5 mpg
 * await expect(cars).toShiftOutput(3, 500, { inputs: testRows, direction: 'down', atLeast: 0.5 })
 * ```
 */
export const toShiftOutput = asyncMatcher(NAME, checkShiftOutput)

async function checkShiftOutput(
  this: MatcherState,
  received: unknown,
  feature: FeatureRef,
  change: FeatureChange,
  givenOptions: ShiftOutputOptions,
): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const options = requireOptions(givenOptions, NAME, "{ inputs: rows, direction: 'down', atLeast: 0.5 }")
  const { seed: _seed, severity: _severity, ...rest } = options
  // The typings leave the row type open; the engine checks at run time that rows are arrays or records it can perturb.
  const rows = rest as Omit<ShiftOutputOptions<PerturbableRow>, 'seed' | 'severity'>
  const name = model.identity.name
  return checkProperty(this, {
    name: NAME,
    kind: 'metamorphic',
    hintArguments: 'feature, change',
    model,
    options,
    severity: 'medium',
    // Real rows under a fixed change are each judged once; a drawn change is shrunk with its row.
    givenRows: Array.isArray(options.inputs) && (typeof change === 'number' || typeof change === 'function'),
    run: (seed) => checkOutputShift<PerturbableRow, unknown>(model, feature, change, { ...rows, seed, source: NAME }),
    report: (result, { summary }) => {
      const what = `changing feature ${JSON.stringify(feature)} by ${describeChange(change)} moves output ${result.direction} by at least ${num(result.atLeast)}`
      const ce = result.counterexample
      const counterexample =
        ce === undefined ? undefined : { base: ce.inputs[0], changed: ce.inputs[1], baseOutput: ce.outputs[0], changedOutput: ce.outputs[1] }
      return {
        title: `${name}: ${what}`,
        failed: (rate) => `${name}: it is not true that ${what}: ${rate}.`,
        held: (rate) => `Expected it to be false that ${what} for ${name}, but it held: ${rate}.`,
        ...(ce && counterexample && { counterexample: listedCounterexample(ce.violation.detail, counterexample, 14) }),
        metrics: { ...summary.metrics, atLeast: result.atLeast },
        actual: toJsonSafe(counterexample?.changedOutput),
        expected: `${result.direction} by at least ${result.atLeast} from ${show(counterexample?.baseOutput ?? null)}`,
      }
    },
  })
}
