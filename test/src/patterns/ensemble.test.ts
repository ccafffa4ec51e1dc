import { describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { ensemble } from '../../../src/patterns/ensemble.js'
import { evaluateEnsemble } from '../../../src/patterns/evaluate-ensemble.js'
import { constantModel, miscountingModel } from '../../support/malformed-models.js'

const fixed = (name: string, row: number[]) => functionModel((): number[] => row, { name })
const a = fixed('a', [0.6, 0.4, 0])
const b = fixed('b', [0.1, 0.5, 0.4])
const c = fixed('c', [0.2, 0.3, 0.5])
const record = functionModel((): { probabilities: number[]; label: bigint } => ({ probabilities: [0.7, 0.2, 0.1], label: 0n }), { name: 'record' })

describe('ensemble', () => {
  test('soft voting averages the probability rows', async () => {
    const [answer] = await ensemble([a, b, c]).predict([[0]])
    expect(answer?.probabilities.map((p) => Number(p.toFixed(6)))).toEqual([0.3, 0.4, 0.3])
    expect(answer?.label).toBe(1)
  })

  test('weighted voting uses the weights', async () => {
    const [answer] = await ensemble([a, b, c], { voting: 'weighted', weights: [3, 1, 1] }).predict([[0]])
    expect(answer?.probabilities.map((p) => Number(p.toFixed(6)))).toEqual([0.42, 0.4, 0.18])
    expect(answer?.label).toBe(0)
  })

  test('hard voting takes the majority, ties go to the highest mean probability, then the lowest index', async () => {
    // a votes 0, b votes 1, c votes 2: a three-way tie; mean row [0.3, 0.4, 0.3] -> class 1.
    expect(await ensemble([a, b, c], { voting: 'hard' }).predict([[0]])).toEqual([{ probabilities: [1 / 3, 1 / 3, 1 / 3], label: 1 }])
    // a and record vote 0, b votes 1: majority 0.
    expect((await ensemble<unknown, unknown>([a, record, b], { voting: 'hard' }).predict([[0]]))[0]?.label).toBe(0)
    // Exact tie on votes and on mean probability: the lowest index wins.
    const left = fixed('left', [0.6, 0.4])
    const right = fixed('right', [0.4, 0.6])
    expect((await ensemble([left, right], { voting: 'hard' }).predict([[0]]))[0]?.label).toBe(0)
    expect((await ensemble([right, left], { voting: 'hard' }).predict([[0]]))[0]?.label).toBe(0)
  })

  test('reads records of named outputs and accepts a stacking hook', async () => {
    const stacked = ensemble<unknown, unknown>([a, record], { stack: (outputs) => (outputs[1] as { probabilities: number[] }).probabilities })
    expect(await stacked.predict([[0], [1]])).toEqual([
      { probabilities: [0.7, 0.2, 0.1], label: 0 },
      { probabilities: [0.7, 0.2, 0.1], label: 0 },
    ])
  })

  test('misuse is refused clearly', async () => {
    expect(() => ensemble([a])).toThrow(/ensemble: expected at least 2 member models, received 1/)
    expect(() => ensemble([a, b], { voting: 'weighted' })).toThrow(/ensemble: expected `weights` with weighted voting, received none/)
    expect(() => ensemble([a, b], { weights: [1, -1] })).toThrow(/ensemble: expected 2 finite weights >= 0 with a positive sum, received \[1, -1\]/)
    await expect(ensemble([a, fixed('two', [0.5, 0.5])]).predict([[0]])).rejects.toThrow(
      /expected probability rows of 3 values from every member, received 2 values from two at row 0/,
    )
  })
})

describe('evaluateEnsemble', () => {
  test('scores the ensemble and each member with the evaluation metrics', async () => {
    const data = { inputs: [[0], [1], [2], [3]], labels: ['x', 'y', 'y', 'z'] }
    const result = await evaluateEnsemble(ensemble([a, b, c]), data, { metric: 'accuracy', classes: ['x', 'y', 'z'] })
    expect(result).toMatchObject({ metric: 'accuracy', ensembleScore: 0.5, best: { name: 'b', score: 0.5 }, gain: 0, rows: 4 })
    expect(result.members.map((member) => member.score)).toEqual([0.25, 0.5, 0.25])
  })
})

describe('ensemble members must answer with probability rows', () => {
  test('a member answering a string label, nothing or a hole is an error naming the member and the row, never NaN averaged in', async () => {
    const labeller = functionModel((): string => 'Adelie', { name: 'labeller' })
    await expect(ensemble([a, labeller as never]).predict([[0]])).rejects.toThrow(
      /^ensemble\(a, labeller\): expected a probability row of numbers from every member, received 'Adelie' from labeller at row 0\.\nHint: .*pass `stack`/,
    )
    await expect(ensemble([a, constantModel(undefined, 'nothing') as never]).predict([[0]])).rejects.toThrow(/received undefined from nothing at row 0/)
    await expect(ensemble([a, constantModel([0.5, null, 0.5], 'holed') as never]).predict([[0]])).rejects.toThrow(
      /received \[0\.5, null, 0\.5\] from holed at row 0/,
    )
    await expect(ensemble([constantModel({}, 'nothing') as never, a]).predict([[0]])).rejects.toThrow(/received \{\} from nothing at row 0/)
  })

  test('a member answering one output too many is an error; a record with probabilities and a bigint label is fine', async () => {
    await expect(ensemble([a, miscountingModel((): number[] => [0.2, 0.3, 0.5], 1)]).predict([[0], [1]])).rejects.toThrow(
      /^ensemble\(a, oneTooMany\): expected oneTooMany to return one output per input \(2\), received 3 outputs\./,
    )
    const [answer] = await ensemble([a, record as never]).predict([[0]])
    expect(answer?.label).toBe(0)
  })
})
