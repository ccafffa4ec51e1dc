import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { auditPredictionLog } from '../../../src/patterns/audit-prediction-log.js'
import { cached } from '../../../src/patterns/cached.js'
import { manualClock } from '../../../src/patterns/clock.js'
import { type DelayedLabel, joinDelayedLabels } from '../../../src/patterns/join-delayed-labels.js'
import { logged } from '../../../src/patterns/logged.js'
import { memoryPredictionSink, type PredictionLogEntry } from '../../../src/patterns/prediction-log.js'
import { openSqlite } from '../../../src/patterns/sqlite-driver.js'
import { sqlitePredictionLog } from '../../../src/patterns/sqlite-prediction-log.js'
import { withFallback } from '../../../src/patterns/with-fallback.js'

const folder = mkdtempSync(join(tmpdir(), 'vitest-ml-sqlite-log-'))
let files = 0
const databasePath = (): string => join(folder, `predictions-${++files}.db`)
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const model = functionModel((row: number[]) => [1 - (row[0] ?? 0), row[0] ?? 0], { name: 'threshold', version: '7' })

/** A day of 24 hourly predictions logged to both sinks; labels agree with the model before noon only. */
async function day(sinks: { write(entries: readonly PredictionLogEntry[]): unknown }[]) {
  const clock = manualClock('2026-03-02T00:00:00Z')
  const services = sinks.map((sink) => logged(model, { sink: sink as never, modelVersion: '7', clock }))
  const labels: DelayedLabel[] = []
  for (let hour = 0; hour < 24; hour++) {
    const row = [hour % 2 === 0 ? 0.9 : 0.1]
    const answers = await Promise.all(services.map((service) => service.predictLogged([row])))
    const predicted = hour % 2 === 0 ? 1 : 0
    if (hour % 6 !== 5)
      labels.push({ id: answers[0]?.[0]?.id ?? '', label: hour < 12 ? predicted : 1 - predicted, arrivedAt: clock.now() + (hour + 1) * 3_600_000 })
    clock.advance(3_600_000)
  }
  return { services, labels }
}

