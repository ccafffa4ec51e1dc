import { describe, expect, it } from 'vitest'
import { classPriorBaseline } from '../../../../src/evaluation/baselines/class-prior-baseline.js'
import { heuristicBaseline, previousModelBaseline } from '../../../../src/evaluation/baselines/heuristic-baseline.js'
import { majorityClassBaseline } from '../../../../src/evaluation/baselines/majority-class-baseline.js'
import { meanBaseline, medianBaseline } from '../../../../src/evaluation/baselines/mean-baseline.js'
import { resolveBaseline } from '../../../../src/evaluation/baselines/resolve-baseline.js'
import { stratifiedBaseline } from '../../../../src/evaluation/baselines/stratified-baseline.js'
import { loadSplit } from '../../../support/model-split.js'

const rows = (n: number): unknown[] => Array.from({ length: n }, (_, i) => [i])

describe('baselines', () => {
  it('majority class: the most frequent training label, as the seed says (penguins: Adelie)', async () => {
    const { train } = loadSplit('penguins-mlp')
    const baseline = majorityClassBaseline(train.labels)
    expect(await baseline.predict(rows(3))).toEqual(['Adelie', 'Adelie', 'Adelie'])
    expect(baseline.baseline).toEqual({ kind: 'majority-class', fittedOn: 'train', description: 'majority class "Adelie" (44.1% of 256 train labels)' })
    // ties go to the first sorted label, as sklearn's DummyClassifier(strategy='most_frequent')
    expect(await majorityClassBaseline(['b', 'a', 'b', 'a']).predict(rows(1))).toEqual(['a'])
  })

  it('stratified: seeded, repeatable per call, in the fitted proportions', async () => {
    const labels = [...Array(700).fill('a'), ...Array(300).fill('b')] as string[]
    const baseline = stratifiedBaseline(labels, { seed: 3 })
    const first = await baseline.predict(rows(4000))
    expect(await baseline.predict(rows(4000))).toEqual(first)
    expect(first.filter((label) => label === 'b').length / 4000).toBeCloseTo(0.3, 1)
    expect(await stratifiedBaseline(labels, { seed: 4 }).predict(rows(50))).not.toEqual(first.slice(0, 50))
  })

  it('class prior: frequencies as probabilities in the given class order, majority as label', async () => {
    const baseline = classPriorBaseline(['a', 'a', 'b', 'a'], { classes: ['b', 'a', 'c'], fittedOn: 'evaluation' })
    expect(await baseline.predict(rows(1))).toEqual([{ label: 'a', probabilities: [0.25, 0.75, 0] }])
    expect(baseline.baseline.fittedOn).toBe('evaluation')
    expect(() => classPriorBaseline(['z'], { classes: ['a'] })).toThrow(/classPriorBaseline: expected labels among the classes "a", received "z"/)
  })

  it('mean and median regressors', async () => {
    expect(await meanBaseline([18, 24, 30]).predict(rows(2))).toEqual([24, 24])
    expect(await medianBaseline([18, 24, 30, 100]).predict(rows(1))).toEqual([27])
    expect(await medianBaseline([5, 1, 3]).predict(rows(1))).toEqual([3])
    expect(() => meanBaseline([])).toThrow(/meanBaseline: expected at least 1 target to fit on, received 0/)
    expect(() => meanBaseline([1, Number.NaN])).toThrow(/meanBaseline: expected finite numeric targets, received NaN at index 1/)
  })

  it('heuristic rules and previous models are models too', async () => {
    const byFlipper = heuristicBaseline((row: number[]) => ((row[2] ?? 0) > 206 ? 'Gentoo' : 'Adelie'), { name: 'flipper rule' })
    expect(
      await byFlipper.predict([
        [39, 18, 181, 3750],
        [47, 15, 215, 5000],
      ]),
    ).toEqual(['Adelie', 'Gentoo'])
    expect(byFlipper.identity.name).toBe('flipper rule')
    const previous = previousModelBaseline({
      identity: { name: 'v1', version: '1.0.0' },
      predict: (batch: readonly number[]) => Promise.resolve(batch.map((x) => x * 2)),
      release: () => Promise.resolve(),
    })
    expect(await previous.predict([1, 2])).toEqual([2, 4])
    expect(previous.baseline.description).toBe('previous model v1 1.0.0')
  })

  it('resolveBaseline fits on training labels when given, else on the evaluation labels, and says which', () => {
    expect(resolveBaseline('majority', { evaluationLabels: ['a'], trainLabels: ['b'] }).baseline.fittedOn).toBe('train')
    expect(resolveBaseline('median', { evaluationLabels: [1, 2] }).baseline.fittedOn).toBe('evaluation')
    expect(resolveBaseline((row: number) => row, { evaluationLabels: [1] }).baseline.kind).toBe('heuristic')
    expect(() => resolveBaseline('mode' as 'mean', { evaluationLabels: [1] })).toThrow(
      /toBeatBaseline: expected a baseline name \(majority, stratified, prior, mean, median\), a model or a function, received "mode"/,
    )
  })
})
