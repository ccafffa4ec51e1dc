import { type PerturbableRow, withFeature } from '../arbitraries/perturb-row.js'
import { describeOutputValue } from '../model/describe-output-value.js'
import type { CaseProbe } from '../properties/case-probe.js'
import { type FeatureRef, numericFeature } from './feature-ref.js'
import { outputNumberAt } from './output-selector.js'

/** One output-shift case: a base row and the amount the feature changes by (or `undefined` for a function change). */
export type OutputShiftCase<I> = readonly [row: I, amount: number]

/** Options of {@link outputShiftProbe}. */
export interface OutputShiftProbeOptions {
  readonly feature: FeatureRef
  /** How the feature changes: add the case's amount, or apply a function to the value (then the amount is ignored). */
  readonly change: 'add' | ((value: number) => number)
  readonly direction: 'up' | 'down'
  /** Smallest shift of the watched output in `direction`. */
  readonly atLeast: number
  /** Index of the output number watched. */
  readonly output: number
  /** Range the feature must stay in (the data's range); leave out for no limit. */
  readonly bounds?: { readonly min: number; readonly max: number }
  /** Public name for errors. */
  readonly source: string
}

/**
 * The base row and the changed row of a case. With `bounds`, the change stays inside them: an added amount that would
 * leave the range moves the base instead (as far as the range allows), and a function's result is clipped.
 *
 * @param row - the base row
 * @param amount - the amount added (ignored for a function change)
 * @param options - feature, change, bounds, public name
 * @returns `[base, changed]`
 * @example
 * ```ts
 * shiftedPair([4900], 500, { feature: 0, change: 'add', bounds: { min: 1500, max: 5000 }, source: 'toShiftOutput' }) // [[4500], [5000]]
 * ```
 */
export function shiftedPair<I extends PerturbableRow>(
  row: I,
  amount: number,
  options: Pick<OutputShiftProbeOptions, 'feature' | 'change' | 'bounds' | 'source'>,
): [I, I] {
  const original = numericFeature(row, options.feature, options.source)
  const { bounds } = options
  const clip = (value: number): number => (bounds === undefined ? value : Math.min(bounds.max, Math.max(bounds.min, value)))
  let start = clip(original)
  if (bounds !== undefined && options.change === 'add') {
    if (start + amount > bounds.max) start = Math.max(bounds.min, bounds.max - amount)
    if (start + amount < bounds.min) start = Math.min(bounds.max, bounds.min - amount)
  }
  const target = clip(options.change === 'add' ? start + amount : options.change(start))
  const base = start === original ? row : withFeature(row, options.feature, start, options.source)
  return [base, withFeature(row, options.feature, target, options.source)]
}

/**
 * A probe for directional expectations (CheckList's DIR): changing the feature must move the watched output up (or
 * down) by at least `atLeast`. A missing or empty output is a `missing-output` violation, NaN a `not-finite` one; an
 * `output` position the outputs do not have, or a string there, is a misuse and throws.
 *
 * @param options - feature, change, direction, delta, output
 * @returns the probe for the batched property engine
 * @example
 * ```ts
 * const probe = outputShiftProbe({ feature: 3, change: 'add', direction: 'down', atLeast: 0.5, output: 0, source: 'toShiftOutput' })
 * probe.judge([[0, 0, 0, 3000], 500], [20, 19.8]) // { reason: 'shift-too-small', ... 'moved output[0] down by 0.2, expected at least 0.5' }
 * ```
 */
export function outputShiftProbe<I extends PerturbableRow, O>(options: OutputShiftProbeOptions): CaseProbe<OutputShiftCase<I>, I, O> {
  const { feature, direction, atLeast, output } = options
  return {
    inputsOf: ([row, amount]) => shiftedPair(row, amount, options),
    judge: ([row, amount], [baseOutput, changedOutput]) => {
      const read = outputNumberAt(baseOutput, output, options.source)
      const shifted = outputNumberAt(changedOutput, output, options.source)
      const [base, changed] = shiftedPair(row, amount, options)
      const from = numericFeature(base, feature, options.source)
      const to = numericFeature(changed, feature, options.source)
      const where = `changing feature ${JSON.stringify(feature)} from ${from} to ${to}`
      if (read === undefined || shifted === undefined) {
        const [which, shown] = read === undefined ? ['base', baseOutput] : ['changed', changedOutput]
        return { reason: 'missing-output', detail: `${where}: the ${which} output has no value at output[${output}] (${describeOutputValue(shown)})` }
      }
      const before = read
      const after = shifted
      if (!Number.isFinite(before) || !Number.isFinite(after))
        return { reason: 'not-finite', detail: `${where}: output[${output}] went from ${before} to ${after}` }
      const shift = direction === 'up' ? after - before : before - after
      if (shift >= atLeast) return undefined
      const moved =
        after === before ? 'left output[' + output + '] unchanged' : `moved output[${output}] ${after > before ? 'up' : 'down'} by ${Math.abs(after - before)}`
      return { reason: 'shift-too-small', detail: `${where} ${moved} (${before} -> ${after}), expected ${direction} by at least ${atLeast}` }
    },
  }
}
