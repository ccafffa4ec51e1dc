/**
 * The error every misuse of vitest-ml throws: it names the public function, what was expected, what was received,
 * and carries a `Hint:` line that says how to fix it.
 *
 * @example
 * ```ts
 * throw new VitestMlError('onnxModel', 'a path to an existing .onnx file', `"${path}" (no such file)`, 'Check the path is relative to the project root.')
 * // -> onnxModel: expected a path to an existing .onnx file, received "model.onnx" (no such file).
 * //    Hint: Check the path is relative to the project root.
 * ```
 */
export class VitestMlError extends Error {
  /** The public name that raised the error, such as `onnxModel` or `ksTwoSample`. */
  readonly source: string
  /** What was expected, as a phrase; lets a caller re-raise the error under its own public name. */
  readonly expected: string
  /** What was received, as a phrase. */
  readonly received: string
  /** How to fix it, when given. */
  readonly hint: string | undefined

  /**
   * @param source - public name of the function or matcher that failed
   * @param expected - what was expected, as a phrase (`"a row of 4 numbers"`)
   * @param received - what was received, as a phrase (`"a row of 3 numbers"`)
   * @param hint - how to fix it; printed on its own `Hint:` line
   * @param options - standard error options; pass `{ cause }` when wrapping a lower-level failure
   */
  constructor(source: string, expected: string, received: string, hint?: string, options?: ErrorOptions) {
    super(`${source}: expected ${expected}, received ${received}.${hint === undefined ? '' : `\nHint: ${hint}`}`, options)
    this.name = 'VitestMlError'
    this.source = source
    this.expected = expected
    this.received = received
    this.hint = hint
  }
}

/** Thrown when a model call does not finish within its timeout. */
export class ModelTimeoutError extends VitestMlError {
  /** The timeout that was exceeded, in milliseconds. */
  readonly timeoutMs: number

  /**
   * @param modelName - name of the model that timed out
   * @param timeoutMs - the timeout that was exceeded
   * @param elapsedMs - how long the call took, when it did finish (late answers are discarded)
   */
  constructor(modelName: string, timeoutMs: number, elapsedMs?: number) {
    super(
      `${modelName}.predict`,
      `an answer within ${timeoutMs} ms`,
      elapsedMs === undefined ? 'no answer in time (the call was abandoned)' : `an answer after ${Math.round(elapsedMs)} ms (discarded as too late)`,
      'Raise `timeoutMs` in the model options if the model is legitimately slow, or find out why it hangs.',
    )
    this.name = 'ModelTimeoutError'
    this.timeoutMs = timeoutMs
  }
}

/**
 * Thrown when a model breaks the batch contract: `predict(batch)` must resolve to an array with exactly one output per
 * input row. A wrong count misaligns every answer after the gap, so no check can be judged on it; every engine and
 * wrapper treats it as an error, never as a failed (or passed) check.
 */
export class OutputCountError extends VitestMlError {
  /** Rows in the batch. */
  readonly rows: number
  /** Outputs received (-1 when the answer was not an array at all). */
  readonly outputs: number

  /**
   * @param source - public name of the matcher or function whose model call it was
   * @param modelName - name of the model that answered
   * @param rows - rows in the batch
   * @param received - what came back: an array (its length is used) or anything else
   */
  constructor(source: string, modelName: string, rows: number, received: unknown) {
    const outputs = Array.isArray(received) ? received.length : -1
    super(
      source,
      `${modelName} to return one output per input (${rows})`,
      outputs >= 0 ? `${outputs} outputs` : `${received === null ? 'null' : typeof received} instead of an array of outputs`,
      'A Model must answer every row of a batch, in order: `predict(batch)` resolves to an array of exactly `batch.length` outputs.',
    )
    this.name = 'OutputCountError'
    this.rows = rows
    this.outputs = outputs
  }
}
