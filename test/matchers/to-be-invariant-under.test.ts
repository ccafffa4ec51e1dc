import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { relationMatchers } from '../../matchers/relations-index.js'
import { perturbUniform } from '../../src/arbitraries/perturb-uniform.js'
import { functionModel } from '../../src/model/function-model.js'
import { type CheckRecord, checksFromMeta } from '../../src/record/check-record.js'
import { anyValueOf } from '../../src/relations/transforms/any-value-of.js'
import { noiseOn } from '../../src/relations/transforms/noise-on.js'
import { rowOrder } from '../../src/relations/transforms/row-order.js'
import { catOrDog, constantModel, failureOf, flipFirst, miscountingModel, plain } from '../support/malformed-models.js'

expect.extend(relationMatchers)

const unit = perturbUniform(0, 1)
const rows = fc.tuple(unit, unit, unit, unit, unit).map((row) => [...row])
/** Reads features 1 and 2 only. */
const ignoresFirst = functionModel((row: number[]) => [(row[1] ?? 0) + 2 * (row[2] ?? 0)], { name: 'ignoresFirst' })
/** Reads the "irrelevant" feature 4, a little. */
const leaky = functionModel((row: number[]) => [(row[1] ?? 0) + 0.01 * (row[4] ?? 0)], { name: 'leaky' })

async function failure(run: Promise<unknown>): Promise<Error | undefined> {
  return run.then(
    () => undefined,
    (error: Error) => error,
  )
}

