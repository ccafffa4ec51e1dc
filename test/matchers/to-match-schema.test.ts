import { describe, expect, test } from 'vitest'
import { driftMatchers } from '../../matchers/drift-index.js'
import { datasetFromRows } from '../../src/data/dataset.js'
import { featureSchema } from '../../src/data/feature-schema.js'
import { numeric } from '../../src/data/feature-spec.js'
import { inferContract } from '../../src/data/infer-contract.js'
import { readCsv } from '../../src/data/read-csv.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { failureMessage } from '../support/failure-of.js'
import { vegaDataPath } from '../support/vega-data.js'

expect.extend(driftMatchers)

const weather = (await readCsv(vegaDataPath('seattle-weather.csv'))).rows()
const history = datasetFromRows(
  weather.filter((row) => String(row['date']) < '2014'),
  { name: 'weather 2012-2013' },
)
const recent = datasetFromRows(
  weather.filter((row) => String(row['date']) >= '2014'),
  { name: 'weather 2014-2015' },
)
const { contract } = inferContract(history, { label: 'weather' })
/** The 2014-2015 feed as a broken upstream job sends it: temperatures in °F, and "n/a" for missing wind. */
const broken = datasetFromRows(
  recent
    .rows()
    .map((row, index) => ({ ...row, temp_max: Math.round(((row['temp_max'] as number) * 1.8 + 32) * 10) / 10, wind: index % 10 === 0 ? 'n/a' : row['wind'] })),
  { name: 'feed' },
)

describe('toMatchSchema', () => {
  test('passes on fresh data from the same source and records schema evidence (data-1, monitor-2)', ({ task }) => {
    expect(recent).toMatchSchema(contract)
    expect(checksFromMeta(task.meta).at(-1)).toMatchObject({
      kind: 'schema',
      passed: true,
      severity: 'high',
      checklist: ['data-drift-weekly'],
      title: 'weather 2014-2015 matches the data contract learned from weather 2012-2013',
      data: { name: 'weather 2014-2015', rows: 730, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      metrics: { anomalies: 0, highAnomalies: 0, rows: 730, columnsChecked: 6 },
    })
  })

  test('fails on a broken feed with every anomaly, its severity and a one-line fix', async ({ task }) => {
    const message = await failureMessage(() => expect(broken).toMatchSchema(contract))
    expect(message).toContain(
      'feed breaks its data contract: 2 anomalies (730 rows, 6 of 6 contract columns checked against the contract learned from weather 2012-2013 (731 rows)):',
    )
    expect(message).toContain(
      '  [high] temp_max (out-of-range): 728 of 730 values (share 0.9973) outside [-1.1, 34.4]: 728 above max 34.4 (highest 96.1); 230 beyond the range by more than its width; looks like a unit change °C -> °F (99.73% in range once undone). Fix: convert "temp_max" back (°C -> °F) where it is produced, or retrain and infer the contract on the new unit',
    )
    expect(message).toContain(
      '  [high] wind (mixed-types): 73 of 730 values (share 0.1) are text among numbers: "n/a" x73. Fix: declare these tokens missing when reading (readCsv(path, { missing: [...] }) or sentinels: { "wind": [...] }) or fix the feed that writes them',
    )
    const record = checksFromMeta(task.meta).at(-1)
    expect(record).toMatchObject({
      kind: 'schema',
      passed: false,
      metrics: { anomalies: 2, highAnomalies: 2, 'temp_max.out-of-range.outOfRange': 728 },
      counterexample: { type: 'out-of-range', column: 'temp_max' },
    })
    expect(record?.message).not.toContain('\u001b')
  })

  test('allowed anomalies are listed but pass; maxListed shortens the message', async () => {
    expect(broken).toMatchSchema(contract, { allow: ['out-of-range', 'mixed-types'] })
    const message = await failureMessage(() => expect(broken).toMatchSchema(contract, { maxListed: 1 }))
    expect(message).toContain('  ... and 1 more anomaly (raise maxListed to list them)')
  })

  test('.not passes for a broken feed and fails for a healthy one', async () => {
    expect(broken).not.toMatchSchema(contract)
    const message = await failureMessage(() => expect(recent).not.toMatchSchema(contract))
    expect(message).toContain(
      'Expected weather 2014-2015 to break its data contract, but it matches (730 rows, 6 of 6 contract columns checked against the contract learned from weather 2012-2013 (731 rows)).',
    )
  })

  test('a feature schema or nothing instead of a contract is a clear error', () => {
    const schema = featureSchema({ temp_max: numeric({ min: -5, max: 40 }) })
    expect(() => expect(recent).toMatchSchema(schema as never)).toThrow(
      /^toMatchSchema: expected a data contract \(inferSchema\(train\)\.contract, or loadContract\(path\)\), received a feature schema\.\nHint: /,
    )
    expect(() => expect('rows.csv').toMatchSchema(contract)).toThrow(/^toMatchSchema: expected data data: a Dataset, rows or columns, received string\./)
  })
})
