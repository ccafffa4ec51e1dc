import type { MatcherState } from 'vitest'
import { type FindWeakSegmentsOptions, findWeakSegments, type SegmentScore, type WeakSegmentsResult } from '../src/evaluation/segments/find-weak-segments.js'
import type { PlotSpec } from '../src/record/check-record.js'
import { asyncMatcher } from './async-matcher.js'
import { checkId, type MatcherOutcome, modelRef, moreLine, num, requireModel, requireOptions } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** Options of `toHaveNoWeakSegments`: the search (see `findWeakSegments`), how many segments to list and the severity. */
export interface NoWeakSegmentsOptions<I = unknown> extends FindWeakSegmentsOptions<I> {
  /** Segments listed in the message (weak ones first). @defaultValue 5 */
  readonly maxListed?: number
  /** Severity in the report. @defaultValue 'medium' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toHaveNoWeakSegments'

/**
 * No region of the held-out data that nobody named is a weak spot: every value or quantile range of every feature, and
 * every pair of those, is tested against overall - `maxDrop`, with a Bonferroni (or Benjamini-Hochberg) correction over
 * all the segments examined. A failure lists the weak segments as readable rules with their interval.
 *
 * @example
 * ```ts
 * await expect(model).toHaveNoWeakSegments({ data: test, rows: records, classes, maxDrop: 0.1, minSize: 15 })
 * // fails with: #2 Island = Dream and Sex = FEMALE: accuracy 0.4426 (95% CI 0.3251-0.567) vs 0.9006 overall, n = 61, adjusted p = 1.01e-7  <- weak
 * ```
 */
export const toHaveNoWeakSegments = asyncMatcher(NAME, checkNoWeakSegments)

async function checkNoWeakSegments(this: MatcherState, received: unknown, givenOptions: NoWeakSegmentsOptions): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const options = requireOptions(givenOptions, NAME, '{ data: { inputs, labels }, rows: records, maxDrop: 0.1 }')
  const result = await findWeakSegments(model, options)
  const weak = result.segments.filter((segment) => segment.weak)
  const passed = weak.length === 0 && result.examined > 0
  const listed = result.segments.slice(0, options.maxListed ?? 5)
  const line = (segment: SegmentScore, k: number): string => {
    const { low, high } = result.interval(segment)
    return `  #${k + 1} ${segment.rule}: ${result.metric} ${num(segment.score)} (95% CI ${num(low)}-${num(high)}) vs ${num(result.overall)} overall, n = ${segment.size}, adjusted p = ${num(segment.adjustedPValue)}${segment.weak ? '  <- weak' : ''}`
  }
  const family = `${result.correction === 'bonferroni' ? 'Bonferroni' : 'Benjamini-Hochberg'} over ${result.examined} segments examined, alpha ${num(result.alpha)}`
  const direction = result.higherIsBetter ? 'below' : 'above'
  const summary = [
    `Searched ${result.features.join(', ')} (${options.pairs === false ? 'single features' : 'single features and pairs'}); ${result.examined} segments of ${result.minSize}+ rows examined, ${result.tooSmall} smaller ones not.`,
    ...(result.skippedFeatures.length === 0 ? [] : [`Skipped: ${result.skippedFeatures.map((skip) => `${skip.feature} (${skip.reason})`).join('; ')}.`]),
    ...(listed.length === 0 ? [] : [weak.length > 0 ? 'Weakest segments:' : 'Worst segments (none confidently weak):', ...listed.map(line)]),
    ...moreLine(weak.length - listed.filter((segment) => segment.weak).length, 'weak segment'),
  ].join('\n')
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'options', { isNot: this.isNot, promise: this.promise })
  const claim = `${result.metric} more than ${num(result.maxDrop)} ${direction} the overall ${num(result.overall)} (bar ${num(result.bar)}; ${family})`
  const body = passed
    ? `Expected ${model.identity.name} to have a weak segment, but no segment is confidently at ${claim}.\n${summary}`
    : result.examined === 0
      ? `${model.identity.name}: no segment has ${result.minSize} or more rows, so none could be examined (${result.rows} rows).\n${summary}\nHint: use more held-out data or a smaller \`minSize\`.`
      : `${model.identity.name} is weak on ${weak.length} segment${weak.length === 1 ? '' : 's'}: ${claim}.\n${summary}`
  const message = `${hint}\n\n${body}`
  const worst = result.segments[0]
  await recordCheck(this, {
    id: checkId(this, 'segments'),
    kind: 'segments',
    title: `${model.identity.name} has no segment more than ${num(result.maxDrop)} ${direction} its overall ${result.metric}`,
    passed,
    severity: options.severity ?? 'medium',
    model: modelRef(model),
    data: { name: 'evaluation set', rows: result.rows },
    metrics: {
      overall: result.overall,
      bar: result.bar,
      segmentsExamined: result.examined,
      segmentsTooSmall: result.tooSmall,
      weakSegments: weak.length,
      ...(worst === undefined
        ? {}
        : { worstScore: worst.score, worstDrop: worst.drop, smallestAdjustedPValue: Math.min(...result.segments.map((segment) => segment.adjustedPValue)) }),
    },
    counterexample: listed.map((segment) => ({
      rule: segment.rule,
      size: segment.size,
      score: segment.score,
      drop: segment.drop,
      ...result.interval(segment),
      adjustedPValue: segment.adjustedPValue,
      weak: segment.weak,
    })),
    ...(listed.length === 0 ? {} : { plots: [segmentPlot(result, listed, model.identity.name)] }),
    ...(result.skippedFeatures.length === 0 ? {} : { warnings: result.skippedFeatures.map((skip) => `${skip.feature} not searched: ${skip.reason}`) }),
    ...(passed ? {} : { message: body }),
  })
  return { pass: passed, message: () => message, actual: weak.map((segment) => segment.rule), expected: { maxDrop: result.maxDrop, bar: result.bar } }
}

/**
 * Bars of the listed segments' scores, numbered as in the message (#1 is the worst; rules are too long for an axis),
 * with the overall score and the bar in the title.
 */
function segmentPlot(result: WeakSegmentsResult, segments: readonly SegmentScore[], modelName: string): PlotSpec {
  return {
    type: 'bar',
    title: `${modelName}: worst segments by ${result.metric} (overall ${num(result.overall)}, bar ${num(result.bar)})`,
    xLabel: 'segment, as numbered in the message',
    yLabel: result.metric,
    categories: segments.map((segment, k) => `#${k + 1}${segment.weak ? ' weak' : ''}`),
    series: [{ name: `${result.metric} in the segment`, points: segments.map((segment, k) => [k, segment.score] as const) }],
  }
}
