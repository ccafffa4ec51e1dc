import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { relationMatchers } from '../../matchers/relations-index.js'
import { perturbUniform } from '../../src/arbitraries/perturb-uniform.js'
import { functionModel } from '../../src/model/function-model.js'
import { onnxModel } from '../../src/model/onnx-model.js'
import { type CheckRecord, checksFromMeta } from '../../src/record/check-record.js'
import { catOrDog, constantModel, failureOf, miscountingModel, plain } from '../support/malformed-models.js'

expect.extend(relationMatchers)

// Evenly spread over [0, 1] (fc.double crowds near 0), shrinking toward 0.
const unit = perturbUniform(0, 1)
const rows = fc.tuple(unit, unit, unit).map((row) => [...row])
/** A regressor increasing in feature 2 (and in feature 0), answering [N, 1]-shaped rows. */
const increasing = functionModel((row: number[]) => [(row[0] ?? 0) + 2 * (row[2] ?? 0)], { name: 'increasing' })
/** The same regressor with a dip of 0.2 on [0.6, 0.62) in feature 2: non-monotone at one point. */
const bumped = functionModel(
  (row: number[]) => {
    const x = row[2] ?? 0
    return [(row[0] ?? 0) + 2 * x - (x >= 0.6 && x < 0.62 ? 0.5 : 0)]
  },
  { name: 'bumped' },
)

async function failure(run: Promise<unknown>): Promise<Error | undefined> {
  return run.then(
    () => undefined,
    (error: Error) => error,
  )
}

