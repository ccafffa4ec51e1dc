/** A fitted logistic regression: intercept and one weight per column. */
export interface LogisticModel {
  readonly intercept: number
  readonly weights: Float64Array
  /** Newton iterations used. */
  readonly iterations: number
}

/**
 * L2-penalised logistic regression fitted by Newton's method (iteratively reweighted least squares with a Cholesky
 * solve and step halving), minimising `C * sum(log-loss) + |w|^2 / 2` with the intercept unpenalised — the objective of
 * `sklearn.linear_model.LogisticRegression(C=C)`, whose optimum is unique, so both land on the same coefficients.
 *
 * @param values - row-major design matrix, `rows x width`
 * @param width - number of columns
 * @param labels - 0/1 per row
 * @param rows - the rows to fit on (indices into `values`)
 * @param c - inverse regularisation strength
 * @returns the fitted model
 * @example
 * ```ts
 * fitLogistic(Float64Array.of(-1, 1), 1, Uint8Array.of(0, 1), Uint32Array.of(0, 1), 1).weights // [0.72...]
 * ```
 */
export function fitLogistic(values: Float64Array, width: number, labels: Uint8Array, rows: Uint32Array, c: number): LogisticModel {
  const p = width + 1
  const beta = new Float64Array(p)
  const lambda = 1 / c
  let current = objective(values, width, labels, rows, beta, lambda)
  let iterations = 0
  for (; iterations < 100; iterations++) {
    const gradient = new Float64Array(p)
    const hessian = new Float64Array(p * p)
    const x = new Float64Array(p)
    x[0] = 1
    for (const row of rows) {
      for (let j = 0; j < width; j++) x[j + 1] = values[row * width + j] as number
      const eta = dot(beta, x)
      const prob = 1 / (1 + Math.exp(-eta))
      const residual = prob - (labels[row] as number)
      const weight = Math.max(prob * (1 - prob), 1e-12)
      for (let i = 0; i < p; i++) {
        const xi = x[i] as number
        gradient[i] = (gradient[i] as number) + residual * xi
        const wxi = weight * xi
        for (let j = 0; j <= i; j++) hessian[i * p + j] = (hessian[i * p + j] as number) + wxi * (x[j] as number)
      }
    }
    for (let i = 1; i < p; i++) {
      gradient[i] = (gradient[i] as number) + lambda * (beta[i] as number)
      hessian[i * p + i] = (hessian[i * p + i] as number) + lambda
    }
    const step = choleskySolve(hessian, gradient, p)
    let scale = 1
    let next = beta.map((value, i) => value - (step[i] as number))
    let value = objective(values, width, labels, rows, next, lambda)
    while (value > current && scale > 1e-6) {
      scale /= 2
      next = beta.map((b, i) => b - scale * (step[i] as number))
      value = objective(values, width, labels, rows, next, lambda)
    }
    let change = 0
    for (let i = 0; i < p; i++) change = Math.max(change, Math.abs((next[i] as number) - (beta[i] as number)))
    beta.set(next)
    const improvement = current - value
    current = value
    if (change < 1e-10 || improvement < 1e-14 * Math.max(1, Math.abs(value))) break
  }
  return { intercept: beta[0] as number, weights: beta.slice(1), iterations: iterations + 1 }
}

/**
 * The linear predictor (log-odds) of a fitted model for one row of a row-major matrix.
 *
 * @param model - the fitted model
 * @param values - row-major matrix
 * @param width - number of columns
 * @param row - the row
 * @returns the log-odds
 * @example
 * ```ts
 * logOdds({ intercept: 0, weights: Float64Array.of(2), iterations: 1 }, Float64Array.of(0.5), 1, 0) // 1
 * ```
 */
export function logOdds(model: LogisticModel, values: Float64Array, width: number, row: number): number {
  let eta = model.intercept
  for (let j = 0; j < width; j++) eta += (model.weights[j] as number) * (values[row * width + j] as number)
  return eta
}

function dot(beta: Float64Array, x: Float64Array): number {
  let sum = 0
  for (let i = 0; i < beta.length; i++) sum += (beta[i] as number) * (x[i] as number)
  return sum
}

function objective(values: Float64Array, width: number, labels: Uint8Array, rows: Uint32Array, beta: Float64Array, lambda: number): number {
  let loss = 0
  for (const row of rows) {
    let eta = beta[0] as number
    for (let j = 0; j < width; j++) eta += (beta[j + 1] as number) * (values[row * width + j] as number)
    // log(1 + e^eta) - y * eta, computed without overflow.
    loss += (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta))) - (labels[row] as number) * eta
  }
  let penalty = 0
  for (let i = 1; i < beta.length; i++) penalty += (beta[i] as number) ** 2
  return loss + (lambda * penalty) / 2
}

/** Solves H x = g for a symmetric positive-definite H given by its lower triangle (row-major p x p). */
function choleskySolve(hessian: Float64Array, gradient: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p)
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = hessian[i * p + j] as number
      for (let k = 0; k < j; k++) sum -= (l[i * p + k] as number) * (l[j * p + k] as number)
      if (i === j) l[i * p + i] = Math.sqrt(Math.max(sum, 1e-12))
      else l[i * p + j] = sum / (l[j * p + j] as number)
    }
  }
  const y = new Float64Array(p)
  for (let i = 0; i < p; i++) {
    let sum = gradient[i] as number
    for (let k = 0; k < i; k++) sum -= (l[i * p + k] as number) * (y[k] as number)
    y[i] = sum / (l[i * p + i] as number)
  }
  const x = new Float64Array(p)
  for (let i = p - 1; i >= 0; i--) {
    let sum = y[i] as number
    for (let k = i + 1; k < p; k++) sum -= (l[k * p + i] as number) * (x[k] as number)
    x[i] = sum / (l[i * p + i] as number)
  }
  return x
}
