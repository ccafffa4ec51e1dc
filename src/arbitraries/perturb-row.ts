import fc from 'fast-check'
import { arbitraryDescription, describeArbitrary } from '../util/described-arbitrary.js'
import { VitestMlError } from '../util/errors.js'
import { type PerturbFunction, perturbFunction } from './perturb-function.js'

/** A model input row: an array of features (by index) or a record of features (by name). */
export type PerturbableRow = readonly unknown[] | ArrayLike<number> | { readonly [feature: string]: unknown }

/**
 * Copies `row` with feature `feature` replaced by `value`: arrays and typed arrays by index, records by name. Throws a
 * clear error when the row has no such feature.
 *
 * @param row - the row (left untouched)
 * @param feature - index for array rows, name for record rows
 * @param value - the new value
 * @param source - public name used in errors @defaultValue 'perturbRow'
 * @returns the modified copy
 * @example
 * ```ts
 * withFeature([1, 2, 3], 1, 20) // [1, 20, 3]
 * withFeature({ mass: 3700, island: 1 }, 'island', 2) // { mass: 3700, island: 2 }
 * ```
 */
export function withFeature<R extends PerturbableRow>(row: R, feature: number | string, value: unknown, source = 'perturbRow'): R {
  if (Array.isArray(row) && typeof feature === 'number' && feature >= 0 && feature < row.length && Number.isInteger(feature)) {
    const copy = (row as readonly unknown[]).slice()
    copy[feature] = value
    return copy as unknown as R
  }
  if (Array.isArray(row) || ArrayBuffer.isView(row)) {
    const values = row as unknown as ArrayLike<unknown>
    if (typeof feature !== 'number' || !Number.isInteger(feature) || feature < 0 || feature >= values.length) {
      throw new VitestMlError(
        source,
        `a feature index in [0, ${values.length - 1}] for rows of ${values.length} values`,
        JSON.stringify(feature),
        'Array rows take features by index; record rows by name.',
      )
    }
    const copy = Array.isArray(row) ? [...(row as readonly unknown[])] : (row as unknown as { slice(): { [index: number]: unknown } }).slice()
    ;(copy as { [index: number]: unknown })[feature] = value
    return copy as unknown as R
  }
  if (typeof row !== 'object' || row === null || !(String(feature) in row)) {
    const keys = typeof row === 'object' && row !== null ? Object.keys(row).join(', ') : typeof row
    throw new VitestMlError(source, `a feature name among [${keys}]`, JSON.stringify(feature), 'Check the spelling; record rows take features by name.')
  }
  return { ...(row as Record<string, unknown>), [String(feature)]: value } as R
}

/**
 * Reads feature `feature` of a row (index for array rows, name for record rows), or `undefined` when it is absent.
 *
 * @param row - the row
 * @param feature - index or name
 * @example
 * ```ts
 * featureOf([1, 2, 3], 2) // 3
 * ```
 */
export function featureOf(row: PerturbableRow, feature: number | string): unknown {
  return (row as Record<string | number, unknown>)[feature]
}

/**
 * A row perturbation assembled from per-feature perturbations (any of the `perturb*` arbitraries): each listed
 * feature is perturbed, the others are kept. Shrinks feature by feature toward the unperturbed row.
 *
 * @param perFeature - a perturbation arbitrary per feature index (array rows) or name (record rows)
 * @returns an arbitrary of row perturbations
 * @example
 * ```ts
 * const nudge = perturbRow({ 0: perturbNoise({ scale: 0.1 }), 3: perturbScale({ min: 0.9, max: 1.1 }) })
 * const [p] = fc.sample(nudge, { seed: 1, numRuns: 1 })
 * p([1, 2, 3, 4]) // [1 + u, 2, 3, 4 * f]
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each feature has its own value type
export function perturbRow<R extends PerturbableRow>(
  perFeature: Readonly<Record<string | number, fc.Arbitrary<PerturbFunction<any>>>>,
): fc.Arbitrary<PerturbFunction<R>> {
  const entries = Object.entries(perFeature)
  if (entries.length === 0)
    throw new VitestMlError('perturbRow', 'at least one feature to perturb', 'none', 'Pass `{ 0: perturbNoise({ scale: 0.1 }) }` or `{ mass: ... }`.')
  const keys = entries.map(([key]) => key)
  const described = entries.map(([key, arbitrary]) => `[${key}] ${arbitraryDescription(arbitrary) ?? 'an undescribed perturbation'}`).join('; ')
  const rows = fc.tuple(...entries.map(([, arbitrary]) => arbitrary as fc.Arbitrary<PerturbFunction<unknown>>)).map((perturbations) => {
    const active = perturbations.map((p, k) => [keys[k] as string, p] as const).filter(([, p]) => !p.identity)
    const label = active.length === 0 ? 'identity' : active.map(([key, p]) => `[${key}] ${p.label}`).join(', ')
    return perturbFunction<R>(
      label,
      (row) => {
        const arrayRow = Array.isArray(row) || ArrayBuffer.isView(row)
        let current = row
        for (const [key, p] of active) {
          const feature = arrayRow ? Number(key) : key
          current = withFeature(current, feature, p(featureOf(current, feature) as never))
        }
        return current
      },
      active.length === 0,
    )
  })
  return describeArbitrary(rows, `each listed feature perturbed independently: ${described}`)
}