describe('toBeMonotonicIn', () => {
  test('passes on a monotone model, and .not passes for the opposite direction (contract)', async () => {
    await expect(increasing).toBeMonotonicIn(2, 'increasing', { inputs: rows, numRuns: 2000, seed: 1 })
    await expect(increasing).not.toBeMonotonicIn(2, 'decreasing', { inputs: rows })
  })

  test('the contract on an ONNX regressor with [N, 1] outputs (cars-mpg: mpg falls with horsepower, feature 2)', async () => {
    const model = await onnxModel('models/cars-mpg.onnx', { output: 'prediction' })
    const cars = fc
      .tuple(
        fc.constantFrom(4, 6, 8),
        perturbUniform(70, 450),
        perturbUniform(46, 230),
        perturbUniform(1613, 4951),
        perturbUniform(8, 24.8),
        fc.integer({ min: 1970, max: 1982 }),
      )
      .map((row) => [...row])
    const rows = fc.sample(cars, { seed: 1, numRuns: 300 })
    try {
      // float32 arithmetic: one ulp of the output (2e-6 mpg) is not a violation.
      await expect(model).toBeMonotonicIn(2, 'decreasing', { inputs: rows, numRuns: 2000, seed: 1, tolerance: 1e-5 })
      await expect(model).not.toBeMonotonicIn(2, 'increasing', { inputs: rows })
      await expect(model).toBeInvariantUnder((row: number[]) => row.map((v, j) => (j === 3 ? v + 0.05 : v)), { inputs: rows, tolerance: 1e-3 })
      await expect(model).not.toBeInvariantUnder((row: number[]) => row.map((v, j) => (j === 3 ? v + 500 : v)), { inputs: rows, tolerance: 1e-3 })
    } finally {
      await model.release()
    }
  })

  test('a bump at one point fails with the minimal pair, the sweep and the seed', async () => {
    const error = await failure(
      expect(bumped).toBeMonotonicIn(2, 'increasing', { inputs: rows, bounds: { min: 0, max: 1 }, step: { min: 0, max: 0.25 }, numRuns: 2000, seed: 7 }),
    )
    const message = error?.message ?? ''
    expect(message).toMatch(
      /bumped is not increasing in feature 2 \(bounds \[0, 1\], steps 0-0\.25\): violation rate 0\.0\d+ \(\d+ of 2000 cases under [^\n]+?\), expected 0\./,
    )
    expect(message).toMatch(/exact mode: 2000 cases, any violation fails/)
    expect(message).toMatch(/Reasons: wrong-direction \d+/)
    expect(message).toMatch(/Shrunk counterexample \(\d+ shrinks\): raising feature 2 from 0\.\d+ to 0\.6\d* lowered output\[0\]/)
    expect(message).toMatch(/Replay: \{ seed: 7, numRuns: 2000, path: '[\d:]+' \}/)
    // Minimal: the raised value lands at the start of the dip and the base sits just below it; other features shrink to 0.
    const base = JSON.parse(/ {2}base: +(\[.*\])/.exec(message)?.[1] ?? 'null') as number[]
    const raised = JSON.parse(/ {2}raised: +(\[.*\])/.exec(message)?.[1] ?? 'null') as number[]
    expect(raised[2]).toBeGreaterThanOrEqual(0.6)
    expect(raised[2]).toBeLessThan(0.62)
    expect(base[2]).toBeLessThan(0.6)
    expect(base[0]).toBe(0)
    expect(base[1]).toBe(0)
  })

  test('the record carries metrics, the shrunk pair and a sweep plot marking the violation', async (context) => {
    await expect(bumped).not.toBeMonotonicIn(2, 'increasing', { inputs: rows, bounds: { min: 0, max: 1 }, numRuns: 500, seed: 3 })
    const record = checksFromMeta(context.task.meta).at(-1) as CheckRecord
    expect(record.kind).toBe('monotonicity')
    expect(record.checklist).toEqual([])
    expect(record.passed).toBe(false)
    expect(Object.keys(record.metrics)).toEqual(expect.arrayContaining(['violationRate', 'violations', 'numRuns', 'upperBound', 'maxViolationRate']))
    expect(record.counterexample).toMatchObject({
      base: expect.any(Array),
      raised: expect.any(Array),
      baseOutput: expect.any(Array),
      raisedOutput: expect.any(Array),
    })
    const plot = record.plots?.[0]
    expect(plot?.type).toBe('line')
    expect(plot?.series[0]?.points.length).toBeGreaterThanOrEqual(25)
    expect(plot?.markers?.[0]?.label).toBe('violation')
    const x = plot?.markers?.[1]?.x ?? 0
    const y = (at: number): number => plot?.series[0]?.points.find(([px]) => px === at)?.[1] ?? Number.NaN
    expect(y(x)).toBeLessThan(y(plot?.markers?.[0]?.x ?? 0))
  })

  test('record rows take the feature by name; output by class name', async () => {
    const records = fc.record({ weight: fc.integer({ min: 1500, max: 5000 }), year: fc.integer({ min: 70, max: 82 }) })
    const mpg = functionModel((row: { weight: number; year: number }) => [50 - row.weight / 150 + row.year / 10, 0], { name: 'mpg' })
    await expect(mpg).toBeMonotonicIn('weight', 'decreasing', { inputs: records, output: 'mpg', classes: ['mpg', 'zero'], step: { min: 1, max: 500 }, seed: 2 })
    await expect(mpg).toBeMonotonicIn('year', 'increasing', { inputs: records, strict: true, seed: 2 })
  })

  test('statistical mode passes an almost-monotone model and reports the bound and the cases used', async (context) => {
    // Violates on about 0.1% of cases: a dip of width 0.001.
    const nearly = functionModel((row: number[]) => [2 * (row[2] ?? 0) - ((row[2] ?? 0) >= 0.5 && (row[2] ?? 0) < 0.5005 ? 0.01 : 0)], { name: 'nearly' })
    await expect(nearly).toBeMonotonicIn(2, 'increasing', { inputs: rows, bounds: { min: 0, max: 1 }, numRuns: 3000, maxViolationRate: 0.01, seed: 5 })
    const record = checksFromMeta(context.task.meta).at(-1) as CheckRecord
    expect(record.metrics['upperBound']).toBeLessThan(0.01)
    expect(record.metrics['maxViolationRate']).toBe(0.01)
    const error = await failure(
      expect(nearly).toBeMonotonicIn(2, 'increasing', { inputs: rows, bounds: { min: 0, max: 1 }, numRuns: 3000, maxViolationRate: 0.0001, seed: 5 }),
    )
    expect(error?.message).toMatch(/expected numRuns >= 29956/)
    const sequential = await failure(
      expect(nearly).not.toBeMonotonicIn(2, 'increasing', {
        inputs: rows,
        bounds: { min: 0, max: 1 },
        numRuns: 4000,
        maxViolationRate: 0.01,
        sequential: true,
        seed: 5,
      }),
    )
    expect(sequential?.message).toMatch(/sequential: 1000 of 4000 planned cases, stopped at look 1/)
  })

  test('bad arguments give clear errors', async () => {
    await expect(expect(increasing).toBeMonotonicIn(3, 'increasing', { inputs: rows })).rejects.toThrow(
      /expected a feature index in \[0, 2\] for rows of 3 values, received 3/,
    )
    await expect(expect(increasing).toBeMonotonicIn('weight', 'increasing', { inputs: rows })).rejects.toThrow(
      /expected a feature index in \[0, 2\] \(rows are arrays\), received "weight"/,
    )
    const records = [{ weight: 3000 }]
    await expect(expect(increasing).toBeMonotonicIn('wieght', 'increasing', { inputs: records })).rejects.toThrow(
      /expected a feature name among \[weight\], received "wieght"/,
    )
    await expect(expect(increasing).toBeMonotonicIn(2, 'increasing', { inputs: rows, bounds: { min: 0, max: 1 }, step: { min: 0, max: 2 } })).rejects.toThrow(
      /expected a step within the bounds \[0, 1\] \(at most 1\), received step.max 2/,
    )
    await expect(expect(increasing).toBeMonotonicIn(2, 'upward' as never, { inputs: rows })).rejects.toThrow(
      /expected a direction: 'increasing' or 'decreasing', received "upward"/,
    )
    await expect(expect(increasing).toBeMonotonicIn(2, 'increasing', { inputs: rows, maxViolationRate: 2 })).rejects.toThrow(/`maxViolationRate` in \(0, 1\)/)
    // A NaN or negative tolerance made every case a misleading 'not-strict' violation.
    await expect(expect(increasing).toBeMonotonicIn(2, 'increasing', { inputs: rows, tolerance: Number.NaN })).rejects.toThrow(
      /toBeMonotonicIn: expected a `tolerance` >= 0, received NaN/,
    )
    await expect(expect(increasing).toBeMonotonicIn(2, 'increasing', { inputs: rows, tolerance: -0.1 })).rejects.toThrow(
      /toBeMonotonicIn: expected a `tolerance` >= 0, received -0.1/,
    )
  })

  test('same seed, same message', async () => {
    const run = (): Promise<string> =>
      failure(expect(bumped).toBeMonotonicIn(2, 'increasing', { inputs: rows, bounds: { min: 0, max: 1 }, numRuns: 1000, seed: 11 })).then(
        (error) => error?.message ?? '',
      )
    expect(await run()).toBe(await run())
  })
})

