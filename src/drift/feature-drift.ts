import type { Column } from '../data/dataset.js'
import { chiSquareHomogeneity } from '../stats/chi-square-homogeneity.js'
import { jensenShannonDistance } from '../stats/jensen-shannon-distance.js'
import { ksTwoSample } from '../stats/ks-two-sample.js'
import { populationStabilityIndex } from '../stats/population-stability-index.js'
import { categoryCounts } from './category-counts.js'
import { driftColumnKind } from './drift-column-kind.js'
import { chooseDriftMethod, DRIFT_THRESHOLDS, type DriftMethod, type FeatureKind, isTestMethod, MAX_NUMERIC_AS_CATEGORIES } from './drift-method.js'
import { isDrifted, sampleWarnings } from './drift-verdict.js'
import { checkDriftMethod } from './feature-kind.js'
import { categoricalValues, distinctUpTo, type NumericValues, numericValues } from './feature-values.js'
import { type MissingRateChange, missingRateChange } from './missing-rate-change.js'
import { normedWasserstein } from './normed-wasserstein.js'

/** Options of {@link featureDrift}. */
export interface FeatureDriftOptions {
  /** Compare as numbers or as categories. @defaultValue numeric when both columns are numeric with more than 5 distinct reference values */
  readonly kind?: FeatureKind
  /** Values that mean "missing" in this column besides NaN, null and undefined (`-999`, `''`): counted as missing. @defaultValue [] */
  readonly sentinels?: readonly (string | number)[]
  /** The method. @defaultValue chosen by `chooseDriftMethod` */
  readonly method?: DriftMethod
  /** The method's threshold: a p-value for tests, a distance for distances. @defaultValue {@link DRIFT_THRESHOLDS} */
  readonly threshold?: number
  /** For tests: also require an effect size (normed Wasserstein or Jensen-Shannon distance) at least this large. @defaultValue none */
  readonly minEffect?: number
  /** Fewer non-missing values than this in either sample gives a "too small to mean anything" warning. @defaultValue 30 */
  readonly minSampleSize?: number
}

/** Result of {@link featureDrift}. */
export interface FeatureDriftResult {
  /** The feature (column) name. */
  readonly feature: string
  /** Whether it was compared as numbers or as categories. */
  readonly kind: FeatureKind
  /** The method used (chosen automatically unless overridden). */
  readonly method: DriftMethod
  /** The method's statistic: KS D, chi-square, Z, normed Wasserstein, Jensen-Shannon distance or PSI. */
  readonly statistic: number
  /** The test's p-value (tests only), before any multiple-testing correction. */
  readonly pValue?: number
  /** The p-value after multiple-testing correction across features, when one was applied. */
  readonly adjustedPValue?: number
  /** The threshold the statistic or p-value was compared with. */
  readonly threshold: number
  /** Effect size on a common scale: normed Wasserstein distance (numeric) or Jensen-Shannon distance (categorical). */
  readonly effectSize: number
  /** Which effect size `effectSize` is. */
  readonly effectMeasure: 'normed-wasserstein' | 'jensen-shannon'
  /** Whether this feature drifted. */
  readonly drifted: boolean
  /** Values compared in each sample (categorical: including missing, counted as a category). */
  readonly referenceSize: number
  /** Values compared in the current sample. */
  readonly currentSize: number
  /** Missing values (NaN, null) in the reference: counted and reported, never silently dropped. */
  readonly referenceMissing: number
  /** Missing values in the current sample. */
  readonly currentMissing: number
  /** ±Infinity values in the reference (numeric only; kept out of the statistics). */
  readonly referenceNonFinite: number
  /** ±Infinity values in the current sample. */
  readonly currentNonFinite: number
  /** Whether the share of missing values moved (Fisher's exact test), when either sample has missing values; reported, not counted as drift. */
  readonly missingRate?: MissingRateChange
  /** Small-sample, sparse-category, tiny-effect and missing-value warnings. */
  readonly warnings: string[]
}

