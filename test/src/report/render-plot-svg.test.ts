import { describe, expect, it } from 'vitest'
import { plotToVegaLite } from '../../../src/report/plot-to-vega-lite.js'
import { renderPlotSvg } from '../../../src/report/render-plot-svg.js'

describe('renderPlotSvg', () => {
  it('draws overlaid drift histograms as a static SVG with escaped text and no external resources', async () => {
    const svg = await renderPlotSvg({
      type: 'histogram-pair',
      title: 'income <img src=x onerror=alert(1)>',
      xLabel: 'income',
      yLabel: 'share',
      series: [
        {
          name: 'reference',
          points: [
            [0, 0.2],
            [1, 0.5],
            [2, 0.3],
          ],
        },
        {
          name: 'current',
          points: [
            [0, 0.1],
            [1, 0.3],
            [2, 0.6],
          ],
        },
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
      type: 'histogram-pair',
      title: 'weather',
      xLabel: 'weather: 0=sun, 1=rain, 2=fog',
      yLabel: 'share of rows',
      series: [
        {
          name: 'reference',
          points: [
            [0, 0.5],
            [1, 0.4],
            [2, 0.1],
          ],
        },
        {
          name: 'current',
          points: [
            [0, 0.4],
            [1, 0.4],
            [2, 0.2],
          ],
        },
      ],
    })
    expect(xTicks(codes)).toEqual(['0', '1', '2'])
    const named = await renderPlotSvg({
      type: 'histogram-pair',
      title: 'weather',
      xLabel: 'weather',
      yLabel: 'share of rows',
      categories: ['sun', 'rain', '<fog & "mist">'],
      series: [
        {
          name: 'reference',
          points: [
            [0, 0.5],
            [1, 0.4],
            [2, 0.1],
          ],
        },
        {
          name: 'current',
          points: [
            [0, 0.4],
            [1, 0.4],
            [2, 0.2],
          ],
        },
      ],
    })
    // Category names become the tick labels, escaped in the SVG.
    expect(xTicks(named)).toEqual(['sun', 'rain', '&lt;fog &amp; "mist"&gt;'])
    const latency = await renderPlotSvg({
      type: 'histogram',
      title: 'latency',
      xLabel: 'ms',
      series: [
        {
          name: 'batch 1',
          points: [
            [1.5, 3],
            [2.5, 5],
            [3.5, 2],
          ],
        },
      ],
    })
    expect(xTicks(latency)).toContain('1.5')
  })

  it('draws a monotonicity sweep with break markers and a reliability diagram', async () => {
    const sweep = await renderPlotSvg({
      type: 'line',
      title: 'P(default) vs income',
      series: [
        {
          name: 'p',
          points: [
            [0, 0.9],
            [1, 0.8],
            [2, 0.85],
            [3, 0.7],
          ],
        },
      ],
      markers: [{ x: 2, label: 'breaks here' }],
    })
    expect(sweep).toContain('breaks here')
    const reliability = await renderPlotSvg({
      type: 'reliability',
      title: 'calibration',
      series: [
        {
          name: 'model',
          points: [
            [0.1, 0.12],
            [0.5, 0.4],
            [0.9, 0.95],
          ],
        },
      ],
    })
    expect(reliability).toContain('calibration')
  })

  it('explains markers in a subtitle, one line per position, instead of writing labels over the data', async () => {
    const plot = {
      type: 'line' as const,
      title: 'sweep',
      xLabel: 'feature 2',
      series: [
        {
          name: 'p',
          points: [
            [40, 30],
            [80, 27],
            [120, 24],
          ] as [number, number][],
        },
      ],
      markers: [
        { x: 79.68657997, label: 'violation' },
        { x: 79.68658066, label: 'violation (raised)' },
        { x: 100, label: 'second spot' },
      ],
    }
    expect(plotToVegaLite(plot).title).toEqual({
      text: 'sweep',
      subtitle: ['feature 2 = 79.69: violation, violation (raised)', 'feature 2 = 100: second spot'],
      subtitleColor: '#c0392b',
      subtitleFontSize: 11,
    })
    const svg = await renderPlotSvg(plot)
    expect(svg).toContain('feature 2 = 79.69: violation, violation (raised)')
    expect(svg).toMatch(/class="mark-rule role-mark /)
    expect(svg).not.toMatch(/class="mark-text role-mark /)
    const many = plotToVegaLite({ ...plot, markers: [1, 2, 3, 4, 5, 6].map((x) => ({ x, label: `m${x}` })) }).title as { subtitle: string[] }
    expect(many.subtitle).toEqual(['feature 2 = 1: m1', 'feature 2 = 2: m2', 'feature 2 = 3: m3', '… 3 more positions'])
  })

  it('draws a trend over releases with every release named, and a flat series on a readable axis', async () => {
    const categories = Array.from({ length: 10 }, (_, index) => `v1.${index}.0`)
    const flat = {
      type: 'line' as const,
      title: 'ML Test Score by release',
      yLabel: 'score',
      categories,
      series: [{ name: 'final score', points: categories.map((_, index) => [index, 0] as [number, number]) }],
    }
    const spec = plotToVegaLite(flat) as unknown as {
      layer: { encoding: { x: { axis: { values: number[]; labelOverlap: boolean } }; y: { scale: unknown } } }[]
    }
    expect(spec.layer[0]!.encoding.x.axis).toMatchObject({ values: categories.map((_, index) => index), labelOverlap: false })
    expect(spec.layer[0]!.encoding.y.scale).toEqual({ zero: false, domain: [0, 1] })
    const svg = await renderPlotSvg(flat)
    for (const name of categories) expect(svg).toContain(`>${name}</text>`)
    // Vega labels a degenerate domain with six decimals; the padded domain has ordinary ticks.
    expect(svg).not.toContain('0.000000')
    const many = plotToVegaLite({ ...flat, categories: Array.from({ length: 50 }, (_, index) => `r${index}`) }) as unknown as typeof spec
    expect(many.layer[0]!.encoding.x.axis.values).toHaveLength(17)
  })

  it('drops non-finite points and still draws', async () => {
    const svg = await renderPlotSvg({
      type: 'histogram',
      title: 'latency',
      series: [
        {
          name: 'ms',
          points: [
            [1, 2],
            [Number.NaN, 3],
            [2, Number.POSITIVE_INFINITY],
            [3, 4],
          ],
        },
      ],
    })
    expect(svg.startsWith('<svg')).toBe(true)
  })
})