describe('toBeMonotonicIn reads the watched output as what it is', () => {
  test('a string answer is a misuse of the check (an error naming the string), not a NaN violation', async () => {
    await expect(expect(catOrDog).toBeMonotonicIn(0, 'increasing', { inputs: rows, numRuns: 50, seed: 1 })).rejects.toThrow(
      /^toBeMonotonicIn: expected a number at output \(the output this check watches\), received '(cat|dog)' \(a string\)\.\nHint: This check reads a number/,
    )
  })

  test.each([
    ['undefined', undefined],
    ['[]', []],
    ['{}', {}],
  ])('a model answering %s fails with the offending row', async (shown, value) => {
    const error = await failureOf(expect(constantModel(value, 'nothing')).toBeMonotonicIn(0, 'increasing', { inputs: rows, numRuns: 50, seed: 2 }))
    const message = plain(error?.message)
    expect(message).toMatch(/nothing is not increasing in feature 0 \(bounds .*\): violation rate 1 \(50 of 50 cases under [^\n]+?\), expected 0\./)
    expect(message).toMatch(/Reasons: missing-output 50/)
    expect(message).toContain(`: the base output has no value at output[0] (${shown})`)
  })

  test('an output index past the end of the output is an error that shows the output', async () => {
    await expect(expect(increasing).toBeMonotonicIn(2, 'increasing', { inputs: rows, output: 1, numRuns: 50, seed: 3 })).rejects.toThrow(
      /^toBeMonotonicIn: expected `output: 1` to select one of the output's values, received an output with 1 value: \[\d/,
    )
    await expect(
      expect(increasing).toBeMonotonicIn(2, 'increasing', { inputs: rows, output: 'Gentoo', classes: ['Adelie', 'Chinstrap', 'Gentoo'], numRuns: 50, seed: 3 }),
    ).rejects.toThrow(/^toBeMonotonicIn: expected `output: 2` to select one of the output's values, received an output with 1 value/)
  })

  test('a hand-written model that answers one output too many is an error', async () => {
    await expect(
      expect(miscountingModel((row: number[]) => [row[2] ?? 0], 1)).toBeMonotonicIn(2, 'increasing', { inputs: rows, numRuns: 50, seed: 4 }),
    ).rejects.toThrow(/^toBeMonotonicIn: expected oneTooMany to return one output per input \(100\), received 101 outputs\./)
  })
})
