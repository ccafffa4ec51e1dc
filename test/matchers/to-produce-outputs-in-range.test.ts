import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { perturbUniform } from '../../src/arbitraries/perturb-uniform.js'
import { featureSchema } from '../../src/data/feature-schema.js'
import { numeric } from '../../src/data/feature-spec.js'
import { functionModel } from '../../src/model/function-model.js'
import { type CheckRecord, checksFromMeta } from '../../src/record/check-record.js'
import { catOrDog, constantModel, failureOf, miscountingModel, plain } from '../support/malformed-models.js'

const rows = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))
/** A correct scorer: a probability from two features. */
const scorer = functionModel((row: readonly [number, number]) => [sigmoid(3 * row[0] - 2 * row[1])], { name: 'scorer' })
/** The same scorer with its output doubled: leaves [0, 1] whenever the score passes 0.5. */
const doubled = functionModel((row: readonly [number, number]) => [2 * sigmoid(3 * row[0] - 2 * row[1])], { name: 'doubled' })
const softmax = functionModel(
  (row: readonly [number, number]) => {
    const exps = [Math.exp(row[0]), Math.exp(row[1]), 1]
    const total = exps.reduce((sum, value) => sum + value, 0)
    return exps.map((value) => value / total)
  },
  { name: 'softmax' },
)

