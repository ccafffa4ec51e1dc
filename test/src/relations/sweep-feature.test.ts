import { describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { sweepFeature } from '../../../src/relations/sweep-feature.js'

const bumped = functionModel((row: number[]) => [-(row[0] ?? 0) + ((row[0] ?? 0) >= 3000 && (row[0] ?? 0) < 3050 ? 100 : 0)], { name: 'bumped' })

describe('sweepFeature', () => {
  test('sweeps the feature across its bounds, marker positions included', async () => {
    const plot = await sweepFeature(bumped, [2000, 1], {
      feature: 0,
      bounds: { min: 1500, max: 5000 },
      output: 0,
      points: 8,
      title: 'sweep',
      markers: [{ x: 3025, label: 'violation' }],
    })
    const xs = plot.series[0]?.points.map(([x]) => x)
    expect(xs).toHaveLength(9)
    expect(xs?.[0]).toBe(1500)
    expect(xs?.at(-1)).toBe(5000)
    expect(plot.series[0]?.points.find(([x]) => x === 3025)?.[1]).toBe(-2925)
  })

  test('markers at the same position are merged into one with both labels', async () => {
    const plot = await sweepFeature(bumped, [2000, 1], {
      feature: 0,
      bounds: { min: 1500, max: 5000 },
      output: 0,
      title: 'sweep',
      markers: [
        { x: 2999.5, label: 'violation' },
        { x: 3000, label: 'violation (raised)' },
        { x: 2999.5, label: 'counterexample base' },
        { x: 3000, label: 'counterexample raised' },
      ],
    })
    expect(plot.markers).toEqual([
      { x: 2999.5, label: 'violation / counterexample base' },
      { x: 3000, label: 'violation (raised) / counterexample raised' },
    ])
  })
})
