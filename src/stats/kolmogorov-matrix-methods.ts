/**
 * The two exact algorithms scipy's `kstwo` (`scipy/stats/_ksstats.py`) uses for `Pr(D_n <= x)` at moderate `n * x^2`:
 * the Durbin matrix method in the Marsaglia-Tsang-Wang form, and the Pomeranz recursion. Ported line by line
 * (same branches, same 2^128 rescaling) because no npm package ships the finite-n two-sided Kolmogorov distribution.
 */

const EP128 = 2 ** 128
const EM128 = 2 ** -128

function ldexp(value: number, exponent: number): number {
  let result = value
  let rest = exponent
  while (rest > 1000) {
    result *= 2 ** 1000
    rest -= 1000
  }
  while (rest < -1000) {
    result *= 2 ** -1000
    rest += 1000
  }
  return result * 2 ** rest
}

function matmul(left: Float64Array, right: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(size * size)
  for (let i = 0; i < size; i++) {
    for (let k = 0; k < size; k++) {
      const lik = left[i * size + k] as number
      if (lik === 0) continue
      const rowK = k * size
      const rowI = i * size
      for (let j = 0; j < size; j++) out[rowI + j] = (out[rowI + j] as number) + lik * (right[rowK + j] as number)
    }
  }
  return out
}

/**
 * `Pr(D_n <= d)` by the Durbin matrix algorithm (Durbin 1968; Marsaglia, Tsang and Wang 2003), as scipy's `_kolmogn_DMTW`.
 *
 * @param n - sample size
 * @param d - the statistic
 * @returns the CDF, clipped to [0, 1]
 * @example
 * ```ts
 * kolmogorovCdfDurbin(10, 0.274) // -> 0.8 (approximately)
 * ```
 */
export function kolmogorovCdfDurbin(n: number, d: number): number {
  if (d >= 1) return 1
  const nd = n * d
  if (nd <= 0.5) return 0
  const k = Math.ceil(nd)
  const h = k - nd
  const m = 2 * k - 1
  const v = new Float64Array(m)
  const w = new Float64Array(m)
  let fac = 1
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac
    fac /= j
    v[j - 1] = (1 - h ** j) * fac
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m
  v[m - 1] = (1 + tt) * fac
  let matrix = new Float64Array(m * m)
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) matrix[r * m + i] = w[r - i + 1] as number
  }
  for (let r = 0; r < m; r++) matrix[r * m] = v[r] as number
  for (let c = 0; c < m; c++) matrix[(m - 1) * m + c] = v[m - 1 - c] as number
  let power = new Float64Array(m * m)
  for (let i = 0; i < m; i++) power[i * m + i] = 1
  let remaining = n
  let exponent = 0
  let matrixExponent = 0
  while (remaining > 0) {
    if (remaining % 2 === 1) {
      power = matmul(power, matrix, m)
      exponent += matrixExponent
    }
    matrix = matmul(matrix, matrix, m)
    matrixExponent *= 2
    if (Math.abs(matrix[(k - 1) * m + (k - 1)] as number) > EP128) {
      for (let i = 0; i < matrix.length; i++) matrix[i] = (matrix[i] as number) / EP128
      matrixExponent += 128
    }
    remaining = Math.floor(remaining / 2)
  }
  let p = power[(k - 1) * m + (k - 1)] as number
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n
    if (Math.abs(p) < EM128) {
      p *= EP128
      exponent -= 128
    }
  }
  if (exponent !== 0) p = ldexp(p, exponent)
  return Math.min(1, Math.max(0, p))
}

function pomeranzBounds(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number
  let j2: number
  if (i === 0) {
    j1 = -ll - ceilf - 1
    j2 = ll + ceilf - 1
  } else {
    const half = Math.floor((i + 1) / 2)
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1
        j2 = n + ll + ceilf - 1
      } else {
        j1 = half - 1 - ll - roundf - 1
        j2 = half + ll - 1 + ceilf - 1
      }
    } else {
      j1 = half - 1 - ll - 1
      j2 = half + ll + roundf - 1
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)]
}

/**
 * `Pr(D_n <= x)` by the Pomeranz (1974) recursion, as scipy's `_kolmogn_Pomeranz`.
 *
 * @param n - sample size
 * @param x - the statistic
 * @returns the CDF, clipped to [0, 1]
 * @example
 * ```ts
 * kolmogorovCdfPomeranz(20, 0.3) // -> 0.95 (approximately)
 * ```
 */
export function kolmogorovCdfPomeranz(n: number, x: number): number {
  const t = n * x
  const ll = Math.floor(t)
  const f = t - ll
  const g = Math.min(f, 1 - f)
  const ceilf = f > 0 ? 1 : 0
  const roundf = f > 0.5 ? 1 : 0
  const npwrs = 2 * (ll + 1)
  const gpower = new Float64Array(npwrs)
  const twogpower = new Float64Array(npwrs)
  const onem2gpower = new Float64Array(npwrs)
  gpower[0] = 1
  twogpower[0] = 1
  onem2gpower[0] = 1
  const gOverN = g / n
  const twoGOverN = (2 * g) / n
  const oneMinusTwoGOverN = (1 - 2 * g) / n
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = ((gpower[m - 1] as number) * gOverN) / m
    twogpower[m] = ((twogpower[m - 1] as number) * twoGOverN) / m
    onem2gpower[m] = ((onem2gpower[m - 1] as number) * oneMinusTwoGOverN) / m
  }
  let v0 = new Float64Array(npwrs)
  let v1 = new Float64Array(npwrs)
  v1[0] = 1
  let v0s = 0
  let v1s = 0
  let expnt = 0
  let [j1, j2] = pomeranzBounds(0, n, ll, ceilf, roundf)
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1
    ;[v0, v1] = [v1, v0]
    ;[v0s, v1s] = [v1s, v0s]
    v1.fill(0)
    ;[j1, j2] = pomeranzBounds(i, n, ll, ceilf, roundf)
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 === 1 ? twogpower : onem2gpower
    const ln2 = j2 - k1 + 1
    if (ln2 > 0) {
      const start = k1 - v0s
      const aLen = Math.min(ln2, npwrs - start)
      const bLen = Math.min(ln2, npwrs)
      const convStart = j1 - k1
      const convLen = j2 - j1 + 1
      let max = 0
      for (let q = 0; q < convLen; q++) {
        const tIndex = convStart + q
        let acc = 0
        const sLow = Math.max(0, tIndex - bLen + 1)
        const sHigh = Math.min(tIndex, aLen - 1)
        for (let s = sLow; s <= sHigh; s++) acc += (v0[start + s] as number) * (pwrs[tIndex - s] as number)
        v1[q] = acc
        if (acc > max) max = acc
      }
      if (max > 0 && max < EM128) {
        for (let q = 0; q < npwrs; q++) v1[q] = (v1[q] as number) * EP128
        expnt -= 128
      }
      v1s = v0s + j1 - k1
    }
  }
  let ans = v1[n - v1s] as number
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128
      expnt += 128
    }
    ans *= m
  }
  if (expnt !== 0) ans = ldexp(ans, expnt)
  return Math.min(1, Math.max(0, ans))
}
