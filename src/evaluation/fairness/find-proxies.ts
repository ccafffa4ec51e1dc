import { sliceRows } from '../slice-rows.js'

/** A feature that on its own tells the groups apart. */
export interface ProxyFinding {
  /** The feature. */
  readonly feature: string
  /** Balanced accuracy of guessing the group from the feature alone (the majority group of each value or quartile). */
  readonly balancedAccuracy: number
  /** The balanced accuracy of guessing: 1 / number of groups. */
  readonly chance: number
}

/**
 * How well each feature predicts the protected groups on its own: every categorical value (or numeric quartile) guesses
 * its majority group, scored by balanced accuracy (mean recall over groups; 1 / groups is chance). A feature that
 * predicts the attribute well lets a model discriminate without seeing the attribute (a proxy, such as a postcode for
 * ethnicity). In-sample and coarse by design: a warning to look, not a measurement of leakage.
 *
 * @param rows - records holding the features
 * @param group - group index of each row
 * @param groupCount - number of groups
 * @param features - the columns to try
 * @returns one finding per feature, strongest first
 * @example
 * ```ts
 * findProxies(records, group, 2, ['Body Mass (g)', 'Island']) // [{ feature: 'Body Mass (g)', balancedAccuracy: 0.71, chance: 0.5 }, ...]
 * ```
 */
export function findProxies(rows: readonly unknown[], group: Int32Array, groupCount: number, features: readonly string[]): ProxyFinding[] {
  const groupSizes = new Float64Array(groupCount)
  for (const g of group) groupSizes[g] = (groupSizes[g] as number) + 1
  const present = Array.from(groupSizes).filter((size) => size > 0).length
  return features
    .map((feature) => {
      const hits = new Float64Array(groupCount)
      for (const { indices } of sliceRows(rows, [feature])) {
        const counts = new Float64Array(groupCount)
        for (const index of indices) counts[group[index] as number] = (counts[group[index] as number] as number) + 1
        let majority = 0
        for (let k = 1; k < groupCount; k++) if ((counts[k] as number) > (counts[majority] as number)) majority = k
        hits[majority] = (hits[majority] as number) + (counts[majority] as number)
      }
      let recall = 0
      hits.forEach((hit, k) => {
        if ((groupSizes[k] as number) > 0) recall += hit / (groupSizes[k] as number)
      })
      return { feature, balancedAccuracy: recall / present, chance: 1 / present }
    })
    .sort((left, right) => right.balancedAccuracy - left.balancedAccuracy || left.feature.localeCompare(right.feature))
}
