import { describeOutputValue } from '../model/describe-output-value.js'
import type { CaseProbe, Violation } from '../properties/case-probe.js'
import type { TransformCase } from './changed-cases.js'
import { transformRow } from './invariance-probe.js'
import { outputNumberAt } from './output-selector.js'

/**
 * Which way a transform must move the watched output: `up`, `down`, away from a point (`{ awayFrom: 0.5 }`: an
 * intensifier makes a confident answer more confident, whichever side it is on) or toward one (`{ toward: 0.5 }`: a
 * hedge such as "somewhat" makes it less confident).
 */
export type ShiftDirection = 'up' | 'down' | { readonly awayFrom: number } | { readonly toward: number }

/** Options of `transformShiftProbe`. */
export interface TransformShiftCriterion {
  readonly direction: ShiftDirection
  /** Smallest move in that direction (negative: how far the other way is tolerated). */
  readonly atLeast: number
  /** Index of the output number watched. */
  readonly output: number
  /** Public name for errors. */
  readonly source: string
}

/**
 * The direction a case must move in, given its base output: `up` / `down` as they are; away from (toward) a point:
 * `up` when the base output is at or above it (below it), else `down`.
 *
 * @param direction - the expected direction
 * @param base - the base output number
 * @example
 * ```ts
 * resolveDirection({ awayFrom: 0.5 }, 0.2) // 'down'
 * resolveDirection({ toward: 0 }, 3) // 'down'
 * ```
 */
export function resolveDirection(direction: ShiftDirection, base: number): 'up' | 'down' {
  if (direction === 'up' || direction === 'down') return direction
  if ('awayFrom' in direction) return base >= direction.awayFrom ? 'up' : 'down'
  return base >= direction.toward ? 'down' : 'up'
}

/**
 * Describes a direction for messages: `down`, `away from 0.5`, `toward 0`.
 *
 * @param direction - the direction
 * @example
 * ```ts
 * describeDirection({ awayFrom: 0 }) // 'away from 0'
 * ```
 */
export function describeDirection(direction: ShiftDirection): string {
  if (direction === 'up' || direction === 'down') return direction
  return 'awayFrom' in direction ? `away from ${direction.awayFrom}` : `toward ${direction.toward}`
}

/**
 * A probe for directional expectations under a transform (CheckList's DIR): the watched output of the transformed input
 * must move from the base input's in `direction` by at least `atLeast`. A missing output is a `missing-output`
 * violation, NaN a `not-finite` one.
 *
 * @param criterion - direction, smallest move, output index
 * @returns the probe for the batched property engine
 * @example
 * ```ts
 * const probe = transformShiftProbe({ direction: 'down', atLeast: 0.1, output: 1, source: 'toShiftOutputUnder' })
 * probe.judge(['great', negate], [[0.1, 0.9], [0.2, 0.8]]) // undefined: down by 0.1
 * ```
 */
export function transformShiftProbe<I, O>(criterion: TransformShiftCriterion): CaseProbe<TransformCase<I>, I, O> {
  const { output, atLeast, source } = criterion
  return {
    inputsOf: ([row, transform]) => [row, transformRow(transform, row, source)],
    judge: (_testCase, [baseOutput, changedOutput]): Violation | undefined => {
      const before = outputNumberAt(baseOutput, output, source)
      const after = outputNumberAt(changedOutput, output, source)
      if (before === undefined || after === undefined) {
        const [which, shown] = before === undefined ? ['base', baseOutput] : ['transformed', changedOutput]
        return { reason: 'missing-output', detail: `the ${which} output has no value at output[${output}] (${describeOutputValue(shown)})` }
      }
      if (!Number.isFinite(before) || !Number.isFinite(after)) return { reason: 'not-finite', detail: `output[${output}] went from ${before} to ${after}` }
      const way = resolveDirection(criterion.direction, before)
      const shift = way === 'up' ? after - before : before - after
      if (shift >= atLeast) return undefined
      const moved = after === before ? 'stayed' : `moved ${after > before ? 'up' : 'down'} by ${Number(Math.abs(after - before).toPrecision(6))}`
      return { reason: 'shift-too-small', detail: `output[${output}] ${moved} (${before} -> ${after}), expected ${way} by at least ${atLeast}` }
    },
  }
}
