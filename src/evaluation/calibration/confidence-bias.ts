import { bonferroni, normalSf } from '../../stats/index.js'
import type { Label } from '../labels.js'
import type { ClassProbabilities } from './class-probabilities.js'

/** How sure the model is when it predicts one class, against how often it is right then. */
export interface ClassConfidence {
  /** The predicted class. */
  readonly label: Label
  /** Rows predicted as this class. */
  readonly rows: number
  /** Mean top-label probability on those rows. */
  readonly meanConfidence: number
  /** Share of those rows that are right. */
  readonly accuracy: number
  /** meanConfidence - accuracy: positive is over-confident, negative under-confident. */
  readonly gap: number
  /** sum(right - confidence) / sqrt(sum(confidence (1 - confidence))): standard normal when calibrated. */
  readonly z: number
  /** Two-sided p-value of z. */
  readonly pValue: number
  /** p-value after Bonferroni over the classes tested. */
  readonly adjustedPValue: number
  /** `over-confident` / `under-confident` when significant at alpha after the correction, else `consistent`. */
  readonly verdict: 'over-confident' | 'under-confident' | 'consistent'
}

/**
 * Over- and under-confidence per predicted class: for the rows where the model predicts class k, compares the mean
 * top-label probability with the accuracy. If the model is calibrated, each row is right with probability equal to
 * its confidence, so the sum of (right - confidence) has mean 0 and variance sum(confidence (1 - confidence)); the
 * z statistic is tested two-sided with a Bonferroni correction over the classes that were predicted at all.
 *
 * @param input - probabilities as class rows (`classProbabilities`)
 * @param alpha - family-wise error rate @defaultValue 0.05
 * @returns one entry per predicted class
 * @example
 * ```ts
 * confidenceBias(classProbabilities('x', labels, rows))[0] // { label: 'Adelie', gap: 0.04, z: -1.1, verdict: 'consistent', ... }
 * ```
 */
export function confidenceBias(input: ClassProbabilities, alpha = 0.05): ClassConfidence[] {
  const stats = input.classes.map(() => ({ rows: 0, confidence: 0, right: 0, variance: 0 }))
  input.rows.forEach((row, index) => {
    let best = 0
    for (let k = 1; k < row.length; k++) if ((row[k] as number) > (row[best] as number)) best = k
    const confidence = row[best] as number
    const entry = stats[best] as (typeof stats)[number]
    entry.rows++
    entry.confidence += confidence
    entry.right += input.truth[index] === best ? 1 : 0
    entry.variance += confidence * (1 - confidence)
  })
  const tested = stats.map((entry, k) => ({ ...entry, label: input.classes[k] as Label })).filter((entry) => entry.rows > 0)
  const found = tested.map((entry) => {
    const difference = entry.right - entry.confidence
    const z = entry.variance > 0 ? difference / Math.sqrt(entry.variance) : difference === 0 ? 0 : Math.sign(difference) * Number.POSITIVE_INFINITY
    return {
      label: entry.label,
      rows: entry.rows,
      meanConfidence: entry.confidence / entry.rows,
      accuracy: entry.right / entry.rows,
      z,
      pValue: Math.min(1, 2 * normalSf(Math.abs(z))),
    }
  })
  const { adjusted, rejected } = bonferroni(
    found.map((entry) => entry.pValue),
    { alpha },
  )
  return found.map((entry, k) => ({
    ...entry,
    gap: entry.meanConfidence - entry.accuracy,
    adjustedPValue: adjusted[k] as number,
    verdict: rejected[k] === true ? (entry.z < 0 ? 'over-confident' : 'under-confident') : 'consistent',
  }))
}
