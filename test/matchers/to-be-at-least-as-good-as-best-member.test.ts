import { describe, expect, test } from 'vitest'
import { patternMatchers } from '../../matchers/patterns-index.js'
import { functionModel } from '../../src/model/function-model.js'
import { ensemble } from '../../src/patterns/ensemble.js'
import { constantModel, miscountingModel, failureOf as outcomeOf, plain } from '../support/malformed-models.js'

expect.extend(patternMatchers)

// Ten rows x in 0..9; the true class is 1 when x >= 5. Each member errs on a different pair of rows.
const inputs = Array.from({ length: 10 }, (_, index) => [index])
const labels = inputs.map(([x]) => ((x ?? 0) >= 5 ? 1 : 0))
const memberWrongOn = (name: string, wrong: readonly number[]) =>
  functionModel(
    (row: number[]) => {
      const truth = (row[0] ?? 0) >= 5 ? 1 : 0
      const label = wrong.includes(row[0] ?? -1) ? 1 - truth : truth
      return label === 1 ? [0.3, 0.7] : [0.7, 0.3]
    },
    { name },
  )
const first = memberWrongOn('first', [0, 1])
const second = memberWrongOn('second', [2, 3])
const third = memberWrongOn('third', [4, 5])
/** Always wrong, and very sure of itself. */
const contrarian = functionModel((row: number[]) => ((row[0] ?? 0) >= 5 ? [0.99, 0.01] : [0.01, 0.99]), { name: 'contrarian' })

describe('toBeAtLeastAsGoodAsBestMember', () => {
  test('passes when the majority corrects each member (accuracy 1 vs 0.8)', async () => {
    await expect(ensemble([first, second, third], { voting: 'hard' })).toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels }, metric: 'accuracy' })
  })

  test('fails with every member score when a confident bad member drags the average down, pinned', async () => {
    const failure = await expect(ensemble([first, contrarian], { name: 'first+contrarian' }))
      .toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels }, metric: 'accuracy' })
      .then(
        () => undefined,
        (error: Error) => error,
      )
    expect(failure?.message.split('\n').slice(2).join('\n')).toBe(
      [
        'first+contrarian is worse than its best member: accuracy 0 vs best member first 0.8 (gain -0.8, margin 0; higher is better; 10 rows).',
        'Member scores:',
        '  first: 0.8 (best)',
        '  contrarian: 0',
        'Hint: serve the best member alone, or change the voting or the weights.',
      ].join('\n'),
    )
  })

  test('works with metrics where lower is better, and with a margin', async () => {
    await expect(ensemble([first, second, third])).toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels }, metric: 'logLoss' })
    await expect(ensemble([first, second], { voting: 'weighted', weights: [1, 0.01] })).toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels }, margin: 0 })
  })

  test('.not passes on an ensemble worse than its best member', async () => {
    await expect(ensemble([first, contrarian])).not.toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels } })
    await expect(expect(ensemble([first, second, third], { voting: 'hard' })).not.toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels } })).rejects.toThrow(
      /Expected ensemble\(first, second, third\) to be worse than its best member, but it is not: accuracy 1 vs best member first 0\.8/,
    )
  })

  test('bad input gives clear errors', async () => {
    await expect(expect(first).toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels } })).rejects.toThrow(
      /toBeAtLeastAsGoodAsBestMember: expected a model built with ensemble\(\[\.\.\.models\]\), received object/,
    )
    await expect(expect(ensemble([first, second])).toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels: [0] } })).rejects.toThrow(
      /expected 10 labels in data.labels \(one per input\), received 1/,
    )
    await expect(expect(ensemble([first, second])).toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels }, metric: 'acuracy' as never })).rejects.toThrow(
      /expected a metric name/,
    )
  })
})

describe('toBeAtLeastAsGoodAsBestMember reads outputs as what they are', () => {
  test('a member answering string labels cannot be averaged: an error naming the member, the row and the label', async () => {
    const labeller = functionModel((row: number[]) => ((row[0] ?? 0) >= 5 ? 'yes' : 'no'), { name: 'labeller' })
    await expect(expect(ensemble([first, labeller as never])).toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels } })).rejects.toThrow(
      /^ensemble\(first, labeller\): expected a probability row of numbers from every member, received 'no' from labeller at row 0\.\nHint: /,
    )
  })

  test('a member answering nothing is an error; so is a member answering one output too many', async () => {
    await expect(expect(ensemble([first, constantModel({}, 'nothing') as never])).toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels } })).rejects.toThrow(
      /^ensemble\(first, nothing\): expected a probability row of numbers from every member, received \{\} from nothing at row 0\./,
    )
    await expect(
      expect(ensemble([first, miscountingModel((row: number[]) => [0.5, 0.5], 1) as never])).toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels } }),
    ).rejects.toThrow(/^ensemble\(first, oneTooMany\): expected oneTooMany to return one output per input \(10\), received 11 outputs\./)
  })
})
