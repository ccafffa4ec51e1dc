/** A predicted class as the model gave it: a class name, a class index, or a boolean. */
export type OutputLabel = string | number | boolean

// `output_label` / `output_probability` are the names skl2onnx gives a classifier's outputs.
const LABEL_KEYS = ['label', 'class', 'prediction', 'output_label'] as const
const PROBABILITY_KEYS = ['probabilities', 'probability', 'scores', 'output_probability'] as const

/**
 * Reads the predicted class of one output, as what it is: a string label stays a string (`'cat'`), a boolean a
 * boolean, a bigint class index (ONNX int64) becomes its number; a single number is rounded (a 0/1 score or an index);
 * a row of several numbers gives its argmax (the first on ties). A record of named outputs is read through its
 * `label` / `class` / `prediction` / `output_label` output first, then `probabilities` / `probability` / `scores` /
 * `output_probability` (skl2onnx's names), then its only output,
 * then the argmax of all its numbers.
 *
 * @param output - one model output
 * @returns the label, or `undefined` when the output has none (missing, empty, NaN, a row mixing strings and numbers)
 * @example
 * ```ts
 * outputLabel([0.1, 0.7, 0.2]) // 1
 * outputLabel('cat') // 'cat'
 * outputLabel({ probabilities: [0.2, 0.8], label: 1n }) // 1
 * outputLabel([Number.NaN, 1]) // undefined
 * ```
 */
export function outputLabel(output: unknown): OutputLabel | undefined {
  if (typeof output === 'string' || typeof output === 'boolean') return output
  if (typeof output === 'bigint') return Number(output)
  if (typeof output === 'number') return Number.isFinite(output) ? Math.round(output) : undefined
  if (Array.isArray(output) || (ArrayBuffer.isView(output) && !(output instanceof DataView))) {
    const items = Array.from(output as ArrayLike<unknown>)
    return items.length === 1 ? outputLabel(items[0]) : argmax(items)
  }
  if (typeof output !== 'object' || output === null) return undefined
  const record = output as Record<string, unknown>
  for (const key of [...LABEL_KEYS, ...PROBABILITY_KEYS]) if (record[key] !== undefined) return outputLabel(record[key])
  const values = Object.values(record)
  if (values.length === 1) return outputLabel(values[0])
  return argmax(values.flatMap((value) => (Array.isArray(value) || ArrayBuffer.isView(value) ? Array.from(value as ArrayLike<unknown>) : [value])))
}

/** Index of the largest number, or `undefined` when there are none or any is not a finite number. */
function argmax(values: readonly unknown[]): number | undefined {
  let best = -1
  let largest = Number.NEGATIVE_INFINITY
  for (let index = 0; index < values.length; index++) {
    const raw = values[index]
    const value = typeof raw === 'bigint' ? Number(raw) : raw
    if (typeof value !== 'number' || Number.isNaN(value)) return undefined
    if (best < 0 || value > largest) {
      best = index
      largest = value
    }
  }
  return best < 0 ? undefined : best
}
