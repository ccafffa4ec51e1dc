import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { auditPredictionLog } from '../../../src/patterns/audit-prediction-log.js'
import { manualClock } from '../../../src/patterns/clock.js'
import { featureHash } from '../../../src/patterns/feature-hash.js'
import { JsonlFileSink, readPredictionLog } from '../../../src/patterns/jsonl-file-sink.js'
import { logged } from '../../../src/patterns/logged.js'
import { memoryPredictionSink, type PredictionLogEntry } from '../../../src/patterns/prediction-log.js'
import { miscountingModel } from '../../support/malformed-models.js'

const model = functionModel((row: number[]) => [(row[0] ?? 0) > 0 ? 0.9 : 0.1], { name: 'scorer' })

describe('logged', () => {
  test('writes one entry per row with id, time, model, version, feature hash and output', async () => {
    const clock = manualClock('2026-03-02T09:30:00Z')
    const sink = memoryPredictionSink()
    const service = logged(model, { sink, modelVersion: '1.4.0', clock })
    expect(await service.predict([[1], [-1]])).toEqual([[0.9], [0.1]])
    expect(sink.entries).toEqual([
      {
        id: '1.4.0-1',
        time: '2026-03-02T09:30:00.000Z',
        model: 'scorer',
        modelVersion: '1.4.0',
        featureHash: featureHash([1]),
        output: [0.9],
        latencyMs: 0,
        servedBy: 'primary',
      },
      {
        id: '1.4.0-2',
        time: '2026-03-02T09:30:00.000Z',
        model: 'scorer',
        modelVersion: '1.4.0',
        featureHash: featureHash([-1]),
        output: [0.1],
        latencyMs: 0,
        servedBy: 'primary',
      },
    ])
    expect(service.identity.version).toBe('1.4.0')
    const [answer] = await logged(model, { sink, modelVersion: '1.4.0', id: () => 'req-7', includeFeatures: true }).predictLogged([[3]])
    expect(answer).toEqual({ id: 'req-7', output: [0.9] })
    expect(sink.entries.at(-1)).toMatchObject({ id: 'req-7', features: [3] })
  })

  test('a failing sink never fails the answer; lost entries are counted', async () => {
    const service = logged(model, { sink: { write: () => Promise.reject(new Error('disk full')) }, modelVersion: '1' })
    expect(await service.predict([[1], [2]])).toHaveLength(2)
    expect(service.stats()).toEqual({ predictions: 2, logged: 0, logFailures: 2 })
  })

  test('JsonlFileSink appends JSONL lines that read back as the same entries', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'vitest-ml-log-'))
    try {
      const path = join(folder, 'nested', 'predictions.jsonl')
      const sink = new JsonlFileSink(path)
      const memory = memoryPredictionSink()
      const clock = manualClock('2026-03-02T00:00:00Z')
      await logged(model, { sink, modelVersion: '2', clock }).predict([[1], [2]])
      await logged(model, { sink: memory, modelVersion: '2', clock }).predict([[1], [2]])
      expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(3)
      expect(await readPredictionLog(path)).toEqual(memory.entries)
      await writeFile(path, '{"id":"a"}\n{"id":\n', 'utf8')
      await expect(readPredictionLog(path)).rejects.toThrow(/readPredictionLog: expected one JSON object per line, received unparseable line 2 of/)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})

describe('auditPredictionLog', () => {
  const entry = (id: string): PredictionLogEntry => ({ id, time: '2026-03-02T00:00:00Z', model: 'm', modelVersion: '1', featureHash: 'abc', output: 1 })
  test('passes a complete log and finds missing entries, missing fields and duplicate ids', () => {
    expect(auditPredictionLog([entry('a'), entry('b')], { expectedPredictions: 2 }).passed).toBe(true)
    const { modelVersion: _, ...noVersion } = entry('c')
    const result = auditPredictionLog([entry('a'), entry('a'), noVersion as PredictionLogEntry, { ...entry('d'), time: 'yesterday' }], {
      expectedPredictions: 6,
    })
    expect(result).toEqual({
      entries: 4,
      missingEntries: 2,
      incomplete: [
        { index: 2, id: 'c', fields: ['modelVersion'] },
        { index: 3, id: 'd', fields: ['time'] },
      ],
      duplicateIds: ['a'],
      passed: false,
    })
  })
})

describe('logged and a wrong output count', () => {
  test('a model answering one output too many or too few is an error, never a log with a row silently dropped or left undefined', async () => {
    const sink = memoryPredictionSink()
    await expect(
      logged(
        miscountingModel((row: number[]) => [row[0] ?? 0], 1),
        { sink, modelVersion: '1' },
      ).predict([[1], [2]]),
    ).rejects.toThrow(/^logged: expected oneTooMany to return one output per input \(2\), received 3 outputs\./)
    await expect(
      logged(
        miscountingModel((row: number[]) => [row[0] ?? 0], -1),
        { sink, modelVersion: '1' },
      ).predict([[1], [2]]),
    ).rejects.toThrow(/received 1 outputs/)
    expect(sink.entries).toEqual([])
  })
})
