import fc from 'fast-check'
import { arbitraryDescription } from '../util/described-arbitrary.js'

/**
 * What a check's cases are drawn from, in words, so a rate can say what it is a rate *of*: the given rows, or the
 * distribution an arbitrary describes (see `describeArbitrary`), or "your arbitrary" when nobody described it.
 *
 * @param inputs - a matcher's `inputs`: real rows or a fast-check arbitrary
 * @returns a phrase that follows "under"
 * @example
 * ```ts
 * casesDistribution(schema.arrays()) // 'uniform rows of the schema (weight, horsepower)'
 * casesDistribution(rows)            // 'the 344 given rows, each once'
 * casesDistribution(fc.tuple(fc.double(), fc.double())) // 'your arbitrary (undescribed)'
 * ```
 */
export function casesDistribution(inputs: unknown): string {
  if (Array.isArray(inputs)) return `the ${inputs.length} given ${inputs.length === 1 ? 'row' : 'rows'}, each once`
  return arbitraryDescription(inputs) ?? 'your arbitrary (undescribed)'
}

/** Options of {@link concentrationWarnings}. */
export interface ConcentrationOptions {
  /** Seed of the sample. */
  readonly seed: number
  /** Cases sampled. @defaultValue 1000 */
  readonly sampleSize?: number
  /** A coordinate is flagged when half its values lie within this share of its sampled range. @defaultValue 0.05 */
  readonly windowShare?: number
}

/**
 * Samples an undescribed arbitrary once (without bias, as statistical mode draws it) and warns about every numeric
 * coordinate far from uniform over its range: at least half the cases inside 5% of the range. That is the signature of
 * `fc.double({ min, max })`, which is uniform over representable doubles — 99.3% of 10,000 unbiased draws of
 * `fc.double({ min: 0, max: 1 })` lie below 0.02 — so a "violation rate" measured with it is a rate near the bottom of the range, not over it.
 *
 * @param arbitrary - the user's arbitrary
 * @param options - seed, sample size, window
 * @returns one warning per concentrated coordinate (empty when none, or when the arbitrary is described)
 * @example
 * ```ts
 * concentrationWarnings(fc.tuple(fc.double({ min: 0, max: 1 })), { seed: 1 })[0]
 * // 'inputs coordinate [0]: half of 1000 sampled cases lie within 0.0015% of its range [0, 1] ...'
 * ```
 */
export function concentrationWarnings(arbitrary: fc.Arbitrary<unknown>, options: ConcentrationOptions): string[] {
  if (arbitraryDescription(arbitrary) !== undefined) return []
  const sampleSize = options.sampleSize ?? 1000
  const windowShare = options.windowShare ?? 0.05
  const columns = new Map<string, number[]>()
  for (const value of fc.sample(fc.noBias(arbitrary), { seed: options.seed, numRuns: sampleSize })) collect(value, '', columns)
  const warnings: string[] = []
  for (const [path, values] of columns) {
    if (values.length < sampleSize / 2) continue
    values.sort((left, right) => left - right)
    const low = values[0] as number
    const high = values[values.length - 1] as number
    const range = high - low
    if (!(range > 0) || new Set(values).size < 20) continue
    const half = Math.ceil(values.length / 2)
    let narrowest = Number.POSITIVE_INFINITY
    for (let start = 0; start + half - 1 < values.length; start++)
      narrowest = Math.min(narrowest, (values[start + half - 1] as number) - (values[start] as number))
    if (narrowest < windowShare * range) {
      warnings.push(
        `inputs coordinate ${path || '(the value)'}: half of ${values.length} sampled cases lie within ${percent(narrowest / range)} of its range [${low}, ${high}], ` +
          'so a violation rate is a rate near that spot, not over the range. fc.double({ min, max }) does this (it is uniform over representable doubles, not over the interval). ' +
          'Hint: draw numbers with uniformNumber({ min, max }) or a featureSchema of numeric({ min, max }), or describe a deliberate distribution with describeArbitrary().',
      )
    }
  }
  return warnings
}

function collect(value: unknown, path: string, into: Map<string, number[]>): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return
    const list = into.get(path)
    if (list === undefined) into.set(path, [value])
    else list.push(value)
  } else if (Array.isArray(value)) for (const [index, item] of value.entries()) collect(item, `${path}[${index}]`, into)
  else if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    for (const [key, item] of Object.entries(value)) collect(item, `${path}.${key}`, into)
  }
}

function percent(share: number): string {
  const value = share * 100
  return `${value >= 1 ? value.toFixed(1) : value.toPrecision(2)}%`
}

/** What a check says about its cases: where they come from, and warnings when that makes its rate misleading. */
export interface CasesDescription {
  /** What the cases were drawn from (see {@link casesDistribution}). */
  readonly distribution: string
  /** Concentration warnings (statistical mode, undescribed arbitraries only; see {@link concentrationWarnings}). */
  readonly warnings: readonly string[]
}

/**
 * Describes a check's cases: their distribution always, and — in statistical mode, where the rate itself is the
 * verdict — warnings about an undescribed arbitrary that crowds its values into a small part of their range.
 *
 * @param inputs - the matcher's `inputs`
 * @param options - whether the check is statistical, and the seed to sample with
 * @example
 * ```ts
 * describeCases(fc.tuple(fc.double({ min: 0, max: 1 })), { statistical: true, seed: 1 }).warnings.length // 1
 * ```
 */
export function describeCases(inputs: unknown, options: { readonly statistical: boolean; readonly seed: number }): CasesDescription {
  const distribution = casesDistribution(inputs)
  const warnings = options.statistical && inputs instanceof fc.Arbitrary ? concentrationWarnings(inputs, { seed: options.seed }) : []
  return { distribution, warnings }
}

/**
 * Whether a rate limit puts a check in statistical mode: any `maxViolationRate` but 0 (which is exact mode spelled out).
 *
 * @param maxViolationRate - the matcher's option
 */
export function isStatistical(maxViolationRate: number | undefined): boolean {
  return maxViolationRate !== undefined && maxViolationRate !== 0
}
