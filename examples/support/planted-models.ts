import seedrandom from 'seedrandom'
import { functionModel, type Model } from 'vitest-ml'
import { loadSplit } from './model-split.js'

type PenguinRecord = Record<string, unknown>

/** Every penguin with the features the ONNX classifiers take (training and test rows together: for demonstrating the matchers, not for grading a model). */
export function allPenguins(): { inputs: PenguinRecord[]; labels: string[]; classNames: readonly string[]; features: (row: PenguinRecord) => number[] } {
  const { classNames, train, test, features } = loadSplit('penguins-mlp')
  const rows = [...train.rows, ...test.rows]
  return { inputs: rows, labels: rows.map((row) => String(row['Species'])), classNames, features }
}

/**
 * A penguin classifier taking records, with a planted weak spot and an unfair group: the real model everywhere, except
 * that every female penguin from Dream is called an Adelie (its Chinstraps are all wrong).
 */
export function plantedPenguinModel(model: Model<number[], unknown>, features: (row: PenguinRecord) => number[]): Model<PenguinRecord, number[]> {
  return functionModel(
    async (batch: PenguinRecord[]) => {
      const outputs = (await model.predict(batch.map(features))) as number[][]
      return batch.map((row, i) => (row['Island'] === 'Dream' && row['Sex'] === 'FEMALE' ? [0.9, 0.05, 0.05] : [...(outputs[i] as number[])]))
    },
    { batched: true, name: 'penguins-planted' },
  )
}

/** The model's probability rows softened (temperature > 1: under-confident) or sharpened (< 1: over-confident). */
export function temperatureScaled<I>(model: Model<I, unknown>, temperature: number, name: string): Model<I, number[]> {
  return functionModel(
    async (batch: I[]) =>
      ((await model.predict(batch)) as number[][]).map((row) => {
        const powered = [...row].map((p) => Math.max(p, 1e-12) ** (1 / temperature))
        const total = powered.reduce((sum, p) => sum + p, 0)
        return powered.map((p) => p / total)
      }),
    { batched: true, name },
  )
}

/** A synthetic applicant: two protected attributes, income and a true outcome. */
export interface Applicant extends Record<string, unknown> {
  readonly sex: 'female' | 'male'
  readonly region: 'north' | 'south' | 'west'
  readonly income: number
  readonly tenure: number
}

/** `n` seeded applicants whose true outcome depends on income and tenure only (not on sex or region). */
export function applicants(n: number, seed: string): { inputs: Applicant[]; labels: number[] } {
  const random = seedrandom(seed)
  const inputs: Applicant[] = []
  const labels: number[] = []
  for (let i = 0; i < n; i++) {
    const income = 20 + 80 * random()
    const tenure = Math.floor(10 * random())
    const regionDraw = random()
    inputs.push({ sex: random() < 0.5 ? 'female' : 'male', region: regionDraw < 0.5 ? 'north' : regionDraw < 0.8 ? 'south' : 'west', income, tenure })
    labels.push(random() < 1 / (1 + Math.exp(-(income - 60) / 8 - (tenure - 5) / 4)) ? 1 : 0)
  }
  return { inputs, labels }
}

/** The applicants' true probability (calibrated); with `penalty`, women's score is lowered by it (a planted unfair model). */
export function applicantModel(penalty = 0, name = penalty === 0 ? 'applicants-fair' : 'applicants-unfair'): Model<Applicant, number> {
  return functionModel(
    (row: Applicant) => {
      const p = 1 / (1 + Math.exp(-(row.income - 60) / 8 - (row.tenure - 5) / 4))
      return Math.max(0, Math.min(1, p - (row.sex === 'female' ? penalty : 0)))
    },
    { name },
  )
}
