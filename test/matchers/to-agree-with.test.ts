import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { patternMatchers } from '../../matchers/patterns-index.js'
import { functionModel } from '../../src/model/function-model.js'
import { catOrDog, constantModel, failureOf, miscountingModel, plain } from '../support/malformed-models.js'

expect.extend(patternMatchers)

const rows = Array.from({ length: 100 }, (_, index) => [index / 100])
const production = functionModel((row: number[]) => [row[0] ?? 0, 1 - (row[0] ?? 0)], { name: 'production' })
/** Moves the decision boundary from 0.5 to 0.45: disagrees on x in [0.45, 0.5). */
const shifted = functionModel((row: number[]) => [(row[0] ?? 0) + 0.05, 0.95 - (row[0] ?? 0)], { name: 'shifted' })
/** Flips the decision everywhere. */
const flipped = functionModel((row: number[]) => [1 - (row[0] ?? 0), row[0] ?? 0], { name: 'flipped' })

describe('toAgreeWith', () => {
  test('passes when the decisions agree often enough', async () => {
    await expect(shifted).toAgreeWith(production, { inputs: rows, minAgreementShare: 0.95 })
    await expect(shifted).toAgreeWith(production, { inputs: rows, maxMeanAbsDiff: 0.05 })
  })

  test('fails with the agreement share and the worst disagreements, pinned', async () => {
    const failure = await expect(flipped)
      .toAgreeWith(production, { inputs: rows.slice(0, 4), minAgreementShare: 0.9, maxListed: 2, seed: 1 })
      .then(
        () => undefined,
        (error: Error) => error,
      )
    expect(failure?.message.split('\n').slice(2).join('\n')).toBe(
      [
        'production and flipped disagree: agreement share 0 (0 of 4 rows), expected >= 0.9.',
        'Top 2 of 4 disagreements (largest difference first):',
        '  row 0: input [0]',
        '    production: [0,1]',
        '    flipped: [1,0] (mean |diff| 1)',
        '  row 1: input [0.01]',
        '    production: [0.01,0.99]',
        '    flipped: [0.99,0.01] (mean |diff| 0.98)',
        'Replay: { seed: 1, numRuns: 4 }',
      ].join('\n'),
    )
  })

  test('generates inputs from a fast-check arbitrary, reproducibly', async () => {
    const unit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }))
    await expect(shifted).toAgreeWith(production, { inputs: unit, numRuns: 200, minAgreementShare: 0.9, seed: 3 })
    const nearBoundary = fc.tuple(fc.double({ min: 0.4, max: 0.55, noNaN: true }))
    const run = () =>
      expect(shifted)
        .toAgreeWith(production, { inputs: nearBoundary, numRuns: 200, minAgreementShare: 0.9, seed: 3 })
        .then(
          () => '',
          (error: Error) => error.message,
        )
    const message = await run()
    expect(message).toMatch(/production and shifted disagree: agreement share 0\.[0-8]\d* \(\d+ of 200 rows\), expected >= 0\.9\./)
    expect(await run()).toBe(message)
  })

  test('checks the mean absolute difference when asked', async () => {
    await expect(expect(shifted).toAgreeWith(production, { inputs: rows, maxMeanAbsDiff: 0.01 })).rejects.toThrow(
      /mean absolute difference 0\.05, expected <= 0\.01\./,
    )
  })

  test('.not passes on a model that disagrees', async () => {
    await expect(flipped).not.toAgreeWith(production, { inputs: rows })
    await expect(expect(production).not.toAgreeWith(production, { inputs: rows, seed: 2 })).rejects.toThrow(
      /Expected production and production to disagree, but they agree: agreement share 1 \(100 of 100 rows\), expected >= 0\.95\./,
    )
  })

  test('bad input gives clear errors', async () => {
    await expect(expect(production).toAgreeWith({}, { inputs: rows })).rejects.toThrow(
      /toAgreeWith: expected a model \(from onnxModel\(\) or functionModel\(\)\), received object/,
    )
    await expect(expect(shifted).toAgreeWith(production, { inputs: rows, minAgreementShare: 95 })).rejects.toThrow(
      /toAgreeWith: expected `minAgreementShare` in \[0, 1\], received 95/,
    )
    await expect(expect(shifted).toAgreeWith(production, { inputs: [] })).rejects.toThrow(/toAgreeWith: expected a non-empty array of input rows/)
    await expect(expect(shifted).toAgreeWith(production, { inputs: 42 as never })).rejects.toThrow(
      /toAgreeWith: expected real rows \(an array\) or a fast-check Arbitrary in `inputs`, received number/,
    )
  })
})

describe('toAgreeWith compares answers as what they are', () => {
  const shiftedCat = functionModel((row: number[]) => ((row[0] ?? 0) > 0.6 ? 'cat' : 'dog'), { name: 'shiftedCat' })

  test('string labels agree when they are the same label (a label model agrees with itself)', async () => {
    await expect(catOrDog).toAgreeWith(catOrDog, { inputs: rows, seed: 1 })
  })

  test('different labels disagree, listed with both labels and a difference of 1', async () => {
    const failure = await failureOf(expect(shiftedCat).toAgreeWith(catOrDog, { inputs: rows, minAgreementShare: 0.95, maxListed: 1, seed: 1 }))
    expect(plain(failure?.message).split('\n').slice(2).join('\n')).toBe(
      [
        'catOrDog and shiftedCat disagree: agreement share 0.9 (90 of 100 rows), expected >= 0.95.',
        'Top 1 of 10 disagreements (largest difference first):',
        '  row 57: input [0.57]',
        '    catOrDog: "cat"',
        '    shiftedCat: "dog" (mean |diff| 1)',
        'Replay: { seed: 1, numRuns: 100 }',
      ].join('\n'),
    )
  })

  test.each([
    ['undefined', undefined],
    ['[]', []],
    ['{}', {}],
  ])('two models answering %s do not agree: a missing answer is a disagreement on its row', async (shown, value) => {
    const failure = await failureOf(
      expect(constantModel(value, 'alsoNothing')).toAgreeWith(constantModel(value, 'nothing'), { inputs: rows.slice(0, 3), maxListed: 1, seed: 2 }),
    )
    const message = plain(failure?.message)
    expect(message).toMatch(/nothing and alsoNothing disagree: agreement share 0 \(0 of 3 rows\), expected >= 0\.95\./)
    expect(message).toContain(
      `  row 0: input [0]\n    nothing: ${shown === 'undefined' ? 'undefined' : shown}\n    alsoNothing: ${shown === 'undefined' ? 'undefined' : shown} (mean |diff| Infinity)`,
    )
  })

  test('a hand-written model answering one output too many is an error under the matcher name', async () => {
    await expect(
      expect(production).toAgreeWith(
        miscountingModel((row: number[]) => [row[0] ?? 0, 1 - (row[0] ?? 0)], 1),
        { inputs: rows, seed: 3 },
      ),
    ).rejects.toThrow(/^toAgreeWith: expected oneTooMany to return one output per input \(100\), received 101 outputs\./)
  })
})
