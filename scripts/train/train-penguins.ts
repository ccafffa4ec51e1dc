/**
 * Trains the penguin species classifiers on vega-datasets `penguins.json` and exports them to ONNX:
 * `penguins-mlp` (16 tanh units), `penguins-logreg` (multinomial logistic regression) and `penguins-weak` (logistic
 * regression on body mass only). All read `features` [N, 5] and ignore the `island` column via a Gather.
 *
 * Run: `npx tsx scripts/train/train-penguins.ts`
 */
import { roundToFloat32, trainDenseNet } from './dense-net.js'
import { loadVegaDataset, verifyAgainstReference, writeModelFiles } from './model-files.js'
import { stratifiedSplit } from './split.js'
import { fitStandardizer, prepareInputs, type TabularModel, tabularForward, tabularGraph } from './tabular-graph.js'

/** Model input columns, in order. */
export const PENGUIN_FEATURES = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'island'] as const
/** Output classes, in label order. */
export const PENGUIN_CLASSES = ['Adelie', 'Chinstrap', 'Gentoo'] as const
/** Codes of the `island` column (from the dataset's `Island` field). */
export const ISLAND_CODES: Readonly<Record<string, number>> = { Biscoe: 0, Dream: 1, Torgersen: 2 }

const SPLIT_SEED = 'vitest-ml/penguins/split'
const NUMERIC = PENGUIN_FEATURES.slice(0, 4)
const COMMAND = 'npx tsx scripts/train/train-penguins.ts'

const dataset = loadVegaDataset('penguins.json')
const kept: number[] = []
const dropped: number[] = []
dataset.rows.forEach((row, index) => {
  const complete =
    NUMERIC.every((field) => typeof row[field] === 'number' && Number.isFinite(row[field])) &&
    typeof row['Island'] === 'string' &&
    ISLAND_CODES[row['Island']] !== undefined &&
    PENGUIN_CLASSES.includes(row['Species'] as (typeof PENGUIN_CLASSES)[number])
  ;(complete ? kept : dropped).push(index)
})
const missingSex = dataset.rows.filter((row) => row['Sex'] !== 'MALE' && row['Sex'] !== 'FEMALE').length
console.log(`penguins: ${dataset.rows.length} rows, dropped ${dropped.length} missing a numeric feature [${dropped.join(', ')}]`)
console.log(`penguins: ${missingSex} rows have no usable Sex (null or "."), kept: Sex is not a feature`)

function featuresOf(index: number): number[] {
  const row = dataset.rows[index] ?? {}
  return [...NUMERIC.map((field) => row[field] as number), ISLAND_CODES[row['Island'] as string] ?? Number.NaN]
}
function labelOf(index: number): number {
  return PENGUIN_CLASSES.indexOf(dataset.rows[index]?.['Species'] as (typeof PENGUIN_CLASSES)[number])
}

const split = stratifiedSplit(
  kept,
  kept.map((index) => String(dataset.rows[index]?.['Species'])),
  0.25,
  SPLIT_SEED,
)
const trainRows = split.train.map(featuresOf)
const testRows = split.test.map(featuresOf)
const trainOneHot = split.train.map((index) => PENGUIN_CLASSES.map((_, label) => (label === labelOf(index) ? 1 : 0)))
const testLabels = split.test.map(labelOf)
const trainCounts = PENGUIN_CLASSES.map((_, label) => split.train.filter((index) => labelOf(index) === label).length)
const majority = trainCounts.indexOf(Math.max(...trainCounts))
const majorityAccuracy = testLabels.filter((label) => label === majority).length / testLabels.length
console.log(`penguins: split ${split.train.length} train / ${split.test.length} test (stratified, seed ${SPLIT_SEED})`)

interface Variant {
  readonly name: string
  readonly description: string
  readonly columns: readonly number[]
  readonly hidden: number
  readonly epochs: number
  readonly learningRate: number
}

