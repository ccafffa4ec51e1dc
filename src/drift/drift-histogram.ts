import type { Column } from '../data/dataset.js'
import type { PlotSpec } from '../record/check-record.js'
import { sortFloat64 } from '../stats/sort-float64.js'
import { categoryCounts, proportions } from './category-counts.js'
import { categoricalValues, numericValues } from './feature-values.js'

/** Options of `driftHistogram`. */
export interface DriftHistogramOptions {
  /** Most bins (numeric) or categories (categorical, the rest merged into "other"). @defaultValue 40 */
  readonly maxBins?: number
  /** Compare as numbers or categories. @defaultValue numeric when both columns are `Float64Array`s */
  readonly kind?: 'numeric' | 'categorical'
}

/**
 * A `histogram-pair` plot of one feature for the report: reference and current shares per bin, with equal-width bins
 * taken from the reference (between its 0.5th and 99.5th percentiles, the tails folded into the end bins; at most 40
 * bins, about sqrt(n) for small samples). Categorical features plot one bar per category (x = category index, named in
 * the x label), the most frequent reference categories first.
 *
 * @param feature - the feature name
 * @param reference - reference column
 * @param current - current column
 * @param options - maxBins, kind
 * @returns the plot
 * @example
 * ```ts
 * driftHistogram('temp_max', winter.column('temp_max'), summer.column('temp_max')).series.map((s) => s.name)
 * // ['reference', 'current']
 * ```
 */
export function driftHistogram(feature: string, reference: Column, current: Column, options: DriftHistogramOptions = {}): PlotSpec {
  const maxBins = options.maxBins ?? 40
  const kind = options.kind ?? (reference instanceof Float64Array && current instanceof Float64Array ? 'numeric' : 'categorical')
  return kind === 'numeric' ? numericHistogram(feature, reference, current, maxBins) : categoricalHistogram(feature, reference, current, maxBins)
}

function numericHistogram(feature: string, referenceColumn: Column, currentColumn: Column, maxBins: number): PlotSpec {
  const reference = sortFloat64(numericValues(referenceColumn).values)
  const current = numericValues(currentColumn).values
  const low = percentile(reference, 0.005)
  const high = percentile(reference, 0.995)
  const bins = Math.max(1, Math.min(maxBins, Math.ceil(Math.sqrt(reference.length))))
  const width = high > low ? (high - low) / bins : 1
  const count = (values: Float64Array): number[] => {
    const counts = new Array<number>(bins).fill(0)
    for (const value of values) counts[Math.min(bins - 1, Math.max(0, Math.floor((value - low) / width)))]! += 1
    return proportions(counts)
  }
  const centers = Array.from({ length: bins }, (_, index) => low + (index + 0.5) * width)
  const series = (name: string, shares: number[]) => ({ name, points: shares.map((share, index) => [centers[index] ?? 0, share] as const) })
  return {
    type: 'histogram-pair',
    title: `${feature}: reference vs current`,
    xLabel: `${feature} (bins from the reference; end bins hold the tails)`,
    yLabel: 'share of rows',
    series: [series('reference', count(reference)), series('current', count(current))],
  }
}

function categoricalHistogram(feature: string, referenceColumn: Column, currentColumn: Column, maxBins: number): PlotSpec {
  const counts = categoryCounts(categoricalValues(referenceColumn).labels, categoricalValues(currentColumn).labels)
  const order = counts.categories
    .map((_, index) => index)
    .sort((left, right) => (counts.reference[right] ?? 0) + (counts.current[right] ?? 0) - (counts.reference[left] ?? 0) - (counts.current[left] ?? 0))
  const kept = order.slice(0, order.length > maxBins ? maxBins - 1 : maxBins)
  const rest = order.slice(kept.length)
  const pick = (values: readonly number[]): number[] => [
    ...kept.map((index) => values[index] ?? 0),
    ...(rest.length > 0 ? [rest.reduce((sum, index) => sum + (values[index] ?? 0), 0)] : []),
  ]
  const names = [...kept.map((index) => counts.categories[index] ?? ''), ...(rest.length > 0 ? [`other (${rest.length})`] : [])]
  const series = (name: string, shares: number[]) => ({ name, points: shares.map((share, index) => [index, share] as const) })
  return {
    type: 'histogram-pair',
    title: `${feature}: reference vs current`,
    xLabel: feature,
    categories: names,
    yLabel: 'share of rows',
    series: [series('reference', proportions(pick(counts.reference))), series('current', proportions(pick(counts.current)))],
  }
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0
  const position = q * (sorted.length - 1)
  const below = Math.floor(position)
  const lower = sorted[below] ?? 0
  const upper = sorted[Math.min(sorted.length - 1, below + 1)] ?? lower
  return lower + (upper - lower) * (position - below)
}
