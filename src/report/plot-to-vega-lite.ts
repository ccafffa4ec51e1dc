import type { TopLevelSpec } from 'vega-lite'
import type { PlotSpec } from '../record/check-record.js'

/** Keeps chart text printable and short (Vega escapes it in SVG; this just keeps it readable). */
function label(text: string | undefined, fallback: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this removes from labels
  const cleaned = (text ?? fallback).replace(/[\u0000-\u001f\u007f]/g, ' ').trim()
  return cleaned.length > 120 ? `${cleaned.slice(0, 119)}…` : cleaned
}

interface Row {
  series: string
  x: number
  y: number
  x0?: number
  x1?: number
}

/** Colour of marker rules and of the subtitle that explains them. */
const MARKER_COLOR = '#c0392b'

function rows(plot: PlotSpec, maxPoints: number): Row[] {
  return plot.series.flatMap((series) => {
    const points = series.points.filter((point) => Number.isFinite(point[0]) && Number.isFinite(point[1]))
    const step = Math.max(1, Math.ceil(points.length / maxPoints))
    return points.filter((_, index) => index % step === 0).map((point) => ({ series: label(series.name, 'series'), x: point[0], y: point[1] }))
  })
}

function withBinEdges(data: Row[]): Row[] {
  const xs = [...new Set(data.map((row) => row.x))].sort((left, right) => left - right)
  let width = Number.POSITIVE_INFINITY
  for (let index = 1; index < xs.length; index++) width = Math.min(width, xs[index]! - xs[index - 1]!)
  if (!Number.isFinite(width) || width <= 0) width = 1
  return data.map((row) => ({ ...row, x0: row.x - width / 2, x1: row.x + width / 2 }))
}

/**
 * Bars one unit wide on whole numbers are category codes (`0=sun, 1=rain`): label each code as an integer, with no
 * ticks between codes and no padding codes beyond the ends.
 */
function codeAxis(binned: readonly Row[], categories: readonly string[] | undefined): object {
  const codes = binned.every((row) => Number.isInteger(row.x) && row.x1! - row.x0! === 1)
  if (!codes || binned.length === 0) return {}
  const xs = binned.map((row) => row.x)
  const scale = { nice: false, domain: [Math.min(...xs) - 0.5, Math.max(...xs) + 0.5] }
  if (categories === undefined || categories.length === 0) return { axis: { tickMinStep: 1, format: 'd' }, scale }
  // Category names as tick labels: a JSON array literal is a valid Vega expression, and JSON escaping keeps each name a
  // plain string (the expression is evaluated while rendering the static SVG, never in the reader's browser).
  const names = JSON.stringify(categories.map((name) => label(name, '?')))
  return {
    axis: {
      tickMinStep: 1,
      values: categories.map((_, index) => index),
      labelExpr: `${names}[datum.value] || ''`,
      labelAngle: categories.length > 6 ? -40 : 0,
      labelLimit: 120,
    },
    scale,
  }
}

/** Category names as the ticks of a line plot whose x values are the codes 0, 1, 2, ... (releases in a history). */
function categoryAxis(categories: readonly string[] | undefined): object {
  if (categories === undefined || categories.length === 0) return {}
  const names = JSON.stringify(categories.map((name) => label(name, '?')))
  // At most 20 labels, all drawn: Vega's overlap test reads rotated labels' boxes and would drop every other one.
  const step = Math.max(1, Math.ceil(categories.length / 20))
  const values = categories.map((_, index) => index).filter((index) => index % step === 0)
  return {
    axis: { values, labelExpr: `${names}[datum.value] || ''`, labelAngle: categories.length > 6 ? -40 : 0, labelLimit: 120, labelOverlap: false, grid: false },
    scale: { nice: false, domain: [0, Math.max(1, categories.length - 1)] },
  }
}

/**
 * Turns a check's {@link PlotSpec} into a Vega-Lite specification with inline data only (nothing is fetched):
 * overlaid histograms for drift (points are [bin centre, count or share]), lines with break markers for monotonicity sweeps, a reliability diagram with its
 * diagonal, plain histograms for latency.
 *
 * @param plot - the plot as recorded by a matcher
 * @param maxPoints - points kept per series (evenly thinned beyond that) @defaultValue 500
 * @returns a Vega-Lite spec, ready for `vegaLite.compile`
 * @example
 * ```ts
 * plotToVegaLite({ type: 'histogram', title: 'latency', series: [{ name: 'ms', points: [[1, 3], [2, 5]] }] }).mark
 * ```
 */
