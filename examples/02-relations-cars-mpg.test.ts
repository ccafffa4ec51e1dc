/**
 * Metamorphic relations on the cars fuel-economy regressor (`models/cars-mpg.onnx`, trained by
 * `scripts/train/train-cars.ts` on vega-datasets' cars.json). Nobody can say what the right mpg is for a car that was
 * never built, but everyone agrees on relations: a heavier car does not get better mileage, a 5 lb scale error does not
 * move the answer, and a car's prediction does not depend on which other cars share its batch.
 *
 * Base rows are real held-out cars, perturbed within the training ranges (pattern 8: augmentation near real data).
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { afterAll, describe, expect, test } from 'vitest'
import { describeArbitrary, functionModel, noiseOn, onnxModel, perturbNoise, perturbRow, rowOrder } from 'vitest-ml'
import { vegaJson } from './support/vega-data.js'

const WEIGHT = 3
const HORSEPOWER = 2
const YEAR = 5

describe('cars mpg regressor', async () => {
  const model = await onnxModel<number[]>('models/cars-mpg.onnx', { output: 'prediction', name: 'cars-mpg.onnx' })
  const meta = JSON.parse(readFileSync('models/cars-mpg.json', 'utf8')) as { split: { testIndices: number[]; trainIndices: number[] } }
  const cars = vegaJson('cars.json')
  const toRow = (car: Record<string, unknown>): number[] =>
    [car.Cylinders, car.Displacement, car.Horsepower, car.Weight_in_lbs, car.Acceleration, Number(String(car.Year).slice(0, 4))] as number[]
  const testRows = meta.split.testIndices.map((index) => toRow(cars[index] as Record<string, unknown>))
  const trainRows = meta.split.trainIndices.map((index) => toRow(cars[index] as Record<string, unknown>))
  const range = (feature: number): { min: number; max: number } => ({
    min: Math.min(...trainRows.map((row) => row[feature] as number)),
    max: Math.max(...trainRows.map((row) => row[feature] as number)),
  })
  /** A held-out car with its continuous measurements nudged (within the training ranges): 50 lb, 5 hp, 10 in3, 0.5 s. */
  const nearReal = describeArbitrary(
    fc
      .tuple(
        fc.nat({ max: testRows.length - 1 }),
        perturbRow<number[]>({
          1: perturbNoise({ scale: 10, ...range(1) }),
          2: perturbNoise({ scale: 5, ...range(2) }),
          3: perturbNoise({ scale: 50, ...range(3) }),
          4: perturbNoise({ scale: 0.5, ...range(4) }),
        }),
      )
      .map(([index, nudge]) => nudge(testRows[index] as number[])),
    `the ${testRows.length} held-out cars, each equally likely, moved uniformly by up to 10 in3, 5 hp, 50 lb and 0.5 s`,
  )
  afterAll(() => model.release())

  test('mpg never rises with weight or horsepower (exact: no violation in 5000 cases each)', async () => {
    await expect(model).toBeMonotonicIn(WEIGHT, 'decreasing', { inputs: nearReal, bounds: range(WEIGHT), step: { min: 1, max: 800 }, numRuns: 5000, seed: 1 })
    // The network computes in float32: a step of 1e-6 hp can round the output up by one ulp (2e-6 mpg at 27 mpg).
    // Without a tolerance that rounding is reported, and the message says so.
    await expect(
      expect(model).toBeMonotonicIn(HORSEPOWER, 'decreasing', { inputs: nearReal, bounds: range(HORSEPOWER), numRuns: 5000, seed: 2 }),
    ).rejects.toThrow(/Hint: the outputs differ by [\d.e-]+, about \d float32 steps? at this magnitude/)
    await expect(model).toBeMonotonicIn(HORSEPOWER, 'decreasing', { inputs: nearReal, bounds: range(HORSEPOWER), numRuns: 5000, tolerance: 1e-5, seed: 2 })
  })

  test('statistical mode: the weight relation holds on all but < 0.1% of cases with 95% confidence (sequential, stops early)', async () => {
    await expect(model).toBeMonotonicIn(WEIGHT, 'decreasing', {
      inputs: nearReal,
      bounds: range(WEIGHT),
      numRuns: 20_000,
      maxViolationRate: 0.001,
      confidence: 0.95,
      sequential: { looks: 4 },
      seed: 3,
    })
  })

  test('newer is not uniformly better: mpg is not monotone in model year', async () => {
    await expect(model).not.toBeMonotonicIn(YEAR, 'increasing', { inputs: nearReal, bounds: range(YEAR), seed: 4 })
  })

  test('500 lb more always costs mpg, at least 0.1 mpg on all but a few heavy cars, and not always 1 mpg', async () => {
    await expect(model).toShiftOutput(WEIGHT, 500, { inputs: testRows, direction: 'down', atLeast: 0.05, seed: 5 })
    // Above ~4300 lb the curve flattens: about 1 car in 100 loses less than 0.1 mpg. On cars near the held-out ones,
    // that rate is below 3% with 95% confidence:
    await expect(model).toShiftOutput(WEIGHT, 500, { inputs: nearReal, direction: 'down', atLeast: 0.1, numRuns: 2000, maxViolationRate: 0.03, seed: 5 })
    await expect(model).not.toShiftOutput(WEIGHT, 500, { inputs: testRows, direction: 'down', atLeast: 1, seed: 5 })
  })

  test('a 5 lb scale error moves the prediction by less than 0.05 mpg; row order inside a batch changes nothing', async () => {
    await expect(model).toBeInvariantUnder(noiseOn(WEIGHT, { scale: 5 }), { inputs: nearReal, tolerance: 0.05, numRuns: 5000, seed: 6 })
    await expect(model).toBeInvariantUnder(rowOrder({ maxRows: 32 }), { inputs: testRows, numRuns: 100, seed: 7 })
  })

  test('golden cases: textbook cars land where a mechanic would put them', async () => {
    await expect(model).toPassGoldenCases([
      { name: 'heavy 1970 V8', input: [8, 350, 165, 4209, 12, 1970], max: 18 },
      { name: 'light 1980 four-cylinder', input: [4, 90, 65, 2000, 17, 1980], min: 30 },
      { name: 'mid-size 1976 six', input: [6, 225, 100, 3300, 16, 1976], min: 15, max: 25 },
    ])
  })

  test('a deliberately broken copy (a 2 mpg bonus between 3000 and 3050 lb) fails with the bump localized and the seed', async () => {
    const bumped = functionModel(
      async (batch: readonly number[][]) => {
        const outputs = await model.predict(batch)
        return outputs.map((output, i) => {
          const weight = batch[i]?.[WEIGHT] ?? 0
          return [(output[0] ?? 0) + (weight >= 3000 && weight < 3050 ? 2 : 0)]
        })
      },
      { batched: true, name: 'cars-mpg-bumped' },
    )
    await expect(expect(bumped).toBeMonotonicIn(WEIGHT, 'decreasing', { inputs: nearReal, bounds: range(WEIGHT), numRuns: 5000, seed: 8 })).rejects.toThrow(
      /cars-mpg-bumped is not decreasing in feature 3[\s\S]*Localized by bisection \(\d+ steps\): raising feature 3 from 2999\.99\d* to 3000(\.0\d*)? raised output\[0\][\s\S]*Replay: \{ seed: 8, /,
    )
  })
})
