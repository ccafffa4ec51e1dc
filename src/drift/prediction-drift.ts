import type { Column, DataRow, Dataset } from '../data/dataset.js'
import { checkedPredict } from '../model/checked-predict.js'
import { describeOutputValue } from '../model/describe-output-value.js'
import { missingOutput } from '../model/missing-output.js'
import type { Model } from '../model/model.js'
import { outputLeaves } from '../model/output-leaves.js'
import { VitestMlError } from '../util/errors.js'
import { asDataset, type DriftData } from './as-dataset.js'
import { type FeatureDriftOptions, type FeatureDriftResult, featureDrift } from './feature-drift.js'

/** Options of {@link predictionDrift}. */
export interface PredictionDriftOptions<I = DataRow> extends FeatureDriftOptions {
  /** Turns a data row into the model's input. @defaultValue the row itself */
  readonly toInput?: (row: DataRow) => I
  /** Rows per `predict` call. @defaultValue 1024 */
  readonly batchSize?: number
  /** Public name that starts errors (the matcher using it). @defaultValue 'predictionDrift' */
  readonly source?: string
}

/**
 * Prediction drift: runs the model on both samples and compares its outputs like any feature. A single number per row
 * (score, regression output) is compared as a number; several numbers (class probabilities, logits) as the predicted
 * class (arg max); strings and booleans as categories. A model that returns more or fewer outputs than rows, or a
 * missing, empty or unreadable output, is an error (see `predictionColumn`).
 *
 * @param model - the model (from onnxModel() or functionModel())
 * @param reference - reference data (rows it was validated on)
 * @param current - current data
 * @param options - input mapping, batch size, and the feature drift options
 * @returns the drift of the model's outputs, under the feature name `prediction`
 * @example
 * ```ts
 * const drift = await predictionDrift(model, lastMonth, thisMonth, { toInput: (row) => [row.bill_length_mm, row.flipper_length_mm] })
 * drift.drifted // false
 * ```
 */
export async function predictionDrift<I = DataRow>(
  model: Model<I, unknown>,
  reference: DriftData,
  current: DriftData,
  options: PredictionDriftOptions<I> = {},
): Promise<FeatureDriftResult> {
  const { toInput, batchSize, source = 'predictionDrift', ...featureOptions } = options
  const referenceOutputs = await predictAll(source, model, asDataset(source, 'reference', reference), toInput, batchSize ?? 1024)
  const currentOutputs = await predictAll(source, model, asDataset(source, 'current', current), toInput, batchSize ?? 1024)
  return featureDrift(
    'prediction',
    predictionColumn(referenceOutputs, source, `${model.identity.name} on the reference`),
    predictionColumn(currentOutputs, source, `${model.identity.name} on the current`),
    featureOptions,
  )
}

async function predictAll<I>(
  source: string,
  model: Model<I, unknown>,
  data: Dataset,
  toInput: ((row: DataRow) => I) | undefined,
  batchSize: number,
): Promise<unknown[]> {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new VitestMlError(source, 'a whole `batchSize` >= 1', String(batchSize), 'batchSize is the number of rows per predict call, for example 1024.')
  const outputs: unknown[] = []
  for (let start = 0; start < data.rowCount; start += batchSize) {
    const batch: I[] = []
    for (let index = start; index < Math.min(data.rowCount, start + batchSize); index++) {
      const row = data.row(index)
      batch.push(toInput === undefined ? (row as unknown as I) : toInput(row))
    }
    outputs.push(...(await checkedPredict(model, batch, source)))
  }
  return outputs
}

/**
 * Turns model outputs into one column, reading each output as what it is: a number (or bigint) per row stays a number;
 * a string, a boolean, or the class of a row of several numbers (its arg max; `null` when the row has NaN) is a
 * category. A record of named outputs is read through its `label` / `class` / `prediction` / `output_label` output,
 * then `probabilities` / `probability` / `scores` / `output_probability` (skl2onnx's names), then its only output. A missing, empty or unreadable output, or a mix
 * of numbers and categories, is an error: a drift verdict on it would compare nothing.
 *
 * @param outputs - one output per row
 * @param source - public name for errors @defaultValue 'predictionColumn'
 * @param sample - what the outputs are, for errors @defaultValue 'the outputs'
 * @returns the column
 * @example
 * ```ts
 * predictionColumn([[0.1, 0.9], [0.8, 0.2]]) // ['1', '0']
 * predictionColumn([0.3, 0.7])               // Float64Array [0.3, 0.7]
 * predictionColumn(['cat', 'dog'])           // ['cat', 'dog']
 * ```
 */
export function predictionColumn(outputs: readonly unknown[], source = 'predictionColumn', sample = 'the outputs'): Column {
  const cells = outputs.map((output, row) => {
    const missing = missingOutput(output)
    const cell = missing === undefined ? predictionCell(output) : undefined
    if (cell !== undefined) return cell
    throw new VitestMlError(
      source,
      `a prediction for every row of ${sample}: a number, a label, or a row of class scores`,
      `${missing ?? describeOutputValue(output)} at row ${row}`,
      "Prediction drift compares the model's answers; fix the model so it answers every row, or select its score or label output.",
    )
  })
  const numeric = cells.findIndex((cell) => typeof cell === 'number')
  const category = cells.findIndex((cell) => typeof cell !== 'number')
  if (numeric >= 0 && category >= 0) {
    throw new VitestMlError(
      source,
      `predictions of one kind in ${sample} (all numbers, or all classes)`,
      `a number at row ${numeric} (${describeOutputValue(outputs[numeric])}) and a class at row ${category} (${describeOutputValue(outputs[category])})`,
      'Make the model answer every row the same way: a score, a label, or a row of class probabilities.',
    )
  }
  return category < 0 ? Float64Array.from(cells as number[]) : (cells as (string | null)[])
}

/** One output as a number, a category (`null` for a NaN row), or `undefined` when it cannot be read. */
function predictionCell(output: unknown): number | string | null | undefined {
  if (typeof output === 'number') return output
  if (typeof output === 'bigint') return Number(output)
  if (typeof output === 'string' || typeof output === 'boolean') return String(output)
  if (Array.isArray(output) || (ArrayBuffer.isView(output) && !(output instanceof DataView))) {
    const items = Array.from(output as ArrayLike<unknown>, (item) => (typeof item === 'bigint' ? Number(item) : item))
    if (items.length === 1) return predictionCell(items[0])
    if (items.length === 0 || !items.every((item): item is number => typeof item === 'number')) return undefined
    if (items.some(Number.isNaN)) return null
    let best = 0
    for (let index = 1; index < items.length; index++) if ((items[index] as number) > (items[best] as number)) best = index
    return String(best)
  }
  if (typeof output !== 'object' || output === null) return undefined
  const record = output as Record<string, unknown>
  // `output_label` / `output_probability`: the names skl2onnx gives a classifier's outputs
  for (const key of ['label', 'class', 'prediction', 'output_label', 'probabilities', 'probability', 'scores', 'output_probability'])
    if (record[key] !== undefined) return predictionCell(record[key])
  const values = Object.values(record)
  return values.length === 1 ? predictionCell(values[0]) : predictionCell(outputLeaves(record).map((leaf) => leaf.value))
}
