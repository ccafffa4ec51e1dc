import type { MatcherState } from 'vitest'
import type { PerturbableRow } from '../src/arbitraries/perturb-row.js'
import { checkOutputShift, type FeatureChange, type OutputShiftOptions } from '../src/relations/check-output-shift.js'
import type { FeatureRef } from '../src/relations/feature-ref.js'
import { describeCases, isStatistical } from '../src/arbitraries/cases-distribution.js'
import { relationSummary } from '../src/relations/relation-summary.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { checkId, heldHint, modelRef, num, replayLine, requireModel, resolveSeed, show, type MatcherOutcome } from './matcher-context.js'
import { asyncMatcher } from './async-matcher.js'
import { recordCheck } from './record-check.js'

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

async function checkShiftOutput(this: MatcherState, received: unknown, feature: FeatureRef, change: FeatureChange, options: ShiftOutputOptions): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const seed = resolveSeed(this, NAME, options?.seed)
  const { seed: _seed, severity, ...rest } = options ?? ({} as ShiftOutputOptions)
  const result = await checkOutputShift(model as never, feature, change, { ...(rest as ShiftOutputOptions<PerturbableRow>), seed, source: NAME })
  const cases = describeCases(options.inputs, { statistical: isStatistical(options.maxViolationRate), seed })
  const summary = relationSummary(result as never, cases.distribution)
  const name = model.identity.name
  const what = `changing feature ${JSON.stringify(feature)} by ${describeChange(change)} moves output ${result.direction} by at least ${num(result.atLeast)}`
  const ce = result.counterexample
  const counterexample = ce === undefined ? undefined : { base: ce.inputs[0], changed: ce.inputs[1], baseOutput: ce.outputs[0], changedOutput: ce.outputs[1], violation: ce.violation.detail }
  await recordCheck(this, {
    id: checkId(this, 'metamorphic'),
    kind: 'metamorphic',
    title: `${name}: ${what}`,
    passed: result.passed,
    severity: severity ?? 'medium',
    model: modelRef(model),
    metrics: { ...summary.metrics, atLeast: result.atLeast },
    distribution: cases.distribution,
    ...(cases.warnings.length > 0 ? { warnings: cases.warnings } : {}),
    ...(counterexample && { counterexample: toJsonSafe(counterexample) }),
    replay: { seed, numRuns: result.plannedRuns, ...(result.path === undefined ? {} : { path: result.path }) },
  })
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'feature, change', { isNot: this.isNot, promise: this.promise })
  const example = counterexample === undefined ? [] : [
    `${result.passed ? 'Example violation' : Array.isArray(options.inputs) ? 'First failing row (real rows are used as given, not shrunk)' : `Shrunk counterexample (${result.numShrinks} shrinks)`}: ${counterexample.violation}`,
    ...Object.entries(counterexample).filter(([key]) => key !== 'violation').map(([key, value]) => `  ${`${key}:`.padEnd(14)} ${show(value)}`),
  ]
  const replay = replayLine(seed, result.plannedRuns, result.path)
  return {
    pass: result.passed,
    message: () =>
      result.passed
        ? [hint, '', `Expected it to be false that ${what} for ${name}, but it held: ${summary.sentence}.`, summary.design, ...cases.warnings, ...example,
            heldHint(isStatistical(options.maxViolationRate), result.numRuns), replay].join('\n')
        : [hint, '', `${name}: it is not true that ${what}: ${summary.sentence}.`, summary.design, ...cases.warnings,
            `Reasons: ${Object.entries(result.reasons).map(([reason, count]) => `${reason} ${count}`).join(', ')}`, ...example, replay].join('\n'),
    actual: toJsonSafe(counterexample?.changedOutput),
    expected: `${result.direction} by at least ${result.atLeast} from ${show(counterexample?.baseOutput ?? null)}`,
  }
}
