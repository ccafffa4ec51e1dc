import { type PerturbFunction, perturbFunction } from '../../arbitraries/perturb-function.js'
import { featureOf, type PerturbableRow, withFeature } from '../../arbitraries/perturb-row.js'
import { VitestMlError } from '../../util/errors.js'
import type { FeatureRef } from '../feature-ref.js'

/** Options of {@link changeUnit}. */
export interface ChangeUnitOptions {
  /** Multiplier from the old unit to the new (for example 0.45359237 for lb -> kg). */
  readonly factor: number
  /** Added after the multiplication (for example -32 * 5 / 9 for F -> C with factor 5 / 9). @defaultValue 0 */
  readonly offset?: number
  /** Other features to set at the same time, such as a unit column: `{ unit: 'kg' }`. */
  readonly set?: Readonly<Record<string | number, unknown>>
}

/**
 * An invariance transform for unit handling: re-expresses one feature in another unit (and, optionally, sets the
 * column that names the unit). A pipeline that normalises units must give the same answer.
 *
 * @param feature - index (array rows) or name (record rows)
 * @param options - factor, offset and companion columns
 * @returns a plain row transform, for `toBeInvariantUnder`
 * @example
 * ```ts
 * await expect(pipeline).toBeInvariantUnder(changeUnit('weight', { factor: 0.45359237, set: { unit: 'kg' } }), { inputs: rows, tolerance: 1e-6 })
 * ```
 */
export function changeUnit<R extends PerturbableRow>(feature: FeatureRef, options: ChangeUnitOptions): PerturbFunction<R> {
  const offset = options.offset ?? 0
  if (!(Number.isFinite(options.factor) && options.factor !== 0 && Number.isFinite(offset))) {
    throw new VitestMlError(
      'changeUnit',
      'a finite non-zero `factor` and a finite `offset`',
      `factor ${options.factor}, offset ${offset}`,
      'Pass the conversion, for example `{ factor: 0.45359237 }` for lb -> kg.',
    )
  }
  const companions = Object.entries(options.set ?? {})
  const label = `[${String(feature)}] x ${options.factor}${offset === 0 ? '' : ` + ${offset}`}${companions.map(([key, value]) => `, [${key}] = ${JSON.stringify(value)}`).join('')}`
  return perturbFunction<R>(label, (row) => {
    const value = featureOf(row, feature)
    let changed = withFeature(row, feature, typeof value === 'number' ? value * options.factor + offset : value, 'changeUnit')
    for (const [key, companion] of companions) changed = withFeature(changed, Array.isArray(row) ? Number(key) : key, companion, 'changeUnit')
    return changed
  })
}
