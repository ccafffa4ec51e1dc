import type { View } from 'vega'
import type { PlotSpec } from '../record/check-record.js'
import { plotToVegaLite } from './plot-to-vega-lite.js'

/**
 * Draws a {@link PlotSpec} as a static, self-contained SVG string with Vega-Lite and Vega's headless renderer: no
 * DOM, no network, text escaped by Vega. A plot that cannot be drawn gives a short SVG saying so instead of failing
 * the report.
 *
 * @param plot - the plot to draw
 * @returns an `<svg>` element as a string
 * @example
 * ```ts
 * const svg = await renderPlotSvg({ type: 'line', title: 'sweep', series: [{ name: 'p', points: [[0, 0.1], [1, 0.3]] }] })
 * svg.startsWith('<svg') // true
 * ```
 */
export async function renderPlotSvg(plot: PlotSpec): Promise<string> {
  let view: View | undefined
  try {
    // Vega and Vega-Lite are loaded on the first plot drawn, not when vitest-ml is imported (~0.45 s together).
    const [{ parse, View: VegaView }, { compile }] = await Promise.all([import('vega'), import('vega-lite')])
    view = new VegaView(parse(compile(plotToVegaLite(plot)).spec), { renderer: 'none', logLevel: 0 })
    return await view.toSVG()
  } catch (error) {
    const text = `plot could not be drawn: ${(error as Error).message}`.replace(/[<>&"']/g, ' ').slice(0, 160)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="40"><text x="4" y="24" font-size="12">${text}</text></svg>`
  } finally {
    view?.finalize()
  }
}
