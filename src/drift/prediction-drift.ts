import type { Column, Dataset, DataRow } from '../data/dataset.js'
import { VitestMlError } from '../errors.js'
import type { Model } from '../model/model.js'
import { outputNumbers } from '../model/output-numbers.js'
import { asDataset, type DriftData } from './as-dataset.js'
import { featureDrift, type FeatureDriftOptions, type FeatureDriftResult } from './feature-drift.js'

/** Options of {@link predictionDrift}. */
export interface PredictionDriftOptions<I = DataRow> extends FeatureDriftOptions {
  /** Turns a data row into the model's input. @defaultValue the row itself */
  readonly toInput?: (row: DataRow) => I
  /** Rows per `predict` call. @defaultValue 1024 */
  readonly batchSize?: number
}

/**
 * Prediction drift: runs the model on both samples and compares its outputs like any feature. A single number per row
 * (score, regression output) is compared as a number; several numbers (class probabilities, logits) as the predicted
 * class (arg max); strings as categories.
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
export async function predictionDrift<I = DataRow>(model: Model<I, unknown>, reference: DriftData, current: DriftData, options: PredictionDriftOptions<I> = {}): Promise<FeatureDriftResult> {
  const { toInput, batchSize, ...featureOptions } = options
  const referenceOutputs = await predictAll(model, asDataset('predictionDrift', 'reference', reference), toInput, batchSize ?? 1024)
  const currentOutputs = await predictAll(model, asDataset('predictionDrift', 'current', current), toInput, batchSize ?? 1024)
  return featureDrift('prediction', predictionColumn(referenceOutputs), predictionColumn(currentOutputs), featureOptions)
}

async function predictAll<I>(model: Model<I, unknown>, data: Dataset, toInput: ((row: DataRow) => I) | undefined, batchSize: number): Promise<unknown[]> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new VitestMlError('predictionDrift', 'a whole `batchSize` >= 1', String(batchSize), 'batchSize is the number of rows per predict call, for example 1024.')
  const outputs: unknown[] = []
  for (let start = 0; start < data.rowCount; start += batchSize) {
    const batch: I[] = []
    for (let index = start; index < Math.min(data.rowCount, start + batchSize); index++) {
      const row = data.row(index)
      batch.push(toInput === undefined ? (row as unknown as I) : toInput(row))
    }
    outputs.push(...(await model.predict(batch)))
  }
  return outputs
}

/**
 * Turns model outputs into one column: a number per row, the arg-max class for vectors, or the label for strings.
 *
 * @param outputs - one output per row
 * @returns the column
 * @example
 * ```ts
 * predictionColumn([[0.1, 0.9], [0.8, 0.2]]) // ['1', '0']
 * predictionColumn([0.3, 0.7])               // Float64Array [0.3, 0.7]
 * ```
 */
export function predictionColumn(outputs: readonly unknown[]): Column {
  if (outputs.some((output) => typeof output === 'string')) return outputs.map((output) => (output === null || output === undefined ? null : String(output)))
  const numbers = outputs.map((output) => outputNumbers(output))
  if (numbers.every((values) => values.length <= 1)) return Float64Array.from(numbers, (values) => values[0] ?? Number.NaN)
  return numbers.map((values) => {
    let best = 0
    for (let index = 1; index < values.length; index++) if ((values[index] ?? -Infinity) > (values[best] ?? -Infinity)) best = index
    return values.length === 0 || values.some(Number.isNaN) ? null : String(best)
  })
}
