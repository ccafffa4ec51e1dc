import seedrandom from 'seedrandom'
import { describe, expect, test } from 'vitest'
import { featureSchema } from '../../../src/data/feature-schema.js'
import { numeric } from '../../../src/data/feature-spec.js'
import { functionModel } from '../../../src/model/function-model.js'
import type { Model } from '../../../src/model/model.js'
import { failureSnapshot } from '../../support/mask-message.js'

// Whole failure messages, pinned: a dropped, reordered or reworded line is a visible diff. Every seed is fixed.

const schema = featureSchema({ x: numeric({ min: 0, max: 1 }), y: numeric({ min: 0, max: 1 }) })
const rows = schema.arrays() as unknown as import('fast-check').Arbitrary<[number, number]>
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))
/** A correct scorer: a probability from two features. */
const scorer = functionModel((row: readonly [number, number]) => [sigmoid(3 * row[0] - 2 * row[1])], { name: 'scorer' })
/** The scorer with its output doubled: leaves [0, 1] whenever the score passes 0.5. */
const doubled = functionModel((row: readonly [number, number]) => [2 * sigmoid(3 * row[0] - 2 * row[1])], { name: 'doubled' })
/** Leaves [0, 1] for x > 0.99 only: a true violation rate of 1% under uniform rows. */
const edge = functionModel((row: readonly [number, number]) => [row[0] > 0.99 ? 2 : 0.5], { name: 'edge' })
const linear = functionModel((row: readonly [number, number]) => [0.3 * row[0] + 0.7 * row[1]], { name: 'linear' })
/** Adds fresh (seeded) noise on every call: the same row never gets the same answer twice. */
const noisy = (): Model<readonly [number, number], number[]> => {
  const noise = seedrandom('noisy-model')
  return functionModel((row: readonly [number, number]) => [0.3 * row[0] + 0.7 * row[1] + 1e-3 * noise()], { name: 'noisy' })
}
/** Normalises by the batch mean: the answer depends on which other rows share the batch. */
const batchNormalised = functionModel(
  (batch: readonly (readonly [number, number])[]) => {
    const mean = batch.reduce((sum, row) => sum + row[0], 0) / batch.length
    return batch.map((row) => [row[0] - mean + row[1]])
  },
  { batched: true, name: 'batch-normalised' },
)

describe('toProduceOutputsInRange messages', () => {
  test('exact mode: the rate under the schema, the reasons, the shrunk input and the replay line', async () => {
    expect(
      await failureSnapshot(() => expect(doubled).toProduceOutputsInRange({ inputs: rows, numRuns: 500, seed: 7, min: 0, max: 1 })),
    ).toMatchInlineSnapshot(`
      "expect(model).toProduceOutputsInRange(options)

      doubled produced outputs outside [0, 1]: violation rate 0.66 (330 of 500 cases under uniform rows of the schema (x, y)), expected 0.
      exact mode: 500 cases, any violation fails
      Reasons: above-max 330
      Shrunk counterexample (81 shrinks): output[0] = 1.0000000000000004 > max 1
        input:  [2.49176387972857e-16,0]
        output: [1.0000000000000004]
      Replay: { seed: 7, numRuns: 500, path: '0:2:4:5:7:10:12:13:14:16:17:18:19:21:23:24:27:31:34:37:38:39:41:42:43:44:47:49:50:51:52:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1' }"
    `)
  })

  test('statistical mode: the bound and how the verdict was designed', async () => {
    expect(
      await failureSnapshot(() => expect(edge).toProduceOutputsInRange({ inputs: rows, numRuns: 2000, maxViolationRate: 0.005, seed: 1, min: 0, max: 1 })),
    ).toMatchInlineSnapshot(`
      "expect(model).toProduceOutputsInRange(options)

      edge produced outputs outside [0, 1]: violation rate 0.008 (16 of 2000 cases under uniform rows of the schema (x, y)); 95% upper bound 0.01213, expected < 0.005.
      fixed n: 2000 cases, one-sided Clopper-Pearson bound at 95%
      Reasons: above-max 16
      Shrunk counterexample (23 shrinks): output[0] = 2 > max 1
        input:  [0.9900000000000001,0]
        output: [2]
      Replay: { seed: 1, numRuns: 2000, path: '2:8:10:12:16:20:22:28:29:30:32:34:35:37:39:41:44:45:46:47:49:50:51:52' }"
    `)
  })

  test('real rows: the first failing row, as given', async () => {
    const real: [number, number][] = [
      [0.1, 0.9],
      [0.9, 0.1],
      [0.95, 0.05],
    ]
    expect(await failureSnapshot(() => expect(doubled).toProduceOutputsInRange({ inputs: real, min: 0, max: 1 }))).toMatchInlineSnapshot(`
      "expect(model).toProduceOutputsInRange(options)

      doubled produced outputs outside [0, 1]: violation rate 0.6667 (2 of 3 cases under the 3 given rows, each once), expected 0.
      exact mode: 3 cases, any violation fails
      Reasons: above-max 2
      First failing row (row 1; real rows are used as given, not shrunk): output[0] = 1.848283639957513 > max 1
        input:  [0.9,0.1]
        output: [1.848283639957513]
      Replay: { seed: 1816279009, numRuns: 3 }"
    `)
  })

  test('probability rows that do not sum to one', async () => {
    const unnormalised = functionModel((row: readonly [number, number]) => [row[0] / 2, row[1] / 2, 0.25], { name: 'unnormalised' })
    expect(
      await failureSnapshot(() => expect(unnormalised).toProduceOutputsInRange({ inputs: rows, numRuns: 200, seed: 2, probabilities: true })),
    ).toMatchInlineSnapshot(`
      "expect(model).toProduceOutputsInRange(options)

      unnormalised produced outputs outside probability rows (each in [0, 1], sum 1 +- 0.0001): violation rate 1 (200 of 200 cases under uniform rows of the schema (x, y)), expected 0.
      exact mode: 200 cases, any violation fails
      Reasons: sum-not-one 200
      Shrunk counterexample (2 shrinks): the row sums to 0.25, not 1 +- 0.0001
        input:  [0,0]
        output: [0,0,0.25]
      Replay: { seed: 2, numRuns: 200, path: '0:0:0' }"
    `)
  })

  test('.not, exact mode', async () => {
    expect(
      await failureSnapshot(() => expect(scorer).not.toProduceOutputsInRange({ inputs: rows, numRuns: 200, seed: 3, min: 0, max: 1 })),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toProduceOutputsInRange(options)

      Expected scorer to leave [0, 1], but it did not: violation rate 0 (0 of 200 cases under uniform rows of the schema (x, y)), expected 0.
      exact mode: 200 cases, any violation fails
      Hint: no violation in 200 cases; raise numRuns or widen the inputs to search further, or drop .not if the model is meant to stay in [0, 1].
      Replay: { seed: 3, numRuns: 200 }"
    `)
  })

  test('.not, statistical mode', async () => {
    expect(
      await failureSnapshot(() => expect(edge).not.toProduceOutputsInRange({ inputs: rows, numRuns: 2000, maxViolationRate: 0.03, seed: 1, min: 0, max: 1 })),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toProduceOutputsInRange(options)

      Expected edge to leave [0, 1] too often, but it did not: violation rate 0.008 (16 of 2000 cases under uniform rows of the schema (x, y)); 95% upper bound 0.01213, expected < 0.03.
      fixed n: 2000 cases, one-sided Clopper-Pearson bound at 95%
      Example violation: output[0] = 2 > max 1
        input:  [0.9951132107930576,0.8113728280496547]
        output: [2]
      Hint: the violation rate is confidently below maxViolationRate; lower it, or drop .not if the model is meant to stay in [0, 1].
      Replay: { seed: 1, numRuns: 2000 }"
    `)
  })
})

