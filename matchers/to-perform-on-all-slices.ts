import type { MatcherState } from 'vitest'
import { type EvaluateSlicesOptions, evaluateSlices, type SliceScore } from '../src/evaluation/evaluate-slices.js'
import { VitestMlError } from '../src/util/errors.js'
import { asyncMatcher } from './async-matcher.js'
import { checkId, type MatcherOutcome, modelRef, moreLine, num, requireModel } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** Options of `toPerformOnAllSlices`: the slices to score and at least one bar every judged slice must clear. */
export interface PerformOnAllSlicesOptions<I = unknown> extends EvaluateSlicesOptions<I> {
  /** Lowest acceptable score on any slice (metrics where higher is better). */
  readonly min?: number
  /** Highest acceptable score on any slice (errors and losses). */
  readonly max?: number
  /** Largest acceptable drop from the overall score, in metric units. */
  readonly maxDrop?: number
  /** Worst slices shown in the message. @defaultValue 5 */
  readonly maxListed?: number
  /** Severity in the report. @defaultValue 'medium' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toPerformOnAllSlices'

/**
 * The model performs on every slice of the held-out data (each categorical value, each numeric bin), not just on
 * average: every slice with at least `minSliceSize` rows clears `min` / `max` and drops at most `maxDrop` from the
 * overall score. The worst slices are shown.
 *
 * @example
 * ```ts
 * await expect(model).toPerformOnAllSlices({ data: test, rows: testRecords, slices: ['Island', 'Sex'], min: 0.9, maxDrop: 0.05 })
 * ```
 */
export const toPerformOnAllSlices = asyncMatcher(NAME, checkPerformOnAllSlices)

async function checkPerformOnAllSlices(this: MatcherState, received: unknown, options: PerformOnAllSlicesOptions): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  if (options?.min === undefined && options?.max === undefined && options?.maxDrop === undefined) {
    throw new VitestMlError(
      NAME,
      'a bar for the slices: `min`, `max` or `maxDrop`',
      'none',
      'For example `{ min: 0.9 }` for accuracy, `{ max: 4 }` for rmse, or `{ maxDrop: 0.05 }`.',
    )
  }
  const result = await evaluateSlices(model, options)
  if (options.min !== undefined && !result.higherIsBetter) {
    throw new VitestMlError(
      NAME,
      `\`max\` (not \`min\`) for ${result.metric}, where lower is better`,
      `min: ${options.min}`,
      `Use \`max: ${options.min}\` or \`maxDrop\`.`,
    )
  }
  if (options.max !== undefined && result.higherIsBetter) {
    throw new VitestMlError(
      NAME,
      `\`min\` (not \`max\`) for ${result.metric}, where higher is better`,
      `max: ${options.max}`,
      `Use \`min: ${options.max}\` or \`maxDrop\`.`,
    )
  }
  const problems = (slice: SliceScore): string[] => {
    if (slice.tooSmall || !Number.isFinite(slice.score)) return []
    const found: string[] = []
    if (options.min !== undefined && slice.score < options.min) found.push(`below min ${num(options.min)}`)
    if (options.max !== undefined && slice.score > options.max) found.push(`above max ${num(options.max)}`)
    if (options.maxDrop !== undefined && slice.drop > options.maxDrop) found.push(`drop ${num(slice.drop)} > maxDrop ${num(options.maxDrop)}`)
    return found
  }
  const failing = result.slices.filter((slice) => problems(slice).length > 0)
  const judged = result.slices.filter((slice) => !slice.tooSmall && Number.isFinite(slice.score))
  const passed = failing.length === 0 && judged.length > 0
  const line = (slice: SliceScore): string =>
    `  ${slice.feature} = ${slice.slice} (n=${slice.size}): ${result.metric} ${num(slice.score)}${slice.interval === undefined ? '' : ` (95% CI ${num(slice.interval.low)}-${num(slice.interval.high)})`}, drop ${num(slice.drop)}${slice.tooSmall ? ' (too small, not judged)' : ''}${problems(slice).length > 0 ? `  <- ${problems(slice).join(', ')}` : ''}`
  const shown = result.slices.slice(0, options.maxListed ?? 5).map(line)
  const skipped = result.slices.length - judged.length
  const summary = [
    `Overall ${result.metric} ${num(result.overall)} on ${result.rows} rows; ${judged.length} slices judged, ${failing.length} failing${skipped > 0 ? `, ${skipped} not judged (fewer than ${result.minSliceSize} rows or metric undefined)` : ''}.`,
    'Worst slices:',
    ...shown,
    ...moreLine(result.slices.length - shown.length, 'slice'),
  ].join('\n')
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'options', { isNot: this.isNot, promise: this.promise })
  const message = passed
    ? `${hint}\n\nExpected ${model.identity.name} to fail on some slice, but every judged slice cleared the bar.\n${summary}`
    : `${hint}\n\n${model.identity.name} ${judged.length === 0 ? 'has no slice large enough to judge' : `underperforms on ${failing.length} slice${failing.length === 1 ? '' : 's'}`}.\n${summary}`
  const worst = judged[0]
  await recordCheck(this, {
    id: checkId(this, 'slice'),
    kind: 'slices',
    title: `${model.identity.name} ${result.metric} on every slice`,
    passed,
    severity: options.severity ?? 'medium',
    model: modelRef(model),
    data: { name: 'evaluation set', rows: result.rows },
    metrics: {
      overall: result.overall,
      ...(worst === undefined ? {} : { worstScore: worst.score, worstDrop: worst.drop }),
      slicesJudged: judged.length,
      slicesFailing: failing.length,
      slicesSkipped: skipped,
    },
    counterexample: result.slices.slice(0, 10).map(({ feature, slice, size, score, drop }) => ({
      feature,
      slice,
      size,
      score: Number.isFinite(score) ? score : null,
      drop: Number.isFinite(drop) ? drop : null,
    })),
    ...(passed ? {} : { message }),
  })
  return { pass: passed, message: () => message, actual: worst, expected: { min: options.min, max: options.max, maxDrop: options.maxDrop } }
}
