import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { relationMatchers } from '../../matchers/relations-index.js'
import { functionModel } from '../../src/model/function-model.js'
import { type OnnxModel, onnxModel } from '../../src/model/onnx-model.js'
import { type CheckRecord, checksFromMeta } from '../../src/record/check-record.js'
import { constantModel, failureOf, miscountingModel, plain } from '../support/malformed-models.js'

expect.extend(relationMatchers)

const classes = ['Adelie', 'Chinstrap', 'Gentoo']
let penguins: OnnxModel
let cars: OnnxModel
beforeAll(async () => {
  penguins = await onnxModel('models/penguins-mlp.onnx', { output: 'probabilities' })
  cars = await onnxModel('models/cars-mpg.onnx', { output: 'prediction' })
})
afterAll(async () => {
  await penguins.release()
  await cars.release()
})

async function failure(run: Promise<unknown>): Promise<Error | undefined> {
  return run.then(
    () => undefined,
    (error: Error) => error,
  )
}

describe('toPassGoldenCases', () => {
  test('labels from a CSV file, ranges from a JSON file, values inline', async () => {
    await expect(penguins).toPassGoldenCases('test/src/relations/fixtures/penguins-mlp-golden.csv', { classes })
    await expect(cars).toPassGoldenCases('test/src/relations/fixtures/cars-mpg-golden.json')
    const doubler = functionModel((row: number[]) => [2 * (row[0] ?? 0)], { name: 'doubler' })
    await expect(doubler).toPassGoldenCases([
      { input: [1], value: 2 },
      { input: [0.1], value: 0.2, tolerance: 1e-12 },
      { input: [3], value: [6] },
    ])
  })

  test('every failure is listed, in one batched call, and recorded as golden', async (context) => {
    const calls: number[] = []
    const counted = functionModel(
      (batch: readonly number[][]) => {
        calls.push(batch.length)
        return batch.map((row) => [2 * (row[0] ?? 0)])
      },
      { batched: true, name: 'doubler' },
    )
    const cases = [
      { name: 'one', input: [1], value: 2 },
      { name: 'two', input: [2], value: 5, tolerance: 0.5 },
      { name: 'three', input: [3], min: 7 },
      { name: 'label', input: [0.2], label: 1 },
    ]
    const error = await failure(expect(counted).toPassGoldenCases(cases))
    expect(calls).toEqual([4])
    expect(error?.message).toMatch(/doubler failed 3 of 4 golden cases \(failure rate 0\.75\):/)
    expect(error?.message).toContain('two: expected 5 +- 0.5, got 4 (off by 1)')
    expect(error?.message).toContain('three: expected output[0] in [7, Infinity], got 6')
    expect(error?.message).toContain('label: expected label 1, got 0')
    const record = checksFromMeta(context.task.meta).at(-1) as CheckRecord
    expect(record).toMatchObject({ kind: 'golden', passed: false, checklist: [], metrics: { violations: 3, numRuns: 4, violationRate: 0.75 } })
    expect(record.counterexample).toHaveLength(3)
  })

  test('a case with several expectations must meet all of them (none is silently ignored)', async () => {
    const unsure = functionModel((row: number[]) => [1 - (row[0] ?? 0), row[0] ?? 0], { name: 'unsure' })
    // The right class, but not with the probability the case asks for.
    const error = await failure(expect(unsure).toPassGoldenCases([{ name: 'confident', input: [0.55], label: 1, min: 0.9 }], { output: 1 }))
    expect(error?.message).toMatch(/unsure failed 1 of 1 golden cases/)
    expect(error?.message).toContain('confident: expected output[1] in [0.9, Infinity], got 0.55')
    const value = await failure(expect(unsure).toPassGoldenCases([{ name: 'capped', input: [0.7], value: 0.7, max: 0.6 }], { output: 1 }))
    expect(value?.message).toContain('capped: expected output[1] in [-Infinity, 0.6], got 0.7')
    await expect(unsure).toPassGoldenCases(
      [
        { input: [0.95], label: 1, min: 0.9 },
        { input: [0.5], value: 0.5, max: 0.6 },
      ],
      { output: 1 },
    )
  })

  test('.not passes on a failing table and fails on a passing one', async () => {
    await expect(penguins).not.toPassGoldenCases([{ input: [39.1, 18.7, 181, 3750, 2], label: 'Gentoo' }], { classes })
    await expect(expect(penguins).not.toPassGoldenCases([{ input: [39.1, 18.7, 181, 3750, 2], label: 'Adelie' }], { classes })).rejects.toThrow(
      /Expected penguins-mlp\.onnx to fail some golden case, but all 1 passed/,
    )
  })

  test('bad tables give clear errors', async () => {
    await expect(expect(penguins).toPassGoldenCases([])).rejects.toThrow(/a non-empty array of golden cases or a CSV \/ JSON path, received an empty array/)
    await expect(expect(penguins).toPassGoldenCases([{ input: [1, 2, 3, 4, 5] }])).rejects.toThrow(/an expectation on every case/)
    await expect(expect(penguins).toPassGoldenCases([{ input: [1, 2, 3, 4, 5], label: 'Emperor' }], { classes })).rejects.toThrow(
      /a label among the classes \[Adelie, Chinstrap, Gentoo\], received "Emperor"/,
    )
    await expect(expect(penguins).toPassGoldenCases('test/src/relations/fixtures/missing.csv')).rejects.toThrow(
      /loadGoldenCases: expected a readable CSV or JSON file, received "test\/src\/relations\/fixtures\/missing.csv" \(ENOENT\)/,
    )
    await expect(
      expect(penguins).toPassGoldenCases('test/src/relations/fixtures/penguins-mlp-golden.csv', { classes, features: ['beak_length', 'wing'] }),
    ).rejects.toThrow(/expected a column "wing"/)
  })
})

