import { describe, expect, test } from 'vitest'
import { patternMatchers } from '../../matchers/patterns-index.js'
import { functionModel } from '../../src/model/function-model.js'
import { manualClock } from '../../src/patterns/clock.js'
import { joinDelayedLabels } from '../../src/patterns/join-delayed-labels.js'
import { logged } from '../../src/patterns/logged.js'
import { memoryPredictionSink, type PredictionLogEntry } from '../../src/patterns/prediction-log.js'
import type { PredictionLogDatabase } from '../../src/patterns/prediction-log-database.js'
import { sqlitePredictionLog } from '../../src/patterns/sqlite-prediction-log.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { failureOf } from '../support/failure-of.js'

expect.extend(patternMatchers)

/** Two days of 10 predictions; the model is right on day one and right on only 4 of 10 on day two. */
async function twoDays() {
  const clock = manualClock('2026-03-01T08:00:00Z')
  const sink = memoryPredictionSink()
  const service = logged(
    functionModel((row: number[]) => [1 - (row[0] ?? 0), row[0] ?? 0], { name: 'threshold' }),
    { sink, modelVersion: '3.1', clock },
  )
  const labels: { id: string; label: number }[] = []
  for (const day of [0, 1]) {
    for (let index = 0; index < 10; index++) {
      const [answer] = await service.predictLogged([[index % 2 === 0 ? 0.9 : 0.1]])
      const predicted = index % 2 === 0 ? 1 : 0
      labels.push({ id: answer?.id ?? '', label: day === 1 && index >= 4 ? 1 - predicted : predicted })
      clock.advance(3_600_000)
    }
    clock.set(Date.parse('2026-03-02T08:00:00Z'))
  }
  return { sink, service, labels }
}

const rightTwice = (labels: { id: string; label: number }[]) =>
  labels.map((label, index) => (index >= 10 ? { ...label, label: index % 2 === 0 ? 1 : 0 } : label))

