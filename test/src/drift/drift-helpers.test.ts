import { describe, expect, test } from 'vitest'
import { categoryCounts } from '../../../src/drift/category-counts.js'
import { driftHistogram } from '../../../src/drift/drift-histogram.js'
import { flattenOutput } from '../../../src/drift/flatten-output.js'
import { numericHistogramCounts } from '../../../src/drift/numeric-histogram-counts.js'
import { predictionColumn } from '../../../src/drift/prediction-drift.js'

describe('drift helpers', () => {
  test('numericHistogramCounts: bins at reference quantiles, missing in its own bucket', () => {
    expect(numericHistogramCounts(Float64Array.of(1, 2, 3, 4), Float64Array.of(3, 4, Number.NaN), 2)).toEqual({
      buckets: ['< 2.5', '>= 2.5', '(missing)'],
      reference: [2, 2, 0],
      current: [0, 2, 1],
    })
    expect(numericHistogramCounts(Float64Array.of(5, 5, 5), Float64Array.of(5, 6), 4)).toEqual({
      buckets: ['< 5', '>= 5', '(missing)'],
      reference: [0, 3, 0],
      current: [0, 2, 0],
    })
  })

  test('driftHistogram: at most 40 reference bins of shares, categories named in the x label', () => {
    const reference = Float64Array.from({ length: 10_000 }, (_, index) => index)
    const plot = driftHistogram(
      'x',
      reference,
      Float64Array.from({ length: 500 }, (_, index) => index + 5000),
    )
    expect(plot.type).toBe('histogram-pair')
    expect(plot.series.map((series) => series.points.length)).toEqual([40, 40])
    const shares = (index: number) => plot.series[index]?.points.reduce((sum, [, share]) => sum + share, 0) ?? 0
    expect(shares(0)).toBeCloseTo(1, 12)
    expect(shares(1)).toBeCloseTo(1, 12)
    const categories = driftHistogram('weather', ['sun', 'rain', 'sun', null], ['rain', 'fog'])
    expect(categories.xLabel).toBe('weather')
    expect(categories.categories).toEqual(['sun', 'rain', '(missing)', 'fog'])
    expect(categories.series[1]?.points).toEqual([
      [0, 0],
      [1, 0.5],
      [2, 0],
      [3, 0.5],
    ])
  })

  test('categoryCounts aligns the union of categories', () => {
    expect(categoryCounts(['a', 'b', 'a'], ['b', 'c'])).toEqual({ categories: ['a', 'b', 'c'], reference: [2, 1, 0], current: [0, 1, 1] })
  })

  test('flattenOutput names fields; predictionColumn turns outputs into a column', () => {
    expect([...flattenOutput({ age: 0.3, tags: [1, 0], nested: { zip: '98101' } })]).toEqual([
      ['age', 0.3],
      ['tags[0]', 1],
      ['tags[1]', 0],
      ['nested.zip', '98101'],
    ])
    expect([...flattenOutput(Float32Array.of(0.5))]).toEqual([['[0]', 0.5]])
    expect(
      predictionColumn([
        [0.1, 0.9],
        [0.8, 0.2],
      ]),
    ).toEqual(['1', '0'])
    // skl2onnx's names: the label output, not the argmax of the label and the probabilities together
    expect(predictionColumn([{ output_label: 0, output_probability: [0.1, 0.9] }])).toEqual(Float64Array.of(0))
    expect(predictionColumn([{ output_probability: [0.1, 0.9] }])).toEqual(['1'])
    expect(predictionColumn([0.3, [0.7]])).toEqual(Float64Array.of(0.3, 0.7))
    expect(predictionColumn(['cat', 'dog'])).toEqual(['cat', 'dog'])
  })

  test('predictionColumn reads each output as what it is; a missing output or a mix of kinds is an error', () => {
    expect(predictionColumn([true, false])).toEqual(['true', 'false'])
    expect(predictionColumn([2n, 3n])).toEqual(Float64Array.of(2, 3))
    expect(
      predictionColumn([
        { probabilities: [0.2, 0.8], label: 'dog' },
        { probabilities: [0.9, 0.1], label: 'cat' },
      ]),
    ).toEqual(['dog', 'cat'])
    expect(predictionColumn([{ probabilities: [0.2, 0.8] }, { probabilities: [Number.NaN, 0.1] }])).toEqual(['1', null])
    expect(() => predictionColumn([[0.1, 0.9], {}])).toThrow(
      /^predictionColumn: expected a prediction for every row of the outputs: a number, a label, or a row of class scores, received empty \(\{\}\) at row 1\.\nHint: /,
    )
    expect(() => predictionColumn([undefined], 'toHaveDriftedFrom', 'scorer on the current')).toThrow(
      /^toHaveDriftedFrom: expected a prediction for every row of scorer on the current: .*, received missing \(undefined\) at row 0\./,
    )
    expect(() => predictionColumn([['cat', 0.5]])).toThrow(/received \['cat', 0\.5\] at row 0/)
    expect(() => predictionColumn([0.3, 'cat'])).toThrow(
      /^predictionColumn: expected predictions of one kind in the outputs \(all numbers, or all classes\), received a number at row 0 \(0\.3\) and a class at row 1 \('cat'\)\./,
    )
  })
})
