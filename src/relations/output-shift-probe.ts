import { withFeature, type PerturbableRow } from '../arbitraries/perturb-row.js'
import type { CaseProbe } from '../properties/case-probe.js'
import { numericFeature, type FeatureRef } from './feature-ref.js'
import { outputAt } from './output-selector.js'

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
  /** Public name for errors. */
  readonly source: string
}

/**
 * The changed row of an output-shift case.
 *
 * @param row - the base row
 * @param amount - the amount added (for `change: 'add'`)
 * @param options - feature and change
 * @example
 * ```ts
 * changedRow([1, 2], 5, { feature: 1, change: 'add', source: 'toShiftOutput' }) // [1, 7]
 * ```
 */
export function changedRow<I extends PerturbableRow>(row: I, amount: number, options: Pick<OutputShiftProbeOptions, 'feature' | 'change' | 'source'>): I {
  const value = numericFeature(row, options.feature, options.source)
  return withFeature(row, options.feature, options.change === 'add' ? value + amount : options.change(value), options.source)
}

/**
 * A probe for directional expectations (CheckList's DIR): changing the feature must move the watched output up (or
 * down) by at least `atLeast`.
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
    inputsOf: ([row, amount]) => [row, changedRow(row, amount, options)],
    judge: ([row, amount], [baseOutput, changedOutput]) => {
      const before = outputAt(baseOutput, output)
      const after = outputAt(changedOutput, output)
      const from = numericFeature(row, feature, options.source)
      const to = numericFeature(changedRow(row, amount, options), feature, options.source)
      const where = `changing feature ${JSON.stringify(feature)} from ${from} to ${to}`
      if (!Number.isFinite(before) || !Number.isFinite(after)) return { reason: 'not-finite', detail: `${where}: output[${output}] went from ${before} to ${after}` }
      const shift = direction === 'up' ? after - before : before - after
      if (shift >= atLeast) return undefined
      const moved = after === before ? 'left output[' + output + '] unchanged' : `moved output[${output}] ${after > before ? 'up' : 'down'} by ${Math.abs(after - before)}`
      return { reason: 'shift-too-small', detail: `${where} ${moved} (${before} -> ${after}), expected ${direction} by at least ${atLeast}` }
    },
  }
}
