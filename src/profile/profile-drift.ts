import { correctPValues } from '../drift/correct-p-values.js'
import type { DatasetDriftOptions } from '../drift/dataset-drift.js'
import { chooseDriftMethod, DRIFT_THRESHOLDS, isTestMethod, MAX_NUMERIC_AS_CATEGORIES } from '../drift/drift-method.js'
import { driftSeverity, isDrifted, sampleWarnings } from '../drift/drift-verdict.js'
import type { FeatureDriftResult } from '../drift/feature-drift.js'
import { checkDriftMethod } from '../drift/feature-kind.js'
import { MIN_NORM } from '../drift/normed-wasserstein.js'
import { VitestMlError } from '../util/errors.js'
import { formatNumber as num } from '../util/format-number.js'
import type { ColumnProfile, DataProfile, NumericColumnProfile } from './data-profile.js'
import { summaryCdf } from './numeric-summary.js'
import { categoricalStatistics, numericAsCategories } from './profile-categorical.js'
import { type BoundedStatistic, ksAsymptoticPValue, profileKs, profilePsi, profileWasserstein } from './profile-statistics.js'

/** Options of {@link profileDrift}: those of `datasetDrift` that apply to profiles. */
export type ProfileDriftOptions = Pick<
  DatasetDriftOptions,
  'features' | 'ignore' | 'methods' | 'thresholds' | 'featureThresholds' | 'correction' | 'driftShare' | 'minEffect' | 'minSampleSize'
>

/** A statistic from two profiles: its value, its error bound and, for tests, its p-value. */
export interface ProfileStatistic extends BoundedStatistic {
  /** The p-value (KS: exact for exact summaries up to 10,000 values, else asymptotic; chi-square) when the statistic is a test's. */
  readonly pValue?: number
}

/** One feature's drift from two profiles: the usual result, plus every statistic with its approximation error. */
export interface ProfileFeatureDriftResult extends FeatureDriftResult {
  /** Upper bound on |statistic - the statistic on the raw data| (0: exact). */
  readonly statisticError: number
  /** Every statistic computed for the feature: `ks`, `wasserstein` (normed), `psi` for numbers; `jensen-shannon`, `chi-square` for categories. */
  readonly statistics: Readonly<Record<string, ProfileStatistic>>
}

/** Result of {@link profileDrift}. */
export interface ProfileDriftResult {
  /** Every compared feature, worst first. */
  readonly features: ProfileFeatureDriftResult[]
  /** Names of the drifted features, worst first. */
  readonly driftedFeatures: string[]
  /** Drifted features / compared features. */
  readonly driftShare: number
  /** The share that makes the data count as drifted. */
  readonly shareThreshold: number
  /** Whether the data drifted. */
  readonly drifted: boolean
  /** Rows in the reference profile. */
  readonly referenceRows: number
  /** Rows in the current profile. */
  readonly currentRows: number
  /** Warnings, including verdicts the approximation error could flip. */
  readonly warnings: string[]
}

/**
 * Drift between two profiles, with the rules of `datasetDrift` (Evidently's method per feature kind and reference
 * size, thresholds, drift share, corrections) applied to statistics computed from the summaries alone: KS D (with an
 * p-value chosen as scipy's `ks_2samp` chooses it), normed Wasserstein and PSI for numbers, Jensen-Shannon distance and chi-square for categories.
 * Each statistic carries its approximation error: 0 for exact summaries (value counts, up to `exactLimit` distinct
 * values), the KLL rank-error bound otherwise. A verdict within the error of its threshold is flagged in `warnings`.
 *
 * @param reference - the reference profile
 * @param current - the current profile
 * @param options - features, methods, thresholds, correction, driftShare, minEffect
 * @returns per-feature results and the verdict
 * @example
 * ```ts
 * const result = profileDrift(januaryProfile, juneProfile)
 * result.features[0] // { feature: 'delay', method: 'wasserstein', statistic: 0.0875, statisticError: 0, ... }
 * ```
 */
