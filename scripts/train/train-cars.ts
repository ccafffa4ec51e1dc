/**
 * Trains the fuel-economy regressor `cars-mpg` (MLP, 16 tanh units) on vega-datasets `cars.json` and exports it to
 * ONNX: `features` [N, 6] -> `prediction` [N, 1] in miles per gallon. Also measures how often raising the weight
 * lowers the prediction (the model should be mostly decreasing in weight).
 *
 * Run: `npx tsx scripts/train/train-cars.ts`
 */
import { roundToFloat32, trainDenseNet } from './dense-net.js'
import { loadVegaDataset, runOnnx, verifyAgainstReference, writeModelFiles } from './model-files.js'
import { randomSplit } from './split.js'
import { fitStandardizer, prepareInputs, type TabularModel, tabularForward, tabularGraph } from './tabular-graph.js'

/** Model input columns, in order; `year` is the 4-digit year of the dataset's `Year` date string. */
export const CAR_FEATURES = ['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'year'] as const

const NAME = 'cars-mpg'
const DESCRIPTION = 'Fuel economy (mpg): MLP, 16 tanh units, on engine, weight, acceleration and model year'
const SPLIT_SEED = 'vitest-ml/cars/split'
const COMMAND = 'npx tsx scripts/train/train-cars.ts'
const WEIGHT_COLUMN = CAR_FEATURES.indexOf('Weight_in_lbs')
const WEIGHT_STEPS = [100, 200, 300, 400, 500] as const

const dataset = loadVegaDataset('cars.json')
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const yearOf = (value: unknown): number => Number(/^(\d{4})/.exec(String(value))?.[1] ?? Number.NaN)

const kept: number[] = []
const dropped: number[] = []
dataset.rows.forEach((row, index) => {
  const complete = isNumber(row['Miles_per_Gallon']) && CAR_FEATURES.slice(0, 5).every((field) => isNumber(row[field])) && Number.isFinite(yearOf(row['Year']))
  ;(complete ? kept : dropped).push(index)
})
const nullMpg = dataset.rows.filter((row) => row['Miles_per_Gallon'] === null).length
const nullHorsepower = dataset.rows.filter((row) => row['Horsepower'] === null).length
console.log(`cars: ${dataset.rows.length} rows; null Miles_per_Gallon ${nullMpg}, null Horsepower ${nullHorsepower}`)
console.log(`cars: dropped ${dropped.length} rows [${dropped.join(', ')}], kept ${kept.length}`)

function featuresOf(index: number): number[] {
  const row = dataset.rows[index] ?? {}
  return [...CAR_FEATURES.slice(0, 5).map((field) => row[field] as number), yearOf(row['Year'])]
}
const mpgOf = (index: number): number => dataset.rows[index]?.['Miles_per_Gallon'] as number

const split = randomSplit(kept, 0.25, SPLIT_SEED)
const trainRows = split.train.map(featuresOf)
const testRows = split.test.map(featuresOf)
const trainMpg = split.train.map(mpgOf)
const testMpg = split.test.map(mpgOf)
console.log(`cars: split ${split.train.length} train / ${split.test.length} test (seed ${SPLIT_SEED})`)

const trainMean = trainMpg.reduce((sum, value) => sum + value, 0) / trainMpg.length
const trainStd = Math.sqrt(trainMpg.reduce((sum, value) => sum + (value - trainMean) ** 2, 0) / trainMpg.length)
const target = { mean: Math.fround(trainMean), std: Math.fround(trainStd) }
const base = { name: NAME, description: DESCRIPTION, featureCount: CAR_FEATURES.length, target }
const standardizer = fitStandardizer(trainRows.map((row) => row.map(Math.fround)))
const inputs = prepareInputs({ ...base, standardizer }, trainRows)
const scaledTargets = trainMpg.map((mpg) => [(mpg - target.mean) / target.std])
const training = {
  hidden: 16,
  head: 'identity',
  epochs: 3000,
  learningRate: 0.01,
  weightDecay: 0.003,
  seed: 'vitest-ml/cars-mpg/init',
} as const
const net = roundToFloat32(trainDenseNet(inputs, scaledTargets, training))
const model: TabularModel = { ...base, standardizer, net }
const bytes = tabularGraph(model)
const reference = tabularForward(model, testRows)
const { outputs, maxAbsDiff } = await verifyAgainstReference(NAME, bytes, testRows, 'prediction', reference)

function errors(predictions: readonly number[]): { rmse: number; mae: number } {
  const residuals = predictions.map((prediction, index) => prediction - (testMpg[index] ?? Number.NaN))
  const rmse = Math.sqrt(residuals.reduce((sum, residual) => sum + residual ** 2, 0) / residuals.length)
  const mae = residuals.reduce((sum, residual) => sum + Math.abs(residual), 0) / residuals.length
  return { rmse, mae }
}
const modelErrors = errors(outputs['prediction'] ?? [])
const meanErrors = errors(testMpg.map(() => trainMean))
console.log(
  `${NAME}: test RMSE ${modelErrors.rmse.toFixed(3)} MAE ${modelErrors.mae.toFixed(3)} mpg;` +
    ` training-mean baseline RMSE ${meanErrors.rmse.toFixed(3)} MAE ${meanErrors.mae.toFixed(3)}`,
)

// Monotonicity in weight, measured on the exported model: each test row against itself with +100..+500 lbs.
const basePredictions = outputs['prediction'] ?? []
const byStep: Record<string, number> = {}
let lowered = 0
for (const step of WEIGHT_STEPS) {
  const heavier = testRows.map((row) => row.map((value, column) => (column === WEIGHT_COLUMN ? value + step : value)))
  const predictions = (await runOnnx(bytes, heavier))['prediction'] ?? []
  const count = predictions.filter((prediction, index) => prediction < (basePredictions[index] ?? Number.NaN)).length
  byStep[`+${step}`] = count / testRows.length
  lowered += count
}
const cases = testRows.length * WEIGHT_STEPS.length
const loweredFraction = lowered / cases
console.log(
  `${NAME}: raising Weight_in_lbs by +100..+500 lowers the prediction in ${(100 * loweredFraction).toFixed(1)}%` +
    ` of ${cases} cases, by step ${JSON.stringify(byStep)}`,
)

const digest = writeModelFiles(NAME, bytes, {
  description: DESCRIPTION,
  task: 'regression',
  inputs: [{ name: 'features', type: 'float32', shape: ['N', CAR_FEATURES.length] }],
  outputs: [{ name: 'prediction', type: 'float32', shape: ['N', 1], unit: 'mpg' }],
  featureNames: CAR_FEATURES,
  featuresRead: CAR_FEATURES,
  featureSources: { year: 'Year (first 4 characters of the date string, as a number)' },
  target: 'Miles_per_Gallon',
  classNames: [],
  dataset: {
    file: dataset.file,
    package: 'vega-datasets',
    version: dataset.version,
    sha256: dataset.sha256,
    rows: dataset.rows.length,
  },
  droppedRows: dropped.length,
  droppedIndices: dropped,
  droppedReason: `null Miles_per_Gallon (${nullMpg}) or null Horsepower (${nullHorsepower})`,
  split: {
    method: 'random',
    testFraction: 0.25,
    seed: SPLIT_SEED,
    testIndices: split.test,
    trainIndices: split.train,
  },
  standardization: standardizer,
  targetScaling: target,
  training: { optimizer: 'Adam, full batch', loss: 'half mean squared error on the standardized target', ...training },
  metrics: {
    test: { rows: testRows.length, ...modelErrors },
    trainingMeanBaseline: { prediction: trainMean, ...meanErrors },
    weightMonotonicity: { steps: WEIGHT_STEPS, loweredFraction, byStep },
  },
  verification: { runtime: 'onnxruntime-node', output: 'prediction', rows: testRows.length, maxAbsDiff },
  command: COMMAND,
})
console.log(`${NAME}: onnx vs js max |diff| ${maxAbsDiff.toExponential(2)}, ${bytes.length} bytes, sha256 ${digest}`)
