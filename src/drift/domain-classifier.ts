import { VitestMlError } from '../util/errors.js'
import { seededPermutation } from './seeded-split.js'

/** What {@link domainClassifier} found. */
export interface DomainClassifierResult {
  /** Scores of the held-out reference rows (higher = looks more like current). */
  readonly reference: Float64Array
  /** Scores of the held-out current rows. */
  readonly current: Float64Array
  /** ROC AUC of the scores at telling the held-out halves apart: 0.5 = indistinguishable, 1 = separable. */
  readonly auc: number
}

/**
 * A domain classifier on vectors (embeddings, or hashed bags of words): can a model tell current rows from reference
 * rows? Each sample is split in halves at random (seeded); a linear classifier is fitted on the first halves — the
 * direction from the reference mean to the current mean (a nearest-centroid classifier) — and scores the held-out
 * halves. The held-out scores of the two samples are then two ordinary samples of numbers: under no drift they come
 * from one distribution, so a two-sample test on them (KS in the drift suite) is valid, and their ROC AUC says how
 * separable the samples are (Evidently's and alibi-detect's classifier drift, with a closed-form classifier).
 *
 * @param reference - reference vectors (one per row, equal lengths)
 * @param current - current vectors
 * @param seed - seed of the split @defaultValue 1
 * @returns held-out scores of both samples and their AUC
 * @example
 * ```ts
 * domainClassifier(lastMonthEmbeddings, thisWeekEmbeddings).auc // 0.52: no telling them apart
 * ```
 */
export function domainClassifier(reference: readonly ArrayLike<number>[], current: readonly ArrayLike<number>[], seed = 1): DomainClassifierResult {
  const dimensions = reference[0]?.length ?? 0
  if (reference.length < 4 || current.length < 4) {
    throw new VitestMlError(
      'domainClassifier',
      'at least 4 vectors in each sample (two to fit, two to score)',
      `${reference.length} reference and ${current.length} current`,
      'Collect more rows.',
    )
  }
  const bad = [...reference, ...current].findIndex((vector) => vector.length !== dimensions || Array.from(vector).some((value) => !Number.isFinite(value)))
  if (bad >= 0 || dimensions === 0) {
    throw new VitestMlError(
      'domainClassifier',
      `vectors of one length (${dimensions}) with finite values`,
      `vector ${bad} of length ${([...reference, ...current][bad] ?? []).length}`,
      'Make the embedding function return one finite vector per text, all of the same length.',
    )
  }
  const split = (vectors: readonly ArrayLike<number>[], tag: string) => {
    const order = seededPermutation(vectors.length, `domain:${tag}:${seed}`)
    const half = Math.floor(vectors.length / 2)
    return {
      fit: order.slice(0, half).map((index) => vectors[index] as ArrayLike<number>),
      test: order.slice(half).map((index) => vectors[index] as ArrayLike<number>),
    }
  }
  const ref = split(reference, 'reference')
  const cur = split(current, 'current')
  const mean = (vectors: readonly ArrayLike<number>[]): Float64Array => {
    const sum = new Float64Array(dimensions)
    for (const vector of vectors) for (let j = 0; j < dimensions; j++) sum[j] = (sum[j] as number) + (vector[j] as number) / vectors.length
    return sum
  }
  const referenceMean = mean(ref.fit)
  const currentMean = mean(cur.fit)
  const direction = currentMean.map((value, j) => value - (referenceMean[j] as number))
  const score = (vector: ArrayLike<number>): number => {
    let total = 0
    for (let j = 0; j < dimensions; j++) total += (vector[j] as number) * (direction[j] as number)
    return total
  }
  const referenceScores = Float64Array.from(ref.test, score)
  const currentScores = Float64Array.from(cur.test, score)
  return { reference: referenceScores, current: currentScores, auc: rocAuc(referenceScores, currentScores) }
}

/** P(current score > reference score) + P(tie) / 2: the Mann-Whitney U statistic over n1 n2 (ties counted half). */
function rocAuc(reference: Float64Array, current: Float64Array): number {
  const all = [...Array.from(reference, (value) => [value, 0] as const), ...Array.from(current, (value) => [value, 1] as const)].sort(
    (left, right) => left[0] - right[0],
  )
  let rankSum = 0
  for (let i = 0; i < all.length; ) {
    let j = i
    while (j < all.length && all[j]?.[0] === all[i]?.[0]) j++
    const rank = (i + 1 + j) / 2
    for (let k = i; k < j; k++) if (all[k]?.[1] === 1) rankSum += rank
    i = j
  }
  const n1 = current.length
  const n0 = reference.length
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n0 * n1)
}
