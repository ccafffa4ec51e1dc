import type fc from 'fast-check'
import type { MatcherState } from 'vitest'
import { casesDistribution, describeCases, isStatistical } from '../src/arbitraries/cases-distribution.js'
import { transformedCasesDistribution } from '../src/relations/changed-cases.js'
import { checkTransformShift, type TransformShiftOptions } from '../src/relations/check-transform-shift.js'
import type { RowTransform } from '../src/relations/invariance-probe.js'
import { relationSummary } from '../src/relations/relation-summary.js'
import { textChange } from '../src/relations/text-change.js'
import { describeDirection } from '../src/relations/transform-shift-probe.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { checkId, modelRef, num, replayLine, requireModel, requireOptions, resolveSeed, show, type MatcherOutcome } from './matcher-context.js'
import { asyncMatcher } from './async-matcher.js'
import { recordCheck } from './record-check.js'

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

async function checkShiftOutputUnder(this: MatcherState, received: unknown, transform: RowTransform<unknown> | fc.Arbitrary<(row: never) => unknown>, options: ShiftOutputUnderOptions): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  requireOptions(options, NAME, "{ inputs, direction: 'down' }")
  const seed = resolveSeed(this, NAME, options.seed)
  const { seed: _seed, severity, ...rest } = options
  const result = await checkTransformShift(model, transform as RowTransform<unknown>, { ...rest, seed, source: NAME })
  const described = describeCases(options.inputs, { statistical: isStatistical(options.maxViolationRate), seed })
  const distribution = transformedCasesDistribution(options.inputs, transform, casesDistribution, result.skip)
  const summary = relationSummary(result as never, distribution)
  const name = model.identity.name
  const watched = typeof options.output === 'string' ? `P(${options.output})` : `output[${result.output}]`
  const what = `${transformName(transform)} moves ${watched} ${describeDirection(result.direction)} by at least ${num(result.atLeast)}`
  const ce = result.counterexample
  const counterexample = ce === undefined ? undefined : {
    transform: transformName(ce.testCase[1]), ...textChange(ce.testCase[1], ce.inputs[0], ce.inputs[1]),
    base: ce.inputs[0], transformed: ce.inputs[1], baseOutput: ce.outputs[0], transformedOutput: ce.outputs[1], violation: ce.violation.detail,
  }
  await recordCheck(this, {
    id: checkId(this, 'metamorphic'),
    kind: 'metamorphic',
    title: `${name}: ${what}`,
    passed: result.passed,
    severity: severity ?? 'medium',
    model: modelRef(model),
    metrics: { ...summary.metrics, atLeast: result.atLeast, ...(result.skip?.skipped === undefined ? {} : { skipped: result.skip.skipped }) },
    distribution,
    ...(described.warnings.length > 0 ? { warnings: described.warnings } : {}),
    ...(counterexample && { counterexample: toJsonSafe(counterexample) }),
    replay: { seed, numRuns: result.plannedRuns, ...(result.path === undefined ? {} : { path: result.path }) },
  })
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'transform', { isNot: this.isNot, promise: this.promise })
  const example = counterexample === undefined ? [] : [
    `${result.passed ? 'Example violation' : `Shrunk counterexample (${result.numShrinks} shrinks)`}: ${counterexample.violation}`,
    ...Object.entries(counterexample).filter(([key]) => key !== 'violation').map(([key, value]) => `  ${`${key}:`.padEnd(19)} ${key === 'transform' || key === 'change' ? String(value) : show(value)}`),
  ]
  const replay = replayLine(seed, result.plannedRuns, result.path)
  return {
    pass: result.passed,
    message: () =>
      result.passed
        ? [hint, '', `Expected it to be false that ${what} for ${name}, but it held: ${summary.sentence}.`, summary.design, ...described.warnings, ...example, replay].join('\n')
        : [hint, '', `${name}: it is not true that ${what}: ${summary.sentence}.`, summary.design, ...described.warnings, `Reasons: ${Object.entries(result.reasons).map(([reason, count]) => `${reason} ${count}`).join(', ')}`, ...example, replay].join('\n'),
    actual: toJsonSafe(counterexample?.transformedOutput),
    expected: `${describeDirection(result.direction)} by at least ${result.atLeast} from ${show(counterexample?.baseOutput ?? null)}`,
  }
}
