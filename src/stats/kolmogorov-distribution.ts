import { kolmogorovCdfDurbin, kolmogorovCdfPomeranz } from './kolmogorov-matrix-methods.js'
import { smirnovSf } from './smirnov-distribution.js'

const SQRT2PI = Math.sqrt(2 * Math.PI)
const LOG_2PI = Math.log(2 * Math.PI)
const PI_SQUARED = Math.PI ** 2
const PI_FOUR = Math.PI ** 4
const PI_SIX = Math.PI ** 6
const SQRT3 = Math.sqrt(3)
const STIRLING = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417, -0.0005952380952380953, 0.0007936507936507937,
  -0.002777777777777778, 0.08333333333333333,
]

function logFactorialOverPower(n: number): number {
  const rn = 1 / n
  const y = rn / n
  let poly = 0
  for (const c of STIRLING) poly = poly * y + c
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly
}

/** Pelz-Good (1976) approximation to `Pr(D_n <= x)`, as scipy's `_kolmogn_PelzGood`. */
function kolmogorovCdfPelzGood(n: number, x: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const z = Math.sqrt(n) * x
  const z2 = z * z
  const z3 = z2 * z
  const z4 = z2 * z2
  const z6 = z4 * z2
  const qlog = -PI_SQUARED / 8 / z2
  if (qlog < -708) return 0
  let q = Math.exp(qlog)
  const k1a = -z2
  const k1b = PI_SQUARED / 4
  const k2a = 6 * z6 + 2 * z4
  const k2b = ((2 * z4 - 5 * z2) * PI_SQUARED) / 4
  const k2c = (PI_FOUR * (1 - 2 * z2)) / 16
  const k3d = (PI_SIX * (5 - 30 * z2)) / 64
  const k3c = (PI_FOUR * (-60 * z2 + 212 * z4)) / 16
  const k3b = (PI_SQUARED * (135 * z4 - 96 * z6)) / 4
  const k3a = -30 * z6 - 90 * z ** 8
  let k0 = 0
  let k1 = 0
  let k2 = 0
  let k3 = 0
  const maxk = Math.ceil((16 * z) / Math.PI)
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1
    const m2 = m * m
    const m4 = m2 * m2
    const m6 = m4 * m2
    const qpower = q ** (8 * k)
    k0 = k0 * qpower + 1
    k1 = k1 * qpower + (k1a + k1b * m2)
    k2 = k2 * qpower + (k2a + k2b * m2 + k2c * m4)
    k3 = k3 * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6)
  }
  const scale = q * SQRT2PI
  k0 = (k0 * scale) / z
  k1 = (k1 * scale) / (6 * z4)
  k2 = (k2 * scale) / (72 * z ** 7)
  k3 = (k3 * scale) / (6480 * z ** 10)
  q = Math.exp(-PI_SQUARED / 2 / z2)
  const sqrt3z = SQRT3 * z
  let extra2 = 0
  let extra3 = 0
  for (let k = maxk; k > 0; k--) {
    const k2sq = k * k
    const qp = q ** k2sq
    const kspi = Math.PI * k
    extra2 += k2sq * qp
    extra3 += (sqrt3z + kspi) * (sqrt3z - kspi) * k2sq * qp
  }
  k2 += (extra2 * PI_SQUARED * SQRT2PI) / (-36 * z3)
  k3 += (extra3 * PI_SQUARED * SQRT2PI) / (216 * z6)
  const sn = Math.sqrt(n)
  return k0 + k1 / sn + k2 / n + k3 / (n * sn)
}

const clip = (p: number): number => (p < 0 ? 0 : p > 1 ? 1 : p)

/**
 * Survival function of the two-sided one-sample Kolmogorov-Smirnov statistic `D_n` at finite `n`: `Pr(D_n > x)`,
 * the quantity `scipy.stats.kstwo.sf(x, n)` computes.
 *
 * A port of scipy's `_kolmogn` (Simard and L'Ecuyer 2011 algorithm selection): Ruben-Gambino closed forms at the
 * extremes, the Durbin matrix or Pomeranz recursion for small `n * x^2`, twice the one-sided Smirnov survival
 * function in the tail, and the Pelz-Good expansion otherwise. Hand-written because no npm package ships this
 * distribution; `ksTwoSample` needs it for its asymptotic p-value (scipy evaluates `kstwo` at the effective
 * `n = round(n1 * n2 / (n1 + n2))`, not the limiting Kolmogorov series).
 *
 * @param n - sample size, a positive integer
 * @param x - the statistic, in [0, 1]
 * @returns `Pr(D_n > x)`
 * @example
 * ```ts
 * kolmogorovSf(100, 0.1) // -> 0.25269... (scipy.stats.kstwo.sf(0.1, 100))
 * ```
 */
export function kolmogorovSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0 || Number.isNaN(x)) return Number.NaN
  if (x >= 1) return 0
  if (x <= 0) return 1
  const t = n * x
  if (t <= 1) {
    if (t <= 0.5) return 1
    let cdf: number
    if (n <= 140) {
      cdf = 1
      for (let i = 1; i <= n; i++) cdf *= i * (1 / n) * (2 * t - 1)
    } else {
      cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1))
    }
    return clip(1 - cdf)
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n)
  if (x >= 0.5) return clip(2 * smirnovSf(n, x))
  const nxSquared = t * x
  if (n <= 140) {
    if (nxSquared <= 0.754693) return clip(1 - kolmogorovCdfDurbin(n, x))
    if (nxSquared <= 4) return clip(1 - kolmogorovCdfPomeranz(n, x))
    return clip(2 * smirnovSf(n, x))
  }
  if (nxSquared >= 370) return 0
  if (nxSquared >= 2.2) return clip(2 * smirnovSf(n, x))
  if (nxSquared >= 18) return 0
  const cdf = n <= 100000 && n * x ** 1.5 <= 1.4 ? kolmogorovCdfDurbin(n, x) : kolmogorovCdfPelzGood(n, x)
  return clip(1 - clip(cdf))
}
