import type { Dataset } from '../data/dataset.js'
import { jensenShannonDistance } from '../stats/jensen-shannon-distance.js'
import { VitestMlError } from '../util/errors.js'
import { asDataset, type DriftData } from './as-dataset.js'
import { categoryCounts, proportions } from './category-counts.js'
import { MAX_NUMERIC_AS_CATEGORIES } from './drift-method.js'
import { categoricalValues, distinctUpTo } from './feature-values.js'
import { numericHistogramCounts } from './numeric-histogram-counts.js'

/** Options of {@link trainingServingSkew}. */
export interface SkewOptions {
  /** Features to compare. @defaultValue every training column except `ignore` */
  readonly features?: readonly string[]
  /** Columns to leave out. @defaultValue [] */
  readonly ignore?: readonly string[]
  /** Numeric columns to compare as categories. @defaultValue [] */
  readonly categorical?: readonly string[]
  /** Threshold per feature, overriding the defaults: `{ payment_type: 0.01 }`. @defaultValue {} */
  readonly thresholds?: Readonly<Record<string, number>>
  /** Largest L-infinity distance between category frequencies that is not skew. @defaultValue 0.1 */
  readonly categoricalThreshold?: number
  /** Largest Jensen-Shannon divergence (base 2) between numeric histograms that is not skew. @defaultValue 0.1 */
  readonly numericThreshold?: number
  /** Training-quantile bins for numeric features. @defaultValue 20 */
  readonly bins?: number
}

/** Skew of one feature. */
export interface FeatureSkewResult {
  /** The feature name. */
  readonly feature: string
  /** Numbers (histograms) or categories (frequencies). */
  readonly kind: 'numeric' | 'categorical'
  /** `l-infinity` (largest difference of a category's frequency) or `jensen-shannon` (divergence, base 2, of histograms). */
  readonly measure: 'l-infinity' | 'jensen-shannon'
  /** The L-infinity distance or Jensen-Shannon divergence. */
  readonly statistic: number
  /** The largest statistic that is not skew. */
  readonly threshold: number
  /** `statistic > threshold`. */
  readonly skewed: boolean
  /** The category or bin whose frequency differs most, with both frequencies. */
  readonly worst: { readonly bucket: string; readonly training: number; readonly serving: number }
  /** Rows in the training data. */
  readonly trainingRows: number
  /** Rows in the serving data. */
  readonly servingRows: number
  /** Missing values in training (a bucket of their own). */
  readonly trainingMissing: number
  /** Missing values in serving. */
  readonly servingMissing: number
}

/** Result of {@link trainingServingSkew}. */
export interface SkewResult {
  /** Every feature, skewed first, largest statistic / threshold first. */
  readonly features: FeatureSkewResult[]
  /** Names of the skewed features, worst first. */
  readonly skewedFeatures: string[]
  /** Whether any feature is skewed. */
  readonly skewed: boolean
}

/**
 * Training/serving skew in the manner of TensorFlow Data Validation's skew comparators: for categorical features the
 * L-infinity distance between the two frequency vectors (the largest change of any one category's share), for numeric
 * features the Jensen-Shannon divergence (base 2, in [0, 1]) between histograms over 20 training-quantile bins. Missing
 * values are a bucket of their own in both, so a serving path that drops or nulls a feature shows as skew. Any feature
 * over its threshold (0.1 by default, per feature with `thresholds`) is skew: unlike drift, skew says the two code
 * paths disagree, so one feature is enough.
 *
 * @param training - the features as the training pipeline produced them
 * @param serving - the features as the serving pipeline produced them (logged at serving time)
 * @param options - features, thresholds, bins
 * @returns per-feature skew
 * @example
 * ```ts
 * trainingServingSkew(trainingFeatures, servingLog, { thresholds: { country: 0.01 } }).skewedFeatures // ['income']
 * ```
 */
