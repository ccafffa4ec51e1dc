import { checkedPredict } from '../../model/checked-predict.js'
import type { Model } from '../../model/model.js'
import { type BaselineModel, baselineModel } from './baseline-model.js'

/** Options of {@link heuristicBaseline}. */
export interface HeuristicBaselineOptions {
  /**
   * Name shown in results.
   * @defaultValue the function's name, or `heuristic`
   */
  readonly name?: string
}

/**
 * A hand-written rule as a baseline (the seed's `SimpleHeuristic`): a function from one row to one prediction.
 * "Simple heuristics often get 80% of the way": a model should beat the rule it would fall back to.
 *
 * @param rule - row to prediction (label, score, value or probability row)
 * @param options - see {@link HeuristicBaselineOptions}
 * @returns a model applying the rule to every row
 * @example
 * ```ts
 * const byFlipper = heuristicBaseline((row: number[]) => ((row[2] ?? 0) > 206 ? 'Gentoo' : 'Adelie'), { name: 'flipper rule' })
 * await byFlipper.predict([[39.1, 18.7, 181, 3750]]) // ['Adelie']
 * ```
 */
export function heuristicBaseline<I, O>(rule: (row: I) => O, options: HeuristicBaselineOptions = {}): BaselineModel<I, O> {
  const name = options.name ?? (rule.name === '' ? 'heuristic' : rule.name)
  return baselineModel(name, { kind: 'heuristic', fittedOn: 'none', description: `heuristic ${name}` }, (row: I) => rule(row))
}

/**
 * A previous model version as a baseline: the new model should beat it (`toBeatBaseline`) or at least not be worse
 * (`toBeNoWorseThan`).
 *
 * @param model - any model, for example the ONNX file currently in production
 * @returns the same model, described as a baseline
 * @example
 * ```ts
 * const previous = previousModelBaseline(await onnxModel('models/penguins-logreg.onnx'))
 * previous.baseline.description // 'previous model penguins-logreg.onnx'
 * ```
 */
export function previousModelBaseline<I, O>(model: Model<I, O>): BaselineModel<I, O> {
  const version = model.identity.version === undefined ? '' : ` ${model.identity.version}`
  return {
    identity: model.identity,
    baseline: { kind: 'previous-model', fittedOn: 'none', description: `previous model ${model.identity.name}${version}` },
    predict: (batch) => checkedPredict(model, batch, 'previousModelBaseline'),
    release: () => model.release(),
  }
}
