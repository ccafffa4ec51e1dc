import { OutputCountError } from '../util/errors.js'
import type { Model } from './model.js'

/**
 * Calls `model.predict(batch)` and holds the answer to the batch contract: exactly one output per input row, in an
 * array. Every engine and wrapper of vitest-ml asks its models through this one function, so a model that drops a row,
 * adds one, or answers with something that is not an array is an error wherever it is used, never a misaligned check.
 * A typed array of outputs (one number per row) is accepted and returned as a plain array.
 *
 * @param model - the model to ask
 * @param batch - the input rows
 * @param source - public name that starts the error (the matcher or function using the model)
 * @returns exactly `batch.length` outputs, in row order
 * @throws OutputCountError when the model answers with more or fewer outputs than rows, or not with an array
 * @example
 * ```ts
 * await checkedPredict(model, [rowA, rowB], 'toBeDeterministic') // [outA, outB]
 * // a model answering 3 outputs for 2 rows:
 * // toBeDeterministic: expected lossy to return one output per input (2), received 3 outputs.
 * ```
 */
export async function checkedPredict<I, O>(model: Model<I, O>, batch: readonly I[], source: string): Promise<O[]> {
  const answer: unknown = await model.predict(batch)
  const outputs = ArrayBuffer.isView(answer) && !(answer instanceof DataView) ? Array.from(answer as unknown as ArrayLike<O>) : answer
  if (!Array.isArray(outputs) || outputs.length !== batch.length) throw new OutputCountError(source, model.identity.name, batch.length, outputs)
  return outputs as O[]
}
