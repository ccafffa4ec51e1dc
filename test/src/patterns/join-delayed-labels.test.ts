import { describe, expect, test } from 'vitest'
import { joinDelayedLabels } from '../../../src/patterns/join-delayed-labels.js'
import type { PredictionLogEntry } from '../../../src/patterns/prediction-log.js'

const entry = (id: string, time: string, output: unknown): PredictionLogEntry => ({ id, time, model: 'm', modelVersion: '1', featureHash: 'h', output })
const log = [
  entry('a', '2026-03-01T10:00:00Z', [0.9, 0.1]),
  entry('b', '2026-03-01T23:59:59Z', [0.2, 0.8]),
  entry('c', '2026-03-02T00:00:00Z', [0.6, 0.4]),
  entry('d', '2026-03-02T12:00:00Z', { probabilities: [0.3, 0.7], label: 1 }),
]

describe('joinDelayedLabels', () => {
  test('joins labels by id and computes accuracy and coverage per UTC day', () => {
    const labels = [
      { id: 'a', label: 'cat' },
      { id: 'b', label: 'cat' },
      { id: 'c', label: 'cat' },
      { id: 'zzz', label: 'dog' },
    ]
    const result = joinDelayedLabels(log, labels, { window: 'day', classes: ['cat', 'dog'] })
    expect(result.windows).toEqual([
      { start: '2026-03-01T00:00:00.000Z', end: '2026-03-02T00:00:00.000Z', predictions: 2, labelled: 2, coverage: 1, metrics: { accuracy: 0.5 } },
      { start: '2026-03-02T00:00:00.000Z', end: '2026-03-03T00:00:00.000Z', predictions: 2, labelled: 1, coverage: 0.5, metrics: { accuracy: 1 } },
    ])
    expect(result.overall).toMatchObject({ predictions: 4, labelled: 3, coverage: 0.75, metrics: { accuracy: 2 / 3 } })
    expect(result.unmatchedLabels).toBe(1)
  })

  test('hourly and custom windows, several metrics, and a cut-off for labels not yet arrived', () => {
    const labels = [
      { id: 'a', label: 0, arrivedAt: '2026-03-01T11:00:00Z' },
      { id: 'd', label: 1, arrivedAt: '2026-03-05T00:00:00Z' },
    ]
    const hourly = joinDelayedLabels(log, labels, { window: 'hour', metrics: ['accuracy', 'balancedAccuracy'], asOf: '2026-03-03T00:00:00Z' })
    expect(hourly.windows.map((window) => window.start)).toEqual([
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T23:00:00.000Z',
      '2026-03-02T00:00:00.000Z',
      '2026-03-02T12:00:00.000Z',
    ])
    expect(hourly.windows[0]?.metrics).toEqual({ accuracy: 1, balancedAccuracy: 1 })
    expect(hourly.windows[3]).toMatchObject({ labelled: 0, metrics: { accuracy: Number.NaN } })
    expect(hourly.notYetArrived).toBe(1)
    expect(joinDelayedLabels(log, [], { window: 2 * 86_400_000 }).windows).toHaveLength(2)
  })

  test('misuse is refused clearly', () => {
    expect(() => joinDelayedLabels(log, [], { window: 0 })).toThrow(/joinDelayedLabels: expected a window of 'day', 'hour' or milliseconds > 0, received 0/)
    expect(() => joinDelayedLabels([entry('x', 'tuesday', 1)], [])).toThrow(/expected an ISO time on every log entry, received "tuesday" on entry x/)
    expect(() => joinDelayedLabels(log, [{ id: 'a', label: Number.NaN }])).toThrow(/joinDelayedLabels: expected finite numbers, strings or bigints as labels/)
  })

  test('a labelled entry whose logged output is missing or empty is an error naming the entry; string outputs are labels', () => {
    const empty = [{ ...entry('e', '2026-03-01T10:00:00Z', 0), output: undefined }]
    expect(() => joinDelayedLabels(empty as never, [{ id: 'e', label: 0 }])).toThrow(
      /^joinDelayedLabels: expected a label, a score, a probability row or a record of named outputs in every labelled log entry, received undefined in entry e\./,
    )
    const record = [{ ...entry('r', '2026-03-01T10:00:00Z', 0), output: {} }]
    expect(() => joinDelayedLabels(record, [{ id: 'r', label: 0 }])).toThrow(/received an empty record \{\} in entry r/)
    const named = [{ ...entry('n', '2026-03-01T10:00:00Z', 0), output: 'cat' }]
    expect(joinDelayedLabels(named, [{ id: 'n', label: 'cat' }]).overall.metrics).toEqual({ accuracy: 1 })
  })
})
