import type { MatcherState } from 'vitest'
import {
  type FalsePositivesAndNegativesOptions,
  falsePositivesAndNegatives,
  falsePositivesAndNegativesRecord,
} from '../src/evaluation/false-positives-and-negatives.js'
import type { Label } from '../src/evaluation/labels.js'
import { asyncMatcher } from './async-matcher.js'
import { checkId, type MatcherOutcome, num, requireModel, show } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** Options of `toKeepMisclassificationsWithin`. */
export interface KeepMisclassificationsWithinOptions<I = unknown> extends FalsePositivesAndNegativesOptions<I> {
  /** Largest share of wrong predictions that passes. */
  readonly maxErrorShare: number
  /** Largest number of false negatives allowed for each of these classes (e.g. a rare class that must not be missed). */
  readonly maxFalseNegatives?: Readonly<Record<string, number>>
}

const NAME = 'toKeepMisclassificationsWithin'

/**
 * The model's wrong answers on held-out data stay within `maxErrorShare` of the rows (and per-class false-negative limits); either way
 * the false positives and negatives of every class, most confident first, are recorded for review in the report.
 *
 * @example
 * ```ts
 * await expect(model).toKeepMisclassificationsWithin({ data: test, classes, maxErrorShare: 0.05, maxFalseNegatives: { Chinstrap: 1 } })
 * ```
 */
export const toKeepMisclassificationsWithin = asyncMatcher(NAME, checkKeepMisclassificationsWithin)

async function checkKeepMisclassificationsWithin(
  this: MatcherState,
  received: unknown,
  options: KeepMisclassificationsWithinOptions<unknown>,
): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  const review = await falsePositivesAndNegatives(model, options)
  const rate = review.errors / review.rows
  const overLimit = review.classes.filter((item) => {
    const limit = options.maxFalseNegatives?.[String(item.label as Label)]
    return limit !== undefined && item.falseNegatives > limit
  })
  const passed = rate <= options.maxErrorShare && overLimit.length === 0
  const record = falsePositivesAndNegativesRecord(review, { id: checkId(this, 'review'), maxErrorRate: options.maxErrorShare })
  await recordCheck(this, { ...record, passed, metrics: { ...record.metrics, maxErrorShare: options.maxErrorShare } })
  const hint = this.utils.matcherHint(`.${NAME}`, 'model', 'options', { isNot: this.isNot, promise: this.promise })
  const perClass = review.classes.map((item) => {
    const worst = item.topFalseNegatives[0]
    const example =
      worst === undefined
        ? ''
        : `; most confident miss: row ${worst.index} ${show(worst.input)} predicted ${String(worst.predicted)} (${num(worst.confidence)})`
    return `  ${String(item.label)}: ${item.falsePositives} false positives, ${item.falseNegatives} false negatives${example}`
  })
  return {
    pass: passed,
    message: () =>
      [
        hint,
        '',
        passed
          ? `Expected ${review.modelName} to exceed the misclassification limits, but it made ${review.errors} errors in ${review.rows} rows (share ${num(rate)} <= ${num(options.maxErrorShare)}).`
          : `${review.modelName} misclassifies too often: ${review.errors} errors in ${review.rows} rows (share ${num(rate)}, expected <= ${num(options.maxErrorShare)})` +
            (overLimit.length === 0
              ? '.'
              : `; too many false negatives for ${overLimit.map((item) => `${String(item.label)} (${item.falseNegatives} > ${options.maxFalseNegatives?.[String(item.label)]})`).join(', ')}.`),
        ...perClass,
      ].join('\n'),
  }
}
