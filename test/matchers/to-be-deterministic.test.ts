import fc from 'fast-check'
import seedrandom from 'seedrandom'
import { describe, expect, test } from 'vitest'
import { functionModel } from '../../src/model/function-model.js'
import type { Model } from '../../src/model/model.js'
import { onnxModel } from '../../src/model/onnx-model.js'
import { catOrDog, constantModel, failureOf, miscountingModel, plain, randomStringModel } from '../support/malformed-models.js'

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
    const penguins = fc.tuple(
      fc.double({ min: 32, max: 60, noNaN: true }),
      fc.double({ min: 13, max: 22, noNaN: true }),
      fc.double({ min: 170, max: 232, noNaN: true }),
      fc.double({ min: 2700, max: 6300, noNaN: true }),
      fc.integer({ min: 0, max: 2 }),
    )
    await expect(model).toBeDeterministic({ inputs: penguins, numRuns: 300, seed: 3 })
    await model.release()
  })

  test('fails on noise added per call, naming the repeated call, with the seed', async () => {
    const failure = await expect(noisy)
      .toBeDeterministic({ inputs: rows, numRuns: 200, seed: 5 })
      .then(
        () => undefined,
        (error: Error) => error,
      )
    expect(failure?.message).toMatch(
      /noisy is not deterministic: 200 of 200 rows \(violation rate 1 under [^\n]+?\) differ by more than 0; max abs difference 0\.000\d+/,
    )
    expect(failure?.message).toMatch(/Broken comparisons: repeated-call 200/)
    expect(failure?.message).toMatch(/Shrunk counterexample \(\d+ shrinks\): alone vs alone, again: max abs difference/)
    // Every row fails, so fast-check shrinks all the way to the simplest row.
    expect(failure?.message).toMatch(/ {2}input: \[0,0\]/)
    expect(failure?.message).toMatch(/Replay: \{ seed: 5, numRuns: 200, path: '0(:\d+)*' \}/)
  })

  test('fails on a batch-dependent model, naming the batch composition', async () => {
    const failure = await expect(batchNormalised)
      .toBeDeterministic({ inputs: rows, numRuns: 100, seed: 9 })
      .then(
        () => undefined,
        (error: Error) => error,
      )
    expect(failure?.message).toMatch(/batch-normalised is not deterministic: \d+ of 100 rows/)
    expect(failure?.message).toMatch(/Broken comparisons: batch-composition \d+/)
    expect(failure?.message).toMatch(/alone vs last in a batch: max abs difference/)
    expect(failure?.message).toMatch(/seed: 9/)
  })

  test('fails on a model that answers differently in a fresh session, showing the fresh answer', async () => {
    /** Re-initialises a weight in every new session, like an export that forgot to freeze a random init. */
    const session = (weight: number): Model<readonly [number, number], number[]> => ({
      ...functionModel((row: readonly [number, number]) => [weight * row[0] + row[1]], { name: 'reinitialised' }),
      fresh: async () => session(weight + 0.01),
    })
    const failure = await expect(session(1))
      .toBeDeterministic({ inputs: rows, numRuns: 100, seed: 3 })
      .then(
        () => undefined,
        (error: Error) => error,
      )
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
      /Expected linear to answer some row differently, but all 50 rows \(under [^\n]+\) matched across repeated-call, batch-composition, alone-vs-batch \(max abs difference 0\)/,
    )
  })

  test('same seed, same message (generation, shuffles and batch sizes are all seeded)', async () => {
    const run = (seed: number): Promise<string> =>
      expect(batchNormalised)
        .toBeDeterministic({ inputs: rows, numRuns: 100, seed })
        .then(
          () => '',
          (error: Error) => error.message,
        )
    const first = await run(12)
    expect(first).toMatch(/seed: 12/)
    expect(await run(12)).toBe(first)
    expect(await run(13)).not.toBe(first)
  })

  test('real rows work too (no shrinking, the failing row itself is shown)', async () => {
    const real: [number, number][] = [
      [0.1, 0.2],
      [0.5, 0.5],
      [0.9, 0.1],
    ]
    await expect(linear).toBeDeterministic({ inputs: real })
    await expect(expect(batchNormalised).toBeDeterministic({ inputs: real, seed: 4 })).rejects.toThrow(
      /First failing row \(real rows are used as given, not shrunk\): .*\n {2}input: \[0\.1,0\.2\]/,
    )
  })

  test('bad arguments give clear errors, never a crash or a silent pass', async () => {
    await expect(expect(linear).toBeDeterministic(undefined as never)).rejects.toThrow(
      /^toBeDeterministic: expected an options object with `inputs`, received undefined\.\nHint: /,
    )
    await expect(expect(linear).toBeDeterministic({ inputs: rows, numRuns: 0 })).rejects.toThrow(
      /toBeDeterministic: expected a positive whole `numRuns`, received 0/,
    )
    await expect(expect(linear).toBeDeterministic({ inputs: rows, tolerance: -1 })).rejects.toThrow(
      /toBeDeterministic: expected a `tolerance` >= 0, received -1/,
    )
    // A NaN tolerance would make every comparison false, so a noisy model would pass.
    await expect(expect(noisy).toBeDeterministic({ inputs: rows, numRuns: 20, tolerance: Number.NaN })).rejects.toThrow(
      /toBeDeterministic: expected a `tolerance` >= 0, received NaN/,
    )
    await expect(expect(linear).toBeDeterministic({ inputs: 42 as never })).rejects.toThrow(
      /toBeDeterministic: expected `inputs`: a fast-check Arbitrary or an array of rows, received number/,
    )
  })
})

