import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { readCsv } from '../../../src/data/read-csv.js'

const SEATTLE = 'node_modules/vega-datasets/data/seattle-weather.csv'

describe('readCsv', () => {
  test('reads seattle-weather.csv with typed columns', async () => {
    const weather = await readCsv(SEATTLE)
    expect(weather.name).toBe('seattle-weather.csv')
    expect(weather.rowCount).toBe(1461)
    expect(weather.columnNames).toEqual(['date', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather'])
    expect(weather.isNumeric('temp_max')).toBe(true)
    expect(weather.isNumeric('date')).toBe(false)
    expect(weather.row(0)).toEqual({ date: '2012-01-01', precipitation: 0, temp_max: 12.8, temp_min: 5, wind: 4.7, weather: 'drizzle' })
  })

  test('reads text: empty and NA cells are missing, booleans typed, quotes honoured', async () => {
    const data = await readCsv('x,flag,label\n1.5,true,"a, b"\n,false,NA\n-2e3,TRUE,c\n')
    expect(Array.from(data.column('x') as Float64Array)).toEqual([1.5, Number.NaN, -2000])
    expect(data.column('flag')).toEqual([true, false, true])
    expect(data.column('label')).toEqual(['a, b', null, 'c'])
    expect(data.name).toBe('csv')
  })

  test('a column with one non-number stays text; columns can be selected', async () => {
    const data = await readCsv('id,score\n1,0.5\n2,high\n', { columns: ['score'] })
    expect(data.columnNames).toEqual(['score'])
    expect(data.column('score')).toEqual(['0.5', 'high'])
  })

  test('ragged rows name the line', async () => {
    await expect(readCsv('x,y\n1,2\n3\n4,5,6\n')).rejects.toThrow(
      'readCsv: expected 2 cells on every row of the CSV text (one per header column), received 1 cells on data row 2 (line 3) and 1 more ragged rows.',
    )
  })

  test('a repeated header name is an error, not a silently dropped column', async () => {
    await expect(readCsv('x,y,x\n1,2,3\n')).rejects.toThrow(
      'readCsv: expected distinct column names in the header of the CSV text, received "x" twice (columns 1 and 3).\nHint: Rename one of the columns; every column needs its own name.',
    )
  })

  test('a missing file names the path', async () => {
    await expect(readCsv('data/no-such-file.csv')).rejects.toThrow('readCsv: expected an existing file, received "data/no-such-file.csv" (no such file).')
  })

  test('unknown column and empty file are clear errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-csv-'))
    const empty = join(dir, 'empty.csv')
    writeFileSync(empty, '')
    await expect(readCsv(empty)).rejects.toThrow(/expected a header line in ".*empty\.csv", received no lines/)
    await expect(readCsv('a,b\n1,2\n', { columns: ['c'] })).rejects.toThrow('expected a column named one of [a, b], received "c"')
  })

  test('semicolon delimiter is detected', async () => {
    const data = await readCsv('a;b\n1;2\n3;4\n')
    expect(Array.from(data.column('b') as Float64Array)).toEqual([2, 4])
  })
})
