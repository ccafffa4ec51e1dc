import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { columnKind } from '../../../src/data/column-kind.js'
import { loadContract, validateContract, writeContract } from '../../../src/data/contract-file.js'
import { datasetFromColumns, datasetFromRows } from '../../../src/data/dataset.js'
import { findDuplicateRows } from '../../../src/data/duplicate-rows.js'
import { inferSchema } from '../../../src/data/infer-schema.js'
import { readJson } from '../../../src/data/read-json.js'
import { schemaFromContract } from '../../../src/data/schema-from-contract.js'
import { vegaDataPath } from '../../support/vega-data.js'

const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-contract-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('columnKind: one stated rule', () => {
  it('reads numbers, numbers written as text and a few non-numeric tokens as numbers', () => {
    expect(columnKind(Float64Array.of(1, 2, Number.NaN))).toMatchObject({ kind: 'integer', distinct: 2 })
    const messy = columnKind(['3.5', '4.1', 'n/a', '2', 'n/a', 7])
    expect(messy).toMatchObject({ kind: 'numeric', numbersAsText: 3, nonNumericTokens: [{ value: 'n/a', count: 2 }] })
  })

  it('keeps text text: more than three distinct non-numbers, or half the values or more', () => {
    expect(columnKind(['1', 'a', 'b', 'c', 'd', '2', '3', '4']).kind).toBe('categorical')
    expect(columnKind(['1', 'n/a', 'n/a', '2']).kind).toBe('categorical')
    expect(columnKind(['sun', 'rain', null]).kind).toBe('categorical')
    expect(columnKind(Array.from({ length: 60 }, (_, i) => `id-${i}`)).kind).toBe('text')
  })

  it('knows booleans, ISO dates, empty columns and declared sentinels', () => {
    expect(columnKind([true, false, null]).kind).toBe('boolean')
    expect(columnKind(['2012-01-01', '2012-01-02T08:30:00Z']).kind).toBe('datetime')
    expect(columnKind([null, null]).kind).toBe('empty')
    expect(columnKind(Float64Array.of(-999, -999), { sentinels: [-999] }).kind).toBe('empty')
  })
})

describe('findDuplicateRows', () => {
  it('finds rows equal to an earlier row, missing values equal to each other, and nothing else', () => {
    const data = datasetFromRows([
      { x: 1, y: 'a' },
      { x: 2, y: 'a' },
      { x: 1, y: 'a' },
      { x: null, y: 'b' },
      { x: null, y: 'b' },
      { x: 1, y: 'a' },
    ])
    const result = findDuplicateRows(data)
    expect(result).toMatchObject({ rows: 6, duplicateRows: 3, groups: 2, duplicateShare: 0.5 })
    expect(result.examples).toEqual([
      { row: 2, firstRow: 0 },
      { row: 4, firstRow: 3 },
      { row: 5, firstRow: 0 },
    ])
    expect(findDuplicateRows(data, { columns: ['y'] }).duplicateRows).toBe(4)
  })

  it('stays exact on many rows (fingerprints are confirmed value by value)', () => {
    const n = 200_000
    const data = datasetFromColumns({ a: Float64Array.from({ length: n }, (_, i) => i % 100_003), b: Array.from({ length: n }, (_, i) => `k${i % 7}`) })
    // Rows i and i + 100003 repeat each other exactly when i % 7 === (i + 100003) % 7, i.e. never (100003 % 7 = 1).
    expect(findDuplicateRows(data).duplicateRows).toBe(0)
    expect(findDuplicateRows(data, { columns: ['a'] }).duplicateRows).toBe(n - 100_003)
  })
})

describe('inferSchema learns a data contract', async () => {
  const penguins = await readJson(vegaDataPath('penguins.json'))
  const { contract, notes, schema } = inferSchema(penguins, { label: 'Species', summaries: true })

  it('per column: kind, range or values, missing values, distinct values; the label stays out of the feature schema', () => {
    expect(contract.columns['Body Mass (g)']).toMatchObject({
      kind: 'integer',
      min: 2700,
      max: 6300,
      missing: 2,
      missingShare: 0.00581395,
      unique: false,
      required: true,
    })
    expect(contract.columns['Island']).toMatchObject({ kind: 'categorical', values: ['Biscoe', 'Dream', 'Torgersen'], distinct: 3 })
    expect(contract.columns['Sex']).toMatchObject({ kind: 'categorical', values: ['.', 'FEMALE', 'MALE'], missing: 10 })
    expect(contract.columns['Species']?.summary).toEqual({ shares: { Adelie: 0.44186, Chinstrap: 0.197674, Gentoo: 0.360465 } })
    expect(contract).toMatchObject({ label: 'Species', source: { name: 'penguins.json', rows: 344 }, duplicates: { rows: 0, share: 0 } })
    expect(schema.names).not.toContain('Species')
    expect(notes).toEqual([])
  })

  it('notes ids, constants and tokens read as missing', () => {
    const data = datasetFromRows(Array.from({ length: 30 }, (_, i) => ({ id: i, site: 'north', reading: i % 5 === 0 ? 'n/a' : String(i / 2) })))
    const learned = inferSchema(data)
    expect(learned.notes).toEqual([
      'id: every value distinct (an id?): repeats will be anomalies',
      'site: one value only ("north"): a constant carries no information',
      'reading: numbers with "n/a" x6 read as missing',
    ])
    expect(learned.contract.columns['reading']).toMatchObject({ kind: 'numeric', sentinels: ['n/a'], missing: 6, min: 0.5, max: 14.5 })
  })

  it('round-trips through a reviewed JSON file validated by its JSON Schema', () => {
    const file = join(dir, 'schema.json')
    writeContract(file, contract)
    expect(readFileSync(file, 'utf8')).toMatch(/^\{\n {2}"format": "vitest-ml\/data-contract@1",/)
    expect(loadContract(file)).toEqual(contract)
  })

  it('names the offending field of a hand edit that breaks the file', () => {
    const broken = JSON.parse(JSON.stringify(contract))
    broken.columns.Island.kind = 'category'
    broken.columns['Body Mass (g)'].maxUnseenShare = 2
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken))
    expect(() => loadContract(join(dir, 'broken.json'))).toThrow(
      /^loadContract: expected .*broken\.json to match its schema, received \/columns\/Island\/kind: must be one of "numeric", "integer", "boolean", "datetime", \.\.\. \(7 allowed values\); \/columns\/Body Mass \(g\)\/maxUnseenShare: must be <= 1\.\nHint: /,
    )
    expect(() => validateContract({ ...contract, columns: { x: { ...contract.columns['Island'], kind: 'integer', min: 5, max: 1 } } })).toThrow(
      /^loadContract: expected columns\.x\.min <= columns\.x\.max in the data contract, received min 5 > max 1\./,
    )
    expect(() => loadContract(join(dir, 'absent.json'))).toThrow(
      /^loadContract: expected a readable contract file at ".*absent\.json", received ENOENT\.\nHint: Write it first/,
    )
  })

  it('gives the feature schema of some of its columns, to generate model inputs', () => {
    const inputs = schemaFromContract(contract, ['Island', 'Body Mass (g)'])
    expect(inputs.features).toEqual({
      Island: { kind: 'categorical', values: ['Biscoe', 'Dream', 'Torgersen'], nullable: false },
      'Body Mass (g)': { kind: 'integer', min: 2700, max: 6300, nullable: false },
    })
    expect(() => schemaFromContract(contract, ['Wings'])).toThrow(/^schemaFromContract: expected a column of the contract \(.*\), received "Wings"\./)
  })
})
