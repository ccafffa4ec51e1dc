import { checkEvaluationData, type EvaluationData, predictAll } from '../evaluation/evaluation-data.js'
import type { Label } from '../evaluation/labels.js'
import { defaultMetric, type MetricDefinition, type MetricName, resolveMetric } from '../evaluation/metric.js'
import type { EnsembleModel } from './ensemble.js'

/** Options of `evaluateEnsemble`. */
export interface EvaluateEnsembleOptions {
  /** Metric to compare on. @defaultValue accuracy for class labels, rmse otherwise */
  readonly metric?: MetricName | MetricDefinition
  /** Class of each probability column, when the labels are names (`['Adelie', 'Chinstrap', 'Gentoo']`). */
  readonly classes?: readonly Label[]
}

/** Scores of an ensemble and of each of its members on the same data. */
export interface EvaluateEnsembleResult {
  /** Name of the metric. */
  readonly metric: string
  /** Direction of the metric. */
  readonly higherIsBetter: boolean
  /** The ensemble's score. */
  readonly ensembleScore: number
  /** Each member's score, in member order. */
  readonly members: readonly { readonly name: string; readonly score: number }[]
  /** The best member by the metric. */
  readonly best: { readonly name: string; readonly score: number }
  /** How much better the ensemble is than the best member (positive is better, whatever the metric's direction). */
  readonly gain: number
  /** Rows evaluated. */
  readonly rows: number
}

/**
 * Scores an ensemble and every member on one labelled data set with a metric from `evaluation/`, to show whether
 * combining them pays for itself.
 *
 * @param model - built with `ensemble()`
 * @param data - inputs and labels
 * @param options - metric, class names
 * @returns every score, the best member and the ensemble's gain over it
 * @example
 * ```ts
 * const result = await evaluateEnsemble(vote, { inputs, labels }, { metric: 'accuracy', classes: ['Adelie', 'Chinstrap', 'Gentoo'] })
 * result.gain // 0.012
 * ```
 */
export async function evaluateEnsemble<I, O>(
  model: EnsembleModel<I, O>,
  data: EvaluationData<I>,
  options: EvaluateEnsembleOptions = {},
): Promise<EvaluateEnsembleResult> {
  const source = 'toBeAtLeastAsGoodAsBestMember'
  const { inputs, labels } = checkEvaluationData(source, data)
  const metric = resolveMetric(options.metric ?? defaultMetric(labels), source)
  const read = options.classes === undefined ? {} : { classes: options.classes }
  const score = async (member: EnsembleModel<I, O> | EnsembleModel<I, O>['members'][number]): Promise<number> =>
    metric.compute(labels, await predictAll(source, member, inputs, read), read)
  const ensembleScore = await score(model)
  const members = await Promise.all(model.members.map(async (member) => ({ name: member.identity.name, score: await score(member) })))
  const better = (left: number, right: number): boolean => (metric.higherIsBetter ? left > right : left < right)
  const best = members.reduce((winner, member) => (better(member.score, winner.score) ? member : winner), members[0] as { name: string; score: number })
  const gain = metric.higherIsBetter ? ensembleScore - best.score : best.score - ensembleScore
  return { metric: metric.name, higherIsBetter: metric.higherIsBetter, ensembleScore, members, best, gain, rows: inputs.length }
}