export function profileDrift(reference: DataProfile, current: DataProfile, options: ProfileDriftOptions = {}): ProfileDriftResult {
  const skip = new Set(options.ignore ?? [])
  const features = options.features ?? Object.keys(reference.columns).filter((name) => !skip.has(name))
  for (const [role, profile] of [
    ['reference', reference],
    ['current', current],
  ] as const) {
    const absent = features.filter((name) => !(name in profile.columns))
    if (absent.length > 0)
      throw new VitestMlError(
        'profileDrift',
        `every compared column in the ${role} profile`,
        `no ${absent.map((name) => `"${name}"`).join(', ')} (it has ${Object.keys(profile.columns).join(', ')})`,
        'Profile the same columns on both sides, or pass `features: [...]`.',
      )
  }
  if (features.length === 0) throw new VitestMlError('profileDrift', 'at least one feature to compare', 'none', 'Check `features` and `ignore`.')
  const measured = features.map((name) => measure(name, reference.columns[name] as ColumnProfile, current.columns[name] as ColumnProfile, options))
  const correction = options.correction ?? 'none'
  const tests = measured.filter((result) => isTestMethod(result.method) && result.pValue !== undefined)
  const adjusted = correctPValues(
    tests.map((result) => result.pValue ?? 1),
    correction,
  )
  const results = measured
    .map((result) => {
      const index = tests.indexOf(result)
      const withAdjusted = correction === 'none' || index < 0 ? result : { ...result, adjustedPValue: adjusted[index] ?? 1 }
      const drifted = isDrifted(withAdjusted, options.minEffect)
      return { ...withAdjusted, drifted, warnings: [...withAdjusted.warnings, ...sampleWarnings(withAdjusted, drifted, options), ...closeCall(withAdjusted)] }
    })
    .sort((left, right) => Number(right.drifted) - Number(left.drifted) || driftSeverity(right) - driftSeverity(left))
  const driftedFeatures = results.filter((result) => result.drifted).map((result) => result.feature)
  const shareThreshold = options.driftShare ?? 0.5
  const driftShare = driftedFeatures.length / results.length
  return {
    features: results,
    driftedFeatures,
    driftShare,
    shareThreshold,
    drifted: driftedFeatures.length > 0 && driftShare >= shareThreshold,
    referenceRows: reference.rows,
    currentRows: current.rows,
    warnings: results.flatMap((result) => result.warnings),
  }
}

type Measured = Omit<ProfileFeatureDriftResult, 'drifted'>

function measure(feature: string, reference: ColumnProfile, current: ColumnProfile, options: ProfileDriftOptions): Measured {
  const method = options.methods?.[feature]
  if (reference.kind !== current.kind)
    throw new VitestMlError(
      'profileDrift',
      `"${feature}" profiled as ${reference.kind} in both profiles`,
      `${current.kind} in the current profile`,
      'Build both profiles with the same `categorical` option.',
    )
  const threshold = (kind: Measured['method']): number => options.featureThresholds?.[feature] ?? options.thresholds?.[kind] ?? DRIFT_THRESHOLDS[kind]
  if (reference.kind === 'numeric' && current.kind === 'numeric') {
    const few =
      method === undefined &&
      reference.summary.exact !== undefined &&
      reference.summary.exact.values.length <= MAX_NUMERIC_AS_CATEGORIES &&
      current.summary.exact !== undefined
    if (!few) return numericDrift(feature, reference, current, method, threshold)
    return categoricalDrift(feature, numericAsCategories(reference), numericAsCategories(current), method, threshold)
  }
  if (reference.kind === 'categorical' && current.kind === 'categorical') return categoricalDrift(feature, reference, current, method, threshold)
  throw new VitestMlError('profileDrift', 'matching column kinds', `${reference.kind} and ${current.kind}`, 'Rebuild the profiles with the same options.')
}

