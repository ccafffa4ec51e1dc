import { type PerturbableRow, withFeature } from '../arbitraries/perturb-row.js'
import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import type { PlotSpec } from '../record/check-record.js'
import type { FeatureRef } from './feature-ref.js'
import type { FeatureBounds } from './monotonicity-probe.js'
import { outputAt } from './output-selector.js'

/** Options of {@link sweepFeature}. */
export interface SweepFeatureOptions {
  readonly feature: FeatureRef
  readonly bounds: FeatureBounds
  /** Index of the output number plotted. */
  readonly output: number
  /** Evenly spaced points across the bounds. @defaultValue 25 */
  readonly points?: number
  /** Extra feature values to include (for example the counterexample's two values), marked on the plot. */
  readonly markers?: readonly { readonly x: number; readonly label: string }[]
  /** Plot title. */
  readonly title: string
  /** Public name for errors. @defaultValue 'sweepFeature' */
  readonly source?: string
}

/**
 * Sweeps one feature of a row across its bounds in a single batched call and returns the output as a line plot, with
 * markers where the counterexample sits, so a report shows where monotonicity breaks.
 *
 * @param model - the model
 * @param row - the row to sweep from (the shrunk counterexample's base row)
 * @param options - feature, bounds, output, points and markers
 * @returns a `line` {@link PlotSpec}
 * @example
 * ```ts
 * const plot = await sweepFeature(model, [3000, 4], { feature: 0, bounds: { min: 1500, max: 5000 }, output: 0, title: 'mpg vs weight' })
 * plot.series[0].points.length // 25
 * ```
 */
export async function sweepFeature<I extends PerturbableRow, O>(model: Model<I, O>, row: I, options: SweepFeatureOptions): Promise<PlotSpec> {
  const { feature, bounds } = options
  const count = Math.max(2, options.points ?? 25)
  const grid = Array.from({ length: count }, (_, k) => bounds.min + ((bounds.max - bounds.min) * k) / (count - 1))
  const xs = [...new Set([...grid, ...(options.markers ?? []).map((marker) => marker.x)])].sort((left, right) => left - right)
  const outputs = await checkedPredict(
    model,
    xs.map((x) => withFeature(row, feature, x)),
    options.source ?? 'sweepFeature',
  )
  return {
    type: 'line',
    title: options.title,
    xLabel: `feature ${String(feature)}`,
    yLabel: `output[${options.output}]`,
    series: [{ name: `output[${options.output}] from the counterexample row`, points: xs.map((x, k) => [x, outputAt(outputs[k], options.output)] as const) }],
    markers: mergeMarkers(options.markers ?? []),
  }
}

/** Markers at the same position become one, their labels joined (`violation / counterexample base`). */
function mergeMarkers(markers: readonly { readonly x: number; readonly label: string }[]): { x: number; label: string }[] {
  const byX = new Map<number, string[]>()
  for (const marker of markers) byX.set(marker.x, [...(byX.get(marker.x) ?? []), marker.label])
  return [...byX].map(([x, labels]) => ({ x, label: labels.join(' / ') }))
}
