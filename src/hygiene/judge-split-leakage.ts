import { formatNumber as num } from '../util/format-number.js'
import type { SplitLeakageResult } from './split-leakage.js'

/** Limits a split is judged by. */
export interface SplitLeakageLimits {
  /** Largest share of test rows older than the newest training row. @defaultValue 0 */
  readonly maxTimeOverlapShare?: number
  /** Largest share of test rows whose ids appear in training. @defaultValue 0 */
  readonly maxSharedIdShare?: number
  /** Largest score of a single feature as a predictor of the label (see `singleFeatureScores`). @defaultValue 0.95 */
  readonly maxSingleFeatureScore?: number
}

/** The judgement of a split: a line per part for the message, the failing parts with a fix each, and metrics. */
export interface SplitLeakageJudgement {
  readonly lines: readonly string[]
  readonly failures: readonly { readonly part: 'time-overlap' | 'shared-ids' | 'single-feature'; readonly fix: string }[]
  readonly metrics: Readonly<Record<string, number>>
}

const when = (time: number): string => (Math.abs(time) > 1e11 && Math.abs(time) < 1e14 ? new Date(time).toISOString().replace('T00:00:00.000Z', '') : num(time))

/**
 * Judges what `splitLeakage` found against limits: one message line per part (time overlap, shared ids, the best
 * single feature), the parts that fail with a one-line fix each, and the numbers for the report.
 *
 * @param result - from `splitLeakage`
 * @param limits - the limits
 * @returns lines, failures and metrics
 * @example
 * ```ts
 * judgeSplitLeakage(splitLeakage(train, test, { time: 'date' }), {}).failures
 * // [{ part: 'time-overlap', fix: 'split by time: train on rows before a cut-off date, test on rows after it' }]
 * ```
 */
export function judgeSplitLeakage(result: SplitLeakageResult, limits: SplitLeakageLimits): SplitLeakageJudgement {
  const lines: string[] = []
  const failures: { part: 'time-overlap' | 'shared-ids' | 'single-feature'; fix: string }[] = []
  const metrics: Record<string, number> = {}
  const { timeOverlap, sharedIds, singleFeature } = result
  if (timeOverlap !== undefined) {
    const limit = limits.maxTimeOverlapShare ?? 0
    const failed = timeOverlap.share > limit
    lines.push(
      `  time overlap: ${timeOverlap.rows} of ${result.testRows} test rows older than the newest training row (${timeOverlap.column} ${when(timeOverlap.trainLatest)}; test starts ${when(timeOverlap.testEarliest)}), share ${num(timeOverlap.share)}, expected <= ${num(limit)}`,
    )
    if (failed)
      failures.push({
        part: 'time-overlap',
        fix: `split by time: train on rows before a cut-off in "${timeOverlap.column}", test on rows after it (a random split trains on the future)`,
      })
    metrics['timeOverlapRows'] = timeOverlap.rows
    metrics['timeOverlapShare'] = timeOverlap.share
  }
  if (sharedIds !== undefined) {
    const limit = limits.maxSharedIdShare ?? 0
    const example = sharedIds.examples[0]
    lines.push(
      `  shared ids: ${sharedIds.rows} of ${result.testRows} test rows have ids (${sharedIds.columns.join(', ')}) also in training, share ${num(sharedIds.share)}, expected <= ${num(limit)}${example === undefined ? '' : `; e.g. test row ${example.testRow} ~ train row ${example.trainRow} (${example.ids})`}`,
    )
    if (sharedIds.share > limit)
      failures.push({ part: 'shared-ids', fix: `split by ${sharedIds.columns.join(', ')} (a group split: every row of one entity on the same side)` })
    metrics['sharedIdRows'] = sharedIds.rows
    metrics['sharedIdShare'] = sharedIds.share
  }
  if (singleFeature !== undefined) {
    const limit = limits.maxSingleFeatureScore ?? 0.95
    const best = singleFeature.scores[0]
    if (best === undefined) lines.push('  single features: none to score')
    else {
      const measure = singleFeature.numericLabel ? `R² ${num(best.metric)}` : `accuracy ${num(best.metric)} vs majority ${num(best.base)}`
      const leaks = singleFeature.scores.filter((score) => score.score >= limit)
      lines.push(
        `  single features: ${leaks.length === 0 ? 'best' : `${leaks.length} give the label away,`} ${best.feature} alone scores ${num(best.score)} (${measure}), expected < ${num(limit)}${
          leaks.length > 1
            ? `; also ${leaks
                .slice(1, 4)
                .map((score) => `${score.feature} ${num(score.score)}`)
                .join(', ')}`
            : ''
        }`,
      )
      if (leaks.length > 0)
        failures.push({
          part: 'single-feature',
          fix: `check how "${best.feature}" is produced: a feature known only after the label (or derived from it) must not be an input; drop it or rebuild it from data available at prediction time`,
        })
      metrics['bestSingleFeatureScore'] = best.score
      metrics['leakyFeatures'] = leaks.length
    }
  }
  return { lines, failures, metrics }
}
