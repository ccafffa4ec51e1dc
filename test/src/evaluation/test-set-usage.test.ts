import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compareToBaseline } from '../../../src/evaluation/compare-to-baseline.js'
import { recordTestSetUsage } from '../../../src/evaluation/test-set-usage.js'
import type { Model } from '../../../src/model/model.js'

let directory: string
let path: string
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'test-set-usage-'))
  path = join(directory, 'nested', 'usage.json')
})
afterEach(() => rmSync(directory, { recursive: true, force: true }))

const model = (name: string): Model<number, number> => ({
  identity: { name },
  predict: (batch) => Promise.resolve(batch.map((x) => x % 2)),
  release: () => Promise.resolve(),
})

describe('recordTestSetUsage', () => {
  it('counts distinct models per test set, re-runs once, and warns past the limit', () => {
    const first = recordTestSetUsage('a'.repeat(64), 10, { name: 'm1' }, { path, limit: 2 })
    expect(first).toMatchObject({ models: 1, comparisons: 1, exceeded: false })
    expect(first.warning).toBeUndefined()
    recordTestSetUsage('a'.repeat(64), 10, { name: 'm1' }, { path, limit: 2 })
    recordTestSetUsage('a'.repeat(64), 10, { name: 'm2', sha256: 'f'.repeat(64) }, { path, limit: 2 })
    expect(recordTestSetUsage('b'.repeat(64), 5, { name: 'm3' }, { path, limit: 2 })).toMatchObject({ models: 1, exceeded: false })
    const third = recordTestSetUsage('a'.repeat(64), 10, { name: 'm3', version: '2' }, { path, limit: 2 })
    expect(third).toMatchObject({ models: 3, comparisons: 4, exceeded: true })
    expect(third.warning).toMatch(/test set aaaaaaaaaaaa… has been used to compare 3 models \(limit 2\): its score now overstates performance/)
    const ledger = JSON.parse(readFileSync(path, 'utf8')) as { testSets: Record<string, { models: string[] }> }
    expect(ledger.testSets['a'.repeat(64)]?.models).toEqual(['m1', 'm2#ffffffffffffffff', 'm3@2'])
  })

  it('starts again with a warning on a corrupt ledger, and rejects a bad limit', () => {
    recordTestSetUsage('a'.repeat(64), 1, { name: 'm' }, { path })
    writeFileSync(path, '{ not json')
    expect(recordTestSetUsage('a'.repeat(64), 1, { name: 'm' }, { path }).warning).toMatch(/test-set ledger .*usage\.json is unreadable/)
    expect(() => recordTestSetUsage('a', 1, { name: 'm' }, { path, limit: 0 })).toThrow(/testSetUsage: expected a positive integer `limit`, received 0/)
  })

  it('is used by compareToBaseline, keyed by the evaluation set (order-independent)', async () => {
    const data = { inputs: [1, 2, 3, 4], labels: [1, 0, 1, 0] }
    const shuffled = { inputs: [4, 3, 2, 1], labels: [0, 1, 0, 1] }
    const once = await compareToBaseline(model('a'), 'majority', { data, testSetUsage: { path, limit: 1 } })
    const twice = await compareToBaseline(model('b'), 'majority', { data: shuffled, testSetUsage: { path, limit: 1 } })
    expect(twice.testSetSha256).toBe(once.testSetSha256)
    expect(twice.testSetUsage).toMatchObject({ models: 2, exceeded: true })
    expect(twice.warnings.at(-1)).toMatch(/has been used to compare 2 models \(limit 1\)/)
    expect((await compareToBaseline(model('c'), 'majority', { data })).testSetUsage).toBeUndefined()
  })
})
