import type fc from 'fast-check'
import { describeArbitrary } from '../../util/described-arbitrary.js'
import { VitestMlError } from '../../util/errors.js'
import { countPhrase, type EditCountConstraints, editCounts, editPlans } from './edit-plans.js'
import { spanStep } from './span-step.js'
import { findNumbers } from './text-entities.js'
import { applySteps, type TextPerturbation, textPerturbation } from './text-perturbation.js'

/** Constraints of {@link changeNumbers}. */
export interface ChangeNumbersConstraints extends EditCountConstraints {
  /** Largest relative change: a number `x` becomes `x * (1 +- r)` with `r` uniform in (0, maxRelativeChange]. @defaultValue 0.5 */
  readonly maxRelativeChange?: number
}

/**
 * A changed number or amount (CheckList's "change number" INV test): compromise finds the numbers written with digits
 * (`2`, `$30.50`, `45 minutes`); each edit picks one uniformly and scales it up or down (equally likely) by a relative
 * change drawn uniformly from (0, `maxRelativeChange`], keeping its decimals (a whole number stays whole and always
 * changes by at least 1). Currency signs and units stay. Texts without a number are left unchanged. Shrinks toward
 * the smallest increase of the first number.
 *
 * @param constraints - edit counts and the largest relative change
 * @returns a described arbitrary of text perturbations
 * @example
 * ```ts
 * const [change] = fc.sample(changeNumbers({ maxRelativeChange: 0.2 }), { seed: 1, numRuns: 1 })
 * change('It cost $30 and lasted 45 minutes') // e.g. 'It cost $33 and lasted 45 minutes'
 * ```
 */
export function changeNumbers(constraints: ChangeNumbersConstraints = {}): fc.Arbitrary<TextPerturbation> {
  const counts = editCounts(constraints, 'changeNumbers')
  const maxChange = constraints.maxRelativeChange ?? 0.5
  if (!(maxChange > 0 && maxChange <= 10)) {
    throw new VitestMlError(
      'changeNumbers',
      '`maxRelativeChange` in (0, 10]',
      String(maxChange),
      'Pass the largest relative change, for example 0.2 for +-20%.',
    )
  }
  const arbitrary = editPlans(2, counts, 'changeNumbers').map((steps) =>
    textPerturbation(
      `${steps.length === 1 ? 'a number' : `${steps.length} numbers`} changed`,
      (text) =>
        applySteps(
          text,
          steps.map(
            (plan) => (current: string) =>
              spanStep(current, findNumbers(current), plan, {
                kind: 'number',
                replace: (span, choice) => scaled(span.text, (plan.kind === 0 ? 1 : -1) * Math.max(choice, 1e-6) * maxChange),
              }),
          ),
        ),
      'changeNumbers',
    ),
  )
  return describeArbitrary(
    arbitrary,
    `${countPhrase(counts.minEdits, counts.maxEdits, 'number change')}: a number written with digits, drawn uniformly, scaled up or down (equally likely) by a share uniform in (0, ${maxChange}]`,
  )
}

/** `written` scaled by `1 + relative`, with its decimals and thousands commas kept; always a different number. */
function scaled(written: string, relative: number): string | undefined {
  const commas = written.includes(',') && !/,\d{1,2}$/.test(written)
  const plain = commas ? written.replace(/,/g, '') : written.replace(',', '.')
  const value = Number(plain)
  if (!Number.isFinite(value)) return undefined
  const decimals = plain.includes('.') ? (plain.split('.')[1] as string).length : 0
  const step = 10 ** -decimals
  let next = Number((value * (1 + relative)).toFixed(decimals))
  if (next === value) next = value + (relative >= 0 || value - step < 0 ? step : -step)
  if (next < 0) next = value + step
  const text = next.toFixed(decimals)
  return commas
    ? Number(text).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : written.includes(',')
      ? text.replace('.', ',')
      : text
}
