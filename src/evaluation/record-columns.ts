import type { Label } from './labels.js'

/**
 * The columns of a set of records that describe rows (to slice by, or to test as proxies): scalar columns that are not
 * excluded, not a copy of the labels, and not an identifier (a text column with more than `maxCategories` values).
 *
 * @param records - one record per row
 * @param exclude - columns to leave out (the attribute under test, say)
 * @param labels - the true labels, so that the target column is left out
 * @param maxCategories - most distinct values of a text column @defaultValue 20
 * @returns the column names, in the order of the first record
 * @example
 * ```ts
 * recordColumns(penguins, ['Sex'], species) // ['Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)']
 * ```
 */
export function recordColumns(records: readonly unknown[], exclude: readonly string[], labels: readonly Label[], maxCategories = 20): string[] {
  const first = records.find((row) => typeof row === 'object' && row !== null && !Array.isArray(row)) as Record<string, unknown> | undefined
  if (first === undefined) return []
  return Object.keys(first).filter((key) => {
    if (exclude.includes(key)) return false
    const values = records.map((row) => (row as Record<string, unknown> | null)?.[key])
    if (values.every((value, i) => value === labels[i])) return false
    if (!values.every((value) => value === null || value === undefined || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'))
      return false
    return values.some((value) => typeof value === 'number') || new Set(values).size <= maxCategories
  })
}
