/** How a feature's values are compared: numbers on a line, or categories. */
export type FeatureKind = 'numeric' | 'categorical'

/**
 * The per-feature drift methods. Tests (`ks`, `chi-square`, `z`) flag drift when their p-value is below the threshold;
 * distances (`wasserstein` normed by the reference's standard deviation, `jensen-shannon`, `psi`) when the distance reaches
 * it (`>=`, as Evidently).
 */
export type DriftMethod = 'ks' | 'chi-square' | 'z' | 'wasserstein' | 'jensen-shannon' | 'psi'

/**
 * Default threshold of each method, as in Evidently: p < 0.05 for the tests, distance >= 0.1 for the distances
 * (Jensen-Shannon with the natural logarithm, normed Wasserstein in reference standard deviations, PSI 0.1 = "some
 * change").
 */
export const DRIFT_THRESHOLDS: Readonly<Record<DriftMethod, number>> = {
  ks: 0.05,
  'chi-square': 0.05,
  z: 0.05,
  wasserstein: 0.1,
  'jensen-shannon': 0.1,
  psi: 0.1,
}

/** Reference sizes up to this many values use a statistical test; larger ones a distance (Evidently's rule). */
export const SMALL_REFERENCE_SIZE = 1000

/** Numeric features with at most this many distinct reference values are compared as categories (Evidently's rule). */
export const MAX_NUMERIC_AS_CATEGORIES = 5

/**
 * Whether a method is a hypothesis test (has a p-value, takes part in multiple-testing correction).
 *
 * @param method - the method
 * @example
 * ```ts
 * isTestMethod('ks') // true
 * isTestMethod('wasserstein') // false
 * ```
 */
export function isTestMethod(method: DriftMethod): boolean {
  return method === 'ks' || method === 'chi-square' || method === 'z'
}

/**
 * The method a feature gets when none is chosen, following Evidently's defaults: numeric features use the
 * Kolmogorov-Smirnov test when the reference has at most 1000 values and the normed Wasserstein distance above;
 * categorical features use the chi-square test (the two-proportion Z-test when there are exactly 2 categories) up to
 * 1000 reference values and the Jensen-Shannon distance above.
 *
 * @param kind - numeric or categorical
 * @param referenceSize - non-missing reference values
 * @param categoryCount - distinct categories across both samples (categorical only)
 * @returns the method
 * @example
 * ```ts
 * chooseDriftMethod('numeric', 500, 0)      // 'ks'
 * chooseDriftMethod('numeric', 50_000, 0)   // 'wasserstein'
 * chooseDriftMethod('categorical', 300, 2)  // 'z'
 * chooseDriftMethod('categorical', 5000, 7) // 'jensen-shannon'
 * ```
 */
export function chooseDriftMethod(kind: FeatureKind, referenceSize: number, categoryCount: number): DriftMethod {
  const small = referenceSize <= SMALL_REFERENCE_SIZE
  if (kind === 'numeric') return small ? 'ks' : 'wasserstein'
  if (!small) return 'jensen-shannon'
  return categoryCount === 2 ? 'z' : 'chi-square'
}