const variants: readonly Variant[] = [
  {
    name: 'penguins-mlp',
    description: 'Penguin species: MLP, 16 tanh units, on beak, flipper and mass',
    columns: [0, 1, 2, 3],
    hidden: 16,
    epochs: 2000,
    learningRate: 0.01,
  },
  {
    name: 'penguins-logreg',
    description: 'Penguin species: multinomial logistic regression on beak, flipper and mass',
    columns: [0, 1, 2, 3],
    hidden: 0,
    epochs: 2000,
    learningRate: 0.05,
  },
  {
    name: 'penguins-weak',
    description: 'Penguin species: logistic regression on body mass only (deliberately weak)',
    columns: [3],
    hidden: 0,
    epochs: 2000,
    learningRate: 0.05,
  },
]

for (const variant of variants) {
  const { name, description, columns } = variant
  const base = { name, description, featureCount: PENGUIN_FEATURES.length, columns }
  const standardizer = fitStandardizer(trainRows.map((row) => columns.map((column) => Math.fround(row[column] ?? 0))))
  const inputs = prepareInputs({ ...base, standardizer }, trainRows)
  const training = {
    hidden: variant.hidden,
    head: 'softmax',
    epochs: variant.epochs,
    learningRate: variant.learningRate,
    weightDecay: 0.001,
    seed: `vitest-ml/${name}/init`,
  } as const
  const net = roundToFloat32(trainDenseNet(inputs, trainOneHot, training))
  const model: TabularModel = { ...base, standardizer, net }
  const bytes = tabularGraph(model)
  const reference = tabularForward(model, testRows)
  const { outputs, maxAbsDiff } = await verifyAgainstReference(name, bytes, testRows, 'probabilities', reference)
  const predicted = outputs['label'] ?? []
  const correct = predicted.filter((label, index) => label === testLabels[index]).length
  const accuracy = correct / testLabels.length
  const digest = writeModelFiles(name, bytes, {
    description,
    task: 'classification',
    inputs: [{ name: 'features', type: 'float32', shape: ['N', PENGUIN_FEATURES.length] }],
    outputs: [
      { name: 'probabilities', type: 'float32', shape: ['N', PENGUIN_CLASSES.length] },
      { name: 'label', type: 'int64', shape: ['N'] },
    ],
    featureNames: PENGUIN_FEATURES,
    featuresRead: columns.map((column) => PENGUIN_FEATURES[column]),
    featureSources: { island: 'Island' },
    categoricalCodes: { island: ISLAND_CODES },
    target: 'Species',
    classNames: PENGUIN_CLASSES,
    dataset: {
      file: dataset.file,
      package: 'vega-datasets',
      version: dataset.version,
      sha256: dataset.sha256,
      rows: dataset.rows.length,
    },
    droppedRows: dropped.length,
    droppedIndices: dropped,
    droppedReason: 'missing any numeric feature',
    split: {
      method: 'stratified by Species',
      testFraction: 0.25,
      seed: SPLIT_SEED,
      testIndices: split.test,
      trainIndices: split.train,
    },
    standardization: standardizer,
    training: { optimizer: 'Adam, full batch', loss: 'softmax cross-entropy', ...training },
    metrics: {
      test: { rows: testLabels.length, correct, accuracy },
      majorityBaseline: { className: PENGUIN_CLASSES[majority], accuracy: majorityAccuracy },
    },
    verification: { runtime: 'onnxruntime-node', output: 'probabilities', rows: testRows.length, maxAbsDiff },
    command: COMMAND,
  })
  console.log(
    `${name}: test accuracy ${accuracy.toFixed(4)} (${correct}/${testLabels.length}),` +
      ` majority ${majorityAccuracy.toFixed(4)}, onnx vs js max |diff| ${maxAbsDiff.toExponential(2)},` +
      ` ${bytes.length} bytes, sha256 ${digest}`,
  )
}