describe('toBeDeterministic compares outputs by what they are', () => {
  test('a model answering a fresh random string on every call fails: strings are compared exactly, not as NaN', async () => {
    const failure = await failureOf(expect(randomStringModel('determinism-strings')).toBeDeterministic({ inputs: rows, numRuns: 50, seed: 1 }))
    const message = plain(failure?.message)
    expect(message).toMatch(
      /randomString is not deterministic: 50 of 50 rows \(violation rate 1 under [^\n]+?\) fail: 50 differ in a value compared exactly \(string, label, boolean, bigint\) or in shape; max abs difference 0\./,
    )
    expect(message).toMatch(/Broken comparisons: repeated-call 50/)
    expect(message).toMatch(/Shrunk counterexample \(\d+ shrinks\): alone vs alone, again: output '0\.\d+' vs '0\.\d+'\n/)
  })

  test('a label model that answers the same label every time passes, and .not fails', async () => {
    await expect(catOrDog).toBeDeterministic({ inputs: rows, numRuns: 100, seed: 2 })
    await expect(expect(catOrDog).not.toBeDeterministic({ inputs: rows, numRuns: 20, seed: 2 })).rejects.toThrow(
      /Expected catOrDog to answer some row differently/,
    )
  })

  test.each([
    ['undefined', undefined, 'missing (undefined)'],
    ['null', null, 'missing (null)'],
    ['[]', [], 'empty ([])'],
    ['{}', {}, 'empty ({})'],
  ])('a model answering %s fails: there is nothing to be deterministic about', async (_, value, phrase) => {
    const failure = await failureOf(expect(constantModel(value, 'nothing')).toBeDeterministic({ inputs: rows, numRuns: 30, seed: 3 }))
    const message = plain(failure?.message)
    expect(message).toMatch(
      /nothing is not deterministic: 30 of 30 rows \(violation rate 1 under [^\n]+?\) fail: 30 got no output \(undefined, null, \[\] or \{\}\); max abs difference 0\./,
    )
    expect(message).toMatch(/Broken comparisons: missing-output 30/)
    expect(message).toContain(`: alone: the output is ${phrase}\n`)
  })

  test('a hand-written model that answers one output too many or too few is an error, not a pass', async () => {
    const first = (row: readonly [number, number]): number[] => [row[0]]
    await expect(expect(miscountingModel(first, 1)).toBeDeterministic({ inputs: rows, numRuns: 50, seed: 4 })).rejects.toThrow(
      /^toBeDeterministic: expected oneTooMany to return one output per input \(50\), received 51 outputs\.\nHint: A Model must answer every row of a batch, in order/,
    )
    await expect(expect(miscountingModel(first, -1)).toBeDeterministic({ inputs: rows, numRuns: 50, seed: 4 })).rejects.toThrow(
      /^toBeDeterministic: expected oneTooFew to return one output per input \(50\), received 49 outputs\./,
    )
  })

  test('an output whose shape changes between calls for the same row fails, showing both shapes', async () => {
    let calls = 0
    const growing = functionModel(
      (batch: readonly (readonly [number, number])[]) => {
        calls++
        return batch.map((row) => (calls % 2 === 1 ? [row[0]] : [row[0], 0]))
      },
      { batched: true, name: 'growing' },
    )
    const failure = await failureOf(expect(growing).toBeDeterministic({ inputs: [[0.25, 0.5]] as [number, number][], seed: 5 }))
    expect(plain(failure?.message)).toMatch(
      /Broken comparisons: repeated-call 1\nFirst failing row .*: alone vs alone, again: output \[0\.25\] vs \[0\.25, 0\] \(1 vs 2 values\)\n/,
    )
  })

  test('bigints compare exactly and booleans as booleans; NaN answered the same way every time is deterministic', async () => {
    let count = 0n
    const counter = functionModel(() => ({ label: count++ }), { name: 'counter' })
    const failure = await failureOf(expect(counter).toBeDeterministic({ inputs: [[0.1, 0.2]] as [number, number][], tolerance: 10, seed: 6 }))
    expect(plain(failure?.message)).toMatch(/Broken comparisons: repeated-call 1\nFirst failing row .*: alone vs alone, again: output\.label 4n vs 5n\n/)
    await expect(functionModel((row: readonly [number, number]) => row[0] > 0.5, { name: 'flag' })).toBeDeterministic({ inputs: rows, numRuns: 50, seed: 6 })
    // NaN == NaN for numbers: the model is consistent; toProduceOutputsInRange is the check that rejects NaN.
    await expect(functionModel(() => [Number.NaN], { name: 'nan' })).toBeDeterministic({ inputs: rows, numRuns: 20, seed: 6 })
  })
})
