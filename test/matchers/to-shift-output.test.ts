import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { relationMatchers } from '../../matchers/relations-index.js'
import { perturbUniform } from '../../src/arbitraries/perturb-uniform.js'
import { functionModel } from '../../src/model/function-model.js'
import { type CheckRecord, checksFromMeta } from '../../src/record/check-record.js'
import { constantModel, failureOf, miscountingModel, plain } from '../support/malformed-models.js'

expect.extend(relationMatchers)

const rows = fc.tuple(perturbUniform(1500, 5000), perturbUniform(70, 82)).map((row) => [...row])
/** mpg falls by 1 per 100 lb, except above 4000 lb where it flattens out to 0.1 per 100 lb. */
const mpg = functionModel(
  (row: number[]) => {
    const weight = row[0] ?? 0
    return [60 - Math.min(weight, 4000) / 100 - Math.max(0, weight - 4000) / 1000 + (row[1] ?? 0) / 10]
  },
  { name: 'mpg' },
)

async function failure(run: Promise<unknown>): Promise<Error | undefined> {
  return run.then(
    () => undefined,
    (error: Error) => error,
  )
}

describe('toShiftOutput', () => {
  test('passes when the change always moves the output far enough, and .not when it does not', async () => {
    await expect(mpg).toShiftOutput(0, 500, { inputs: rows, direction: 'down', atLeast: 0.4, seed: 1 })
    await expect(mpg).not.toShiftOutput(0, 500, { inputs: rows, direction: 'down', atLeast: 2, seed: 1 })
    await expect(mpg).toShiftOutput(1, (year) => year + 1, { inputs: rows, direction: 'up', atLeast: 0.099, seed: 1 })
  })

  test('fails with the shrunk base row, the changed row, both outputs and the seed', async (context) => {
    const error = await failure(expect(mpg).toShiftOutput(0, 500, { inputs: rows, direction: 'down', atLeast: 1, numRuns: 500, seed: 3 }))
    const message = error?.message ?? ''
    expect(message).toMatch(
      /mpg: it is not true that changing feature 0 by \+500 moves output down by at least 1: violation rate 0\.\d+ \(\d+ of 500 cases under [^\n]+?\), expected 0\./,
    )
    expect(message).toMatch(
      /Shrunk counterexample \(\d+ shrinks\): changing feature 0 from [\d.]+ to [\d.]+ moved output\[0\] down by 0\.\d+ .*expected down by at least 1/,
    )
    // Any base above 3500 lb crosses into the flat region; the year shrinks to its lower end.
    const base = JSON.parse(/ {2}base: +(\[.*\])/.exec(message)?.[1] ?? 'null') as number[]
    expect(base[0]).toBeGreaterThan(3500)
    expect(base[1]).toBe(70)
    expect(message).toMatch(/Replay: \{ seed: 3, numRuns: \d+, path: '[\d:]+' \}/)
    const record = checksFromMeta(context.task.meta).at(-1) as CheckRecord
    expect(record).toMatchObject({ kind: 'metamorphic', passed: false, checklist: [], metrics: { atLeast: 1, maxViolationRate: 0 } })
  })

  test('a generated change and the statistical mode', async () => {
    await expect(mpg).toShiftOutput(0, fc.integer({ min: 100, max: 1000 }), { inputs: rows, direction: 'down', atLeast: 0.1, seed: 2 })
    // About 29% of rows sit above 4000 lb (too flat): below a 35% violation rate with 95% confidence, not below 20%.
    await expect(mpg).toShiftOutput(0, 200, { inputs: rows, direction: 'down', atLeast: 1, numRuns: 2000, maxViolationRate: 0.35, seed: 2 })
    await expect(mpg).not.toShiftOutput(0, 200, { inputs: rows, direction: 'down', atLeast: 1, numRuns: 2000, maxViolationRate: 0.2, seed: 2 })
  })

  test('bounds keep the change inside the data range: the base row moves instead of leaving it', async () => {
    /** Only defined on the weights it was trained on: NaN above 5000 lb. */
    const trained = functionModel((row: number[]) => ((row[0] ?? 0) > 5000 ? [Number.NaN] : [60 - (row[0] ?? 0) / 100]), { name: 'trained-range' })
    const unbounded = await failure(expect(trained).toShiftOutput(0, 500, { inputs: rows, direction: 'down', atLeast: 1, seed: 4 }))
    expect(unbounded?.message).toMatch(/changing feature 0 from [\d.]+ to [\d.]+: output\[0\] went from [\d.-]+ to NaN/)
    await expect(trained).toShiftOutput(0, 500, { inputs: rows, direction: 'down', atLeast: 1, bounds: { min: 1500, max: 5000 }, seed: 4 })
    // A base row at the top of the range is moved down so that the change fits: 4900 -> [4500, 5000].
    await expect(trained).toShiftOutput(0, 500, { inputs: [[4900, 75]], direction: 'down', atLeast: 5, bounds: { min: 1500, max: 5000 } })
    await expect(expect(trained).toShiftOutput(0, 4000, { inputs: rows, direction: 'down', bounds: { min: 1500, max: 5000 } })).rejects.toThrow(
      /toShiftOutput: expected a change that fits within the bounds \[1500, 5000\], received 4000/,
    )
    await expect(expect(trained).toShiftOutput(0, 500, { inputs: rows, direction: 'down', bounds: { min: 5000, max: 1500 } })).rejects.toThrow(
      /expected finite `bounds` with min < max, received min 5000, max 1500/,
    )
  })

  test('bad arguments give clear errors', async () => {
    await expect(expect(mpg).toShiftOutput(0, 500, { inputs: rows, direction: 'sideways' as never })).rejects.toThrow(
      /expected `direction: 'up'` or `'down'`, received "sideways"/,
    )
    await expect(expect(mpg).toShiftOutput(2, 500, { inputs: rows, direction: 'up' })).rejects.toThrow(
      /feature index in \[0, 1\] for rows of 2 values, received 2/,
    )
    await expect(expect(mpg).toShiftOutput(0, Number.NaN, { inputs: rows, direction: 'up' })).rejects.toThrow(/expected a finite change/)
    // NaN printed as NaN (JSON would say null, which reads like a missing value in the data).
    await expect(expect(mpg).toShiftOutput(0, () => Number.NaN, { inputs: rows, direction: 'up', seed: 1 })).rejects.toThrow(
      /toShiftOutput: expected a finite number in feature 0, received NaN\./,
    )
  })
})

