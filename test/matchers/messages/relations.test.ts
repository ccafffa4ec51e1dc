import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { perturbUniform } from '../../../src/arbitraries/perturb-uniform.js'
import { functionModel } from '../../../src/model/function-model.js'
import { anyValueOf } from '../../../src/relations/transforms/any-value-of.js'
import { rowOrder } from '../../../src/relations/transforms/row-order.js'
import { failureSnapshot } from '../../support/mask-message.js'

// Whole failure messages of the metamorphic-relation matchers, pinned. Every seed is fixed.

const unit = perturbUniform(0, 1)
const rows5 = fc.tuple(unit, unit, unit, unit, unit).map((row) => [...row])
const rows3 = fc.tuple(unit, unit, unit).map((row) => [...row])
/** Reads features 1 and 2 only. */
const ignoresFirst = functionModel((row: number[]) => [(row[1] ?? 0) + 2 * (row[2] ?? 0)], { name: 'ignoresFirst' })
/** Reads the "irrelevant" feature 4, a little. */
const leaky = functionModel((row: number[]) => [(row[1] ?? 0) + 0.01 * (row[4] ?? 0)], { name: 'leaky' })
/** Adds a tenth of the previous row's first feature: state leaking between the rows of a batch. */
const leaking = functionModel((batch: readonly number[][]) => batch.map((row, i) => [(row[0] ?? 0) + (i > 0 ? 0.1 * (batch[i - 1]?.[0] ?? 0) : 0)]), {
  batched: true,
  name: 'leaking',
})
/** Increasing in feature 2 (and in feature 0). */
const increasing = functionModel((row: number[]) => [(row[0] ?? 0) + 2 * (row[2] ?? 0)], { name: 'increasing' })
/** The same regressor with a dip of 0.5 on [0.6, 0.62) in feature 2: non-monotone at one point. */
const bumped = functionModel(
  (row: number[]) => {
    const x = row[2] ?? 0
    return [(row[0] ?? 0) + 2 * x - (x >= 0.6 && x < 0.62 ? 0.5 : 0)]
  },
  { name: 'bumped' },
)
const cars = fc.tuple(perturbUniform(1500, 5000), perturbUniform(70, 82)).map((row) => [...row])
/** mpg falls by 1 per 100 lb, except above 4000 lb where it flattens out to 0.1 per 100 lb. */
const mpg = functionModel(
  (row: number[]) => {
    const weight = row[0] ?? 0
    return [60 - Math.min(weight, 4000) / 100 - Math.max(0, weight - 4000) / 1000 + (row[1] ?? 0) / 10]
  },
  { name: 'mpg' },
)
const doubler = functionModel((row: number[]) => [2 * (row[0] ?? 0)], { name: 'doubler' })

