// Production patterns 2 (shadow deployment) and 3 (ensemble) on the penguin classifiers in models/: penguins-mlp
// serves, penguins-logreg runs in its shadow, and the three classifiers (mlp, logreg and the deliberately weak
// body-mass-only model) are combined by voting. Data: the held-out rows of the Palmer penguins data set shipped by
// vega-datasets, selected by the test indices recorded in models/penguins-mlp.json.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ensemble, failing, type Model, memoryComparisonLog, onnxModel, shadow } from 'vitest-ml'
import { loadSplit } from './support/model-split.js'

// The penguins model's held-out test split, rebuilt from its metadata the way the training script built it.
const split = loadSplit('penguins-mlp')
const inputs = split.test.inputs
const labels = split.test.labels.map(String)
const classes = split.classNames
type Row = readonly number[]
const models: Record<'mlp' | 'logreg' | 'weak', Model<Row, number[]>> = {} as never

beforeAll(async () => {
  for (const name of ['mlp', 'logreg', 'weak'] as const) {
    models[name] = await onnxModel<number[]>(`models/penguins-${name}.onnx`, { output: 'probabilities', sessionOptions: { intraOpNumThreads: 1 } })
  }
})

afterAll(async () => {
  for (const model of Object.values(models)) await model.release()
})

describe('shadow deployment: penguins-logreg in the shadow of penguins-mlp', () => {
  test("callers get exactly the MLP's answers; the comparisons land in the log", async () => {
    const log = memoryComparisonLog<Row, number[]>()
    const shadowed = shadow(models.mlp, models.logreg, { log })
    const served: number[][] = []
    for (let start = 0; start < inputs.length; start += 8) served.push(...(await shadowed.predict(inputs.slice(start, start + 8))))
    expect(served).toEqual(await models.mlp.predict(inputs))
    await shadowed.flush()
    const summary = log.summary()
    expect(summary).toMatchObject({ compared: inputs.length, candidateFailures: 0 })
    expect(summary.agreement).toBeGreaterThanOrEqual(0.95)
    expect(shadowed.stats()).toMatchObject({ calls: 11, candidateCalls: 11, candidateFailures: 0, pending: 0 })
  })

  test('a crashing candidate costs production nothing: every answer served, failures counted', async () => {
    const shadowed = shadow(models.mlp, failing(models.logreg, { rate: 0.5, error: 'candidate out of memory', seed: 4 }))
    for (const row of inputs) expect(await shadowed.predict([row])).toHaveLength(1)
    await shadowed.flush()
    const stats = shadowed.stats()
    expect(stats.candidateFailures).toBeGreaterThan(0)
    expect(stats.candidateFailures + stats.compared).toBe(inputs.length)
  })

  test('the candidate agrees with production on at least 95 % of the held-out rows', async () => {
    await expect(models.logreg).toAgreeWith(models.mlp, { inputs, minAgreementShare: 0.95 })
  })

  test('a candidate that would change many decisions is caught before rollout', async () => {
    await expect(models.weak).not.toAgreeWith(models.mlp, { inputs, minAgreementShare: 0.95 })
  })
})

describe('ensemble of the three penguin classifiers', () => {
  test('soft voting is at least as accurate as the best member', async () => {
    await expect(ensemble([models.mlp, models.logreg, models.weak], { voting: 'soft' })).toBeAtLeastAsGoodAsBestMember({
      data: { inputs, labels },
      metric: 'accuracy',
      classes,
      dataName: 'penguins test split',
    })
  })

  test('hard voting too, and its labels are deterministic', async () => {
    const vote = ensemble([models.mlp, models.logreg, models.weak], { voting: 'hard' })
    await expect(vote).toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels }, metric: 'accuracy', classes })
    expect(await vote.predict(inputs)).toEqual(await vote.predict(inputs))
  })

  test('weights that trust the weak model most make the ensemble worse than serving the MLP alone', async () => {
    const misweighted = ensemble([models.mlp, models.logreg, models.weak], { voting: 'weighted', weights: [1, 1, 5] })
    await expect(misweighted).not.toBeAtLeastAsGoodAsBestMember({ data: { inputs, labels }, metric: 'accuracy', classes })
  })
})