describe('toPassGoldenCases reads outputs as what they are', () => {
  /** A label classifier answering class names, as a scikit-learn export with string labels does. */
  const byFlipper = functionModel((row: number[]) => ((row[2] ?? 0) > 205 ? 'Gentoo' : 'Adelie'), { name: 'byFlipper' })

  test('string labels are compared as labels, with or without classes; a wrong one is printed as the model gave it', async () => {
    await expect(byFlipper).toPassGoldenCases([
      { input: [39.1, 18.7, 181, 3750, 2], label: 'Adelie' },
      { input: [46.1, 13.2, 211, 4500, 0], label: 'Gentoo' },
    ])
    await expect(byFlipper).toPassGoldenCases([{ input: [46.1, 13.2, 211, 4500, 0], label: 2 }], { classes })
    const error = await failureOf(expect(byFlipper).toPassGoldenCases([{ name: 'big', input: [46.1, 13.2, 211, 4500, 0], label: 'Adelie' }]))
    expect(plain(error?.message)).toContain("big: expected label Adelie, got 'Gentoo'")
  })

  test('a class name against a model that answers class indices needs `classes`: an error, not a row of failures', async () => {
    await expect(expect(penguins).toPassGoldenCases([{ name: 'adelie', input: [39.1, 18.7, 181, 3750, 2], label: 'Adelie' }])).rejects.toThrow(
      /^toPassGoldenCases: expected a label among the classes \[\], received "Adelie" in case adelie, where penguins-mlp\.onnx answers class index 0\.\nHint: Pass `classes`/,
    )
  })

  test.each([
    ['undefined', undefined, 'missing (undefined)'],
    ['[]', [], 'empty ([])'],
    ['{}', {}, 'empty ({})'],
  ])('a model answering %s fails every case, naming it', async (_, value, phrase) => {
    const error = await failureOf(
      expect(constantModel(value, 'nothing')).toPassGoldenCases([
        { name: 'one', input: [1], value: 2 },
        { name: 'two', input: [2], label: 1 },
      ]),
    )
    const message = plain(error?.message)
    expect(message).toMatch(/nothing failed 2 of 2 golden cases \(failure rate 1\):/)
    expect(message).toContain(`one: the output is ${phrase}`)
    expect(message).toContain(`two: the output is ${phrase}`)
  })

  test('a number expectation on a string answer is an error; a hand-written model answering one output too many is an error', async () => {
    await expect(expect(byFlipper).toPassGoldenCases([{ input: [39.1, 18.7, 181, 3750, 2], min: 0.5 }])).rejects.toThrow(
      /^toPassGoldenCases: expected a number at output \(the output this check watches\), received 'Adelie' \(a string\)\./,
    )
    await expect(
      expect(miscountingModel((row: number[]) => [row[0] ?? 0], 1)).toPassGoldenCases([
        { input: [1], value: 1 },
        { input: [2], value: 2 },
      ]),
    ).rejects.toThrow(/^toPassGoldenCases: expected oneTooMany to return one output per input \(2\), received 3 outputs\./)
  })
})