describe('toBeInvariantUnder', () => {
  test('a plain row function (contract), and .not', async () => {
    await expect(ignoresFirst).toBeInvariantUnder((row: number[]) => row.map((v, j) => (j === 0 ? v + 0.05 : v)), {
      inputs: fc.sample(rows, { seed: 1, numRuns: 200 }),
      tolerance: 1e-3,
    })
    await expect(ignoresFirst).not.toBeInvariantUnder((row: number[]) => row.map((v, j) => (j === 1 ? v + 0.05 : v)), { inputs: rows, tolerance: 1e-3 })
  })

  test('a model that reads an irrelevant feature fails with the minimal transform, both inputs and outputs, and the seed', async () => {
    const error = await failure(expect(leaky).toBeInvariantUnder(anyValueOf(4, { min: 0, max: 2 }), { inputs: rows, tolerance: 1e-3, numRuns: 500, seed: 9 }))
    const message = error?.message ?? ''
    expect(message).toMatch(
      /leaky is not invariant under generated transforms \(outputs within 0\.001\): violation rate 0\.\d+ \(\d+ of 500 cases under [^\n]+?\), expected 0\./,
    )
    expect(message).toMatch(/Shrunk counterexample \(\d+ shrinks\): output changed by 0\.001\d* \(max abs difference\), tolerance 0\.001/)
    expect(message).toMatch(/transform: +set \[4\] to 0\.?\d*\n/)
    // Minimal: every other feature shrinks to 0, and feature 4 moves by just over 0.1 (0.01 * 0.1 = the tolerance).
    const base = JSON.parse(/ {2}base: +(\[.*\])/.exec(message)?.[1] ?? 'null') as number[]
    const transformed = JSON.parse(/ {2}transformed: +(\[.*\])/.exec(message)?.[1] ?? 'null') as number[]
    expect(base.slice(0, 4)).toEqual([0, 0, 0, 0])
    expect(transformed.slice(0, 4)).toEqual([0, 0, 0, 0])
    expect(Math.abs((base[4] ?? 0) - (transformed[4] ?? 0))).toBeCloseTo(0.1, 6)
    expect(message).toMatch(/baseOutput: +\[0\.001\d*\]|baseOutput: +\[0\]/)
    expect(message).toMatch(/Replay: \{ seed: 9, numRuns: 500, path: '[\d:]+' \}/)
    await expect(ignoresFirst).toBeInvariantUnder(anyValueOf(4, { min: 0, max: 2 }), { inputs: rows, seed: 9 })
  })

  test('generated noise with label mode compares predicted classes', async () => {
    const classifier = functionModel((row: number[]) => ((row[0] ?? 0) > 0.5 ? [0.2, 0.8] : [0.9, 0.1]), { name: 'threshold' })
    const error = await failure(expect(classifier).toBeInvariantUnder(noiseOn(0, { scale: 0.05, min: 0, max: 1 }), { inputs: rows, label: true, seed: 4 }))
    expect(error?.message).toMatch(/threshold is not invariant under generated transforms \(the predicted class\)/)
    expect(error?.message).toMatch(/predicted class changed from [01] to [01]/)
    // Far from the threshold the class never flips.
    const far = fc.sample(rows, { seed: 1, numRuns: 300 }).filter((row) => Math.abs((row[0] ?? 0) - 0.5) > 0.06)
    await expect(classifier).toBeInvariantUnder(noiseOn(0, { scale: 0.05, min: 0, max: 1 }), { inputs: far, label: true, seed: 4 })
  })

  test('row order within a batch: state leaking between rows fails, a per-row model passes', async (context) => {
    const leaking = functionModel((batch: readonly number[][]) => batch.map((row, i) => [(row[0] ?? 0) + (i > 0 ? 0.1 * (batch[i - 1]?.[0] ?? 0) : 0)]), {
      batched: true,
      name: 'leaking',
    })
    const error = await failure(expect(leaking).toBeInvariantUnder(rowOrder({ maxRows: 8 }), { inputs: rows, seed: 2 }))
    expect(error?.message).toMatch(/leaking is not invariant under row order within a batch \(2-8 rows\)/)
    expect(error?.message).toMatch(/order: +\[1,0\]/)
    const record = checksFromMeta(context.task.meta).at(-1) as CheckRecord
    expect(record.kind).toBe('metamorphic')
    expect(record.counterexample).toMatchObject({ order: [1, 0] })
    await expect(ignoresFirst).toBeInvariantUnder(rowOrder(), { inputs: rows, numRuns: 50, seed: 2 })
  })

  test('records the check with honest metrics and no checklist claim', async (context) => {
    await expect(ignoresFirst).toBeInvariantUnder(anyValueOf(0, { min: 0, max: 1 }), { inputs: rows, numRuns: 300, seed: 1, maxViolationRate: 0.02 })
    const record = checksFromMeta(context.task.meta).at(-1) as CheckRecord
    expect(record).toMatchObject({ kind: 'metamorphic', passed: true, checklist: [], replay: { seed: 1, numRuns: 300 } })
    expect(record.metrics).toMatchObject({ violationRate: 0, violations: 0, numRuns: 300, maxViolationRate: 0.02 })
    expect(record.metrics['upperBound']).toBeCloseTo(1 - 0.05 ** (1 / 300), 10)
  })

  test('real rows under a plain transform are each judged once; a failure names the first failing row', async (context) => {
    const real = fc.sample(rows, { seed: 5, numRuns: 120 })
    await expect(ignoresFirst).toBeInvariantUnder((row: number[]) => [0, ...row.slice(1)], { inputs: real, numRuns: 5000, seed: 5 })
    expect((checksFromMeta(context.task.meta).at(-1) as CheckRecord).metrics['numRuns']).toBe(120)
    const error = await failure(expect(leaky).toBeInvariantUnder((row: number[]) => [...row.slice(0, 4), 0], { inputs: real, tolerance: 1e-3, seed: 5 }))
    const first = real.findIndex((row) => 0.01 * (row[4] ?? 0) > 1e-3)
    expect(error?.message).toContain(`base:               ${JSON.stringify(real[first])}`)
  })

  test('bad arguments give clear errors', async () => {
    await expect(expect(ignoresFirst).toBeInvariantUnder(42 as never, { inputs: rows })).rejects.toThrow(
      /expected a transform: a function `\(row\) => row`, an arbitrary of such functions, or rowOrder\(\), received number/,
    )
    await expect(expect(ignoresFirst).toBeInvariantUnder(anyValueOf('island', [0, 1]), { inputs: rows })).rejects.toThrow(
      /expected a feature index in \[0, 4\] for rows of 5 values, received "island"/,
    )
    await expect(expect(ignoresFirst).toBeInvariantUnder((row: number[]) => row, { inputs: [] })).rejects.toThrow(/at least one input row/)
    await expect(expect(ignoresFirst).toBeInvariantUnder((row: number[]) => row, { inputs: rows, tolerance: -1 })).rejects.toThrow(/a `tolerance` >= 0/)
    // A broken transform is named as such, not passed on to the model (which would then be blamed).
    await expect(
      expect(ignoresFirst).toBeInvariantUnder(
        function shiftFirst(): number[] {
          throw new Error('no such unit')
        },
        { inputs: rows, seed: 1 },
      ),
    ).rejects.toThrow(/^toBeInvariantUnder: expected the transform shiftFirst to return a row, received an exception: no such unit\.\nHint: /)
    await expect(expect(ignoresFirst).toBeInvariantUnder((() => undefined) as never, { inputs: rows, seed: 1 })).rejects.toThrow(
      /^toBeInvariantUnder: expected the transform to return a row, received undefined\.\nHint: Return the transformed row/,
    )
  })

  test('same seed, same message', async () => {
    const run = (): Promise<string> =>
      failure(expect(leaky).toBeInvariantUnder(anyValueOf(4, { min: 0, max: 2 }), { inputs: rows, tolerance: 1e-3, numRuns: 300, seed: 13 })).then(
        (error) => error?.message ?? '',
      )
    expect(await run()).toBe(await run())
  })
})

