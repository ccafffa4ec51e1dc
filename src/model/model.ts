/**
 * Who a model is, for reports: a name and, for ONNX models, the SHA-256 of the exact bytes that will be served.
 */
export interface ModelIdentity {
  /** Human-readable name, by default the file name or the function name. */
  readonly name: string
  /** Hex SHA-256 of the model artifact, when there is one. */
  readonly sha256?: string
  /** Free-form version string supplied by the user. */
  readonly version?: string
}

/**
 * A batch-first model: every call takes a batch of inputs and returns one output per input, in order.
 *
 * Everything in vitest-ml (matchers, wrappers, the property engine) talks to models through this interface, so an ONNX
 * session, a plain function and a production wrapper (fallback, cache, ensemble) are interchangeable.
 *
 * @typeParam I - one input row (for example `number[]` or a record of features)
 * @typeParam O - one output (for example `number`, `number[]` or a record of named outputs)
 */
export interface Model<I = unknown, O = unknown> {
  /** Identity used in reports and failure messages. */
  readonly identity: ModelIdentity
  /**
   * Predict a batch. Resolves to exactly one output per input, in the same order; rejects with a
   * {@link VitestMlError} on bad input and a `ModelTimeoutError` when the call exceeds its timeout.
   */
  predict(batch: readonly I[]): Promise<O[]>
  /** Frees native resources (ONNX sessions). Safe to call more than once. */
  release(): Promise<void>
  /** A new instance in a fresh session, when the model has one (used by "same answer in a fresh session" checks). */
  fresh?(): Promise<Model<I, O>>
  /**
   * The class of each probability column (and of integer class outputs), when the model declares its classes (an
   * ONNX classifier exported by skl2onnx: its ZipMap's or classifier's class labels). `toBeatBaseline`,
   * `toBeNoWorseThan`, `toPerformOnAllSlices` and `toKeepMisclassificationsWithin` use it when no `classes` option is
   * given; wrappers (fallback, cache, ensemble) do not carry it, so pass `classes: model.classes` to those.
   */
  readonly classes?: readonly (string | number)[]
}

/** Input row type of a {@link Model}. */
export type ModelInput<M> = M extends Model<infer I, unknown> ? I : never
/** Output type of a {@link Model}. */
export type ModelOutput<M> = M extends Model<unknown, infer O> ? O : never

/**
 * True when `value` looks like a {@link Model} (has `predict` and `identity`).
 *
 * @param value - anything
 * @returns whether it can be used as a model
 * @example
 * ```ts
 * isModel(functionModel((x: number[]) => x[0])) // true
 * isModel({}) // false
 * ```
 */
export function isModel(value: unknown): value is Model {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { predict?: unknown }).predict === 'function' &&
    typeof (value as { identity?: unknown }).identity === 'object'
  )
}