describe('sqlitePredictionLog', () => {
  test('stores every field of logged() entries and reads them back equal, in commit order', async () => {
    const log = sqlitePredictionLog(databasePath())
    const memory = memoryPredictionSink()
    await day([log, memory])
    log.flush()
    expect(log.entries()).toEqual(memory.entries)
    expect(log.count()).toBe(24)
    expect(log.count({ servedBy: 'primary' })).toBe(24)
    const rows = openSqlite('test', log.path).prepare('SELECT id, time_ms, output, served_by FROM predictions ORDER BY rowid LIMIT 1').get()
    expect(rows).toEqual({ id: '7-1', time_ms: Date.parse('2026-03-02T00:00:00Z'), output: '[0.09999999999999998,0.9]', served_by: 'primary' })
    await log.close()
  })

  test('batches writes: a full buffer commits at once, the rest within flushIntervalMs, all of it at close', async () => {
    const path = databasePath()
    const log = sqlitePredictionLog(path, { batchSize: 3, flushIntervalMs: 50 })
    const service = logged(model, { sink: log, modelVersion: '7' })
    await service.predict([[0.1], [0.2]])
    expect(log.stats()).toMatchObject({ committed: 0, buffered: 2, flushes: 0 })
    await service.predict([[0.3]])
    expect(log.stats()).toMatchObject({ committed: 3, buffered: 0, flushes: 1 })
    await service.predict([[0.4]])
    expect(log.stats()).toMatchObject({ committed: 3, buffered: 1 })
    for (let wait = 0; wait < 500 && log.stats().buffered > 0; wait++) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(log.stats()).toMatchObject({ committed: 4, buffered: 0, flushes: 2 })
    await service.predict([[0.5]])
    await log.close()
    expect(sqlitePredictionLog(path).count()).toBe(5)
  })

  test('logs which path served each row: primary, fallback or cache, with the model hash and the latency', async () => {
    const log = sqlitePredictionLog(databasePath())
    let down = false
    const primary = {
      identity: { name: 'scorer.onnx', sha256: 'ab'.repeat(32), version: '7' },
      predict: async (batch: readonly number[][]) => (down ? Promise.reject(new Error('down')) : batch.map((row) => [row[0] ?? 0])),
      release: async () => {},
    }
    const heuristic = functionModel((row: number[]) => [0.5 + 0 * (row[0] ?? 0)], { name: 'half' })
    const service = logged(cached(withFallback(primary, heuristic, { timeoutMs: 1000 }), { ttlMs: 60_000 }), { sink: log, modelVersion: '7' })
    await service.predict([[0.25], [0.75]])
    await service.predict([[0.25]])
    down = true
    const answers = await service.predict([[0.9]])
    expect(answers).toEqual([{ value: [0.5], servedBy: 'fallback', reason: 'error' }])
    log.flush()
    expect(log.entries().map(({ servedBy, output, modelSha256 }) => ({ servedBy, output, modelSha256 }))).toEqual([
      { servedBy: 'primary', output: [0.25], modelSha256: 'ab'.repeat(32) },
      { servedBy: 'primary', output: [0.75], modelSha256: 'ab'.repeat(32) },
      { servedBy: 'cache', output: [0.25], modelSha256: 'ab'.repeat(32) },
      { servedBy: 'fallback', output: [0.5], modelSha256: 'ab'.repeat(32) },
    ])
    expect(log.entries().every((entry) => typeof entry.latencyMs === 'number' && entry.latencyMs >= 0)).toBe(true)
    expect([log.count({ servedBy: 'primary' }), log.count({ servedBy: 'cache' }), log.count({ servedBy: 'fallback' })]).toEqual([2, 1, 1])
  })

  test('an id already logged is refused and counted (the first entry is kept), and the audit fails on it', async () => {
    const log = sqlitePredictionLog(databasePath())
    const service = logged(model, { sink: log, modelVersion: '7', id: (row) => `request-${row[0]}` })
    await service.predict([[1], [2]])
    await service.predict([[1]])
    log.flush()
    expect(log.count()).toBe(2)
    expect(log.stats()).toMatchObject({ committed: 2, duplicates: 1 })
    expect(log.audit()).toEqual({ entries: 2, missingEntries: 0, incomplete: [], duplicateIds: ['request-1'], passed: false })
  })

  test('the join in SQL gives what joinDelayedLabels gives on the same entries and labels, with and without asOf', async () => {
    const log = sqlitePredictionLog(databasePath())
    const memory = memoryPredictionSink()
    const { labels } = await day([log, memory])
    log.flush()
    log.addLabels([...labels, { id: 'never-predicted', label: 1 }])
    for (const options of [
      { window: 'hour' as const, classes: [0, 1] },
      { window: 'day' as const, asOf: '2026-03-02T14:30:00Z' },
      { window: 6 * 3_600_000, metrics: ['accuracy' as const, 'brier' as const] },
    ]) {
      const { log: entries, ...inMemory } = joinDelayedLabels(memory.entries, [...labels, { id: 'never-predicted', label: 1 }], options)
      const { audit, ...inSql } = log.joinDelayedLabels(options)
      expect(entries).toHaveLength(24)
      expect(inSql).toEqual(inMemory)
      expect(audit).toMatchObject({ entries: 24, passed: true })
    }
    expect(log.joinDelayedLabels({ window: 'day' })).toMatchObject({
      unmatchedLabels: 1,
      overall: { predictions: 24, labelled: 20, metrics: { accuracy: 0.5 } },
    })
    log.addLabels([{ id: '7-13', label: 1 }])
    expect(log.joinDelayedLabels({ window: 'day' }).overall.metrics['accuracy']).toBe(0.55)
    expect(() => log.joinDelayedLabels({ window: 1.5 })).toThrow(
      /joinDelayedLabels: expected a window of whole milliseconds for a join in the database, received 1.5/,
    )
    expect(() => log.addLabels([{ id: 'x', label: Number.NaN }])).toThrow(/addLabels: /)
  })

  test('the audit in SQL finds what auditPredictionLog finds: missing entries and empty fields', async () => {
    const log = sqlitePredictionLog(databasePath())
    const entries: PredictionLogEntry[] = [
      { id: 'a', time: '2026-03-02T00:00:00Z', model: 'm', modelVersion: '1', featureHash: 'f', output: 1 },
      { id: 'b', time: 'yesterday', model: 'm', modelVersion: '1', featureHash: 'f', output: 1 },
      { id: 'c', time: '2026-03-02T00:00:00Z', model: '', modelVersion: '1', featureHash: 'f', output: undefined },
    ]
    log.write(entries)
    log.flush()
    expect(log.audit({ expectedPredictions: 5 })).toEqual(auditPredictionLog(entries, { expectedPredictions: 5 }))
    expect(log.audit({ expectedPredictions: 5 })).toMatchObject({
      missingEntries: 2,
      incomplete: [
        { index: 1, id: 'b', fields: ['time'] },
        { index: 2, id: 'c', fields: ['model', 'output'] },
      ],
    })
    expect(() => log.joinDelayedLabels()).toThrow(/joinDelayedLabels: expected an ISO time on every log entry, received "yesterday" on entry b/)
    expect(() => log.audit({ requiredFields: ['colour'] })).toThrow(/audit: expected required fields among id, time, model/)
  })

  test('bad options and a bad path give clear errors', () => {
    expect(() => sqlitePredictionLog(databasePath(), { batchSize: 0 })).toThrow(
      /sqlitePredictionLog: expected a whole `batchSize` >= 1 and a `flushIntervalMs` > 0, received 0 and 200/,
    )
    expect(() => sqlitePredictionLog(join(folder, 'no-such-folder', 'log.db'))).toThrow(
      /sqlitePredictionLog: expected an SQLite database at .*no-such-folder.*\n.*Hint: Check the folder exists/,
    )
  })
})

