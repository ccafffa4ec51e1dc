import type { Model } from '../../model/model.js'
import { VitestMlError } from '../../util/errors.js'
import { type Label, normalizeLabel, sortedLabels } from '../labels.js'

/** What kind of baseline a {@link BaselineModel} is. */
export type BaselineKind = 'majority-class' | 'stratified' | 'class-prior' | 'mean' | 'median' | 'heuristic' | 'previous-model'

/** Which labels a baseline was fitted on: training labels (honest), the evaluation labels (optimistic), or none. */
export type BaselineFittedOn = 'train' | 'evaluation' | 'none'

/** Describes a baseline for results and reports. */
export interface BaselineInfo {
  /** The baseline's kind. */
  readonly kind: BaselineKind
  /** Which labels it was fitted on. */
  readonly fittedOn: BaselineFittedOn
  /** One line, for example `majority class "Adelie" (44.2% of 258 train labels)`. */
  readonly description: string
}

/** A {@link Model} that is a baseline: predicts like any model and says what it is. */
export interface BaselineModel<I = unknown, O = unknown> extends Model<I, O> {
  /** What the baseline is and what it was fitted on. */
  readonly baseline: BaselineInfo
}

/** Options shared by the baselines fitted on labels. */
export interface FitBaselineOptions {
  /**
   * Which labels these are, reported in results.
   * @defaultValue `'train'`
   */
  readonly fittedOn?: Exclude<BaselineFittedOn, 'none'>
}

/**
 * Builds a {@link BaselineModel} from a per-row function.
 *
 * @param name - model name in reports
 * @param info - the baseline description
 * @param predictRow - output for the row at a given position of the batch
 * @returns the baseline model
 * @example
 * ```ts
 * baselineModel('always-0', { kind: 'heuristic', fittedOn: 'none', description: 'always 0' }, () => 0)
 * ```
 */
export function baselineModel<I, O>(name: string, info: BaselineInfo, predictRow: (row: I, position: number) => O): BaselineModel<I, O> {
  return {
    identity: { name },
    baseline: info,
    predict: (batch) => Promise.resolve(batch.map((row, position) => predictRow(row, position))),
    release: () => Promise.resolve(),
  }
}

/**
 * Counts labels, checking they are usable, in sorted label order.
 *
 * @param source - public name to blame
 * @param labels - raw labels
 * @returns the sorted classes and their counts
 * @example
 * ```ts
 * countLabels('majorityClassBaseline', ['b', 'a', 'b']) // { classes: ['a', 'b'], counts: [1, 2], total: 3 }
 * ```
 */
export function countLabels(source: string, labels: readonly unknown[]): { classes: Label[]; counts: number[]; total: number } {
  if (labels.length === 0) {
    throw new VitestMlError(source, 'at least 1 label to fit on', '0', 'Pass the training labels (or the evaluation labels) of a non-empty set.')
  }
  const normalized = labels.map((label, index) => normalizeLabel(source, label, index))
  const classes = sortedLabels(normalized)
  const position = new Map<Label, number>(classes.map((label, k) => [label, k]))
  const counts = classes.map(() => 0)
  for (const label of normalized) {
    const k = position.get(label) as number
    counts[k] = (counts[k] as number) + 1
  }
  return { classes, counts, total: normalized.length }
}

/**
 * Formats a share as a percentage for descriptions.
 *
 * @param part - count
 * @param total - total
 * @returns for example `44.2%`
 * @example
 * ```ts
 * percent(1, 3) // '33.3%'
 * ```
 */
export function percent(part: number, total: number): string {
  return `${((100 * part) / total).toFixed(1)}%`
}
