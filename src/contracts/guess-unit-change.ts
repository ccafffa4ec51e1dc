/** A unit change that explains out-of-range values: converting them back puts them in range. */
export interface UnitChange {
  /** What probably happened, such as `°C -> °F` or `x 1000 (kg -> g, m -> mm, s -> ms)`. */
  readonly change: string
  /** Share of the values inside the contract's range once converted back. */
  readonly inRangeAfter: number
  /** Share inside the range as received. */
  readonly inRangeBefore: number
}

interface Conversion {
  readonly change: string
  /** From the received unit back to the training unit. */
  readonly back: (value: number) => number
}

const scale = (factor: number, change: string): Conversion => ({ change, back: (value) => value / factor })

/** Unit changes seen in real feeds, each as "received = training converted by ...". */
const CONVERSIONS: readonly Conversion[] = [
  { change: '°C -> °F', back: (value) => (value - 32) / 1.8 },
  { change: '°F -> °C', back: (value) => value * 1.8 + 32 },
  scale(1000, 'x 1000 (kg -> g, km -> m, s -> ms)'),
  scale(1 / 1000, '/ 1000 (g -> kg, m -> km, ms -> s)'),
  scale(100, 'x 100 (m -> cm, share -> percent)'),
  scale(1 / 100, '/ 100 (cm -> m, percent -> share)'),
  scale(10, 'x 10 (cm -> mm)'),
  scale(1 / 10, '/ 10 (mm -> cm)'),
  scale(2.54, 'x 2.54 (in -> cm)'),
  scale(1 / 2.54, '/ 2.54 (cm -> in)'),
  scale(25.4, 'x 25.4 (in -> mm)'),
  scale(1 / 25.4, '/ 25.4 (mm -> in)'),
  scale(2.204_62, 'x 2.2046 (kg -> lb)'),
  scale(1 / 2.204_62, '/ 2.2046 (lb -> kg)'),
  scale(1.609_344, 'x 1.609 (mi -> km)'),
  scale(1 / 1.609_344, '/ 1.609 (km -> mi)'),
  scale(3.280_84, 'x 3.281 (m -> ft)'),
  scale(1 / 3.280_84, '/ 3.281 (ft -> m)'),
  scale(3.6, 'x 3.6 (m/s -> km/h)'),
  scale(1 / 3.6, '/ 3.6 (km/h -> m/s)'),
  scale(60, 'x 60 (h -> min, min -> s)'),
  scale(1 / 60, '/ 60 (min -> h, s -> min)'),
]

/**
 * Looks for a unit change behind out-of-range values (pass those values: a feed that mixes units has some in range):
 * tries common conversions (temperature scales, powers of ten,
 * inches, pounds, miles, feet, speeds, minutes) and returns the one that, undone, brings at least 90% of the values
 * back into [min, max] when fewer than half were in range as received; among those, the one whose undone values spread
 * most like data of that range (dividing by a large factor would squeeze anything into a range around 0). Returns
 * `undefined` when no conversion explains the values.
 *
 * @param values - received values (a sample is enough)
 * @param min - the contract's minimum
 * @param max - the contract's maximum
 * @returns the likeliest unit change, or undefined
 * @example
 * ```ts
 * guessUnitChange([50.2, 61, 71.6], 2, 22) // { change: '°C -> °F', inRangeAfter: 1, inRangeBefore: 0 }
 * ```
 */
export function guessUnitChange(values: ArrayLike<number>, min: number, max: number): UnitChange | undefined {
  if (values.length < 3 || !(max > min)) return undefined
  const inRange = (convert: (value: number) => number): number => {
    let count = 0
    for (let index = 0; index < values.length; index++) {
      const value = convert(values[index] as number)
      if (value >= min && value <= max) count++
    }
    return count / values.length
  }
  const before = inRange((value) => value)
  // A unit change moves most of the values it is tried on: with half or more in range, the others are outliers.
  if (before >= 0.5) return undefined
  let best: (UnitChange & { readonly score: number }) | undefined
  for (const conversion of CONVERSIONS) {
    const after = inRange(conversion.back)
    if (after < 0.9) continue
    // Dividing by a large factor squeezes any values into a range around 0: the undone values must also spread like
    // data of that range (5th to 95th percentile over at least a tenth of it; full marks from half of it on).
    const filled = spread(values, conversion.back) / (max - min)
    const score = after * Math.min(1, filled / 0.5)
    if (filled >= 0.1 && (best === undefined || score > best.score)) best = { change: conversion.change, inRangeAfter: after, inRangeBefore: before, score }
  }
  return best === undefined ? undefined : { change: best.change, inRangeAfter: best.inRangeAfter, inRangeBefore: best.inRangeBefore }
}

function spread(values: ArrayLike<number>, convert: (value: number) => number): number {
  const converted = Float64Array.from({ length: values.length }, (_, index) => convert(values[index] as number)).sort()
  return (converted[Math.floor(0.95 * (converted.length - 1))] as number) - (converted[Math.floor(0.05 * (converted.length - 1))] as number)
}
