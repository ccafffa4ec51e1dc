import { isMissingCell } from '../data/column-kind.js'
import type { Column, Dataset } from '../data/dataset.js'
import { rowFingerprints } from '../data/duplicate-rows.js'

/** A feature that cannot earn its place in a model. */
export interface FeatureProblem {
  readonly column: string
  /** `empty`: no value at all; `constant`: one value only; `copy`: equal, row by row, to an earlier column. */
  readonly problem: 'empty' | 'constant' | 'copy'
  /** The constant value, or the column it copies. */
  readonly detail?: string
}

/**
 * Features that carry no information of their own: columns with no values at all, columns with a single value, and
 * columns equal row by row to an earlier column (a join that brought a field twice, a renamed copy). Copies are found
 * by fingerprinting each column (O(rows) per column) and confirmed value by value.
 *
 * @param dataset - the data
 * @param columns - the feature columns @defaultValue every column
 * @returns one entry per problem, in column order
 * @example
 * ```ts
 * featureProblems(datasetFromRows([{ a: 1, b: 1, c: 'x' }, { a: 2, b: 2, c: 'x' }]))
 * // [{ column: 'b', problem: 'copy', detail: 'a' }, { column: 'c', problem: 'constant', detail: '"x"' }]
 * ```
 */
export function featureProblems(dataset: Dataset, columns: readonly string[] = dataset.columnNames): FeatureProblem[] {
  const problems: FeatureProblem[] = []
  const seen = new Map<number, string[]>()
  for (const name of columns) {
    const column = dataset.column(name)
    let first: unknown
    let present = 0
    let constant = true
    for (const value of column) {
      if (isMissingCell(value)) continue
      if (present === 0) first = value
      else if (constant && value !== first) constant = false
      present++
    }
    if (present === 0) {
      problems.push({ column: name, problem: 'empty' })
      continue
    }
    if (constant && dataset.rowCount > 1) {
      problems.push({ column: name, problem: 'constant', detail: JSON.stringify(first) })
      continue
    }
    const print = columnFingerprint(dataset, name)
    const earlier = (seen.get(print) ?? []).find((other) => sameColumn(column, dataset.column(other)))
    if (earlier !== undefined) {
      problems.push({ column: name, problem: 'copy', detail: earlier })
      continue
    }
    seen.set(print, [...(seen.get(print) ?? []), name])
  }
  return problems
}

/** One fingerprint of a whole column (the row fingerprints of a one-column table, folded). */
function columnFingerprint(dataset: Dataset, name: string): number {
  const prints = rowFingerprints(dataset, [name])
  let high = 0x811c9dc5
  let low = 0x01000193
  for (const print of prints) {
    high = Math.imul(high ^ (print % 4_294_967_291), 0x9e3779b1) >>> 0
    low = Math.imul(low ^ Math.floor(print / 4_294_967_291), 0x85ebca77) >>> 0
  }
  return high * 2 ** 21 + (low >>> 11)
}

function sameColumn(left: Column, right: Column): boolean {
  if (left.length !== right.length) return false
  for (let index = 0; index < left.length; index++) {
    const x = left[index]
    const y = right[index]
    if (x !== y && !(isMissingCell(x) && isMissingCell(y))) return false
  }
  return true
}
