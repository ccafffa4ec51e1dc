import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { readJson } from '../../../src/data/read-json.js'

const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-json-'))
const file = (name: string, text: string): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('readJson', () => {
  test('reads a JSON array of records (cars.json)', async () => {
    const cars = await readJson('node_modules/vega-datasets/data/cars.json')
    expect(cars.rowCount).toBe(406)
    expect(cars.isNumeric('Horsepower')).toBe(true)
    expect(cars.row(0)).toMatchObject({ Name: 'chevrolet chevelle malibu', Horsepower: 130, Origin: 'USA' })
    // cars.json has 6 null horsepowers: they are missing (NaN), not dropped.
    expect(Array.from(cars.column('Horsepower') as Float64Array).filter(Number.isNaN)).toHaveLength(6)
  })

  test('reads JSON Lines; a key a record lacks is missing', async () => {
    const path = file('rows.jsonl', '{"x": 1, "y": "a"}\n\n{"x": 2}\n{"x": null, "y": "c"}\n')
    const data = await readJson(path)
    expect(Array.from(data.column('x') as Float64Array)).toEqual([1, 2, Number.NaN])
    expect(data.column('y')).toEqual(['a', null, 'c'])
  })

  test('bad JSON names the line; non-records and non-arrays are errors', async () => {
    await expect(readJson(file('bad.jsonl', '{"x": 1}\n{"x": \n'))).rejects.toThrow(
      /readJson: expected one JSON record per line in ".*bad\.jsonl", received invalid JSON on line 2/,
    )
    await expect(readJson(file('scalar.json', '[{"x": 1}, 3]'))).rejects.toThrow(
      /expected every element of ".*scalar\.json" to be a record \(\{ "column": value \}\), received number at index 1/,
    )
    await expect(readJson(file('object.json', '{"x": [1, 2]}'), { format: 'array' })).rejects.toThrow(
      /expected a JSON array of records in ".*object\.json", received object/,
    )
    await expect(readJson(file('broken.json', '[{"x": 1},'))).rejects.toThrow(/expected valid JSON in ".*broken\.json"/)
    await expect(readJson(file('lines.jsonl', '{"x": 1}\n\n[1, 2]\n'))).rejects.toThrow(
      /expected every line of ".*lines\.jsonl" to be a record \(\{ "column": value \}\), received an array at line 3/,
    )
  })

  test('a missing file names the path', async () => {
    await expect(readJson('nowhere/rows.json')).rejects.toThrow('readJson: expected an existing file, received "nowhere/rows.json" (no such file).')
  })
})