describe('toMaintainMetric', () => {
  test('passes when every daily window keeps accuracy', async () => {
    const { sink, service, labels } = await twoDays()
    await expect({ log: sink.entries, labels: rightTwice(labels), model: service }).toMaintainMetric({
      metric: 'accuracy',
      min: 0.85,
      window: 'day',
      classes: [0, 1],
    })
  })

  test('fails on the day accuracy drops, pinned', async () => {
    const { sink, labels } = await twoDays()
    const failure = await failureOf(() => expect({ log: sink.entries, labels }).toMaintainMetric({ metric: 'accuracy', min: 0.85 }))
    expect(failure?.message.split('\n').slice(2).join('\n')).toBe(
      [
        'accuracy left >= 0.85 in 1 of 2 daily windows:',
        '  2026-03-02T00:00:00.000Z .. 2026-03-03T00:00:00.000Z: accuracy 0.4 (10 labelled of 10, coverage 1)',
        'Overall: 2026-03-01T00:00:00.000Z .. 2026-03-03T00:00:00.000Z: accuracy 0.7 (20 labelled of 20, coverage 1); 0 windows skipped (fewer than 1 labels); 0 labels matched no prediction.',
        'Logging: 20 entries, complete.',
      ].join('\n'),
    )
  })

  test('records the worst window on the side of the bound: the lowest for a min, the highest for a max (an error rate)', async ({ task }) => {
    const { sink, labels } = await twoDays()
    await failureOf(() => expect({ log: sink.entries, labels }).toMaintainMetric({ metric: 'accuracy', min: 0.85 }))
    expect(checksFromMeta(task.meta).at(-1)?.metrics).toMatchObject({ accuracy: 0.7, worstWindow: 0.4 })
    await failureOf(() => expect({ log: sink.entries, labels }).toMaintainMetric({ metric: 'accuracy', max: 0.5 }))
    expect(checksFromMeta(task.meta).at(-1)?.metrics).toMatchObject({ worstWindow: 1 })
    // In a band, the window furthest outside it: 0.4 is 0.1 below 0.5, 1 only 0.05 above 0.95.
    await failureOf(() => expect({ log: sink.entries, labels }).toMaintainMetric({ metric: 'accuracy', min: 0.5, max: 0.95 }))
    expect(checksFromMeta(task.meta).at(-1)?.metrics).toMatchObject({ worstWindow: 0.4 })
    await failureOf(() => expect({ log: sink.entries, labels }).toMaintainMetric({ metric: 'accuracy', min: 0.3, max: 0.95 }))
    expect(checksFromMeta(task.meta).at(-1)?.metrics).toMatchObject({ worstWindow: 1 })
  })

  test('hourly windows, coverage bounds, and a pre-joined result', async () => {
    const { sink, labels } = await twoDays()
    expect(() => expect({ log: sink.entries, labels: labels.slice(0, 10) }).toMaintainMetric({ min: 0.85, window: 'hour', minCoverage: 0.5 })).toThrow(
      /accuracy left >= 0\.85 \(or coverage < 0\.5\) in 10 of 20 hourly windows:\n {2}2026-03-02T08:00:00\.000Z \.\. 2026-03-02T09:00:00\.000Z: accuracy NaN \(0 labelled of 1, coverage 0\)/,
    )
    const joined = joinDelayedLabels(sink.entries, rightTwice(labels), { window: 'day', metrics: ['accuracy'] })
    await expect(joined).toMaintainMetric({ min: 0.85 })
    expect(() => expect(joined).toMaintainMetric({ metric: 'f1', min: 0.85 })).toThrow(/expected windows with the metric "f1", received metrics accuracy/)
  })

  test('fails when predictions were not logged or entries lack fields, even if accuracy holds', async () => {
    const { sink, service, labels } = await twoDays()
    await service.predict([[0.5]])
    const broken = sink.entries.map((entry, index) => (index === 3 ? ({ ...entry, featureHash: '' } as PredictionLogEntry) : entry))
    expect(() => expect({ log: broken.slice(0, 20), labels: rightTwice(labels), model: service }).toMaintainMetric({ min: 0.85 })).toThrow(
      /Logging: 1 predictions not logged, 1 entries missing fields \(entry 3: featureHash\), 0 duplicate ids\./,
    )
    expect(() => expect({ log: broken.slice(0, 20), labels, model: service }).not.toMaintainMetric({ min: 0.85 })).toThrow(
      /toMaintainMetric: expected a complete prediction log before judging the metric, received 1 predictions not logged/,
    )
  })

  test('records the metric per window with the bound drawn across it', async ({ task }) => {
    const { sink, labels } = await twoDays()
    await expect({ log: sink.entries, labels }).not.toMaintainMetric({ metric: 'accuracy', min: 0.85 })
    const feedback = checksFromMeta(task.meta).find((check) => check.kind === 'feedback')
    expect(feedback?.plots).toEqual([
      {
        type: 'line',
        title: 'accuracy per daily window',
        xLabel: 'window (hours since first)',
        yLabel: 'accuracy',
        series: [
          {
            name: 'accuracy',
            points: [
              [0, 1],
              [24, 0.4],
            ],
          },
          {
            name: 'min 0.85',
            points: [
              [0, 0.85],
              [24, 0.85],
            ],
          },
        ],
      },
    ])
  })

  test('.not inverts (the logging record stays un-negated), and no labelled window is a failure', async ({ task }) => {
    const { sink, labels } = await twoDays()
    await expect({ log: sink.entries, labels }).not.toMaintainMetric({ min: 0.85 })
    expect(checksFromMeta(task.meta).map((check) => [check.kind, check.passed, check.negated])).toEqual([
      ['logging', true, false],
      ['feedback', false, true],
    ])
    expect(() => expect({ log: sink.entries, labels: [] }).toMaintainMetric({ min: 0.85 })).toThrow(
      /No daily window had 1 labelled predictions: nothing to monitor yet\./,
    )
  })

  test('bad input gives clear errors', async () => {
    expect(() => expect(42).toMaintainMetric({ min: 0.85 })).toThrow(
      /toMaintainMetric: expected `\{ log, labels \}`, a prediction log database, or the result of joinDelayedLabels\(\), received number/,
    )
    expect(() => expect({ log: [], labels: [] }).toMaintainMetric({})).toThrow(/toMaintainMetric: expected a bound: `min` or `max`, received neither/)
  })
})