describe('sqlitePredictionLog and a writer killed in the middle of a transaction', () => {
  // The writer is a new Node process (tsx) that writes 80,000 rows before the long batch: give a loaded machine time.
  test('SIGKILL loses only the uncommitted batch: the file is intact and holds whole batches, readable while written', { timeout: 180_000 }, async () => {
    const path = databasePath()
    const rows = 40_000
    // Batches 1 and 2 hold 40,000 rows; batch 3 holds 320,000 (seconds of work), so the kill lands inside it.
    const writer = spawn(process.execPath, ['--import', 'tsx', 'test/support/sqlite-log-writer.ts', path, String(rows), '3'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    let countWhileWriting = -1
    const exited = new Promise<NodeJS.Signals | null>((resolve) => writer.once('exit', (_, signal) => resolve(signal)))
    await new Promise<void>((resolve, reject) => {
      writer.once('exit', () => reject(new Error(`the writer exited early:\n${output}`)))
      writer.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8')
        if (countWhileWriting < 0 && output.includes('committed 1\n')) countWhileWriting = sqlitePredictionLog(path).count()
        if (output.includes('committing 3\n')) resolve()
      })
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    writer.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
    expect(output).not.toContain('committed 3\n')
    expect(countWhileWriting).toBeGreaterThanOrEqual(rows)
    const raw = openSqlite('test', path)
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    const perBatch = raw
      .prepare("SELECT substr(id, 1, instr(substr(id, 7), '-') + 5) AS batch, COUNT(*) AS n FROM predictions GROUP BY batch ORDER BY batch")
      .all()
    expect(perBatch).toEqual([
      { batch: 'batch-1', n: rows },
      { batch: 'batch-2', n: rows },
    ])
    raw.close()
    const reopened = sqlitePredictionLog(path)
    expect(reopened.audit({ expectedPredictions: 2 * rows })).toMatchObject({ entries: 2 * rows, passed: true })
    await reopened.close()
  })
})

describe('sqlitePredictionLog at a normal exit', () => {
  test('a process that exits without close() still commits its buffer', { timeout: 120_000 }, async () => {
    const path = databasePath()
    const script = `const { sqlitePredictionLog } = await import('./src/patterns/sqlite-prediction-log.ts')
      sqlitePredictionLog(${JSON.stringify(path)}).write([{ id: 'last', time: '2026-03-02T00:00:00Z', model: 'm', modelVersion: '1', featureHash: 'f', output: 1 }])`
    await new Promise<void>((resolve, reject) =>
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'inherit' }).once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`exit ${code}`)),
      ),
    )
    expect(
      sqlitePredictionLog(path)
        .entries()
        .map((entry) => entry.id),
    ).toEqual(['last'])
  })
})