export function plotToVegaLite(plot: PlotSpec, maxPoints = 500): TopLevelSpec {
  const x = { field: 'x', type: 'quantitative' as const, title: label(plot.xLabel, 'x') }
  const y = { field: 'y', type: 'quantitative' as const, title: label(plot.yLabel, plot.type.includes('histogram') ? 'count' : 'y') }
  const names = [...new Set(plot.series.map((series) => label(series.name, 'series')))]
  const color = { field: 'series', type: 'nominal' as const, title: null, legend: { orient: 'bottom' as const, labelLimit: 400 }, scale: { domain: names } }
  const base: {
    title: { text: string; subtitle?: string[]; subtitleColor?: string; subtitleFontSize?: number }
    width: number
    height: number
    background: string
    config: object
  } = {
    title: { text: label(plot.title, 'plot') },
    width: 420,
    height: 180,
    background: 'white',
    config: { font: 'system-ui, sans-serif' },
  }
  const data = rows(plot, maxPoints)
  const layers: object[] = []
  if (plot.type === 'line' || plot.type === 'reliability') {
    // Over categories (releases), y follows the data rather than starting at zero, so a change between releases shows.
    const yScale = plot.categories === undefined || plot.categories.length === 0 ? {} : { scale: { zero: false, ...flatDomain(data) } }
    layers.push({
      data: { values: data },
      mark: { type: 'line', point: true },
      encoding: { x: { ...x, ...categoryAxis(plot.categories) }, y: { ...y, ...yScale }, color },
    })
    if (plot.type === 'reliability') {
      layers.push({
        data: {
          values: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
        mark: { type: 'line', strokeDash: [4, 4], color: '#888' },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
      })
    }
  } else {
    const binned = withBinEdges(data)
    layers.push({
      data: { values: binned },
      mark: { type: 'bar', orient: 'vertical', opacity: plot.series.length > 1 ? 0.55 : 0.85 },
      encoding: { x: { ...x, ...codeAxis(binned, plot.categories), field: 'x0' }, x2: { field: 'x1' }, y: { ...y, stack: null }, y2: { datum: 0 }, color },
    })
  }
  const markers = (plot.markers ?? []).filter((marker) => Number.isFinite(marker.x)).slice(0, 20)
  if (markers.length > 0) {
    // Labels written inside the plot overprint the data (markers often sit at the same x): the dashed rules mark the
    // spots, and a subtitle says what each spot is, one line per position.
    layers.push({
      data: { values: markers.map((marker) => ({ x: marker.x })) },
      mark: { type: 'rule', color: MARKER_COLOR, strokeDash: [3, 3] },
      encoding: { x: { field: 'x', type: 'quantitative' } },
    })
    const byPosition = new Map<string, string[]>()
    for (const marker of markers) {
      const category = Number.isInteger(marker.x) ? plot.categories?.[marker.x] : undefined
      const at = category === undefined ? String(Number(marker.x.toPrecision(4))) : label(category, '?')
      byPosition.set(at, [...(byPosition.get(at) ?? []), label(marker.label, 'marker')])
    }
    const lines = [...byPosition.entries()].map(([at, labels]) => `${plot.xLabel === undefined ? 'x' : label(plot.xLabel, 'x')} = ${at}: ${labels.join(', ')}`)
    base.title = {
      text: base.title.text,
      subtitle: lines.length > 4 ? [...lines.slice(0, 3), `… ${lines.length - 3} more positions`] : lines,
      subtitleColor: MARKER_COLOR,
      subtitleFontSize: 11,
    }
  }
  if (plot.categories !== undefined && plot.categories.length > 0 && plot.type === 'line') {
    // A long title (a check's title) would widen the drawing and shrink the whole plot on the page: cut it instead.
    base.title = { ...base.title, limit: base.width + 60, subtitleLimit: base.width + 60 } as typeof base.title
  }
  return { ...base, layer: layers } as unknown as TopLevelSpec
}

/** A y domain around a value every point shares (Vega would draw a degenerate axis, labelled `0.000000`). */
function flatDomain(data: readonly Row[]): { domain?: [number, number] } {
  const values = data.map((row) => row.y)
  if (values.length === 0 || values.some((value) => value !== values[0])) return {}
  const value = values[0]!
  const pad = value === 0 ? 1 : Math.abs(value) * 0.1
  return { domain: [value >= 0 ? Math.max(0, value - pad) : value - pad, value + pad] }
}
