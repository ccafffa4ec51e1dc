import { VitestMlError } from '../util/errors.js'

/** A real-valued feature with inclusive bounds, generated uniformly (or log-uniformly) over them. */
export interface NumericFeature {
  readonly kind: 'numeric'
  readonly min: number
  readonly max: number
  readonly nullable: boolean
  /** How generated values spread over `[min, max]`. */
  readonly scale: 'uniform' | 'log-uniform'
}
/** A whole-number feature with inclusive bounds. */
export interface IntegerFeature {
  readonly kind: 'integer'
  readonly min: number
  readonly max: number
  readonly nullable: boolean
}
/** A feature taking one of a fixed set of values (strings, or numeric codes). */
export interface CategoricalFeature {
  readonly kind: 'categorical'
  readonly values: readonly (string | number)[]
  readonly nullable: boolean
}
/** A true/false feature. */
export interface BooleanFeature {
  readonly kind: 'boolean'
  readonly nullable: boolean
}

/** One feature of a schema. */
export type FeatureSpec = NumericFeature | IntegerFeature | CategoricalFeature | BooleanFeature

/** Constraints of {@link numeric} and {@link integer}. */
export interface RangeConstraints {
  readonly min: number
  readonly max: number
  /** Missing values (null) are allowed and generated now and then. @defaultValue false */
  readonly nullable?: boolean
}

/** Constraints of {@link numeric}. */
export interface NumericConstraints extends RangeConstraints {
  /** `uniform` over `[min, max]`, or `log-uniform` (each decade equally likely; needs `min > 0`) for ranges that span decades. @defaultValue 'uniform' */
  readonly scale?: 'uniform' | 'log-uniform'
}

function checkRange(builder: string, constraints: RangeConstraints): void {
  if (typeof constraints !== 'object' || constraints === null) {
    throw new VitestMlError(builder, 'constraints `{ min, max }`', String(constraints), 'Pass bounds such as `{ min: 0, max: 100 }`.')
  }
  const { min, max } = constraints
  if (typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max) || min > max) {
    throw new VitestMlError(builder, 'finite bounds with min <= max', `min ${min}, max ${max}`, 'Pass bounds such as `{ min: 0, max: 100 }`.')
  }
}

/**
 * A real-valued feature. Its arbitrary draws values uniformly over `[min, max]` (not like `fc.double`, which crowds
 * toward zero), or log-uniformly with `scale: 'log-uniform'`.
 *
 * @param constraints - bounds, nullability and scale
 * @example
 * ```ts
 * numeric({ min: 1500, max: 5200 }) // { kind: 'numeric', min: 1500, max: 5200, nullable: false, scale: 'uniform' }
 * numeric({ min: 1, max: 1e6, scale: 'log-uniform' }) // incomes: each decade as likely as the next
 * ```
 */
export function numeric(constraints: NumericConstraints): NumericFeature {
  checkRange('numeric', constraints)
  const scale = constraints.scale ?? 'uniform'
  if (scale !== 'uniform' && scale !== 'log-uniform') {
    throw new VitestMlError('numeric', "scale 'uniform' or 'log-uniform'", JSON.stringify(scale), 'Leave `scale` out for uniform values.')
  }
  if (scale === 'log-uniform' && !(constraints.min > 0)) {
    throw new VitestMlError('numeric', 'min > 0 for a log-uniform scale', `min ${constraints.min}`, 'A log scale needs positive bounds.')
  }
  return { kind: 'numeric', min: constraints.min, max: constraints.max, nullable: constraints.nullable ?? false, scale }
}

/**
 * A whole-number feature.
 *
 * @param constraints - bounds and nullability
 * @example
 * ```ts
 * integer({ min: 3, max: 8 }) // cylinders
 * ```
 */
export function integer(constraints: RangeConstraints): IntegerFeature {
  checkRange('integer', constraints)
  if (!Number.isInteger(constraints.min) || !Number.isInteger(constraints.max)) {
    throw new VitestMlError('integer', 'whole-number bounds', `min ${constraints.min}, max ${constraints.max}`, 'Use numeric() for real-valued features.')
  }
  return { kind: 'integer', min: constraints.min, max: constraints.max, nullable: constraints.nullable ?? false }
}

/**
 * A categorical feature.
 *
 * @param values - the allowed values (at least one)
 * @param options - nullability
 * @example
 * ```ts
 * categorical(['Biscoe', 'Dream', 'Torgersen'])
 * ```
 */
export function categorical(values: readonly (string | number)[], options: { readonly nullable?: boolean } = {}): CategoricalFeature {
  if (!Array.isArray(values) || values.length === 0) {
    throw new VitestMlError(
      'categorical',
      'at least one allowed value',
      Array.isArray(values) ? 'an empty list' : typeof values,
      "Pass the categories, e.g. `categorical(['a', 'b'])`.",
    )
  }
  return { kind: 'categorical', values: [...new Set(values)], nullable: options.nullable ?? false }
}

/**
 * A boolean feature.
 *
 * @param options - nullability
 * @example
 * ```ts
 * boolean({ nullable: true })
 * ```
 */
export function boolean(options: { readonly nullable?: boolean } = {}): BooleanFeature {
  return { kind: 'boolean', nullable: options.nullable ?? false }
}

/**
 * Whether a value is one feature spec made by {@link numeric}, {@link integer}, {@link categorical} or {@link boolean}.
 *
 * @param value - anything
 * @example
 * ```ts
 * isFeatureSpec(numeric({ min: 0, max: 1 })) // true
 * isFeatureSpec(featureSchema({ x: numeric({ min: 0, max: 1 }) })) // false: a whole schema
 * ```
 */
export function isFeatureSpec(value: unknown): value is FeatureSpec {
  if (typeof value !== 'object' || value === null) return false
  const spec = value as Partial<Record<string, unknown>>
  if (typeof spec['nullable'] !== 'boolean') return false
  switch (spec['kind']) {
    case 'numeric':
    case 'integer':
      return typeof spec['min'] === 'number' && typeof spec['max'] === 'number'
    case 'categorical':
      return Array.isArray(spec['values']) && spec['values'].length > 0
    case 'boolean':
      return true
    default:
      return false
  }
}

/**
 * Why a value does not fit a feature, or undefined when it fits.
 *
 * @param spec - the feature
 * @param value - the value
 * @returns a phrase such as `5300 is above max 5200`
 */
export function featureIssue(spec: FeatureSpec, value: unknown): string | undefined {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value)))
    return spec.nullable ? undefined : 'is missing (feature is not nullable)'
  switch (spec.kind) {
    case 'numeric':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${JSON.stringify(value)} is not a finite number`
      if (spec.kind === 'integer' && !Number.isInteger(value)) return `${value} is not a whole number`
      if (value < spec.min) return `${value} is below min ${spec.min}`
      if (value > spec.max) return `${value} is above max ${spec.max}`
      return undefined
    case 'categorical':
      return spec.values.includes(value as string | number)
        ? undefined
        : `${JSON.stringify(value)} is not one of [${spec.values.map((v) => JSON.stringify(v)).join(', ')}]`
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${JSON.stringify(value)} is not a boolean`
  }
}
