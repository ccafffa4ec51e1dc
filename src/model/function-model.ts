import { VitestMlError } from '../util/errors.js'
import type { Model } from './model.js'
import { withTimeout } from './with-timeout.js'

/** Options of `functionModel`. */
export interface FunctionModelOptions {
  /** The function takes a whole batch and returns one output per row. @defaultValue false */
  readonly batched?: boolean
  /** Name shown in reports. @defaultValue the function's name, or `function-model` */
  readonly name?: string
  /** Version shown in reports. */
  readonly version?: string
  /** Per-call timeout in milliseconds (only asynchronous functions can be timed out). @defaultValue 30000 */
  readonly timeoutMs?: number
}

/** A model function that answers one row at a time. */
export type PerRowFunction<I, O> = (row: I) => O | Promise<O>
/** A model function that answers a whole batch at once (`{ batched: true }`). */
export type BatchedFunction<I, O> = (batch: I[]) => readonly O[] | Promise<readonly O[]>

/**
 * Wraps a plain JS function as a batch-first {@link Model}: per-row functions are mapped over the batch, batched
 * functions are called once per batch and must return one output per row.
 *
 * @param fn - `(row) => output`, or `(batch) => outputs` with `{ batched: true }`
 * @param options - batching, name, timeout
 * @returns the model
 * @example
 * ```ts
 * const perRow = functionModel((row: number[]) => [row[0] * 2])
 * await perRow.predict([[1], [2]]) // [[2], [4]]
 * const batched = functionModel((batch: number[][]) => batch.map((r) => [r[0]]), { batched: true })
 * ```
 */
export function functionModel<I, O>(fn: PerRowFunction<I, O>, options?: FunctionModelOptions & { readonly batched?: false }): Model<I, O>
export function functionModel<I, O>(fn: BatchedFunction<I, O>, options: FunctionModelOptions & { readonly batched: true }): Model<I, O>
export function functionModel<I, O>(fn: PerRowFunction<I, O> | BatchedFunction<I, O>, options: FunctionModelOptions = {}): Model<I, O> {
  if (typeof fn !== 'function')
    throw new VitestMlError('functionModel', 'a function', typeof fn, 'Pass `(row) => output`, or `(batch) => outputs` with `{ batched: true }`.')
  const name = options.name ?? (fn.name === '' ? 'function-model' : fn.name)
  const timeoutMs = options.timeoutMs ?? 30_000

  async function call(batch: readonly I[]): Promise<O[]> {
    try {
      if (options.batched === true) return [...(await (fn as BatchedFunction<I, O>)([...batch]))]
      return await Promise.all(batch.map((row) => (fn as PerRowFunction<I, O>)(row)))
    } catch (error) {
      throw new VitestMlError(
        name,
        'the model function to return outputs',
        `an exception: ${(error as Error)?.message ?? String(error)}`,
        'Fix the model function, or wrap it with a fallback if failures are expected.',
        { cause: error },
      )
    }
  }

  return {
    identity: { name, ...(options.version === undefined ? {} : { version: options.version }) },
    async predict(batch) {
      const outputs = await withTimeout(call(batch), timeoutMs, name)
      if (outputs.length !== batch.length) {
        throw new VitestMlError(
          name,
          `one output per input (${batch.length})`,
          `${outputs.length} outputs`,
          'A batched function must return exactly one output per row, in order.',
        )
      }
      return outputs
    },
    async release() {},
  }
}