describe('toBeDeterministic messages', () => {
  test('noise per call breaks the repeated call', async () => {
    expect(await failureSnapshot(() => expect(noisy()).toBeDeterministic({ inputs: rows, numRuns: 200, seed: 5 }))).toMatchInlineSnapshot(`
      "expect(model).toBeDeterministic(options)

      noisy is not deterministic: 200 of 200 rows (violation rate 1 under uniform rows of the schema (x, y)) differ by more than 0; max abs difference 0.0009686.
      exact mode: 200 cases, any violation fails
      Broken comparisons: repeated-call 200
      Shrunk counterexample (2 shrinks): alone vs alone, again: max abs difference 0.0000027361936084765092 > tolerance 0
        input: [0,0]
        alone: [0.0003287446032505764]
        alone, again: [0.0003260084096420999]
        last in a batch: [0.00011261479724429984]
        first in a reversed batch: [0.000104936774783729]
      Replay: { seed: 5, numRuns: 200, path: '0:0:0' }"
    `)
  })

  test('a batch-dependent model breaks the batch composition', async () => {
    expect(await failureSnapshot(() => expect(batchNormalised).toBeDeterministic({ inputs: rows, numRuns: 100, seed: 9 }))).toMatchInlineSnapshot(`
      "expect(model).toBeDeterministic(options)

      batch-normalised is not deterministic: 100 of 100 rows (violation rate 1 under uniform rows of the schema (x, y)) differ by more than 0; max abs difference 0.5276.
      exact mode: 100 cases, any violation fails
      Broken comparisons: batch-composition 100
      Shrunk counterexample (2 shrinks): alone vs last in a batch: max abs difference 0.4204275047853929 > tolerance 0
        input: [0,0]
        alone: [0]
        alone, again: [0]
        last in a batch: [-0.4204275047853929]
        first in a reversed batch: [-0.420427504785393]
      Replay: { seed: 9, numRuns: 100, path: '0:0:0' }"
    `)
  })

  test('real rows: the first failing row, as given', async () => {
    const real: [number, number][] = [
      [0.1, 0.2],
      [0.5, 0.5],
      [0.9, 0.1],
    ]
    expect(await failureSnapshot(() => expect(batchNormalised).toBeDeterministic({ inputs: real, seed: 4 }))).toMatchInlineSnapshot(`
      "expect(model).toBeDeterministic(options)

      batch-normalised is not deterministic: 2 of 3 rows (violation rate 0.6667 under the 3 given rows, each once) differ by more than 0; max abs difference 0.4.
      exact mode: 3 cases, any violation fails
      Broken comparisons: alone-vs-batch 2
      First failing row (real rows are used as given, not shrunk): alone vs last in a batch: max abs difference 0.4 > tolerance 0
        input: [0.1,0.2]
        alone: [0.2]
        alone, again: [0.2]
        last in a batch: [-0.2]
        first in a reversed batch: [-0.2]
      Replay: { seed: 4, numRuns: 3 }"
    `)
  })

  test('.not', async () => {
    expect(await failureSnapshot(() => expect(linear).not.toBeDeterministic({ inputs: rows, numRuns: 50, seed: 2 }))).toMatchInlineSnapshot(`
      "expect(model).not.toBeDeterministic(options)

      Expected linear to answer some row differently, but all 50 rows (under uniform rows of the schema (x, y)) matched across repeated-call, batch-composition, alone-vs-batch (max abs difference 0).
      exact mode: 50 cases, any violation fails
      Hint: no violation in 50 cases; raise numRuns or widen the inputs to search further, or drop .not if the model is meant to be deterministic.
      Replay: { seed: 2, numRuns: 50 }"
    `)
  })
})
