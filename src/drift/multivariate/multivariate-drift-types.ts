/** The multivariate drift tests: a domain classifier (`classifier`) and the kernel MMD (`mmd`). */
export type MultivariateMethod = 'classifier' | 'mmd'

/** Options of the multivariate drift tests (the `multivariate` option of `datasetDrift` and `toHaveDriftedFrom`). */
export interface MultivariateDriftOptions {
  /** Which tests to run on the tabular features jointly. @defaultValue ['classifier', 'mmd'] */
  readonly methods?: readonly MultivariateMethod[]
  /** Tabular features tested jointly. @defaultValue the features compared one by one (embedding columns get their own MMD test) */
  readonly features?: readonly string[]
  /** A test drifts when its permutation p-value is below this. @defaultValue 0.05 */
  readonly threshold?: number
  /** Seed of the row sample, the folds, the permutations and the importance shuffles. @defaultValue 0 */
  readonly seed?: number
  /** Permutations of the reference/current labels behind each p-value (the smallest possible p is 1 / (permutations + 1)). @defaultValue 100 */
  readonly permutations?: number
  /** Rows kept per sample (a seeded sample without replacement). @defaultValue 1000 for the classifier, 500 for MMD */
  readonly maxRows?: number
  /** Cross-validation folds of the classifier. @defaultValue 5 */
  readonly folds?: number
}

/** How much one feature drives a domain classifier. */
export interface FeatureImportance {
  /** The source feature. */
  readonly feature: string
  /** Mean AUC lost on the held-out folds when the feature is shuffled (0: not used). */
  readonly aucDrop: number
}

/** Result of one multivariate drift test. */
export interface MultivariateDriftResult {
  /** `classifier` or `mmd`. */
  readonly method: MultivariateMethod
  /** The features tested jointly (one embedding column for an embedding test). */
  readonly features: string[]
  /** Whether the tested column holds vectors (an embedding). */
  readonly embedding: boolean
  /** Which statistic `statistic` is: the classifier's cross-validated ROC AUC, or the unbiased MMD^2. */
  readonly statisticName: 'auc' | 'mmd2'
  /** The statistic: larger is more different (AUC 0.5 and MMD^2 0 mean no difference). */
  readonly statistic: number
  /** Permutation p-value, (1 + permutations at least as large) / (1 + permutations). */
  readonly pValue: number
  /** The p-value threshold. */
  readonly threshold: number
  /** Whether the samples drifted jointly (`pValue < threshold`). */
  readonly drifted: boolean
  /** Reference rows used (after the seeded sample). */
  readonly referenceRows: number
  /** Current rows used. */
  readonly currentRows: number
  /** The seed; same seed, same result. */
  readonly seed: number
  /** Permutations behind the p-value. */
  readonly permutations: number
  /** Classifier only: features by how much the classifier relies on them, largest first. */
  readonly importance?: FeatureImportance[]
  /** Classifier only: the held-out AUC of each fold. */
  readonly foldAucs?: number[]
  /** MMD only: the RBF kernel bandwidth sigma from the median heuristic. */
  readonly bandwidth?: number
  /** What limits the answer (few rows, no interactions, a degenerate bandwidth). */
  readonly warnings: string[]
}

/** Defaults of the multivariate tests. */
export const MULTIVARIATE_DEFAULTS = { threshold: 0.05, seed: 0, permutations: 100, classifierRows: 1000, mmdRows: 500, folds: 5, c: 1 } as const