describe('toBeInvariantUnder compares outputs by what they are', () => {
  test('label mode compares string labels as labels and prints them: a transform that flips the answer fails', async () => {
    const error = await failureOf(expect(catOrDog).toBeInvariantUnder(flipFirst, { inputs: rows, label: true, numRuns: 200, seed: 3 }))
    const message = plain(error?.message)
    expect(message).toMatch(
      /catOrDog is not invariant under flipFirst \(the predicted class\): violation rate 1 \(200 of 200 cases under [^\n]+?\), expected 0\./,
    )
    expect(message).toMatch(/Reasons: label-changed 200\n/)
    expect(message).toMatch(/Shrunk counterexample \(\d+ shrinks\): predicted class changed from 'dog' to 'cat'\n/)
    expect(message).toMatch(/baseOutput: +"dog"\n {2}transformedOutput: +"cat"/)
  })

  test('outside label mode a string is compared exactly: no tolerance makes two labels equal', async () => {
    const error = await failureOf(expect(catOrDog).toBeInvariantUnder(flipFirst, { inputs: rows, tolerance: 1, numRuns: 100, seed: 3 }))
    expect(plain(error?.message)).toMatch(/Shrunk counterexample \(\d+ shrinks\): output changed: output 'dog' vs 'cat'\n/)
  })

  test('a label model that ignores the transformed feature passes, in both modes', async () => {
    const secondFeature = anyValueOf(1, { min: 0, max: 1 })
    await expect(catOrDog).toBeInvariantUnder(secondFeature, { inputs: rows, label: true, numRuns: 200, seed: 4 })
    await expect(catOrDog).toBeInvariantUnder(secondFeature, { inputs: rows, numRuns: 200, seed: 4 })
  })

  test('label mode reads the label output of a record, not the argmax of every number in it', async () => {
    const named = functionModel((row: number[]) => ({ probabilities: [0.2, 0.8], label: (row[0] ?? 0) > 0.5 ? 1n : 0n }), { name: 'named' })
    const error = await failureOf(expect(named).toBeInvariantUnder(flipFirst, { inputs: rows, label: true, numRuns: 100, seed: 5 }))
    expect(plain(error?.message)).toMatch(/predicted class changed from 0 to 1\n/)
  })

  test.each([
    ['undefined', undefined, 'missing (undefined)'],
    ['[]', [], 'empty ([])'],
    ['{}', {}, 'empty ({})'],
  ])('a model answering %s fails in both modes: nothing is not "unchanged"', async (_, value, phrase) => {
    for (const label of [false, true]) {
      const error = await failureOf(expect(constantModel(value, 'nothing')).toBeInvariantUnder(flipFirst, { inputs: rows, label, numRuns: 50, seed: 6 }))
      const message = plain(error?.message)
      expect(message).toMatch(
        /nothing is not invariant under flipFirst \((outputs within 0|the predicted class)\): violation rate 1 \(50 of 50 cases under [^\n]+?\), expected 0\./,
      )
      expect(message).toMatch(/Reasons: missing-output 50\n/)
      expect(message).toContain(`: the base output is ${phrase}\n`)
    }
  })

  test('label mode on an output with no class (NaN) fails as no-label, naming the output', async () => {
    const error = await failureOf(
      expect(constantModel([Number.NaN, 0.5], 'nan')).toBeInvariantUnder(flipFirst, { inputs: rows, label: true, numRuns: 20, seed: 7 }),
    )
    expect(plain(error?.message)).toMatch(/Reasons: no-label 20\n[\s\S]*: the base output has no predicted class: \[NaN, 0\.5\]\n/)
  })

  test('a hand-written model that answers one output too many is an error, for row transforms and for row order', async () => {
    const extra = miscountingModel((row: number[]) => [row[0] ?? 0], 1)
    await expect(expect(extra).toBeInvariantUnder(flipFirst, { inputs: rows, numRuns: 50, seed: 8 })).rejects.toThrow(
      /^toBeInvariantUnder: expected oneTooMany to return one output per input \(100\), received 101 outputs\.\nHint: /,
    )
    await expect(expect(extra).toBeInvariantUnder(rowOrder(), { inputs: rows, numRuns: 20, seed: 8 })).rejects.toThrow(
      /^toBeInvariantUnder: expected oneTooMany to return one output per input \(\d+\), received \d+ outputs\./,
    )
  })
})
