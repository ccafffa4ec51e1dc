import type { MatcherState } from 'vitest'
import type { BaselineSpec } from '../src/evaluation/baselines/resolve-baseline.js'
import { type BaselineComparisonResult, type CompareToBaselineOptions, compareToBaseline } from '../src/evaluation/compare-to-baseline.js'
import type { CheckRecord } from '../src/record/check-record.js'
import { asyncMatcher } from './async-matcher.js'
import { checkId, type MatcherOutcome, modelRef, num, requireModel, resamplingReplayLine, resolveSeed } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** Options of `toBeatBaseline`: the engine's options plus the report severity. */
export interface BeatBaselineOptions<I = unknown> extends CompareToBaselineOptions<I> {
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toBeatBaseline'

/**
 * The model beats a baseline on held-out data with the stated confidence: the lower bound of a seeded paired bootstrap
 * interval on the gain exceeds `minGain` and, for accuracy, McNemar's exact test agrees. The message gives both
 * scores, the absolute and relative gain, the interval, the test and the seed.
 *
 * @example
 * ```ts
 * await expect(model).toBeatBaseline('majority', { data: { inputs, labels }, train: { labels: trainLabels }, minGain: 0.1 })
 * ```
 */
export const toBeatBaseline = asyncMatcher(NAME, checkBeatBaseline)

async function checkBeatBaseline(this: MatcherState, received: unknown, baseline: BaselineSpec, options: BeatBaselineOptions): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const seed = resolveSeed(this, NAME, options?.seed)
  const result = await compareToBaseline(model, baseline, { ...options, seed, testSetUsage: options.testSetUsage ?? {} })
  return reportComparison(this, NAME, result, options?.severity ?? 'high', model)
}

/**
 * Records a baseline comparison and builds the matcher outcome (shared by `toBeatBaseline` and `toBeNoWorseThan`).
 *
 * @param state - the matcher's `this`
 * @param name - the matcher name
 * @param result - the engine's result
 * @param severity - report severity
 * @param model - the model compared
 * @returns what Vitest expects from a matcher
 * @example
 * ```ts
 * return reportComparison(this, 'toBeatBaseline', await compareToBaseline(model, 'majority', options), 'high', model)
 * ```
 */
export async function reportComparison(
  state: MatcherState,
  name: string,
  result: BaselineComparisonResult,
  severity: CheckRecord['severity'],
  model: Parameters<typeof modelRef>[0],
): Promise<MatcherOutcome> {
  const title = `${result.modelName} ${result.mode === 'superiority' ? 'beats' : 'is no worse than'} ${result.baselineName} on ${result.metric}`
  const lines = describeComparison(result)
  const hint = state.utils.matcherHint(`.${name}`, 'model', 'baseline', { isNot: state.isNot, promise: state.promise })
  const { modelName, baselineName, metric, rows } = result
  const margin = num(-result.threshold)
  const headline =
    result.mode === 'superiority'
      ? result.passed
        ? `Expected ${modelName} not to beat ${baselineName} on ${metric}, but it did:`
        : `${modelName} did not beat ${baselineName} on ${metric} (${rows} rows):`
      : result.passed
        ? `Expected ${modelName} to be worse than ${baselineName} on ${metric} by more than ${margin}, but it is no worse:`
        : `${modelName} may be worse than ${baselineName} on ${metric} by more than the margin ${margin} (${rows} rows):`
  const message = `${hint}\n\n${headline}\n${lines}\n${resamplingReplayLine(result.seed, result.resamples)}`
  await recordCheck(state, {
    id: checkId(state, 'baseline'),
    kind: 'baseline',
    title,
    passed: result.passed,
    severity,
    model: modelRef(model),
    data: { name: 'evaluation set', rows: result.rows, sha256: result.testSetSha256 },
    metrics: {
      // The score under the metric's own name too, so gate thresholds such as `accuracy` can read it.
      [result.metric]: result.modelScore,
      modelScore: result.modelScore,
      baselineScore: result.baselineScore,
      gain: result.gain,
      ...(Number.isFinite(result.relativeGain) ? { relativeGain: result.relativeGain } : {}),
      ciLow: result.ciLow,
      ciHigh: result.ciHigh,
      pValue: result.pValue,
    },
    replay: { seed: result.seed, numRuns: result.resamples },
    ...(result.passed ? {} : { message }),
    ...(result.warnings.length === 0 ? {} : { warnings: result.warnings }),
  })
  return {
    pass: result.passed,
    message: () => message,
    actual: { [result.metric]: result.modelScore, gain: result.gain, ciLow: result.ciLow },
    expected: { baseline: result.baselineScore, ciLowAbove: result.threshold },
  }
}

/**
 * The lines every baseline-comparison message shows: scores, gain, interval, test, baseline, warnings (the matcher
 * ends the message with the replay line).
 *
 * @param result - the engine's result
 * @returns indented lines
 * @example
 * ```ts
 * describeComparison(result) // '  accuracy: model 0.9884 vs baseline 0.4419 (higher is better)\n  gain 0.5465 ...'
 * ```
 */
export function describeComparison(result: BaselineComparisonResult): string {
  const relative = Number.isFinite(result.relativeGain) ? `, relative gain ${num(result.relativeGain)} of the way to perfect` : ''
  const level = Math.round((2 * result.confidence - 1) * 1000) / 10
  const bar = result.mode === 'superiority' ? `lower bound > minGain ${num(result.threshold)}` : `lower bound > -margin ${num(result.threshold)}`
  const mcnemar =
    result.discordant === undefined
      ? ''
      : `\n  McNemar exact: model-only right ${result.discordant.modelOnly}, baseline-only right ${result.discordant.baselineOnly}, one-sided p = ${num(result.pValue)}, expected < ${num(1 - result.confidence)}`
  return [
    `  ${result.metric}: model ${num(result.modelScore)} vs baseline ${num(result.baselineScore)} (${result.higherIsBetter ? 'higher' : 'lower'} is better)`,
    `  gain ${num(result.gain)}${relative}`,
    `  ${level}% paired bootstrap interval of the gain [${num(result.ciLow)}, ${num(result.ciHigh)}], expected ${bar}${mcnemar}`,
    `  test: ${result.test}`,
    `  baseline: ${result.baseline.description}`,
    ...result.warnings.map((warning) => `  warning: ${warning}`),
  ].join('\n')
}
