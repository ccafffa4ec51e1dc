import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { readArrow } from '../../../src/data/read-arrow.js'

const ARROW = 'node_modules/vega-datasets/data/flights-200k.arrow'

describe('readArrow', () => {
  test('reads flights-200k.arrow into Float64Arrays equal to the JSON copy', async () => {
    const flights = await readArrow(ARROW)
    expect(flights.rowCount).toBe(200_000)
    expect(flights.columnNames).toEqual(['delay', 'distance', 'time'])
    const json = JSON.parse(readFileSync('node_modules/vega-datasets/data/flights-200k.json', 'utf8')) as { delay: number; distance: number; time: number }[]
    const delay = flights.column('delay') as Float64Array
    const time = flights.column('time') as Float64Array
    expect(delay).toBeInstanceOf(Float64Array)
    for (const index of [0, 1, 777, 199_999]) {
      expect(delay[index]).toBe(json[index]?.delay)
      expect(time[index]).toBeCloseTo(json[index]?.time ?? Number.NaN, 4)
    }
  })

  test('column subset, unknown column, missing file, not Arrow', async () => {
    expect((await readArrow(ARROW, { columns: ['distance'] })).columnNames).toEqual(['distance'])
    await expect(readArrow(ARROW, { columns: ['dist'] })).rejects.toThrow(
      /expected a column of ".*flights-200k\.arrow", one of \[delay, distance, time\], received "dist"/,
    )
    await expect(readArrow('data/none.arrow')).rejects.toThrow('readArrow: expected an existing file, received "data/none.arrow" (no such file).')
    const fake = join(mkdtempSync(join(tmpdir(), 'vitest-ml-arrow-')), 'fake.arrow')
    writeFileSync(fake, '{"not": "arrow"}')
    await expect(readArrow(fake)).rejects.toThrow(/readArrow: expected an Arrow IPC/)
  })
})
