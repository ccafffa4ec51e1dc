import type { MatcherState } from 'vitest'
import { type DataProfile, isDataProfile } from '../src/profile/data-profile.js'
import { describeProfileDrift } from '../src/profile/describe-profile-drift.js'
import { type ProfileDriftOptions, profileDrift } from '../src/profile/profile-drift.js'
import { VitestMlError } from '../src/util/errors.js'
import { checkId, type MatcherOutcome, num } from './matcher-context.js'
import { recordCheckNow } from './record-check.js'

const NAME = 'toHaveDriftedFrom'

/**
 * `toHaveDriftedFrom` on two profiles: `expect(currentProfile).not.toHaveDriftedFrom(referenceProfile)` decides
 * synchronously from the summaries (see `profileDrift`), lists every statistic with its approximation error, and
 * records a `drift` check. Options that need rows (`model`, `multivariate`) are an error.
 *
 * @param state - the matcher state
 * @param current - the current profile (received)
 * @param reference - the reference profile
 * @param options - the drift options
 * @returns the matcher outcome
 * @example
 * ```ts
 * expect(juneProfile).not.toHaveDriftedFrom(januaryProfile, { thresholds: { wasserstein: 0.2 } })
 * ```
 */
export function profileDriftOutcome(
  state: MatcherState,
  current: unknown,
  reference: unknown,
  options: ProfileDriftOptions & {
    readonly model?: unknown
    readonly multivariate?: unknown
    readonly severity?: 'high' | 'medium' | 'low'
    readonly toInput?: unknown
  },
): MatcherOutcome {
  if (!isDataProfile(current) || !isDataProfile(reference)) {
    const which = isDataProfile(current) ? 'reference' : 'current'
    throw new VitestMlError(
      NAME,
      `two profiles, or two datasets (the ${which === 'reference' ? 'current' : 'reference'} side is a profile)`,
      `${which} data that is not a profile`,
      'Profile both sides with profile(), profileStream() or profileWithDuckDb(), or pass rows on both sides.',
    )
  }
  if (options.model !== undefined || options.multivariate !== undefined) {
    throw new VitestMlError(
      NAME,
      'options a profile supports',
      options.model !== undefined ? '`model`' : '`multivariate`',
      'Profiles hold summaries, not rows: prediction drift and the multivariate tests need rows (pass datasets).',
    )
  }
  const { model: _model, multivariate: _multivariate, severity, toInput: _toInput, ...driftOptions } = options
  const result = profileDrift(reference, current, driftOptions)
  const summary = `${result.driftedFeatures.length} of ${result.features.length} features drifted (share ${num(result.driftShare)}, drifts at >= ${num(result.shareThreshold)})`
  const hint = state.utils.matcherHint(`.${NAME}`, 'currentProfile', 'referenceProfile', { isNot: state.isNot, promise: state.promise })
  const header = result.drifted
    ? `Profile ${current.name} (${current.rows} rows) drifted from profile ${reference.name} (${reference.rows} rows): ${summary}.`
    : `Expected profile ${current.name} (${current.rows} rows) to have drifted from profile ${reference.name} (${reference.rows} rows), but ${summary}.`
  const message = [hint, '', header, ...describeProfileDrift(result.features, result.warnings)].join('\n')
  const metrics: Record<string, number> = {
    driftShare: result.driftShare,
    driftedFeatures: result.driftedFeatures.length,
    features: result.features.length,
    referenceRows: reference.rows,
    currentRows: current.rows,
  }
  for (const feature of result.features.slice(0, 25)) {
    if (Number.isFinite(feature.statistic)) metrics[`${feature.feature}.statistic`] = feature.statistic
    if (Number.isFinite(feature.statisticError)) metrics[`${feature.feature}.statisticError`] = feature.statisticError
    if (feature.pValue !== undefined) metrics[`${feature.feature}.pValue`] = feature.adjustedPValue ?? feature.pValue
  }
  recordCheckNow(state, {
    id: checkId(state, 'drift'),
    kind: 'drift',
    title: `drift of profile ${current.name} from profile ${reference.name}`,
    passed: result.drifted,
    severity: severity ?? 'medium',
    data: { name: current.name, rows: current.rows },
    metrics,
    ...(result.warnings.length > 0 ? { warnings: result.warnings } : {}),
    ...(result.drifted === (state.isNot === true) ? { message } : {}),
  })
  return { pass: result.drifted, message: () => message }
}

/**
 * Whether either side of a drift assertion is a profile (then both must be).
 *
 * @param current - the received value
 * @param reference - the reference argument
 * @returns true when one of them is a profile
 * @example
 * ```ts
 * involvesProfile(profile(june), profile(january)) // true
 * ```
 */
export function involvesProfile(current: unknown, reference: unknown): current is DataProfile {
  return isDataProfile(current) || isDataProfile(reference)
}
