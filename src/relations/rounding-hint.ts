/** Relative size of one float32 step (2^-23). */
const FLOAT32_EPSILON = 2 ** -23

/**
 * A hint for violations that are only float32 rounding: when two outputs differ by at most a few float32 steps of
 * their magnitude (ONNX models usually compute in float32), the "violation" is most likely rounding, and a small
 * `tolerance` is the fix. Returns `undefined` for real differences.
 *
 * @param before - the first output number
 * @param after - the second output number
 * @param steps - how many float32 steps still count as rounding @defaultValue 8
 * @returns a `Hint:` line, or `undefined`
 * @example
 * ```ts
 * roundingHint(26.853374, 26.853376) // 'Hint: the outputs differ by 2e-6, about 1 float32 step at this magnitude; ...'
 * roundingHint(1, 0.9) // undefined
 * ```
 */
export function roundingHint(before: number, after: number, steps = 8): string | undefined {
  const difference = Math.abs(after - before)
  const step = Math.max(Math.abs(before), Math.abs(after)) * FLOAT32_EPSILON
  if (!(difference > 0) || step === 0 || difference > steps * step) return undefined
  const count = Math.max(1, Math.round(difference / step))
  const tolerance = (steps * step).toExponential(0)
  const shown = difference < 1e-4 ? difference.toExponential(1) : String(Number(difference.toPrecision(2)))
  return `Hint: the outputs differ by ${shown}, about ${count} float32 step${count === 1 ? '' : 's'} at this magnitude; if the model computes in float32 this is rounding: pass \`tolerance: ${tolerance}\`.`
}
