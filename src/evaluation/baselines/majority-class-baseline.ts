import type { Label } from '../labels.js'
import { type BaselineModel, baselineModel, countLabels, type FitBaselineOptions, percent } from './baseline-model.js'

/**
 * The majority-class baseline (scikit-learn's `DummyClassifier(strategy='most_frequent')`): always predicts the most
 * frequent label; ties go to the first label in sorted order. The seed's "always_predict_majority_class()".
 *
 * @param labels - the labels to fit on, normally the training labels
 * @param options - see {@link FitBaselineOptions}
 * @returns a model predicting that label for every row
 * @example
 * ```ts
 * const baseline = majorityClassBaseline(trainLabels)
 * await baseline.predict([row1, row2]) // ['Adelie', 'Adelie']
 * baseline.baseline.description // 'majority class "Adelie" (44.1% of 256 train labels)'
 * ```
 */
export function majorityClassBaseline(labels: readonly unknown[], options: FitBaselineOptions = {}): BaselineModel<unknown, Label> {
  const { classes, counts, total } = countLabels('majorityClassBaseline', labels)
  let best = 0
  for (let k = 1; k < counts.length; k++) if ((counts[k] as number) > (counts[best] as number)) best = k
  const majority = classes[best] as Label
  const fittedOn = options.fittedOn ?? 'train'
  return baselineModel(
    'majority-class baseline',
    {
      kind: 'majority-class',
      fittedOn,
      description: `majority class ${JSON.stringify(majority)} (${percent(counts[best] as number, total)} of ${total} ${fittedOn} labels)`,
    },
    () => majority,
  )
}
