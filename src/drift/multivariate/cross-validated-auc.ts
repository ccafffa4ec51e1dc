import { rocAuc } from '../../stats/roc-auc.js'
import { fitLogistic, type LogisticModel, logOdds } from './logistic-regression.js'
import { quadraticFeatures } from './quadratic-features.js'
import { type Random, shuffleInPlace } from './seeded-order.js'

/** Out-of-fold AUCs of a domain classifier. */
export interface CrossValidatedAuc {
  /** Mean of the per-fold AUCs. */
  readonly auc: number
  /** The AUC of each fold's held-out rows. */
  readonly foldAucs: number[]
  /** Each fold's model (fitted on the other folds), for importance. */
  readonly models: LogisticModel[]
}

/**
 * Stratified fold numbers: the rows of each class are shuffled and dealt round-robin into `folds` folds, so every fold
 * holds about the same share of reference and current rows.
 *
 * @param labels - 0 (reference) / 1 (current) per row
 * @param folds - number of folds
 * @param random - the random source
 * @returns the fold of each row
 * @example
 * ```ts
 * stratifiedFolds(Uint8Array.of(0, 0, 1, 1), 2, seededRandom(0)) // e.g. [1, 0, 0, 1]
 * ```
 */
export function stratifiedFolds(labels: Uint8Array, folds: number, random: Random): Uint8Array {
  const assignment = new Uint8Array(labels.length)
  for (const label of [0, 1]) {
    const members = Uint32Array.from(labels.keys()).filter((row) => labels[row] === label)
    shuffleInPlace(members, random)
    members.forEach((row, position) => {
      assignment[row] = position % folds
    })
  }
  return assignment
}

/**
 * Cross-validated AUC of an L2 logistic regression on degree-2 features that tries to tell reference rows (label 0)
 * from current rows (label 1): for each fold, fit on the other folds and score the held-out rows by their log-odds.
 * An AUC near 0.5 means the classifier cannot tell the samples apart.
 *
 * @param values - row-major encoded features (before the degree-2 expansion), `rows x width`
 * @param width - number of encoded columns
 * @param labels - 0/1 per row
 * @param foldOf - fold number per row, 0 .. folds - 1
 * @param folds - number of folds
 * @param c - inverse regularisation strength of the logistic regression
 * @returns mean AUC, per-fold AUCs and the fold models
 * @example
 * ```ts
 * crossValidatedAuc(matrix.values, matrix.width, labels, stratifiedFolds(labels, 5, random), 5, 1).auc // 0.74
 * ```
 */
export function crossValidatedAuc(values: Float64Array, width: number, labels: Uint8Array, foldOf: Uint8Array, folds: number, c: number): CrossValidatedAuc {
  const expanded = quadraticFeatures(values, labels.length, width)
  const foldAucs: number[] = []
  const models: LogisticModel[] = []
  for (let fold = 0; fold < folds; fold++) {
    const train = Uint32Array.from(labels.keys()).filter((row) => foldOf[row] !== fold)
    const test = Uint32Array.from(labels.keys()).filter((row) => foldOf[row] === fold)
    const model = fitLogistic(expanded.values, expanded.width, labels, train, c)
    models.push(model)
    const scores = Float64Array.from(test, (row) => logOdds(model, expanded.values, expanded.width, row))
    foldAucs.push(
      rocAuc(
        scores,
        Uint8Array.from(test, (row) => labels[row] as number),
      ),
    )
  }
  return { auc: foldAucs.reduce((sum, auc) => sum + auc, 0) / folds, foldAucs, models }
}

/**
 * Permutation importance of each source feature on the held-out folds: the held-out rows' encoded columns of one
 * feature are shuffled together (seeded), the rows re-scored by the fold's model, and the AUC drop averaged over folds.
 * A feature the classifier relies on loses AUC when shuffled; one it ignores loses none.
 *
 * @param values - row-major encoded features, `rows x width`
 * @param width - number of encoded columns
 * @param sourceFeature - source feature of each encoded column
 * @param features - number of source features
 * @param labels - 0/1 per row
 * @param foldOf - fold per row
 * @param fitted - the cross-validation result (fold models and AUCs)
 * @param random - the random source
 * @returns the mean AUC drop per source feature
 * @example
 * ```ts
 * permutationImportance(matrix.values, matrix.width, matrix.sourceFeature, 2, labels, foldOf, cv, random) // [0.21, 0.19]
 * ```
 */
export function permutationImportance(
  values: Float64Array,
  width: number,
  sourceFeature: Uint32Array,
  features: number,
  labels: Uint8Array,
  foldOf: Uint8Array,
  fitted: CrossValidatedAuc,
  random: Random,
): number[] {
  const drops = new Array<number>(features).fill(0)
  fitted.models.forEach((model, fold) => {
    const test = Uint32Array.from(labels.keys()).filter((row) => foldOf[row] === fold)
    const testLabels = Uint8Array.from(test, (row) => labels[row] as number)
    for (let feature = 0; feature < features; feature++) {
      const columns = [...sourceFeature.keys()].filter((column) => sourceFeature[column] === feature)
      if (columns.length === 0) continue
      const shuffled = shuffleInPlace(Uint32Array.from(test), random)
      const block = new Float64Array(test.length * width)
      test.forEach((row, k) => {
        block.set(values.subarray(row * width, row * width + width), k * width)
        for (const column of columns) block[k * width + column] = values[(shuffled[k] as number) * width + column] as number
      })
      const expanded = quadraticFeatures(block, test.length, width)
      const scores = Float64Array.from(test, (_, k) => logOdds(model, expanded.values, expanded.width, k))
      drops[feature] = (drops[feature] as number) + ((fitted.foldAucs[fold] as number) - rocAuc(scores, testLabels)) / fitted.models.length
    }
  })
  return drops
}
