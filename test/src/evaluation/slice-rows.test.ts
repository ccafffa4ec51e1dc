import { describe, expect, it } from 'vitest'
import { sliceRows } from '../../../src/evaluation/slice-rows.js'

const rows = Array.from({ length: 40 }, (_, x) => ({ x }))
const sizes = (edges: number[]) => sliceRows(rows, [{ feature: 'x', edges }]).map((slice) => [slice.slice, slice.indices.length])

describe('sliceRows with explicit edges', () => {
  it('cuts at the edges, values outside falling in the first or last bin', () => {
    expect(sizes([0, 10, 20, 40])).toEqual([
      ['[0, 10)', 10],
      ['[10, 20)', 10],
      ['[20, 40]', 20],
    ])
    expect(sizes([5, 10, 30])).toEqual([
      ['[5, 10)', 10],
      ['[10, 30]', 30],
    ])
  })

  it('rejects edges that are not at least two finite numbers in ascending order', () => {
    const hint = '\nHint: Give the bin boundaries in ascending order, for example `edges: [0, 10, 20, 40]` (at least two).'
    expect(() => sizes([40, 20, 10])).toThrow(
      `toPerformOnAllSlices: expected \`edges\` for "x" as at least 2 finite numbers in ascending order, received [40, 20, 10].${hint}`,
    )
    expect(() => sizes([0, Number.NaN, 40])).toThrow('received [0, NaN, 40].')
    expect(() => sizes([10, 10])).toThrow('received [10, 10].')
    expect(() => sizes([10])).toThrow('received [10].')
  })
})
