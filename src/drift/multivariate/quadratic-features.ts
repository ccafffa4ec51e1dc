/** Above this many encoded columns the classifier uses squares but no pairwise products (their count grows as width^2). */
export const MAX_INTERACTION_WIDTH = 12

/**
 * Degree-2 polynomial features of a row-major matrix, in the column order of
 * `sklearn.preprocessing.PolynomialFeatures(degree=2, include_bias=False)`: `x0 .. x(w-1)`, then `x0^2, x0 x1, ..,
 * x0 x(w-1), x1^2, x1 x2, ..`. The products are what let a linear classifier see a change in correlation that leaves
 * every marginal distribution alone. With more than `MAX_INTERACTION_WIDTH` columns only the squares are added.
 *
 * @param values - row-major matrix, `rows x width`
 * @param rows - number of rows
 * @param width - number of columns
 * @returns the expanded matrix and its width
 * @example
 * ```ts
 * quadraticFeatures(Float64Array.of(2, 3), 1, 2) // { values: [2, 3, 4, 6, 9], width: 5, interactions: true }
 * ```
 */
export function quadraticFeatures(values: Float64Array, rows: number, width: number): { values: Float64Array; width: number; interactions: boolean } {
  const interactions = width <= MAX_INTERACTION_WIDTH
  const expanded = interactions ? width + (width * (width + 1)) / 2 : 2 * width
  const out = new Float64Array(rows * expanded)
  for (let row = 0; row < rows; row++) {
    const base = row * width
    let k = row * expanded
    for (let i = 0; i < width; i++) out[k++] = values[base + i] as number
    for (let i = 0; i < width; i++) {
      const xi = values[base + i] as number
      if (!interactions) {
        out[k++] = xi * xi
        continue
      }
      for (let j = i; j < width; j++) out[k++] = xi * (values[base + j] as number)
    }
  }
  return { values: out, width: expanded, interactions }
}
