/** Per-row facts the group rates are computed from (0/1 arrays; `score` is P(positive), NaN when unknown). */
export interface FairnessRows {
  /** Group index of each row. */
  readonly group: Int32Array
  /** 1 when the true label is the positive class (binary tasks; all 0 otherwise). */
  readonly positive: Uint8Array
  /** 1 when the model predicted the positive class (binary tasks; all 0 otherwise). */
  readonly selected: Uint8Array
  /** 1 when the predicted label is the true label. */
  readonly correct: Uint8Array
  /** The model's probability of the positive class (NaN when it gave none). */
  readonly score: Float64Array
}

/** The rates of one group (NaN where undefined: a TPR with no positives, a mean score with no scores). */
export interface GroupRates {
  /** The group's name, for example `female` or `female & Dream`. */
  readonly group: string
  readonly size: number
  /** P(prediction = positive | group): the selection rate. */
  readonly selectionRate: number
  /** P(prediction = positive | group, label = positive). */
  readonly truePositiveRate: number
  /** P(prediction = positive | group, label = negative). */
  readonly falsePositiveRate: number
  readonly accuracy: number
  /** Mean predicted probability of the positive class. */
  readonly meanScore: number
  /** Observed share of the positive class (compare with `meanScore`: calibration in the large). */
  readonly positiveRate: number
}

/**
 * The rates every group-fairness metric is built from, per group: selection rate, true and false positive rates,
 * accuracy, mean score and observed positive rate (Fairlearn's `selection_rate`, `true_positive_rate`,
 * `false_positive_rate` and `accuracy_score` in a `MetricFrame` by group).
 *
 * @param rows - per-row facts
 * @param names - the name of each group index
 * @param indices - rows to use (a bootstrap resample); all rows when omitted
 * @returns one entry per group, in the order of `names` (size 0 for a group absent from `indices`)
 * @example
 * ```ts
 * groupRates(rows, ['female', 'male'])[0] // { group: 'female', size: 42, selectionRate: 0.31, truePositiveRate: 0.9, ... }
 * ```
 */
export function groupRates(rows: FairnessRows, names: readonly string[], indices?: ArrayLike<number>): GroupRates[] {
  const sums = names.map(() => ({ size: 0, selected: 0, positives: 0, truePositives: 0, negatives: 0, falsePositives: 0, correct: 0, scored: 0, score: 0 }))
  const count = indices === undefined ? rows.group.length : indices.length
  for (let i = 0; i < count; i++) {
    const row = indices === undefined ? i : (indices[i] as number)
    const sum = sums[rows.group[row] as number] as (typeof sums)[number]
    const selected = rows.selected[row] as number
    sum.size++
    sum.selected += selected
    sum.correct += rows.correct[row] as number
    if (rows.positive[row] === 1) {
      sum.positives++
      sum.truePositives += selected
    } else {
      sum.negatives++
      sum.falsePositives += selected
    }
    const score = rows.score[row] as number
    if (!Number.isNaN(score)) {
      sum.scored++
      sum.score += score
    }
  }
  const ratio = (numerator: number, denominator: number): number => (denominator === 0 ? Number.NaN : numerator / denominator)
  return sums.map((sum, k) => ({
    group: names[k] as string,
    size: sum.size,
    selectionRate: ratio(sum.selected, sum.size),
    truePositiveRate: ratio(sum.truePositives, sum.positives),
    falsePositiveRate: ratio(sum.falsePositives, sum.negatives),
    accuracy: ratio(sum.correct, sum.size),
    meanScore: ratio(sum.score, sum.scored),
    positiveRate: ratio(sum.positives, sum.size),
  }))
}
