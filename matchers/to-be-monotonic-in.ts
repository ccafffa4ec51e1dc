import type { MatcherState } from 'vitest'
import type { PerturbableRow } from '../src/arbitraries/perturb-row.js'
import { VitestMlError } from '../src/util/errors.js'
import { checkMonotonicity, type MonotonicityOptions } from '../src/relations/check-monotonicity.js'
import type { FeatureRef } from '../src/relations/feature-ref.js'
import { raisedPair, type MonotonicDirection } from '../src/relations/monotonicity-probe.js'
import { describeCases, isStatistical } from '../src/arbitraries/cases-distribution.js'
import { relationSummary } from '../src/relations/relation-summary.js'
import { roundingHint } from '../src/relations/rounding-hint.js'
import { outputAt, outputIndex } from '../src/relations/output-selector.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { checkId, heldHint, modelRef, num, replayLine, requireModel, resolveSeed, show, type MatcherOutcome } from './matcher-context.js'
import { asyncMatcher } from './async-matcher.js'
import { recordCheck } from './record-check.js'

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

async function checkBeMonotonicIn(this: MatcherState, received: unknown, feature: FeatureRef, direction: MonotonicDirection, options: MonotonicInOptions): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  if (direction !== 'increasing' && direction !== 'decreasing') {
    throw new VitestMlError(NAME, "a direction: 'increasing' or 'decreasing'", JSON.stringify(direction), 'Say which way the output must follow the feature.')
  }
  const seed = resolveSeed(this, NAME, options?.seed)
  const { seed: _seed, severity, ...rest } = options ?? ({} as MonotonicInOptions)
  const result = await checkMonotonicity(model as never, feature, direction, { ...(rest as MonotonicInOptions<PerturbableRow>), seed, source: NAME })
  const cases = describeCases(options.inputs, { statistical: isStatistical(options.maxViolationRate), seed })
  const summary = relationSummary(result as never, cases.distribution)
  const name = model.identity.name
  const what = `${direction} in feature ${JSON.stringify(feature)} (bounds [${num(result.bounds.min)}, ${num(result.bounds.max)}], steps ${num(result.step.min)}-${num(result.step.max)}${options.strict === true ? ', strict' : ''})`
  const ce = result.counterexample
  let counterexample: Record<string, unknown> | undefined
  if (ce !== undefined) {
    const [base, raised] = raisedPair(ce.testCase[0], ce.testCase[1], { feature, bounds: result.bounds, source: NAME })
    counterexample = { step: ce.testCase[1], base, raised, baseOutput: ce.outputs[0], raisedOutput: ce.outputs[1], violation: ce.violation.detail }
  }
  const watched = outputIndex(options.output, options.classes, NAME)
  const rounding = ce === undefined ? undefined : roundingHint(outputAt(ce.outputs[0], watched), outputAt(ce.outputs[1], watched))
  const where = result.localized
  const localizedLine = where === undefined ? [] : [`Localized by bisection (${where.steps} steps): ${where.violation.detail}`]
  await recordCheck(this, {
    id: checkId(this, 'monotonicity'),
    kind: 'monotonicity',
    title: `${name} is ${direction} in feature ${JSON.stringify(feature)}`,
    passed: result.passed,
    severity: severity ?? 'high',
    model: modelRef(model),
    metrics: summary.metrics,
    distribution: cases.distribution,
    ...(cases.warnings.length > 0 ? { warnings: cases.warnings } : {}),
    ...(counterexample && { counterexample: toJsonSafe({ ...counterexample, ...(where && { localized: { from: where.from, to: where.to, outputs: where.outputs, violation: where.violation.detail } }) }) }),
    replay: { seed, numRuns: result.plannedRuns, ...(result.path === undefined ? {} : { path: result.path }) },
    ...(result.sweep && { plots: [result.sweep] }),
  })
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'feature, direction', { isNot: this.isNot, promise: this.promise })
  const example = counterexample === undefined ? [] : [
    `${result.passed ? 'Example violation' : Array.isArray(options.inputs) ? 'First failing row (real rows are used as given, not shrunk)' : `Shrunk counterexample (${result.numShrinks} shrinks)`}: ${String(counterexample['violation'])}`,
    ...Object.entries(counterexample).filter(([key]) => key !== 'violation').map(([key, value]) => `  ${`${key}:`.padEnd(13)} ${show(value)}`),
  ]
  const sweep = result.sweep?.series[0]?.points
  const sweepLine = sweep === undefined ? [] : [`Sweep of output across the bounds (${sweep.length} points, in the report): ${sweep.map(([x, y]) => `${num(x)}->${num(y)}`).slice(0, 8).join(', ')}${sweep.length > 8 ? ', ...' : ''}`]
  const replay = replayLine(seed, result.plannedRuns, result.path)
  return {
    pass: result.passed,
    message: () =>
      result.passed
        ? [hint, '', `Expected ${name} not to be ${what}, but it was: ${summary.sentence}.`, summary.design, ...cases.warnings, ...example,
            heldHint(isStatistical(options.maxViolationRate), result.numRuns, `be ${direction}`), replay].join('\n')
        : [hint, '', `${name} is not ${what}: ${summary.sentence}.`, summary.design, ...cases.warnings,
            `Reasons: ${Object.entries(result.reasons).map(([reason, count]) => `${reason} ${count}`).join(', ')}`, ...example, ...localizedLine, ...sweepLine, ...(rounding === undefined ? [] : [rounding]), replay].join('\n'),
    actual: toJsonSafe(counterexample?.['raisedOutput']),
    expected: `output ${direction === 'increasing' ? '>=' : '<='} ${show(counterexample?.['baseOutput'] ?? null)}`,
  }
}
