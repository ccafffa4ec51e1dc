// Production patterns 5 (prediction caching) and 6 (delayed feedback), and anti-pattern 5 (not logging predictions)
// avoided, on penguins-mlp (models/) and the held-out Palmer penguins rows shipped by vega-datasets.
//
// The feedback half simulates one day of traffic on a manual clock: 12 predictions an hour from 08:00 to 19:59 UTC,
// every one logged to a JSONL file; species labels arrive hours later (some never). At 14:00 an upstream change
// starts sending body mass in kilograms instead of grams, and hourly accuracy monitoring catches it.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import seedrandom from 'seedrandom'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cached, type DelayedLabel, JsonlFileSink, joinDelayedLabels, logged, type Model, manualClock, onnxModel, readPredictionLog } from 'vitest-ml'
import { loadSplit } from './support/model-split.js'

// The penguins model's held-out test split, rebuilt from its metadata the way the training script built it.
const split = loadSplit('penguins-mlp')
const inputs = split.test.inputs
const species = split.test.labels.map(String)
const classes = split.classNames
type Row = readonly number[]
let mlp: Model<Row, number[]>
let folder: string
let days = 0

beforeAll(async () => {
  mlp = await onnxModel<number[]>('models/penguins-mlp.onnx', { output: 'probabilities', version: '2026.03.1', sessionOptions: { intraOpNumThreads: 1 } })
  folder = await mkdtemp(join(tmpdir(), 'vitest-ml-example-08-'))
})

afterAll(async () => {
  await mlp.release()
  await rm(folder, { recursive: true, force: true })
})

describe('prediction cache in front of penguins-mlp', () => {
  test('cached answers equal fresh ones, entries expire after an hour and are refreshed', async () => {
    const clock = manualClock('2026-03-02T08:00:00Z')
    const served = cached(mlp, { ttlMs: 3_600_000, clock })
    expect(await served.predict(inputs)).toEqual(await mlp.predict(inputs))
    expect(await served.predict(inputs)).toEqual(await mlp.predict(inputs))
    expect(served.stats()).toMatchObject({ hits: inputs.length, misses: inputs.length })
    await expect(served).toServeFreshFromCache({ inputs, ttlMs: 3_600_000 })
  })

  test('a cache keyed by island alone serves one penguin the answer of another', async () => {
    const byIsland = cached(mlp, { ttlMs: 3_600_000, clock: manualClock(), key: (row) => `island:${row[4]}` })
    await expect(byIsland).not.toServeFreshFromCache({ inputs })
  })
})

describe('a day of logged predictions with delayed labels', () => {
  async function simulateDay() {
    const clock = manualClock('2026-03-02T08:00:00Z')
    const path = join(folder, `predictions-${++days}.jsonl`)
    const service = logged(mlp, { sink: new JsonlFileSink(path), modelVersion: '2026.03.1', clock })
    const random = seedrandom('vitest-ml/examples/day-of-traffic')
    const labels: DelayedLabel[] = []
    for (let hour = 8; hour < 20; hour++) {
      clock.set(Date.parse(`2026-03-02T${String(hour).padStart(2, '0')}:00:00Z`))
      for (let request = 0; request < 12; request++) {
        const pick = Math.floor(random() * inputs.length)
        const row = inputs[pick] as number[]
        // From 14:00 body mass arrives in kilograms (an upstream unit change).
        const sent = hour >= 14 ? row.map((value, feature) => (feature === 3 ? value / 1000 : value)) : row
        const [answer] = await service.predictLogged([sent])
        // The species is confirmed 2 to 30 hours later, for about 85 % of the predictions.
        if (random() < 0.85) labels.push({ id: answer?.id ?? '', label: species[pick], arrivedAt: clock.now() + (2 + 28 * random()) * 3_600_000 })
        clock.advance(300_000)
      }
    }
    return { service, labels, log: await readPredictionLog(path) }
  }

  test('every prediction is in the JSONL log with id, time, version, feature hash and output', async () => {
    const { service, log } = await simulateDay()
    expect(log).toHaveLength(service.stats().predictions)
    expect(log[0]).toMatchObject({ id: '2026.03.1-1', time: '2026-03-02T08:00:00.000Z', model: 'penguins-mlp.onnx', modelVersion: '2026.03.1' })
    expect(log[0]?.featureHash).toMatch(/^[0-9a-f]{64}$/)
  })

  test('hourly accuracy monitoring catches the afternoon degradation, hour by hour', async () => {
    const { service, labels, log } = await simulateDay()
    const morning = log.filter((entry) => entry.time < '2026-03-02T14:00')
    await expect({ log: morning, labels }).toMaintainMetric({ metric: 'accuracy', min: 0.85, window: 'hour', classes })
    await expect({ log, labels, model: service }).not.toMaintainMetric({ metric: 'accuracy', min: 0.85, window: 'hour', classes })
    const hourly = joinDelayedLabels(log, labels, { window: 'hour', classes })
    const failing = hourly.windows.filter((window) => (window.metrics['accuracy'] ?? 0) < 0.85).map((window) => window.start.slice(11, 16))
    expect(failing).toEqual(['14:00', '15:00', '16:00', '17:00', '18:00', '19:00'])
  })

  test('the same day seen the next morning: labels that had not arrived yet are left out, coverage says how many', async () => {
    const { labels, log } = await simulateDay()
    const early = joinDelayedLabels(log, labels, { window: 'day', classes, asOf: '2026-03-03T06:00:00Z' })
    const complete = joinDelayedLabels(log, labels, { window: 'day', classes })
    expect(early.notYetArrived).toBeGreaterThan(0)
    expect(early.overall.coverage).toBeLessThan(complete.overall.coverage)
    expect(complete.overall.coverage).toBeGreaterThan(0.75)
  })
})