describe('toProduceOutputsInRange', () => {
  test('passes on a model that stays in range', async () => {
    await expect(scorer).toProduceOutputsInRange({ inputs: rows, numRuns: 2000, seed: 1, min: 0, max: 1 })
    await expect(softmax).toProduceOutputsInRange({ inputs: rows, probabilities: true })
  })

  test('fails on a doubled model with the violation rate, the shrunk input and the seed', async () => {
    const failure = await expect(doubled)
      .toProduceOutputsInRange({ inputs: rows, numRuns: 500, seed: 7, min: 0, max: 1 })
      .then(
        () => undefined,
        (error: Error) => error,
      )
    expect(failure?.message).toMatch(/doubled produced outputs outside \[0, 1\]: violation rate 0\.\d+ \(\d+ of 500 cases under [^\n]+?\), expected 0/)
    expect(failure?.message).toMatch(/Reasons: above-max \d+/)
    expect(failure?.message).toMatch(/Shrunk counterexample \(\d+ shrinks\):/)
    expect(failure?.message).toMatch(/Replay: \{ seed: 7, numRuns: 500, path: '[\d:]+' \}/)
    // The minimal failing input sits on the boundary where 2 * sigmoid(3x - 2y) first exceeds 1: x > 2y / 3.
    const input = JSON.parse(/input: {2}(\[.*\])/.exec(failure?.message ?? '')?.[1] ?? 'null') as [number, number]
    expect(input[1]).toBe(0)
    expect(input[0]).toBeLessThan(1e-3)
  })

  test('.not passes on a model that leaves the range and fails on one that does not', async () => {
    await expect(doubled).not.toProduceOutputsInRange({ inputs: rows, numRuns: 200, seed: 3, min: 0, max: 1 })
    await expect(expect(scorer).not.toProduceOutputsInRange({ inputs: rows, numRuns: 200, seed: 3, min: 0, max: 1 })).rejects.toThrow(
      /Expected scorer to leave \[0, 1\], but it did not: violation rate 0 \(0 of 200 cases under [^\n]+\), expected 0\./,
    )
  })

  test('maxViolationRate is the statistical mode: a pass means the rate is below it with 95% confidence', async (context) => {
    // Leaves [0, 1] for x > 0.99: a true violation rate of 1% for x uniform on [0, 1].
    const edge = functionModel((row: readonly [number, number]) => [row[0] > 0.99 ? 2 : 0.5], { name: 'edge' })
    const uniform = fc.tuple(perturbUniform(0, 1), perturbUniform(0, 1))
    await expect(edge).toProduceOutputsInRange({ inputs: uniform, numRuns: 2000, maxViolationRate: 0.03, seed: 1, min: 0, max: 1 })
    const record = checksFromMeta(context.task.meta).at(-1) as CheckRecord
    // Cases are drawn without fast-check's size bias, which crowds the bounds (a raw rate on biased cases was 7.9% here).
    expect(record.metrics['violationRate']).toBeGreaterThan(0.005)
    expect(record.metrics['violationRate']).toBeLessThan(0.015)
    expect(record.metrics['upperBound']).toBeLessThan(0.03)
    const failure = await expect(edge)
      .toProduceOutputsInRange({ inputs: uniform, numRuns: 2000, maxViolationRate: 0.005, seed: 1, min: 0, max: 1 })
      .then(
        () => undefined,
        (error: Error) => error,
      )
    expect(failure?.message).toMatch(
      /edge produced outputs outside \[0, 1\]: violation rate 0\.0\d+ \(\d+ of 2000 cases under [^\n]+?\); 95% upper bound 0\.0\d+, expected < 0\.005\.\nfixed n: 2000 cases, one-sided Clopper-Pearson bound at 95%/,
    )
    expect(failure?.message).toMatch(/Shrunk counterexample \(\d+ shrinks\): output\[0\] = 2 > max 1\n {2}input: {2}\[0\.99\d*,0\]/)
    await expect(expect(edge).toProduceOutputsInRange({ inputs: uniform, numRuns: 100, maxViolationRate: 0.01, min: 0, max: 1 })).rejects.toThrow(
      /toProduceOutputsInRange: expected numRuns >= 299/,
    )
  })

  test('probability rows must sum to one', async () => {
    const unnormalised = functionModel((row: readonly [number, number]) => [row[0] / 2, row[1] / 2, 0.25], { name: 'unnormalised' })
    await expect(expect(unnormalised).toProduceOutputsInRange({ inputs: rows, seed: 2, probabilities: true })).rejects.toThrow(/sums to .*, not 1 \+- 0\.0001/)
  })

  test('non-finite outputs fail even without bounds', async () => {
    const divides = functionModel((row: readonly [number, number]) => [1 / row[1]], { name: 'divides' })
    await expect(expect(divides).toProduceOutputsInRange({ inputs: rows, seed: 4 })).rejects.toThrow(/output\[0\] = Infinity is not finite/)
  })

  test('a model that throws is an error, not a pass under .not', async () => {
    const throws = functionModel(
      (): number[] => {
        throw new Error('feature store unreachable')
      },
      { name: 'throws' },
    )
    await expect(expect(throws).not.toProduceOutputsInRange({ inputs: rows, seed: 5, min: 0, max: 1 })).rejects.toThrow(
      /throws: expected the model function to return outputs, received an exception: feature store unreachable/,
    )
  })

  test('bad arguments give clear errors', async () => {
    await expect(expect({}).toProduceOutputsInRange({ inputs: rows, min: 0, max: 1 })).rejects.toThrow(
      /expected a model \(from onnxModel\(\) or functionModel\(\)\), received object/,
    )
    await expect(expect(scorer).toProduceOutputsInRange({ inputs: rows, min: 2, max: 1 })).rejects.toThrow(/bounds with min <= max, received min 2, max 1/)
    await expect(expect(scorer).toProduceOutputsInRange({ inputs: 42 as never, min: 0, max: 1 })).rejects.toThrow(/a fast-check Arbitrary or an array of rows/)
  })

  test('the replay line is the options to paste back: with the path, the one shrunk case replays at once', async () => {
    const run = async (options: { seed: number; numRuns: number; path?: string }): Promise<{ message: string; record?: CheckRecord }> => {
      const message = await expect(doubled)
        .toProduceOutputsInRange({ inputs: rows, ...options, min: 0, max: 1 })
        .then(
          () => '',
          (error: Error) => error.message,
        )
      return { message }
    }
    const { message } = await run({ seed: 21, numRuns: 400 })
    const line = message.split('\n').at(-1) ?? ''
    const printed = /^Replay: \{ seed: (\d+), numRuns: (\d+), path: '([\d:]+)' \}$/.exec(line)
    expect(printed, line).not.toBeNull()
    // The line is a JavaScript object literal: paste it back as the options.
    const options = new Function(`return ${line.slice('Replay: '.length)}`)() as { seed: number; numRuns: number; path: string }
    expect(options).toEqual({ seed: 21, numRuns: 400, path: printed?.[3] })
    const again = await run({ seed: options.seed, numRuns: options.numRuns })
    expect(/input: {2}.*/.exec(again.message)?.[0]).toBe(/input: {2}.*/.exec(message)?.[0])
    const replayed = await run(options)
    expect(plain(replayed.message)).toContain('violation rate 1 (1 of 1 cases under your arbitrary (undescribed)), expected 0.')
    expect(/input: {2}.*/.exec(replayed.message)?.[0]).toBe(/input: {2}.*/.exec(message)?.[0])
    expect(replayed.message.split('\n').at(-1)).toBe(line)
  })

  test('a fixed model no longer fails at the replayed path', async () => {
    const { message } = await (async () => ({
      message: await expect(doubled)
        .toProduceOutputsInRange({ inputs: rows, seed: 21, numRuns: 400, min: 0, max: 1 })
        .then(
          () => '',
          (error: Error) => error.message,
        ),
    }))()
    const path = /path: '([\d:]+)'/.exec(message)?.[1] ?? ''
    await expect(scorer).toProduceOutputsInRange({ inputs: rows, seed: 21, numRuns: 400, path, min: 0, max: 1 })
    await expect(expect(doubled).toProduceOutputsInRange({ inputs: rows, seed: 21, numRuns: 400, path: 'four', min: 0, max: 1 })).rejects.toThrow(
      /toProduceOutputsInRange: expected a replay `path` such as '4:5:0' \(from a failure's Replay line\), received "four"\./,
    )
  })

  test('real rows are judged as given: the first failing row is shown, not a shrunk one', async () => {
    const real: [number, number][] = [
      [0.1, 0.9],
      [0.9, 0.1],
      [0.95, 0.05],
    ]
    const failure = await expect(doubled)
      .toProduceOutputsInRange({ inputs: real, min: 0, max: 1 })
      .then(
        () => undefined,
        (error: Error) => error,
      )
    expect(failure?.message).toMatch(/violation rate 0\.6667 \(2 of 3 cases under the 3 given rows, each once\)/)
    expect(failure?.message).toMatch(
      /First failing row \(row 1; real rows are used as given, not shrunk\): output\[0\] = [\d.]+ > max 1\n {2}input: {2}\[0\.9,0\.1\]/,
    )
    expect(failure?.message).toMatch(/numRuns: 3\b/)
  })

  test('same seed, same counterexample', async () => {
    const run = (): Promise<string> =>
      expect(doubled)
        .toProduceOutputsInRange({ inputs: rows, numRuns: 300, seed: 11, min: 0, max: 1 })
        .then(
          () => '',
          (error: Error) => error.message,
        )
    expect(await run()).toBe(await run())
  })

  test('bad options give clear errors that name the matcher, never a silent pass', async () => {
    await expect(expect(scorer).toProduceOutputsInRange(undefined as never)).rejects.toThrow(
      /^toProduceOutputsInRange: expected an options object with `inputs`, received undefined\.\nHint: /,
    )
    await expect(expect(scorer).toProduceOutputsInRange({ inputs: rows, maxViolationRate: Number.NaN, min: 0, max: 1 })).rejects.toThrow(
      /toProduceOutputsInRange: expected `maxViolationRate` in \(0, 1\), received NaN/,
    )
    // A NaN sum tolerance would wave through rows that do not sum to one.
    const unnormalised = functionModel((row: readonly [number, number]) => [row[0] / 2, row[1] / 2, 0.25], { name: 'unnormalised' })
    await expect(expect(unnormalised).toProduceOutputsInRange({ inputs: rows, seed: 2, probabilities: true, sumTolerance: Number.NaN })).rejects.toThrow(
      /toProduceOutputsInRange: expected a sum `tolerance` >= 0, received NaN/,
    )
  })
})

describe('toProduceOutputsInRange reads outputs as what they are', () => {
  test('a string answer is a not-a-number violation that shows the string, not a NaN', async () => {
    const failure = await failureOf(expect(catOrDog).toProduceOutputsInRange({ inputs: rows, numRuns: 100, seed: 1, min: 0, max: 1 }))
    const message = plain(failure?.message)
    expect(message).toMatch(/catOrDog produced outputs outside \[0, 1\]: violation rate 1 \(100 of 100 cases under [^\n]+?\), expected 0\./)
    expect(message).toMatch(/Reasons: not-a-number 100\n/)
    expect(message).toMatch(/: output\[0\] = 'dog' is not a number\n {2}input: {2}\[.*\]\n {2}output: "dog"\n/)
  })

  test.each([
    ['undefined', undefined, 'missing-output', 'missing (undefined)'],
    ['null', null, 'missing-output', 'missing (null)'],
    ['[]', [], 'empty-output', 'empty ([])'],
    ['{}', {}, 'empty-output', 'empty ({})'],
    ['{ scores: [] }', { scores: [] }, 'empty-output', 'empty ({ scores: [] })'],
  ])('a model answering %s fails, without bounds too', async (_, value, reason, phrase) => {
    const failure = await failureOf(expect(constantModel(value, 'nothing')).toProduceOutputsInRange({ inputs: rows, numRuns: 20, seed: 2 }))
    const message = plain(failure?.message)
    expect(message).toMatch(/nothing produced outputs outside finite numbers: violation rate 1 \(20 of 20 cases under [^\n]+?\), expected 0\./)
    expect(message).toContain(`Reasons: ${reason} 20\n`)
    expect(message).toContain(`: the output is ${phrase}\n`)
  })

  test('a hole inside an output fails, bigints and booleans count as their numbers', async () => {
    const holed = await failureOf(
      expect(constantModel({ probabilities: [0.5, null] }, 'holed')).toProduceOutputsInRange({ inputs: rows, numRuns: 10, seed: 3, min: 0, max: 1 }),
    )
    expect(plain(holed?.message)).toMatch(/: output\[1\] = null is not a number\n/)
    await expect(constantModel({ label: 1n, positive: true }, 'typed')).toProduceOutputsInRange({ inputs: rows, numRuns: 10, seed: 3, min: 0, max: 1 })
  })

  test('a hand-written model that answers one output too many or too few is an error', async () => {
    const first = (row: readonly [number, number]): number[] => [row[0]]
    await expect(expect(miscountingModel(first, 1)).toProduceOutputsInRange({ inputs: rows, numRuns: 40, seed: 4, min: 0, max: 1 })).rejects.toThrow(
      /^toProduceOutputsInRange: expected oneTooMany to return one output per input \(40\), received 41 outputs\.\nHint: /,
    )
    await expect(
      expect(miscountingModel(first, -1)).toProduceOutputsInRange({ inputs: rows, numRuns: 300, seed: 4, maxViolationRate: 0.05, min: 0, max: 1 }),
    ).rejects.toThrow(/^toProduceOutputsInRange: expected oneTooFew to return one output per input \(300\), received 299 outputs\./)
  })
})

describe('toProduceOutputsInRange: a violation rate is a rate under a stated distribution', () => {
  // Wrong on x < 0.02: 2% of the interval [0, 1].
  const wrongBelow2Percent = functionModel((row: readonly number[]) => [(row[0] ?? 0) < 0.02 ? 2 : 0.5], { name: 'wrongBelow2Percent' })
  const unit = featureSchema({ x: numeric({ min: 0, max: 1 }) })

  test('with uniform schema rows the measured rate is near 0.02, and the message and the record name the distribution', async ({ task }) => {
    const failure = await failureOf(
      expect(wrongBelow2Percent).toProduceOutputsInRange({ inputs: unit.arrays(), numRuns: 5000, maxViolationRate: 0.01, seed: 11, min: 0, max: 1 }),
    )
    const rate = Number(/violation rate (\S+) /.exec(plain(failure?.message ?? ''))?.[1])
    // 5000 uniform draws: 0.02 +- 3 standard errors (0.006).
    expect(Math.abs(rate - 0.02)).toBeLessThan(0.006)
    expect(plain(failure?.message ?? '')).toMatch(/cases under uniform rows of the schema \(x\)\); 95% upper bound/)
    expect(checksFromMeta(task.meta).at(-1)?.distribution).toBe('uniform rows of the schema (x)')
  })

  test('with fc.double the same model shows a rate near 1: the message warns, names fc.double and the fix', async ({ task }) => {
    const doubles = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }))
    const failure = await failureOf(
      expect(wrongBelow2Percent).toProduceOutputsInRange({ inputs: doubles, numRuns: 600, maxViolationRate: 0.05, seed: 1, min: 0, max: 1 }),
    )
    const message = plain(failure?.message ?? '')
    expect(Number(/violation rate (\S+) /.exec(message)?.[1])).toBeGreaterThan(0.9)
    expect(message).toContain('cases under your arbitrary (undescribed)')
    expect(message).toMatch(/inputs coordinate \[0\]: half of 1000 sampled cases lie within .* fc\.double\(\{ min, max \}\) does this/)
    expect(checksFromMeta(task.meta).at(-1)?.warnings?.[0]).toMatch(/^inputs coordinate \[0\]/)
  })

  test('exact mode states the distribution too, and stays sharp: the 5% edge values find a violation at the bound', async () => {
    const atTheBound = functionModel((row: readonly number[]) => [(row[0] ?? 0) === 1 ? 1.5 : 0.5], { name: 'atTheBound' })
    const failure = await failureOf(expect(atTheBound).toProduceOutputsInRange({ inputs: unit.arrays(), numRuns: 200, seed: 2, min: 0, max: 1 }))
    expect(plain(failure?.message ?? '')).toMatch(
      /atTheBound produced outputs outside \[0, 1\]: violation rate \S+ \(\d+ of 200 cases under uniform rows of the schema \(x\)\), expected 0\./,
    )
    expect(plain(failure?.message ?? '')).toContain('input:  [1]')
  })
})
