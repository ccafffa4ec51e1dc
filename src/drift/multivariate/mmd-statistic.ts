/**
 * Squared Euclidean distances between all rows of a row-major matrix (`rows x width`), as a `rows x rows` matrix.
 *
 * @param values - row-major matrix
 * @param rows - number of rows
 * @param width - number of columns
 * @returns the distance matrix, row-major
 * @example
 * ```ts
 * squaredDistances(Float64Array.of(0, 3), 2, 1) // [0, 9, 9, 0]
 * ```
 */
export function squaredDistances(values: Float64Array, rows: number, width: number): Float64Array {
  const out = new Float64Array(rows * rows)
  for (let i = 0; i < rows; i++) {
    for (let j = i + 1; j < rows; j++) {
      let sum = 0
      for (let k = 0; k < width; k++) {
        const d = (values[i * width + k] as number) - (values[j * width + k] as number)
        sum += d * d
      }
      out[i * rows + j] = sum
      out[j * rows + i] = sum
    }
  }
  return out
}

/**
 * The RBF bandwidth by the median heuristic (Gretton et al. 2012), as Alibi Detect's `sigma_median` computes it for
 * `MMDDrift`: sigma = sqrt(median / 2), where median is the lower median of the squared distances between every
 * reference row and every current row; the kernel is then `exp(-d^2 / (2 sigma^2))`. A zero median (most rows equal)
 * falls back to sigma = sqrt(1/2).
 *
 * @param distances - squared distances, `rows x rows`, reference rows first
 * @param rows - total rows
 * @param referenceRows - how many of them are reference rows
 * @returns sigma
 * @example
 * ```ts
 * medianBandwidth(squaredDistances(Float64Array.of(0, 1, 3), 3, 1), 3, 1) // sqrt(1 / 2): cross distances 1 and 9, lower median 1
 * ```
 */
export function medianBandwidth(distances: Float64Array, rows: number, referenceRows: number): number {
  const cross = new Float64Array(referenceRows * (rows - referenceRows))
  let k = 0
  for (let i = 0; i < referenceRows; i++) for (let j = referenceRows; j < rows; j++) cross[k++] = distances[i * rows + j] as number
  cross.sort()
  const median = cross[Math.max(0, (cross.length >> 1) - 1)] ?? 0
  return Math.sqrt(0.5 * (median > 0 ? median : 1))
}

/**
 * The unbiased estimate of the squared maximum mean discrepancy (Gretton et al. 2012, JMLR 13, eq. 3) between the rows
 * labelled 0 and the rows labelled 1, from a precomputed kernel matrix:
 * `MMD^2_u = sum_{i != j} k(x_i, x_j) / (m (m - 1)) + sum_{i != j} k(y_i, y_j) / (n (n - 1)) - 2 sum_{i, j} k(x_i, y_j) / (m n)`.
 * It can be slightly negative when the samples do not differ.
 *
 * @param kernel - kernel matrix, `rows x rows`
 * @param labels - 0 or 1 per row
 * @returns MMD^2_u
 * @example
 * ```ts
 * unbiasedMmd2(kernelMatrix, Uint8Array.of(0, 0, 1, 1)) // 0.41
 * ```
 */
export function unbiasedMmd2(kernel: Float64Array, labels: Uint8Array): number {
  const rows = labels.length
  let within0 = 0
  let within1 = 0
  let between = 0
  let m = 0
  for (let i = 0; i < rows; i++) {
    const li = labels[i]
    if (li === 0) m++
    const base = i * rows
    for (let j = i + 1; j < rows; j++) {
      const value = kernel[base + j] as number
      const lj = labels[j]
      if (li !== lj) between += value
      else if (li === 0) within0 += value
      else within1 += value
    }
  }
  const n = rows - m
  return (2 * within0) / (m * (m - 1)) + (2 * within1) / (n * (n - 1)) - (2 * between) / (m * n)
}