function numericDrift(
  feature: string,
  reference: NumericColumnProfile,
  current: NumericColumnProfile,
  requested: Measured['method'] | undefined,
  threshold: (method: Measured['method']) => number,
): Measured {
  const method = requested ?? chooseDriftMethod('numeric', reference.moments.count, 0)
  checkDriftMethod(feature, 'numeric', method)
  const base = {
    feature,
    kind: 'numeric' as const,
    method,
    threshold: threshold(method),
    effectMeasure: 'normed-wasserstein' as const,
    referenceSize: reference.moments.count,
    currentSize: current.moments.count,
    referenceMissing: reference.missing,
    currentMissing: current.missing,
    referenceNonFinite: reference.nonFinite,
    currentNonFinite: current.nonFinite,
  }
  if (reference.moments.count === 0 || current.moments.count === 0) {
    const oneSided = (reference.moments.count === 0) !== (current.moments.count === 0)
    return {
      ...base,
      statistic: oneSided ? 1 : 0,
      ...(isTestMethod(method) ? { pValue: oneSided ? 0 : 1 } : {}),
      effectSize: oneSided ? Number.POSITIVE_INFINITY : 0,
      statisticError: 0,
      statistics: {},
      warnings: [`${feature}: a profile has no finite values`],
    }
  }
  const r = summaryCdf(reference.summary)
  const c = summaryCdf(current.summary)
  const sd = Math.max(Math.sqrt(reference.moments.m2 / reference.moments.count), MIN_NORM)
  const range = { min: Math.min(reference.moments.min, current.moments.min), max: Math.max(reference.moments.max, current.moments.max) }
  const ks = profileKs(r, c)
  const w = profileWasserstein(r, c, range)
  const statistics: Record<string, ProfileStatistic> = {
    ks: { ...ks, pValue: ksAsymptoticPValue(ks.value, reference.moments.count, current.moments.count, ks.error === 0) },
    wasserstein: { value: w.value / sd, error: w.error / sd },
    psi: profilePsi(r, c),
  }
  const chosen = statistics[method === 'ks' ? 'ks' : method] as ProfileStatistic
  return {
    ...base,
    statistic: chosen.value,
    ...(chosen.pValue === undefined ? {} : { pValue: chosen.pValue }),
    effectSize: w.value / sd,
    statisticError: chosen.error,
    statistics,
    warnings: [],
  }
}

function categoricalDrift(
  feature: string,
  reference: Parameters<typeof categoricalStatistics>[0],
  current: Parameters<typeof categoricalStatistics>[1],
  requested: Measured['method'] | undefined,
  threshold: (method: Measured['method']) => number,
): Measured {
  const computed = categoricalStatistics(reference, current)
  const method = requested ?? chooseDriftMethod('categorical', reference.rows, computed.categories)
  checkDriftMethod(feature, 'categorical', method)
  const base = {
    feature,
    kind: 'categorical' as const,
    method,
    threshold: threshold(method),
    effectMeasure: 'jensen-shannon' as const,
    referenceSize: reference.rows,
    currentSize: current.rows,
    referenceMissing: reference.missing,
    currentMissing: current.missing,
    referenceNonFinite: 0,
    currentNonFinite: 0,
  }
  const js = computed.statistics['jensen-shannon'] as ProfileStatistic
  const key = method === 'z' && computed.categories !== 2 ? 'chi-square' : method
  const chosen = computed.statistics[key]
  if (chosen === undefined) {
    return {
      ...base,
      method: 'jensen-shannon',
      threshold: threshold('jensen-shannon'),
      statistic: js.value,
      effectSize: js.value,
      statisticError: js.error,
      statistics: computed.statistics,
      warnings: [`${feature}: ${method} needs exact category counts (a profile lists at most maxCategories); Jensen-Shannon used instead`],
    }
  }
  return {
    ...base,
    method: key,
    statistic: chosen.value,
    ...(chosen.pValue === undefined ? {} : { pValue: chosen.pValue }),
    effectSize: js.value,
    statisticError: chosen.error,
    statistics: computed.statistics,
    warnings: computed.warnings,
  }
}

function closeCall(result: Measured): string[] {
  if (result.statisticError === 0 || isTestMethod(result.method)) {
    if (!isTestMethod(result.method) || result.statisticError === 0 || result.method !== 'ks') return []
    const low = ksAsymptoticPValue(result.statistic + result.statisticError, result.referenceSize, result.currentSize)
    const high = ksAsymptoticPValue(Math.max(result.statistic - result.statisticError, 0), result.referenceSize, result.currentSize)
    return low < result.threshold && high >= result.threshold
      ? [
          `${result.feature}: within the sketch error the KS p-value lies in [${num(low)}, ${num(high)}], on both sides of ${num(result.threshold)}: the verdict is not certain`,
        ]
      : []
  }
  const low = result.statistic - result.statisticError
  const high = result.statistic + result.statisticError
  return low < result.threshold && high >= result.threshold
    ? [
        `${result.feature}: within the sketch error the ${result.method} statistic lies in [${num(Math.max(low, 0))}, ${num(high)}], on both sides of ${num(result.threshold)}: the verdict is not certain`,
      ]
    : []
}