/**
 * Whether one feature's distribution moved between `reference` and `current`, with the method chosen by feature kind
 * and reference size (Evidently's defaults, see `chooseDriftMethod`), the method's statistic and p-value, an
 * effect size on a common scale, and warnings when the answer means little (small samples, sparse categories) or is
 * "significant but tiny" (a large sample makes a negligible shift significant).
 *
 * @param feature - the feature name (for messages)
 * @param reference - reference column
 * @param current - current column
 * @param options - kind, method, threshold, minEffect, minSampleSize
 * @returns the per-feature verdict
 * @example
 * ```ts
 * featureDrift('temp_max', winter.column('temp_max'), summer.column('temp_max'))
 * // -> { method: 'ks', statistic: 0.93, pValue: 1e-150, effectSize: 3.1, drifted: true, ... }
 * ```
 */
export function featureDrift(feature: string, reference: Column, current: Column, options: FeatureDriftOptions = {}): FeatureDriftResult {
  return decideFeatureDrift(measureFeatureDrift(feature, reference, current, options), options)
}

/** A feature's measurements before the verdict (multiple-testing correction happens in between). */
export type FeatureDriftMeasurement = Omit<FeatureDriftResult, 'drifted'>

/**
 * Measures one feature (method, statistic, p-value, effect size, counts) without deciding whether it drifted.
 *
 * @param feature - the feature name
 * @param reference - reference column
 * @param current - current column
 * @param options - kind, method, threshold
 * @returns the measurement
 * @example
 * ```ts
 * measureFeatureDrift('x', Float64Array.of(1, 2, 3), Float64Array.of(2, 3, 4)).method // 'chi-square' (3 distinct values)
 * ```
 */
export function measureFeatureDrift(feature: string, reference: Column, current: Column, options: FeatureDriftOptions = {}): FeatureDriftMeasurement {
  const sentinels = new Set<unknown>(options.sentinels ?? [])
  const decided = options.kind === undefined ? driftColumnKind(feature, reference, current, options.sentinels) : { kind: options.kind, warnings: [] }
  let measured: FeatureDriftMeasurement | undefined
  if (decided.kind === 'numeric') {
    const numeric = { reference: numericValues(reference, sentinels), current: numericValues(current, sentinels) }
    const fewValues =
      options.kind === undefined &&
      options.method === undefined &&
      distinctUpTo(numeric.reference.values, MAX_NUMERIC_AS_CATEGORIES) <= MAX_NUMERIC_AS_CATEGORIES
    if (!fewValues) measured = numericDrift(feature, numeric.reference, numeric.current, options)
  }
  measured ??= categoricalDrift(feature, reference, current, options, sentinels)
  const missing = missingRateChange(feature, measured)
  return {
    ...measured,
    ...(missing === undefined ? {} : { missingRate: missing.test }),
    warnings: [...decided.warnings, ...measured.warnings, ...(missing?.warning === undefined ? [] : [missing.warning])],
  }
}

/**
 * Turns a measurement into a verdict and adds the sample-size, tiny-effect and missing-value warnings.
 *
 * @param measurement - from {@link measureFeatureDrift}, with `adjustedPValue` set when corrected
 * @param options - minEffect, minSampleSize
 * @returns the result
 * @example
 * ```ts
 * decideFeatureDrift({ ...measurement, adjustedPValue: 0.2 }, {}).drifted // false
 * ```
 */
export function decideFeatureDrift(
  measurement: FeatureDriftMeasurement,
  options: Pick<FeatureDriftOptions, 'minEffect' | 'minSampleSize'> = {},
): FeatureDriftResult {
  const drifted = isDrifted(measurement, options.minEffect)
  return { ...measurement, drifted, warnings: [...measurement.warnings, ...sampleWarnings(measurement, drifted, options)] }
}

function numericDrift(feature: string, reference: NumericValues, current: NumericValues, options: FeatureDriftOptions): FeatureDriftMeasurement {
  const base = {
    feature,
    kind: 'numeric' as const,
    referenceSize: reference.values.length,
    currentSize: current.values.length,
    referenceMissing: reference.missing,
    currentMissing: current.missing,
    referenceNonFinite: reference.nonFinite,
    currentNonFinite: current.nonFinite,
    effectMeasure: 'normed-wasserstein' as const,
    warnings: [] as string[],
  }
  const method = options.method ?? chooseDriftMethod('numeric', reference.values.length, 0)
  checkDriftMethod(feature, 'numeric', method)
  const threshold = options.threshold ?? DRIFT_THRESHOLDS[method]
  if (reference.values.length === 0 || current.values.length === 0) return emptyResult(base, method, threshold, reference.values.length, current.values.length)
  const effectSize = normedWasserstein(reference.values, current.values)
  if (method === 'wasserstein') return { ...base, method, statistic: effectSize, threshold, effectSize }
  if (method === 'psi') return { ...base, method, statistic: populationStabilityIndex(reference.values, current.values).statistic, threshold, effectSize }
  const ks = ksTwoSample(reference.values, current.values)
  return { ...base, method, statistic: ks.statistic, pValue: ks.pValue, threshold, effectSize }
}

