import fc from 'fast-check'
import seedrandom from 'seedrandom'
import { describe, expect, test } from 'vitest'
import { functionModel } from '../../src/model/function-model.js'
import type { Model } from '../../src/model/model.js'
import { onnxModel } from '../../src/model/onnx-model.js'

const rows = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
const linear = functionModel((row: readonly [number, number]) => [0.3 * row[0] + 0.7 * row[1]], { name: 'linear' })
/** Adds fresh noise on every call: the same row never gets the same answer twice. */
const noise = seedrandom('noisy-model')
const noisy = functionModel((row: readonly [number, number]) => [0.3 * row[0] + 0.7 * row[1] + 1e-3 * noise()], { name: 'noisy' })
/** Normalises by the batch mean: the answer depends on which other rows share the batch. */
const batchNormalised = functionModel(
  (batch: readonly (readonly [number, number])[]) => {
    const mean = batch.reduce((sum, row) => sum + row[0], 0) / batch.length
    return batch.map((row) => [row[0] - mean + row[1]])
  },
  { batched: true, name: 'batch-normalised' },
)

describe('toBeDeterministic', () => {
  test('passes on a pure function', async () => {
    await expect(linear).toBeDeterministic({ inputs: rows, numRuns: 500 })
  })

  test('passes on the penguins ONNX model, fresh session included', async () => {
    const model = await onnxModel('models/penguins-mlp.onnx', { output: 'probabilities' })
    const penguins = fc.tuple(fc.double({ min: 32, max: 60, noNaN: true }), fc.double({ min: 13, max: 22, noNaN: true }), fc.double({ min: 170, max: 232, noNaN: true }), fc.double({ min: 2700, max: 6300, noNaN: true }), fc.integer({ min: 0, max: 2 }))
    await expect(model).toBeDeterministic({ inputs: penguins, numRuns: 300, seed: 3 })
    await model.release()
  })

  test('fails on noise added per call, naming the repeated call, with the seed', async () => {
    const failure = await expect(noisy).toBeDeterministic({ inputs: rows, numRuns: 200, seed: 5 }).then(() => undefined, (error: Error) => error)
    expect(failure?.message).toMatch(/noisy is not deterministic: 200 of 200 rows \(violation rate 1\) differ by more than 0; max abs difference 0\.000\d+/)
    expect(failure?.message).toMatch(/Broken comparisons: repeated-call 200/)
    expect(failure?.message).toMatch(/Shrunk counterexample \(\d+ shrinks\): alone vs alone, again: max abs difference/)
    // Every row fails, so fast-check shrinks all the way to the simplest row.
    expect(failure?.message).toMatch(/ {2}input: \[0,0\]/)
    expect(failure?.message).toMatch(/Replay: seed 5 — pass \{ seed: 5, numRuns: 200 \} to run the same cases \(fast-check path of the shrunk case: '0(:\d+)*'\)/)
  })

  test('fails on a batch-dependent model, naming the batch composition', async () => {
    const failure = await expect(batchNormalised).toBeDeterministic({ inputs: rows, numRuns: 100, seed: 9 }).then(() => undefined, (error: Error) => error)
    expect(failure?.message).toMatch(/batch-normalised is not deterministic: \d+ of 100 rows/)
    expect(failure?.message).toMatch(/Broken comparisons: batch-composition \d+/)
    expect(failure?.message).toMatch(/alone vs last in a batch: max abs difference/)
    expect(failure?.message).toMatch(/seed 9/)
  })

  test('fails on a model that answers differently in a fresh session, showing the fresh answer', async () => {
    /** Re-initialises a weight in every new session, like an export that forgot to freeze a random init. */
    const session = (weight: number): Model<readonly [number, number], number[]> => ({
      ...functionModel((row: readonly [number, number]) => [weight * row[0] + row[1]], { name: 'reinitialised' }),
      fresh: async () => session(weight + 0.01),
    })
    const failure = await expect(session(1)).toBeDeterministic({ inputs: rows, numRuns: 100, seed: 3 }).then(() => undefined, (error: Error) => error)
    expect(failure?.message).toMatch(/Broken comparisons: fresh-session \d+/)
    expect(failure?.message).toMatch(/Shrunk counterexample \(\d+ shrinks\): alone vs in a fresh session: max abs difference/)
    // Shrunk: the second feature does not matter, and the first is as small as still differs.
    const input = JSON.parse(/ {2}input: (\[.*\])/.exec(failure?.message ?? '')?.[1] ?? 'null') as [number, number]
    expect(input[1]).toBe(0)
    const alone = JSON.parse(/ {2}alone: (\[.*\])/.exec(failure?.message ?? '')?.[1] ?? 'null') as number[]
    const fresh = JSON.parse(/ {2}in a fresh session: (\[.*\])/.exec(failure?.message ?? '')?.[1] ?? 'null') as number[]
    expect(alone).toEqual([input[0]])
    expect(fresh).toEqual([1.01 * input[0]])
  })

  test('a tolerance absorbs tiny noise', async () => {
    await expect(noisy).toBeDeterministic({ inputs: rows, numRuns: 100, tolerance: 1e-2, seed: 1 })
  })

  test('.not passes on a noisy model and fails on a pure one', async () => {
    await expect(noisy).not.toBeDeterministic({ inputs: rows, numRuns: 50, seed: 2 })
    await expect(expect(linear).not.toBeDeterministic({ inputs: rows, numRuns: 50, seed: 2 })).rejects.toThrow(
      /Expected linear to answer some row differently, but every row matched across repeated-call, batch-composition, alone-vs-batch \(max abs difference 0\)/,
    )
  })

  test('same seed, same message (generation, shuffles and batch sizes are all seeded)', async () => {
    const run = (seed: number): Promise<string> => expect(batchNormalised).toBeDeterministic({ inputs: rows, numRuns: 100, seed }).then(() => '', (error: Error) => error.message)
    const first = await run(12)
    expect(first).toMatch(/seed 12/)
    expect(await run(12)).toBe(first)
    expect(await run(13)).not.toBe(first)
  })

  test('real rows work too (no shrinking, the failing row itself is shown)', async () => {
    const real: [number, number][] = [[0.1, 0.2], [0.5, 0.5], [0.9, 0.1]]
    await expect(linear).toBeDeterministic({ inputs: real })
    await expect(expect(batchNormalised).toBeDeterministic({ inputs: real, seed: 4 })).rejects.toThrow(/First failing row \(real rows are used as given, not shrunk\): .*\n {2}input: \[0\.1,0\.2\]/)
  })

  test('bad arguments give clear errors, never a crash or a silent pass', async () => {
    await expect(expect(linear).toBeDeterministic(undefined as never)).rejects.toThrow(/^toBeDeterministic: expected an options object with `inputs`, received undefined\.\nHint: /)
    await expect(expect(linear).toBeDeterministic({ inputs: rows, numRuns: 0 })).rejects.toThrow(/toBeDeterministic: expected a positive whole `numRuns`, received 0/)
    await expect(expect(linear).toBeDeterministic({ inputs: rows, tolerance: -1 })).rejects.toThrow(/toBeDeterministic: expected a `tolerance` >= 0, received -1/)
    // A NaN tolerance would make every comparison false, so a noisy model would pass.
    await expect(expect(noisy).toBeDeterministic({ inputs: rows, numRuns: 20, tolerance: Number.NaN })).rejects.toThrow(/toBeDeterministic: expected a `tolerance` >= 0, received NaN/)
    await expect(expect(linear).toBeDeterministic({ inputs: 42 as never })).rejects.toThrow(/toBeDeterministic: expected `inputs`: a fast-check Arbitrary or an array of rows, received number/)
  })
})
