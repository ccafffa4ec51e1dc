import { VitestMlError } from '../../util/errors.js'
import { crossValidatedAuc, permutationImportance, stratifiedFolds } from './cross-validated-auc.js'
import { type EncodedFeature, featureMatrix } from './feature-matrix.js'
import { MULTIVARIATE_DEFAULTS, type MultivariateDriftOptions, type MultivariateDriftResult } from './multivariate-drift-types.js'
import { MAX_INTERACTION_WIDTH } from './quadratic-features.js'
import { sampleRowIndices, seededRandom, shuffleInPlace } from './seeded-order.js'

/**
 * The domain-classifier drift test (a classifier two-sample test, Lopez-Paz & Oquab 2017; Alibi Detect's
 * `ClassifierDrift`, Deepchecks' multivariate drift): a seeded sample of up to `maxRows` rows per side is encoded
 * (z-scored numbers, one-hot categories), expanded to degree-2 features, and an L2 logistic regression learns to tell
 * reference rows from current rows under stratified k-fold cross-validation. The statistic is the mean held-out ROC
 * AUC (0.5: indistinguishable). Its p-value comes from a permutation test: the reference/current labels are shuffled
 * `permutations` times, the whole cross-validation rerun, and p = (1 + #{permuted AUC >= observed}) / (1 + permutations),
 * which is exact under the null that both samples come from one distribution. The features that drive the classifier
 * are ranked by permutation importance (held-out AUC lost when the feature is shuffled).
 *
 * The degree-2 terms are what catch a flipped correlation that every per-feature test misses; more complex joint
 * changes (a ring around a blob) need features that expose them.
 *
 * @param features - the features with both samples' columns
 * @param options - seed, permutations, maxRows, folds, threshold
 * @returns the test result
 * @example
 * ```ts
 * classifierDrift([{ name: 'x', kind: 'numeric', reference: x0, current: x1 }, { name: 'y', kind: 'numeric', reference: y0, current: y1 }])
 * // -> { statisticName: 'auc', statistic: 0.78, pValue: 0.0099, drifted: true, importance: [{ feature: 'y', aucDrop: 0.25 }, ...] }
 * ```
 */
export function classifierDrift(features: readonly EncodedFeature[], options: MultivariateDriftOptions = {}): MultivariateDriftResult {
  const seed = options.seed ?? MULTIVARIATE_DEFAULTS.seed
  const permutations = checkCount('permutations', options.permutations ?? MULTIVARIATE_DEFAULTS.permutations, 1)
  const folds = checkCount('folds', options.folds ?? MULTIVARIATE_DEFAULTS.folds, 2)
  const maxRows = checkCount('maxRows', options.maxRows ?? MULTIVARIATE_DEFAULTS.classifierRows, folds)
  const threshold = options.threshold ?? MULTIVARIATE_DEFAULTS.threshold
  const first = features[0]
  if (first === undefined) throw new VitestMlError('classifierDrift', 'at least one feature', 'none', 'Pass the features to test jointly.')
  const random = seededRandom(seed)
  const referenceRows = sampleRowIndices(first.reference.length, maxRows, random)
  const currentRows = sampleRowIndices(first.current.length, maxRows, random)
  const base = {
    method: 'classifier' as const,
    features: features.map((feature) => feature.name),
    embedding: false,
    statisticName: 'auc' as const,
    threshold,
    referenceRows: referenceRows.length,
    currentRows: currentRows.length,
    seed,
    permutations,
  }
  if (Math.min(referenceRows.length, currentRows.length) < folds) {
    throw new VitestMlError(
      'classifierDrift',
      `at least ${folds} rows in each sample (one per fold)`,
      `${referenceRows.length} reference and ${currentRows.length} current rows`,
      'Collect more rows or lower `folds`.',
    )
  }
  const matrix = featureMatrix(features, referenceRows, currentRows)
  const labels = new Uint8Array(matrix.rows).fill(1, referenceRows.length)
  const warnings: string[] = []
  if (matrix.width === 0) {
    return {
      ...base,
      statistic: 0.5,
      pValue: 1,
      drifted: false,
      importance: [],
      warnings: ['classifier: every feature is constant in both samples; nothing to separate'],
    }
  }
  if (matrix.width > MAX_INTERACTION_WIDTH)
    warnings.push(
      `classifier: ${matrix.width} encoded columns (> ${MAX_INTERACTION_WIDTH}): squares but no pairwise products, so a change in correlation alone may go unseen; pass fewer \`features\``,
    )
  if (Math.min(referenceRows.length, currentRows.length) < 100)
    warnings.push(`classifier: only ${Math.min(referenceRows.length, currentRows.length)} rows in the smaller sample; the test has little power`)
  const foldOf = stratifiedFolds(labels, folds, random)
  const observed = crossValidatedAuc(matrix.values, matrix.width, labels, foldOf, folds, MULTIVARIATE_DEFAULTS.c)
  let atLeast = 0
  const permuted = Uint8Array.from(labels)
  for (let round = 0; round < permutations; round++) {
    shuffleInPlace(permuted, random)
    const auc = crossValidatedAuc(matrix.values, matrix.width, permuted, stratifiedFolds(permuted, folds, random), folds, MULTIVARIATE_DEFAULTS.c).auc
    if (auc >= observed.auc) atLeast++
  }
  const pValue = (1 + atLeast) / (1 + permutations)
  const drops = permutationImportance(matrix.values, matrix.width, matrix.sourceFeature, features.length, labels, foldOf, observed, random)
  const importance = features
    .map((feature, index) => ({ feature: feature.name, aucDrop: drops[index] ?? 0 }))
    .sort((left, right) => right.aucDrop - left.aucDrop)
  return { ...base, statistic: observed.auc, pValue, drifted: pValue < threshold, importance, foldAucs: observed.foldAucs, warnings }
}

/**
 * Checks a whole-number option of the multivariate tests.
 *
 * @param name - the option name
 * @param value - its value
 * @param minimum - the smallest allowed value
 * @returns the value
 * @example
 * ```ts
 * checkCount('permutations', 100, 1) // 100
 * ```
 */
export function checkCount(name: string, value: number, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum)
    throw new VitestMlError(
      'multivariateDrift',
      `\`${name}\` a whole number >= ${minimum}`,
      String(value),
      `For example \`${name}: ${Math.max(minimum, name === 'folds' ? 5 : 100)}\`.`,
    )
  return value
}
