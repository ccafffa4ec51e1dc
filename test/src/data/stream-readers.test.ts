import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Dataset } from '../../../src/data/dataset.js'
import { readArrow } from '../../../src/data/read-arrow.js'
import { readCsv } from '../../../src/data/read-csv.js'
import { readParquet } from '../../../src/data/read-parquet.js'
import { streamArrow } from '../../../src/data/stream-arrow.js'
import { streamCsv } from '../../../src/data/stream-csv.js'
import { streamParquet } from '../../../src/data/stream-parquet.js'

const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-stream-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function collect(batches: AsyncIterable<Dataset>): Promise<Dataset[]> {
  const out: Dataset[] = []
  for await (const batch of batches) out.push(batch)
  return out
}

const joined = (batches: readonly Dataset[], name: string): unknown[] => batches.flatMap((batch) => Array.from(batch.column(name) as ArrayLike<unknown>))

describe('streaming readers', () => {
  it('streamParquet yields one dataset per row group with the values readParquet reads', async () => {
    const path = 'node_modules/vega-datasets/data/flights-3m.parquet'
    const batches: Dataset[] = []
    for await (const batch of streamParquet(path, { columns: ['delay', 'origin'] })) {
      batches.push(batch)
      if (batches.length === 1) break
    }
    expect(batches.map((batch) => batch.rowCount)).toEqual([272_727])
    const head = await readParquet(path, { columns: ['delay', 'origin'], rowLimit: 272_727 })
    expect(joined(batches, 'delay')).toEqual(Array.from(head.column('delay') as Float64Array))
    expect(joined(batches, 'origin')).toEqual(Array.from(head.column('origin')))
    await expect(collect(streamParquet(path, { columns: ['nope'] }))).rejects.toThrow(/streamParquet: expected a column of .*, received "nope"/)
  })

  it('streamCsv yields batches of batchRows rows, typed as readCsv types them, quotes across batches included', async () => {
    const path = join(dir, 'quoted.csv')
    const lines = [
      'id,amount,note',
      ...Array.from({ length: 25 }, (_, index) => `${index},${index % 4 === 0 ? '' : index * 1.5},"a, ""quoted"" note\nover two lines ${index}"`),
    ]
    writeFileSync(path, `${lines.join('\n')}\n`)
    const batches = await collect(streamCsv(path, { batchRows: 10 }))
    expect(batches.map((batch) => batch.rowCount)).toEqual([10, 10, 5])
    const whole = await readCsv(path)
    for (const name of ['id', 'amount', 'note']) expect(joined(batches, name)).toEqual(Array.from(whole.column(name) as ArrayLike<unknown>))
    expect(batches[0]?.column('amount')).toBeInstanceOf(Float64Array)
  })

  it('streamCsv names the line of a text cell in a numeric column and of a ragged row', async () => {
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'x,y\n1,a\n2,b\nthree,c\n')
    await expect(collect(streamCsv(bad, { batchRows: 2 }))).rejects.toThrow(
      /streamCsv: expected numbers in column "x" \(its first batch held only numbers\), received "three" at line 4\.\nHint:/,
    )
    const ragged = join(dir, 'ragged.csv')
    writeFileSync(ragged, 'x,y\n1,a\n2\n')
    await expect(collect(streamCsv(ragged))).rejects.toThrow(/2 cells on every row of .*, received 1 cells at line 3/)
    await expect(collect(streamCsv(join(dir, 'none.csv')))).rejects.toThrow(/streamCsv/)
  })

  it('streamArrow yields the record batches readArrow reads as one table', async () => {
    const path = 'node_modules/vega-datasets/data/flights-200k.arrow'
    const batches = await collect(streamArrow(path))
    const whole = await readArrow(path)
    expect(batches.reduce((sum, batch) => sum + batch.rowCount, 0)).toBe(whole.rowCount)
    expect(joined(batches, 'delay')).toEqual(Array.from(whole.column('delay') as Float64Array))
    await expect(collect(streamArrow('node_modules/vega-datasets/data/flights-3m.parquet'))).rejects.toThrow(
      /streamArrow: expected an Arrow IPC file or stream/,
    )
  })
})
