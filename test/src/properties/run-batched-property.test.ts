import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Model } from '../../../src/model/model.js'
import { outputRangeProbe } from '../../../src/properties/output-range-probe.js'
import { runBatchedProperty } from '../../../src/properties/run-batched-property.js'

/** A model that counts its calls and the rows it saw; it answers x[0] (so outputs leave [0, 0.9] above 0.9). */
function countingModel(): Model<number[], number[]> & { calls: number[] } {
  const calls: number[] = []
  return {
    identity: { name: 'counting' },
    calls,
    async predict(batch) {
      calls.push(batch.length)
      return batch.map((row) => [row[0] ?? Number.NaN])
    },
    async release() {},
  }
}

const rows = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 })

describe('runBatchedProperty', () => {
  test('predicts every generated case in large batches, never one call per case', async () => {
    const model = countingModel()
    const result = await runBatchedProperty({ model, cases: rows, probe: outputRangeProbe<number[]>({ min: 0, max: 1 }), numRuns: 20_000, seed: 1 })
    expect(result.violations).toBe(0)
    expect(model.calls).toEqual([8192, 8192, 3616])
  })

  test('on failure, shrinks with fast-check and re-predicts only shrink candidates, one small call each', async () => {
    const model = countingModel()
    const result = await runBatchedProperty({ model, cases: rows, probe: outputRangeProbe<number[]>({ min: 0, max: 0.9 }), numRuns: 1000, seed: 42 })
    expect(result.violationRate).toBeGreaterThan(0.01)
    expect(result.counterexample?.inputs[0]?.[0]).toBeGreaterThan(0.9)
    // Shrinking lands on the smallest double above the bound, every other value at zero.
    expect(result.counterexample?.inputs[0]?.[0]).toBe(0.9000000000000001)
    expect(result.counterexample?.inputs[0]?.slice(1).every((value) => value === 0)).toBe(true)
    expect(model.calls[0]).toBe(1000)
    expect(model.calls.slice(1).every((size) => size === 1)).toBe(true)
    expect(result.modelCalls).toBe(model.calls.length)
  })

  test('the reported path replays the same counterexample in plain fast-check', async () => {
    const result = await runBatchedProperty({
      model: countingModel(),
      cases: rows,
      probe: outputRangeProbe<number[]>({ min: 0, max: 0.9 }),
      numRuns: 1000,
      seed: 42,
    })
    const replay = fc.check(
      fc.property(rows, (row) => (row[0] ?? 0) <= 0.9),
      { seed: 42, numRuns: 1000, path: result.path ?? '' },
    )
    expect(replay.counterexample?.[0]).toEqual(result.counterexample?.testCase)
  })

  test('same seed, same result; different seed, different cases', async () => {
    const run = (seed: number) =>
      runBatchedProperty({ model: countingModel(), cases: rows, probe: outputRangeProbe<number[]>({ min: 0, max: 0.9 }), numRuns: 500, seed })
    const [first, again, other] = await Promise.all([run(7), run(7), run(8)])
    expect(again.counterexample?.testCase).toEqual(first.counterexample?.testCase)
    expect(again.violations).toBe(first.violations)
    expect(other.violations).not.toBe(first.violations)
  })

  test('a fixed list of real rows is used whole and not shrunk', async () => {
    const result = await runBatchedProperty({
      model: countingModel(),
      cases: [[0.1], [0.95, 0.2], [0.5]],
      probe: outputRangeProbe<number[]>({ min: 0, max: 0.9 }),
      numRuns: 1,
      seed: 1,
    })
    expect(result.numRuns).toBe(3)
    expect(result.firstFailure).toBe(1)
    expect(result.counterexample?.testCase).toEqual([0.95, 0.2])
    expect(result.path).toBeUndefined()
  })

  test('a model that answers fewer rows than it was given is a clear error, not a string of NaN violations', async () => {
    const lossy: Model<number[], number[]> = {
      identity: { name: 'lossy' },
      predict: async (batch) => batch.slice(1).map((row) => [row[0] ?? 0]),
      release: async () => {},
    }
    await expect(
      runBatchedProperty({
        model: lossy,
        cases: rows,
        probe: outputRangeProbe<number[]>({ min: 0, max: 1 }),
        numRuns: 50,
        seed: 1,
        source: 'toProduceOutputsInRange',
      }),
    ).rejects.toThrow(/^toProduceOutputsInRange: expected lossy to return one output per input \(50\), received 49 outputs\.\nHint: /)
  })

  test('a model that answers one output too many is an error too, also when it only does so on the small batches of shrinking', async () => {
    const extra: Model<number[], number[]> = {
      identity: { name: 'extra' },
      predict: async (batch) => [...batch, [0]].map((row) => [row[0] ?? 0]),
      release: async () => {},
    }
    await expect(
      runBatchedProperty({
        model: extra,
        cases: rows,
        probe: outputRangeProbe<number[]>({ min: 0, max: 1 }),
        numRuns: 50,
        seed: 1,
        source: 'toProduceOutputsInRange',
      }),
    ).rejects.toThrow(/^toProduceOutputsInRange: expected extra to return one output per input \(50\), received 51 outputs\./)
    // Right on the big batch, one too many on the one-row batches shrinking asks for: no longer skipped as a "shrink error".
    const smallBatchBug: Model<number[], number[]> = {
      identity: { name: 'smallBatchBug' },
      predict: async (batch) => (batch.length > 2 ? batch : [...batch, [0]]).map((row) => [2 * (row[0] ?? 0)]),
      release: async () => {},
    }
    await expect(
      runBatchedProperty({
        model: smallBatchBug,
        cases: rows,
        probe: outputRangeProbe<number[]>({ min: 0, max: 1 }),
        numRuns: 50,
        seed: 1,
        source: 'toProduceOutputsInRange',
      }),
    ).rejects.toThrow(/^toProduceOutputsInRange: expected smallBatchBug to return one output per input \(1\), received 2 outputs\./)
  })

  test('bad arguments are clear errors', async () => {
    const probe = outputRangeProbe<number[]>({ min: 0, max: 1 })
    await expect(runBatchedProperty({ model: countingModel(), cases: rows, probe, numRuns: 0, seed: 1 })).rejects.toThrow(
      /^runBatchedProperty: expected a positive whole `numRuns`, received 0/,
    )
    await expect(runBatchedProperty({ model: countingModel(), cases: [], probe, numRuns: 10, seed: 1, source: 'toProduceOutputsInRange' })).rejects.toThrow(
      /^toProduceOutputsInRange: expected at least one input row, received an empty list/,
    )
  })
})
