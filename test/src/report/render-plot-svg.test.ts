import { describe, expect, it } from 'vitest'
import { renderPlotSvg } from '../../../src/report/render-plot-svg.js'

describe('renderPlotSvg', () => {
  it('draws overlaid drift histograms as a static SVG with escaped text and no external resources', async () => {
    const svg = await renderPlotSvg({
      type: 'histogram-pair', title: 'income <img src=x onerror=alert(1)>', xLabel: 'income', yLabel: 'share',
      series: [
        { name: 'reference', points: [[0, 0.2], [1, 0.5], [2, 0.3]] },
        { name: 'current', points: [[0, 0.1], [1, 0.3], [2, 0.6]] },
      ],
    })
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).not.toContain('<img')
    expect(svg).toContain('&lt;img')
    expect(svg).not.toMatch(/(?:href|src)=["']https?:/)
    expect(svg).toContain('reference')
  })

  it('labels category codes as whole numbers, without padding codes beyond the ends', async () => {
    const xTicks = (svg: string): string[] => {
      const axis = svg.slice(svg.indexOf('aria-label="X-axis'), svg.indexOf('role-axis-title', svg.indexOf('aria-label="X-axis')))
      return [...axis.matchAll(/>([^<>]+)<\/text>/g)].map((match) => match[1] as string)
    }
    const codes = await renderPlotSvg({
      type: 'histogram-pair', title: 'weather', xLabel: 'weather: 0=sun, 1=rain, 2=fog', yLabel: 'share of rows',
      series: [{ name: 'reference', points: [[0, 0.5], [1, 0.4], [2, 0.1]] }, { name: 'current', points: [[0, 0.4], [1, 0.4], [2, 0.2]] }],
    })
    expect(xTicks(codes)).toEqual(['0', '1', '2'])
    const latency = await renderPlotSvg({ type: 'histogram', title: 'latency', xLabel: 'ms', series: [{ name: 'batch 1', points: [[1.5, 3], [2.5, 5], [3.5, 2]] }] })
    expect(xTicks(latency)).toContain('1.5')
  })

  it('draws a monotonicity sweep with break markers and a reliability diagram', async () => {
    const sweep = await renderPlotSvg({
      type: 'line', title: 'P(default) vs income', series: [{ name: 'p', points: [[0, 0.9], [1, 0.8], [2, 0.85], [3, 0.7]] }],
      markers: [{ x: 2, label: 'breaks here' }],
    })
    expect(sweep).toContain('breaks here')
    const reliability = await renderPlotSvg({ type: 'reliability', title: 'calibration', series: [{ name: 'model', points: [[0.1, 0.12], [0.5, 0.4], [0.9, 0.95]] }] })
    expect(reliability).toContain('calibration')
  })

  it('drops non-finite points and still draws', async () => {
    const svg = await renderPlotSvg({ type: 'histogram', title: 'latency', series: [{ name: 'ms', points: [[1, 2], [Number.NaN, 3], [2, Number.POSITIVE_INFINITY], [3, 4]] }] })
    expect(svg.startsWith('<svg')).toBe(true)
  })
})