function categoricalDrift(
  feature: string,
  referenceColumn: Column,
  currentColumn: Column,
  options: FeatureDriftOptions,
  sentinels: ReadonlySet<unknown>,
): FeatureDriftMeasurement {
  const reference = categoricalValues(referenceColumn, sentinels)
  const current = categoricalValues(currentColumn, sentinels)
  const counts = categoryCounts(reference.labels, current.labels)
  const base = {
    feature,
    kind: 'categorical' as const,
    referenceSize: reference.total,
    currentSize: current.total,
    referenceMissing: reference.missing,
    currentMissing: current.missing,
    referenceNonFinite: 0,
    currentNonFinite: 0,
    effectMeasure: 'jensen-shannon' as const,
    warnings: [] as string[],
  }
  const method = options.method ?? chooseDriftMethod('categorical', reference.total, counts.categories.length)
  checkDriftMethod(feature, 'categorical', method)
  const threshold = options.threshold ?? DRIFT_THRESHOLDS[method]
  if (reference.total === 0 || current.total === 0) return emptyResult(base, method, threshold, reference.total, current.total)
  const effectSize = jensenShannonDistance(counts.reference, counts.current).statistic
  if (method === 'jensen-shannon') return { ...base, method, statistic: effectSize, threshold, effectSize }
  const table = [counts.reference, counts.current]
  // The two-proportion Z-test is the uncorrected 2x2 chi-square test: z^2 = chi^2, same two-sided p-value.
  const chi = chiSquareHomogeneity(table, { correction: false })
  const warnings = sparseCellWarning(feature, chi.expected)
  if (method === 'z' && counts.categories.length === 2) {
    const [r0 = 0, r1 = 0] = counts.reference
    const [c0 = 0, c1 = 0] = counts.current
    const sign = c0 / (c0 + c1) >= r0 / (r0 + r1) ? 1 : -1
    return { ...base, method, statistic: sign * Math.sqrt(chi.statistic), pValue: chi.pValue, threshold, effectSize, warnings }
  }
  return { ...base, method: 'chi-square', statistic: chi.statistic, pValue: chi.pValue, threshold, effectSize, warnings }
}

function sparseCellWarning(feature: string, expected: readonly (readonly number[])[]): string[] {
  const cells = expected.flat()
  const sparse = cells.filter((count) => count < 5).length
  if (cells.length === 0 || sparse / cells.length <= 0.2) return []
  return [
    `${feature}: ${sparse} of ${cells.length} category cells expect fewer than 5 values; the chi-square p-value is unreliable (merge rare categories or collect more data)`,
  ]
}

function emptyResult(
  base: Omit<FeatureDriftMeasurement, 'method' | 'statistic' | 'threshold' | 'effectSize'>,
  method: DriftMethod,
  threshold: number,
  referenceSize: number,
  currentSize: number,
): FeatureDriftMeasurement {
  const which = referenceSize === 0 && currentSize === 0 ? 'both samples have' : referenceSize === 0 ? 'the reference has' : 'the current sample has'
  // One side empty while the other has values is a broken feed: report it as drift (statistic 1, p 0) rather than pass.
  const oneSided = (referenceSize === 0) !== (currentSize === 0)
  return {
    ...base,
    method,
    threshold,
    statistic: oneSided ? 1 : 0,
    effectSize: oneSided ? Number.POSITIVE_INFINITY : 0,
    ...(isTestMethod(method) ? { pValue: oneSided ? 0 : 1 } : {}),
    warnings: [`${base.feature}: ${which} no usable values (${base.referenceMissing} / ${base.currentMissing} missing)`],
  }
}
