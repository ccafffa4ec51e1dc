import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { readParquet } from '../../../src/data/read-parquet.js'

const FLIGHTS = 'node_modules/vega-datasets/data/flights-3m.parquet'

describe('readParquet', () => {
  test('reads selected columns and a row limit', async () => {
    const head = await readParquet(FLIGHTS, { columns: ['delay', 'origin', 'date'], rowLimit: 5 })
    expect(head.rowCount).toBe(5)
    expect(head.columnNames).toEqual(['delay', 'origin', 'date'])
    expect(Array.from(head.column('delay') as Float64Array)).toEqual([33, 19, 14, -13, 1])
    expect(head.column('origin')).toEqual(['LAS', 'ATL', 'MCI', 'ANC', 'RIC'])
    // The date column is a TIMESTAMP (microseconds, not UTC-adjusted): read as epoch milliseconds.
    expect(new Date((head.column('date') as Float64Array)[0] ?? 0).toISOString()).toBe('2001-01-01T00:01:00.000Z')
  })

  test('reads all 3 million rows of two numeric columns into Float64Arrays', async () => {
    const flights = await readParquet(FLIGHTS, { columns: ['delay', 'distance'] })
    expect(flights.rowCount).toBe(3_000_000)
    const distance = flights.column('distance')
    expect(distance).toBeInstanceOf(Float64Array)
    expect(Array.from(distance as Float64Array).some(Number.isNaN)).toBe(false)
    expect((flights.column('delay') as Float64Array)[2_999_999]).toEqual(expect.any(Number))
  })

  test('a row limit across row groups keeps rows in order', async () => {
    const rows = await readParquet(FLIGHTS, { columns: ['delay'], rowLimit: 300_000 })
    const all = await readParquet(FLIGHTS, { columns: ['delay'], rowLimit: 300_001 })
    expect(rows.rowCount).toBe(300_000)
    expect((rows.column('delay') as Float64Array)[299_999]).toBe((all.column('delay') as Float64Array)[299_999])
  })

  test('unknown columns, missing files and non-Parquet files are clear errors', async () => {
    await expect(readParquet(FLIGHTS, { columns: ['delays'] })).rejects.toThrow(
      'readParquet: expected a column of "node_modules/vega-datasets/data/flights-3m.parquet", one of [date, delay, distance, origin, destination], received "delays".',
    )
    await expect(readParquet('data/missing.parquet')).rejects.toThrow('readParquet: expected an existing file, received "data/missing.parquet" (no such file).')
    const notParquet = join(mkdtempSync(join(tmpdir(), 'vitest-ml-pq-')), 'fake.parquet')
    writeFileSync(notParquet, 'x,y\n1,2\n')
    await expect(readParquet(notParquet)).rejects.toThrow(/readParquet: expected a Parquet file, received ".*fake\.parquet" \(/)
  })
})
