import { describeFeatureDrift } from '../drift/describe-drift.js'
import { formatNumber as num } from '../util/format-number.js'
import type { ProfileFeatureDriftResult } from './profile-drift.js'

/**
 * The lines of a profile-drift message: drifted features worst first, then the others, each with its statistic's
 * approximation error (`± 0` means exact), then the warnings.
 *
 * @param features - feature results, worst first
 * @param warnings - warnings to list
 * @returns lines
 * @example
 * ```ts
 * describeProfileDrift(result.features, result.warnings)
 * // ['Drifted, worst first:', '  delay  wasserstein  statistic 0.1214 >= 0.1  n 508239 vs 502222  (± 0.0004 from the profiles)', ...]
 * ```
 */
export function describeProfileDrift(features: readonly ProfileFeatureDriftResult[], warnings: readonly string[]): string[] {
  const width = Math.max(0, ...features.map((feature) => feature.feature.length))
  const line = (feature: ProfileFeatureDriftResult): string =>
    `  ${describeFeatureDrift(feature, width)}  (± ${num(feature.statisticError)} from the profiles${feature.statisticError === 0 ? ': exact' : ''})`
  const drifted = features.filter((feature) => feature.drifted)
  const stable = features.filter((feature) => !feature.drifted)
  return [
    ...(drifted.length > 0 ? ['Drifted, worst first:', ...drifted.map(line)] : []),
    ...(stable.length > 0 ? ['Not drifted:', ...stable.map(line)] : []),
    ...(warnings.length > 0 ? ['Warnings:', ...warnings.map((warning) => `  - ${warning}`)] : []),
  ]
}
