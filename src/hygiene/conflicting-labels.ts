import type { Column, Dataset } from '../data/dataset.js'
import { rowFingerprints } from '../data/duplicate-rows.js'

/** A group of rows with the same features and different labels. */
export interface LabelConflict {
  /** The rows of the group, in order. */
  readonly rows: readonly number[]
  /** The distinct labels, with how many rows carry each. */
  readonly labels: readonly { readonly label: string; readonly count: number }[]
}

/** Result of `findConflictingLabels`. */
export interface ConflictingLabelsResult {
  /** Rows that share their features with a row of another label. */
  readonly conflictingRows: number
  readonly conflictingShare: number
  /** Groups of identical features with more than one label. */
  readonly groups: number
  /** The first groups, at most `maxListed`. */
  readonly examples: readonly LabelConflict[]
}

const isMissing = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))

/**
 * Rows whose features are identical but whose labels differ (Deepchecks' "conflicting labels"): the same input cannot
 * teach two answers, and in a test set it caps the accuracy any model can reach. Feature rows are fingerprinted and
 * sorted (O(n x columns + n log n)); only rows with a repeated fingerprint are compared value by value. Rows with a
 * missing label are left out.
 *
 * @param dataset - the data
 * @param label - the label column
 * @param features - the feature columns @defaultValue every other column
 * @param maxListed - groups kept as examples @defaultValue 10
 * @returns counts, share and example groups
 * @example
 * ```ts
 * findConflictingLabels(datasetFromRows([{ x: 1, y: 'a' }, { x: 1, y: 'b' }, { x: 2, y: 'a' }]), 'y')
 * // { conflictingRows: 2, groups: 1, examples: [{ rows: [0, 1], labels: [{ label: 'a', count: 1 }, { label: 'b', count: 1 }] }], ... }
 * ```
 */
export function findConflictingLabels(dataset: Dataset, label: string, features?: readonly string[], maxListed = 10): ConflictingLabelsResult {
  const columns = features ?? dataset.columnNames.filter((name) => name !== label)
  const labels = dataset.column(label)
  const prints = rowFingerprints(dataset, columns)
  const order = Array.from({ length: dataset.rowCount }, (_, row) => row).filter((row) => !isMissing(labels[row]))
  order.sort((x, y) => (prints[x] as number) - (prints[y] as number) || x - y)
  const data = columns.map((name) => dataset.column(name))
  const found: LabelConflict[] = []
  let conflictingRows = 0
  let groups = 0
  for (let start = 0; start < order.length; ) {
    let end = start + 1
    while (end < order.length && prints[order[end] as number] === prints[order[start] as number]) end++
    if (end - start > 1) {
      for (const members of splitByValue(order.slice(start, end), data)) {
        const counts = new Map<string, number>()
        for (const row of members) counts.set(String(labels[row]), (counts.get(String(labels[row])) ?? 0) + 1)
        if (counts.size < 2) continue
        groups++
        conflictingRows += members.length
        if (found.length < maxListed)
          found.push({ rows: members, labels: [...counts].map(([value, count]) => ({ label: value, count })).sort((x, y) => y.count - x.count) })
      }
    }
    start = end
  }
  const rows = dataset.rowCount
  return { conflictingRows, conflictingShare: rows === 0 ? 0 : conflictingRows / rows, groups, examples: found }
}

/** Rows with one fingerprint, split into groups of truly equal feature values. */
function splitByValue(rows: readonly number[], data: readonly Column[]): number[][] {
  const groups: number[][] = []
  for (const row of rows) {
    const group = groups.find((members) => data.every((column) => sameCell(column[members[0] as number], column[row])))
    if (group === undefined) groups.push([row])
    else group.push(row)
  }
  return groups
}

function sameCell(left: unknown, right: unknown): boolean {
  return left === right || (isMissing(left) && isMissing(right))
}