describe('toMaintainMetric on a database log (SQLite: joined and audited in SQL, synchronously)', () => {
  /** The same two days logged to an in-memory SQLite log, with the labels stored next to the predictions. */
  async function twoDaysInSqlite(relabel = (labels: { id: string; label: number }[]) => labels) {
    const { sink, service, labels } = await twoDays()
    const log = sqlitePredictionLog(':memory:', { batchSize: 7 })
    for (const entry of sink.entries) log.write([entry])
    log.addLabels(relabel(labels))
    return { log, service, sink }
  }

  test('passes and fails as on the entries themselves, with the same pinned message', async () => {
    const passing = await twoDaysInSqlite(rightTwice)
    expect({ log: passing.log, model: passing.service }).toMaintainMetric({ metric: 'accuracy', min: 0.85, classes: [0, 1] })
    expect(passing.log).toMaintainMetric({ metric: 'accuracy', min: 0.85 })
    const { log } = await twoDaysInSqlite()
    const failure = await failureOf(() => expect(log).toMaintainMetric({ metric: 'accuracy', min: 0.85 }))
    expect(failure?.message.split('\n').slice(2).join('\n')).toBe(
      [
        'accuracy left >= 0.85 in 1 of 2 daily windows:',
        '  2026-03-02T00:00:00.000Z .. 2026-03-03T00:00:00.000Z: accuracy 0.4 (10 labelled of 10, coverage 1)',
        'Overall: 2026-03-01T00:00:00.000Z .. 2026-03-03T00:00:00.000Z: accuracy 0.7 (20 labelled of 20, coverage 1); 0 windows skipped (fewer than 1 labels); 0 labels matched no prediction.',
        'Logging: 20 entries, complete.',
      ].join('\n'),
    )
    expect(log).not.toMaintainMetric({ metric: 'accuracy', min: 0.85 })
  })

  test('commits the buffer before reading, and counts predictions the database never got', async ({ task }) => {
    const { log, service } = await twoDaysInSqlite(rightTwice)
    expect(log.stats().buffered).toBe(6)
    expect({ log, model: service }).toMaintainMetric({ metric: 'accuracy', min: 0.85 })
    expect(log.stats()).toMatchObject({ buffered: 0, committed: 20 })
    await service.predict([[0.9], [0.1]])
    const failure = await failureOf(() => expect({ log, model: service }).toMaintainMetric({ metric: 'accuracy', min: 0.85 }))
    expect(failure?.message).toMatch(/Logging: 2 predictions not logged, 0 entries missing fields, 0 duplicate ids\.$/)
    expect(
      checksFromMeta(task.meta)
        .filter((check) => check.kind === 'logging')
        .at(-1)?.metrics,
    ).toMatchObject({ entries: 20, missingEntries: 2 })
  })

  test('a server database answers with promises: its joined result is awaited first and passed', async () => {
    const { log } = await twoDaysInSqlite(rightTwice)
    const server: PredictionLogDatabase = {
      write: async (entries) => log.write(entries),
      flush: async () => log.flush(),
      close: () => log.close(),
      addLabels: async (labels) => log.addLabels(labels),
      count: async () => log.count(),
      entries: async () => log.entries(),
      joinDelayedLabels: async (options) => log.joinDelayedLabels(options),
      audit: async (options) => log.audit(options),
      stats: () => log.stats(),
    }
    expect(() => expect(server).toMaintainMetric({ min: 0.85 })).toThrow(
      /toMaintainMetric: expected a database log whose reads answer synchronously \(SQLite\), received reads that return promises\.\nHint: With a server database, `await log\.joinDelayedLabels\(options\)` first/,
    )
    expect(await server.joinDelayedLabels({ window: 'day' })).toMaintainMetric({ metric: 'accuracy', min: 0.85 })
  })
})
