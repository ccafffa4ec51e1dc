import { formatNumber as num } from '../util/format-number.js'
import { isTestMethod } from './drift-method.js'
import type { FeatureDriftResult } from './feature-drift.js'
import type { MultivariateDriftResult } from './multivariate/multivariate-drift-types.js'

/**
 * One line per feature for failure messages and logs: name, method, statistic, p-value (tests), threshold, effect size
 * and sample sizes (with missing counts when there are any).
 *
 * @param result - a feature result
 * @param nameWidth - column width for the feature name
 * @returns the line
 * @example
 * ```ts
 * describeFeatureDrift(result, 12)
 * // 'temp_max     ks  statistic 0.9673  p 3.90e-194 < 0.05  effect 4.749 (normed-wasserstein)  n 361 vs 368'
 * ```
 */
export function describeFeatureDrift(result: FeatureDriftResult, nameWidth = 0): string {
  const test = isTestMethod(result.method)
  const p = result.adjustedPValue ?? result.pValue
  const pText = p === undefined ? '' : `  p ${num(p)}${result.adjustedPValue === undefined ? '' : ` (adjusted; raw ${num(result.pValue ?? 1)})`}`
  const comparison = test
    ? `${p !== undefined && p < result.threshold ? '<' : '>='} ${num(result.threshold)}`
    : `${result.statistic >= result.threshold ? '>=' : '<'} ${num(result.threshold)}`
  const statistic = test ? `statistic ${num(result.statistic)}${pText} ${comparison}` : `statistic ${num(result.statistic)} ${comparison}`
  const missing = result.referenceMissing + result.currentMissing > 0 ? ` (missing ${result.referenceMissing} vs ${result.currentMissing})` : ''
  const effect = test ? `  effect ${num(result.effectSize)} (${result.effectMeasure})` : ''
  return `${result.feature.padEnd(nameWidth)}  ${result.method.padEnd(14)}  ${statistic}${effect}  n ${result.referenceSize} vs ${result.currentSize}${missing}`
}

/**
 * The lines of a drift failure message: drifted features worst first, then the others in one line, then warnings.
 *
 * @param features - feature results, worst first
 * @param warnings - warnings to list
 * @returns lines
 * @example
 * ```ts
 * describeDrift(result.features, result.warnings).join('\n')
 * ```
 */
export function describeDrift(features: readonly FeatureDriftResult[], warnings: readonly string[]): string[] {
  const width = Math.max(0, ...features.map((feature) => feature.feature.length))
  const drifted = features.filter((feature) => feature.drifted)
  const stable = features.filter((feature) => !feature.drifted)
  const lines: string[] = []
  if (drifted.length > 0) lines.push('Drifted, worst first:', ...drifted.map((feature) => `  ${describeFeatureDrift(feature, width)}`))
  if (stable.length > 0) lines.push('Not drifted:', ...stable.map((feature) => `  ${describeFeatureDrift(feature, width)}`))
  if (warnings.length > 0) lines.push('Warnings:', ...warnings.map((warning) => `  - ${warning}`))
  return lines
}

/**
 * One line per multivariate test for failure messages: method, statistic, permutation p-value against its threshold,
 * the features that drive a classifier (largest AUC drop first), rows used, seed and permutations (to replay it).
 *
 * @param result - a multivariate test result
 * @param maxListed - how many driving features to list
 * @returns the line
 * @example
 * ```ts
 * describeMultivariateDrift(result)
 * // 'classifier on x, y  AUC 0.9075 (5-fold)  p 0.0099 < 0.05  driven by y (AUC drop 0.405), x (0.404)  n 1000 vs 1000  seed 0, 100 permutations'
 * ```
 */
export function describeMultivariateDrift(result: MultivariateDriftResult, maxListed = 5): string {
  const what = `${result.method} on ${result.embedding ? `embedding ${result.features[0] ?? ''}` : result.features.join(', ')}`
  const statistic =
    result.statisticName === 'auc'
      ? `AUC ${num(result.statistic)} (${result.foldAucs?.length ?? 0}-fold)`
      : `MMD^2 ${num(result.statistic)} (RBF sigma ${num(result.bandwidth ?? Number.NaN)})`
  const comparison = `p ${num(result.pValue)} ${result.pValue < result.threshold ? '<' : '>='} ${num(result.threshold)}`
  const drivers = (result.importance ?? []).filter((entry) => entry.aucDrop > 0).slice(0, maxListed)
  const driven =
    drivers.length === 0
      ? ''
      : `  driven by ${drivers.map((entry, index) => `${entry.feature} (${index === 0 ? 'AUC drop ' : ''}${num(entry.aucDrop)})`).join(', ')}`
  return `${what}  ${statistic}  ${comparison}${driven}  n ${result.referenceRows} vs ${result.currentRows}  seed ${result.seed}, ${result.permutations} permutations`
}
