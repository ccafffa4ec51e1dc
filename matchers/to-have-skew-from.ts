import type { MatcherState } from 'vitest'
import { datasetHash } from '../src/data/dataset-hash.js'
import { asDataset, type DriftData } from '../src/drift/as-dataset.js'
import { driftHistogram } from '../src/drift/drift-histogram.js'
import { type FeatureSkewResult, type SkewOptions, trainingServingSkew } from '../src/drift/training-serving-skew.js'
import { checkId, type MatcherOutcome, num } from './matcher-context.js'
import { recordCheckNow } from './record-check.js'

/** Options of `toHaveSkewFrom`. */
export interface SkewFromOptions extends SkewOptions {
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toHaveSkewFrom'

/**
 * The serving features are skewed from the training features (TFDV-style: L-infinity distance for categories,
 * Jensen-Shannon divergence for numbers, 0.1 by default, per-feature thresholds). Use it negated:
 * `expect(servingLog).not.toHaveSkewFrom(trainingFeatures)`; the message names each skewed feature, its statistic and
 * threshold, and the category or bin whose share moved most.
 *
 * @example
 * ```ts
 * expect(servingLog).not.toHaveSkewFrom(trainingFeatures, { thresholds: { country: 0.01 } })
 * ```
 */
export function toHaveSkewFrom(this: MatcherState, received: unknown, training: DriftData, options: SkewFromOptions = {}): MatcherOutcome {
  const serving = asDataset(NAME, 'serving', received as DriftData)
  const reference = asDataset(NAME, 'training', training)
  const { severity, ...skewOptions } = options
  const result = trainingServingSkew(reference, serving, skewOptions)
  const width = Math.max(0, ...result.features.map((feature) => feature.feature.length))
  const line = (feature: FeatureSkewResult): string =>
    `  ${feature.feature.padEnd(width)}  ${feature.measure.padEnd(14)}  ${num(feature.statistic)} ${feature.skewed ? '>' : '<='} ${num(feature.threshold)}` +
    `  most moved: ${feature.worst.bucket} ${num(feature.worst.training)} -> ${num(feature.worst.serving)}  n ${feature.trainingRows} vs ${feature.servingRows}` +
    (feature.trainingMissing + feature.servingMissing > 0 ? ` (missing ${feature.trainingMissing} vs ${feature.servingMissing})` : '')
  const skewed = result.features.filter((feature) => feature.skewed)
  const fine = result.features.filter((feature) => !feature.skewed)
  const hint = this.utils.matcherHint(`.${NAME}`, 'serving', 'training', { isNot: this.isNot, promise: this.promise })
  const header = result.skewed
    ? `${serving.name} is skewed from ${reference.name}: ${skewed.length} of ${result.features.length} features differ beyond their thresholds.`
    : `Expected ${serving.name} to be skewed from ${reference.name}, but all ${result.features.length} features are within their thresholds.`
  const message = [
    hint,
    '',
    header,
    ...(skewed.length > 0 ? ['Skewed, worst first:', ...skewed.map(line)] : []),
    ...(fine.length > 0 ? ['Within threshold:', ...fine.map(line)] : []),
  ].join('\n')
  const metrics: Record<string, number> = {
    skewedFeatures: skewed.length,
    features: result.features.length,
    trainingRows: reference.rowCount,
    servingRows: serving.rowCount,
  }
  for (const feature of result.features.slice(0, 25)) metrics[`${feature.feature}.${feature.measure}`] = feature.statistic
  recordCheckNow(this, {
    id: checkId(this, 'skew'),
    kind: 'skew',
    title: `training/serving skew of ${serving.name} from ${reference.name}`,
    passed: result.skewed,
    severity: severity ?? 'high',
    data: { name: serving.name, rows: serving.rowCount, sha256: datasetHash(serving) },
    metrics,
    plots: skewed.map((feature) => driftHistogram(feature.feature, reference.column(feature.feature), serving.column(feature.feature), { kind: feature.kind })),
    ...(result.skewed === this.isNot ? { message } : {}),
  })
  return { pass: result.skewed, message: () => message }
}