describe('toBeInvariantUnder messages', () => {
  test('a model that reads an irrelevant feature: the shrunk transform, both inputs and both outputs', async () => {
    expect(
      await failureSnapshot(() =>
        expect(leaky).toBeInvariantUnder(anyValueOf(4, { min: 0, max: 2 }), { inputs: rows5, tolerance: 1e-3, numRuns: 500, seed: 9 }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).toBeInvariantUnder(transform)

      leaky is not invariant under generated transforms (outputs within 0.001): violation rate 0.894 (447 of 500 cases under your arbitrary (undescribed), each perturbed by your arbitrary (undescribed)), expected 0.
      exact mode: 500 cases, any violation fails
      Reasons: output-changed 447
      Shrunk counterexample (24 shrinks): output changed by 0.0010000000055879355 (max abs difference), tolerance 0.001
        transform:          set [4] to 0
        base:               [0,0,0,0,0.10000000055879354]
        transformed:        [0,0,0,0,0]
        baseOutput:         [0.0010000000055879355]
        transformedOutput:  [0]
      Replay: { seed: 9, numRuns: 500, path: '0:0:0:0:0:1:0:2:0:4:1:0:0:0:1:3:0:0:5:0:0:0:0:0:0' }"
    `)
  })

  test('statistical mode: the bound, the design and the shrunk case', async () => {
    expect(
      await failureSnapshot(() =>
        expect(leaky).toBeInvariantUnder(anyValueOf(4, { min: 0, max: 2 }), { inputs: rows5, tolerance: 1e-3, numRuns: 600, maxViolationRate: 0.05, seed: 9 }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).toBeInvariantUnder(transform)

      leaky is not invariant under generated transforms (outputs within 0.001): violation rate 0.8917 (535 of 600 cases under your arbitrary (undescribed), each perturbed by your arbitrary (undescribed)); 95% upper bound 0.9119, expected < 0.05.
      fixed n: 600 cases, one-sided Clopper-Pearson bound at 95%
      Reasons: output-changed 535
      Shrunk counterexample (21 shrinks): output changed by 0.0010000000149011613 (max abs difference), tolerance 0.001
        transform:          set [4] to 0.10000000149011612
        base:               [0,0,0,0,0]
        transformed:        [0,0,0,0,0.10000000149011612]
        baseOutput:         [0]
        transformedOutput:  [0.0010000000149011613]
      Replay: { seed: 9, numRuns: 600, path: '0:0:0:0:0:0:1:0:1:1:0:3:0:1:2:0:0:0:0:2:1:0' }"
    `)
  })

  test('real rows: the first failing row, as given', async () => {
    const real = fc.sample(rows5, { seed: 5, numRuns: 40 })
    const zeroLast = (row: number[]): number[] => [...row.slice(0, 4), 0]
    expect(await failureSnapshot(() => expect(leaky).toBeInvariantUnder(zeroLast, { inputs: real, tolerance: 1e-3, seed: 5 }))).toMatchInlineSnapshot(`
      "expect(model).toBeInvariantUnder(transform)

      leaky is not invariant under zeroLast (outputs within 0.001): violation rate 0.725 (29 of 40 cases under the 40 given rows, each once, each transformed by zeroLast), expected 0.
      exact mode: 40 cases, any violation fails
      Reasons: output-changed 29
      First failing row (real rows are used as given, not shrunk): output changed by 0.0016927926987409592 (max abs difference), tolerance 0.001
        transform:          zeroLast
        base:               [1.4901161193847656e-8,1.6763806343078613e-8,0.52672338206321,0.5525572467595339,0.16927926987409592]
        transformed:        [1.4901161193847656e-8,1.6763806343078613e-8,0.52672338206321,0.5525572467595339,0]
        baseOutput:         [0.0016928094625473023]
        transformedOutput:  [1.6763806343078613e-8]
      Replay: { seed: 5, numRuns: 40 }"
    `)
  })

  test('row order within a batch', async () => {
    expect(
      await failureSnapshot(() => expect(leaking).toBeInvariantUnder(rowOrder({ maxRows: 8 }), { inputs: rows5, numRuns: 100, seed: 2 })),
    ).toMatchInlineSnapshot(`
      "expect(model).toBeInvariantUnder(transform)

      leaking is not invariant under row order within a batch (2-8 rows) (outputs within 0): violation rate 0.87 (87 of 100 cases under your arbitrary (undescribed)), expected 0.
      exact mode: 100 cases, any violation fails
      Reasons: output-changed 87
      Shrunk counterexample (18 shrinks): row 0 (moved to position 1 of 2): output changed by 9.313225746154786e-11 (max abs difference), tolerance 0
        batch:              [[0,0,0,0,0],[9.313225746154785e-10,0,0,0,0]]
        order:              [1,0]
        outputs:            [[0],[9.313225746154785e-10]]
        permutedOutputs:    [[9.313225746154785e-10],[9.313225746154786e-11]]
      Replay: { seed: 2, numRuns: 100, path: '0:0:0:0:0:0:1:1:1:1:1:2:2:1:1:1:1:1:1' }"
    `)
  })

  test('.not', async () => {
    expect(
      await failureSnapshot(() => expect(ignoresFirst).not.toBeInvariantUnder(anyValueOf(0, { min: 0, max: 1 }), { inputs: rows5, numRuns: 300, seed: 6 })),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toBeInvariantUnder(transform)

      Expected ignoresFirst not to be invariant under generated transforms (outputs within 0), but it was: violation rate 0 (0 of 300 cases under your arbitrary (undescribed), each perturbed by your arbitrary (undescribed)), expected 0.
      exact mode: 300 cases, any violation fails
      Hint: no violation in 300 cases; raise numRuns or widen the inputs to search further, or drop .not if the model is meant to be invariant.
      Replay: { seed: 6, numRuns: 300 }"
    `)
  })
})

describe('toBeMonotonicIn messages', () => {
  test('a bump at one point: the minimal pair, the localized step, the sweep', async () => {
    expect(
      await failureSnapshot(() =>
        expect(bumped).toBeMonotonicIn(2, 'increasing', { inputs: rows3, bounds: { min: 0, max: 1 }, step: { min: 0, max: 0.25 }, numRuns: 2000, seed: 7 }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).toBeMonotonicIn(feature, direction)

      bumped is not increasing in feature 2 (bounds [0, 1], steps 0-0.25): violation rate 0.0115 (23 of 2000 cases under your arbitrary (undescribed)), expected 0.
      exact mode: 2000 cases, any violation fails
      Reasons: wrong-direction 23
      Shrunk counterexample (11 shrinks): raising feature 2 from 0.3778688833117485 to 0.6000000000931323 lowered output[0] from 0.755737766623497 to 0.7000000001862645 (by 0.055737766437232494)
        step:         0.22213111678138375
        base:         [0,0,0.3778688833117485]
        raised:       [0,0,0.6000000000931323]
        baseOutput:   [0.755737766623497]
        raisedOutput: [0.7000000001862645]
      Localized by bisection (40 steps): raising feature 2 from 0.5999999999999979 to 0.6000000000001998 lowered output[0] from 1.1999999999999957 to 0.7000000000003996 (by 0.4999999999995961)
      Sweep of output across the bounds (29 points, in the report): 0->0, 0.04167->0.08333, 0.08333->0.1667, 0.125->0.25, 0.1667->0.3333, 0.2083->0.4167, 0.25->0.5, 0.2917->0.5833, ...
      Replay: { seed: 7, numRuns: 2000, path: '40:0:0:16:0:2:2:0:0:1:0:29' }"
    `)
  })

  test('.not', async () => {
    expect(
      await failureSnapshot(() =>
        expect(increasing).not.toBeMonotonicIn(2, 'increasing', { inputs: rows3, bounds: { min: 0, max: 1 }, numRuns: 400, seed: 4 }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toBeMonotonicIn(feature, direction)

      Expected increasing not to be increasing in feature 2 (bounds [0, 1], steps 0-0.25), but it was: violation rate 0 (0 of 400 cases under your arbitrary (undescribed)), expected 0.
      exact mode: 400 cases, any violation fails
      Hint: no violation in 400 cases; raise numRuns or widen the inputs to search further, or drop .not if the model is meant to be increasing.
      Replay: { seed: 4, numRuns: 400 }"
    `)
  })
})

describe('toShiftOutput messages', () => {
  test('a change that does not move the output far enough on every row', async () => {
    expect(
      await failureSnapshot(() => expect(mpg).toShiftOutput(0, 500, { inputs: cars, direction: 'down', atLeast: 1, numRuns: 500, seed: 3 })),
    ).toMatchInlineSnapshot(`
      "expect(model).toShiftOutput(feature, change)

      mpg: it is not true that changing feature 0 by +500 moves output down by at least 1: violation rate 0.322 (161 of 500 cases under your arbitrary (undescribed)), expected 0.
      exact mode: 500 cases, any violation fails
      Reasons: shift-too-small 161
      Shrunk counterexample (12 shrinks): changing feature 0 from 3944.444445427507 to 4444.444445427507 moved output[0] down by 0.9999999911524355 (27.55555554572493 -> 26.555555554572493), expected down by at least 1
        base:          [3944.444445427507,70]
        changed:       [4444.444445427507,70]
        baseOutput:    [27.55555554572493]
        changedOutput: [26.555555554572493]
      Replay: { seed: 3, numRuns: 500, path: '1:6:0:0:0:2:0:2:0:2:1:2:4' }"
    `)
  })

  test('.not', async () => {
    expect(
      await failureSnapshot(() => expect(mpg).not.toShiftOutput(0, 500, { inputs: cars, direction: 'down', atLeast: 0.4, numRuns: 300, seed: 5 })),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toShiftOutput(feature, change)

      Expected it to be false that changing feature 0 by +500 moves output down by at least 0.4 for mpg, but it held: violation rate 0 (0 of 300 cases under your arbitrary (undescribed)), expected 0.
      exact mode: 300 cases, any violation fails
      Hint: no violation in 300 cases; raise numRuns or widen the inputs to search further, or drop .not if the model is meant to hold it.
      Replay: { seed: 5, numRuns: 300 }"
    `)
  })
})

describe('toPassGoldenCases messages', () => {
  test('every failing case listed, up to maxListed', async () => {
    const cases = [
      { name: 'one', input: [1], value: 2 },
      { name: 'two', input: [2], value: 5, tolerance: 0.5 },
      { name: 'three', input: [3], min: 7 },
      { name: 'label', input: [0.2], label: 1 },
    ]
    expect(await failureSnapshot(() => expect(doubler).toPassGoldenCases(cases, { maxListed: 2 }))).toMatchInlineSnapshot(`
      "expect(model).toPassGoldenCases(cases)

      doubler failed 3 of 4 golden cases (failure rate 0.75):
        two: expected 5 +- 0.5, got 4 (off by 1)
          input: [2]  output: [4]
        three: expected output[0] in [7, Infinity], got 6
          input: [3]  output: [6]
        ... and 1 more failing case (all are in the report)"
    `)
  })

  test('.not', async () => {
    expect(
      await failureSnapshot(() =>
        expect(doubler).not.toPassGoldenCases([
          { name: 'one', input: [1], value: 2 },
          { name: 'three', input: [3], min: 5 },
        ]),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toPassGoldenCases(cases)

      Expected doubler to fail some golden case, but all 2 passed."
    `)
  })
})