export function trainingServingSkew(training: DriftData, serving: DriftData, options: SkewOptions = {}): SkewResult {
  const reference = asDataset('trainingServingSkew', 'training', training)
  const current = asDataset('trainingServingSkew', 'serving', serving)
  const skip = new Set(options.ignore ?? [])
  const features = options.features ?? reference.columnNames.filter((name) => !skip.has(name))
  const absent = features.filter((name) => !current.columnNames.includes(name) || !reference.columnNames.includes(name))
  if (absent.length > 0) {
    throw new VitestMlError(
      'trainingServingSkew',
      'every compared feature in both training and serving data',
      `no ${absent.map((name) => `"${name}"`).join(', ')} in one of them (serving has ${current.columnNames.join(', ')})`,
      'A feature the serving path does not produce is skew by itself: fix the serving code, or pass `features`.',
    )
  }
  const results = features.map((feature) => featureSkew(feature, reference, current, options))
  results.sort((left, right) => Number(right.skewed) - Number(left.skewed) || right.statistic / right.threshold - left.statistic / left.threshold)
  const skewedFeatures = results.filter((result) => result.skewed).map((result) => result.feature)
  return { features: results, skewedFeatures, skewed: skewedFeatures.length > 0 }
}

function featureSkew(feature: string, training: Dataset, serving: Dataset, options: SkewOptions): FeatureSkewResult {
  const trainingColumn = training.column(feature)
  const servingColumn = serving.column(feature)
  const numeric =
    trainingColumn instanceof Float64Array &&
    servingColumn instanceof Float64Array &&
    options.categorical?.includes(feature) !== true &&
    distinctUpTo(
      trainingColumn.filter((value) => !Number.isNaN(value)),
      MAX_NUMERIC_AS_CATEGORIES,
    ) > MAX_NUMERIC_AS_CATEGORIES
  if (numeric) {
    const counts = numericHistogramCounts(trainingColumn, servingColumn, options.bins ?? 20)
    const threshold = options.thresholds?.[feature] ?? options.numericThreshold ?? 0.1
    const statistic = jensenShannonDistance(counts.reference, counts.current, { base: 2 }).statistic ** 2
    return finish(feature, 'numeric', 'jensen-shannon', statistic, threshold, counts, trainingColumn.length, servingColumn.length)
  }
  const trainingLabels = categoricalValues(trainingColumn)
  const servingLabels = categoricalValues(servingColumn)
  const counts = categoryCounts(trainingLabels.labels, servingLabels.labels)
  const threshold = options.thresholds?.[feature] ?? options.categoricalThreshold ?? 0.1
  const trainingShares = proportions(counts.reference)
  const servingShares = proportions(counts.current)
  const statistic = Math.max(0, ...trainingShares.map((share, index) => Math.abs(share - (servingShares[index] ?? 0))))
  return finish(
    feature,
    'categorical',
    'l-infinity',
    statistic,
    threshold,
    { buckets: counts.categories, reference: counts.reference, current: counts.current },
    trainingColumn.length,
    servingColumn.length,
  )
}

function finish(
  feature: string,
  kind: FeatureSkewResult['kind'],
  measure: FeatureSkewResult['measure'],
  statistic: number,
  threshold: number,
  counts: { buckets: string[]; reference: number[]; current: number[] },
  trainingRows: number,
  servingRows: number,
): FeatureSkewResult {
  const trainingShares = proportions(counts.reference)
  const servingShares = proportions(counts.current)
  let worst = 0
  for (let index = 1; index < counts.buckets.length; index++) {
    if (Math.abs((trainingShares[index] ?? 0) - (servingShares[index] ?? 0)) > Math.abs((trainingShares[worst] ?? 0) - (servingShares[worst] ?? 0)))
      worst = index
  }
  const missingAt = counts.buckets.indexOf('(missing)')
  return {
    feature,
    kind,
    measure,
    statistic,
    threshold,
    skewed: statistic > threshold,
    worst: { bucket: counts.buckets[worst] ?? '', training: trainingShares[worst] ?? 0, serving: servingShares[worst] ?? 0 },
    trainingRows,
    servingRows,
    trainingMissing: missingAt < 0 ? 0 : (counts.reference[missingAt] ?? 0),
    servingMissing: missingAt < 0 ? 0 : (counts.current[missingAt] ?? 0),
  }
}
