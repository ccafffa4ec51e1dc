import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { datasetFromColumns, datasetFromRows } from '../../../src/data/dataset.js'
import { datasetHash } from '../../../src/data/dataset-hash.js'
import { readCsv } from '../../../src/data/read-csv.js'

describe('datasetHash', () => {
  test('equal data, equal hash, however built and named', async () => {
    const fromColumns = datasetFromColumns({ x: [1, Number.NaN, 3], label: ['a', null, 'c'] }, { name: 'one' })
    const fromRows = datasetFromRows(
      [
        { x: 1, label: 'a' },
        { x: null, label: null },
        { x: 3, label: 'c' },
      ],
      { name: 'two' },
    )
    const fromCsv = await readCsv('x,label\n1,a\n,\n3,c\n')
    expect(datasetHash(fromColumns)).toMatch(/^[0-9a-f]{64}$/)
    expect(datasetHash(fromRows)).toBe(datasetHash(fromColumns))
    expect(datasetHash(fromCsv)).toBe(datasetHash(fromColumns))
  })

  test('any change of value, name, order or type changes the hash', () => {
    const base = datasetHash(datasetFromColumns({ x: [1, 2], y: ['a', 'b'] }))
    expect(datasetHash(datasetFromColumns({ x: [1, 2.000001], y: ['a', 'b'] }))).not.toBe(base)
    expect(datasetHash(datasetFromColumns({ z: [1, 2], y: ['a', 'b'] }))).not.toBe(base)
    expect(datasetHash(datasetFromColumns({ y: ['a', 'b'], x: [1, 2] }))).not.toBe(base)
    expect(datasetHash(datasetFromColumns({ x: [2, 1], y: ['b', 'a'] }))).not.toBe(base)
    expect(datasetHash(datasetFromColumns({ x: ['1', '2'], y: ['a', 'b'] }))).not.toBe(base)
    expect(datasetHash(datasetFromColumns({ x: [1, 2], y: ['ab', ''] }))).not.toBe(base)
  })

  test('pins the canonical encoding of a tiny dataset', () => {
    // Independent re-encoding: header, then per column u32 name length, name, then tagged cells.
    const f64 = (value: number): Buffer => {
      const bytes = Buffer.alloc(8)
      bytes.writeDoubleLE(value)
      return bytes
    }
    const u32 = (value: number): Buffer => {
      const bytes = Buffer.alloc(4)
      bytes.writeUInt32LE(value)
      return bytes
    }
    const expected = createHash('sha256')
      .update('vitest-ml-dataset-v1\n2\n2\n')
      .update(Buffer.concat([u32(1), Buffer.from('x'), Buffer.from([1]), f64(-0 + 0), Buffer.from([4])]))
      .update(Buffer.concat([u32(1), Buffer.from('b'), Buffer.from([3, 1]), Buffer.from([2]), u32(2), Buffer.from('hi')]))
      .digest('hex')
    expect(datasetHash(datasetFromColumns({ x: [-0, Number.NaN], b: [true, 'hi'] }))).toBe(expected)
  })
})
