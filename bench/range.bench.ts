/**
 * range-100k: a range check over 100,000 generated rows on the penguins ONNX classifier, against
 * (a) the raw floor — generating the same rows with fast-check and batched `session.run`, nothing else — and
 * (b) the naive way — `fc.assert(fc.asyncProperty(...))` with one `model.predict` per case — and, for
 * transparency, (c) the same with one raw `session.run` per case.
 */
import fc from 'fast-check'
import * as ort from 'onnxruntime-node'
import { onnxModel } from '../src/model/onnx-model.js'
import { outputRangeProbe } from '../src/properties/output-range-probe.js'
import { runBatchedProperty } from '../src/properties/run-batched-property.js'
import { type BenchEntry, entry, medianSeconds } from './bench-entry.js'

const MODEL = 'models/penguins-mlp.onnx'
const RUNS = 100_000
const SEED = 2024
const BATCH = 8192
const rows = fc.tuple(
  fc.double({ min: 32, max: 60, noNaN: true }),
  fc.double({ min: 13, max: 22, noNaN: true }),
  fc.double({ min: 170, max: 232, noNaN: true }),
  fc.double({ min: 2700, max: 6300, noNaN: true }),
  fc.integer({ min: 0, max: 2 }),
)

export default async function rangeBench(): Promise<BenchEntry[]> {
  const model = await onnxModel(MODEL, { output: 'probabilities', batchSize: BATCH })
  const session = await ort.InferenceSession.create(MODEL)
  const probe = outputRangeProbe<number[]>({ min: 0, max: 1 })

  const ours = await medianSeconds(async () => {
    const result = await runBatchedProperty({ model, cases: rows, probe, numRuns: RUNS, seed: SEED })
    if (result.violations !== 0) throw new Error('range bench: unexpected violations')
  }, 3)

  const raw = await medianSeconds(async () => {
    const sample = fc.sample(rows, { seed: SEED, numRuns: RUNS })
    for (let start = 0; start < sample.length; start += BATCH) {
      const chunk = sample.slice(start, start + BATCH)
      const data = new Float32Array(chunk.length * 5)
      for (const [i, row] of chunk.entries()) data.set(row, i * 5)
      await session.run({ features: new ort.Tensor('float32', data, [chunk.length, 5]) }, ['probabilities'])
    }
  }, 3)

  // The naive way a user writes it without the engine: one model.predict per fast-check case.
  const naive = await medianSeconds(async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (row) => {
        const [output] = await model.predict([row])
        return (output as number[]).every((value) => value >= 0 && value <= 1)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  }, 1)
  // The same, stripped to the bone: one raw session.run per case (no row validation, no timeout).
  const naiveSession = await medianSeconds(async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (row) => {
        const out = await session.run({ features: new ort.Tensor('float32', Float32Array.from(row), [1, 5]) }, ['probabilities'])
        return (out.probabilities!.data as Float32Array).every((value) => value >= 0 && value <= 1)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  }, 1)

  await model.release()
  await session.release()
  return [
    entry('range-100k-vs-raw', ours, raw, { target: 1.5, note: 'same rows, same batch size; ours adds per-row checks' }),
    entry('range-100k-vs-naive', ours, naive, { target: 0.1, note: 'naive: fc.assert + one model.predict per case' }),
    entry('range-100k-vs-naive-session', ours, naiveSession, { note: 'one raw session.run per case' }),
  ]
}