describe('toShiftOutput reads the watched output as what it is', () => {
  const mpgLabel = functionModel((row: number[]) => ((row[0] ?? 0) > 3000 ? 'thirsty' : 'frugal'), { name: 'mpgLabel' })

  test('a string answer is a misuse of the check (an error naming the string)', async () => {
    await expect(expect(mpgLabel).toShiftOutput(0, 500, { inputs: rows, direction: 'down', seed: 1 })).rejects.toThrow(
      /^toShiftOutput: expected a number at output \(the output this check watches\), received '(thirsty|frugal)' \(a string\)\./,
    )
  })

  test.each([
    ['null', null],
    ['[]', []],
    ['{}', {}],
  ])('a model answering %s fails with the offending row', async (shown, value) => {
    const error = await failureOf(expect(constantModel(value, 'nothing')).toShiftOutput(0, 500, { inputs: rows, direction: 'down', numRuns: 50, seed: 2 }))
    const message = plain(error?.message)
    expect(message).toMatch(
      /nothing: it is not true that changing feature 0 by \+500 moves output down by at least 0: violation rate 1 \(50 of 50 cases under [^\n]+?\), expected 0\./,
    )
    expect(message).toContain(`Shrunk counterexample (2 shrinks): changing feature 0 from 1500 to 2000: the base output has no value at output[0] (${shown})\n`)
  })

  test('an output index past the end is an error; a hand-written model answering one output too few is an error', async () => {
    await expect(expect(mpg).toShiftOutput(0, 500, { inputs: rows, direction: 'down', output: 3, seed: 3 })).rejects.toThrow(
      /^toShiftOutput: expected `output: 3` to select one of the output's values, received an output with 1 value/,
    )
    await expect(
      expect(miscountingModel((row: number[]) => [row[0] ?? 0], -1)).toShiftOutput(0, 500, { inputs: rows, direction: 'down', numRuns: 50, seed: 3 }),
    ).rejects.toThrow(/^toShiftOutput: expected oneTooFew to return one output per input \(100\), received 99 outputs\./)
  })
})
