import seedrandom from 'seedrandom'
import type { Label } from '../labels.js'
import { type BaselineModel, baselineModel, countLabels, type FitBaselineOptions } from './baseline-model.js'

/** Options of {@link stratifiedBaseline}. */
export interface StratifiedBaselineOptions extends FitBaselineOptions {
  /**
   * Seed of the random draws. Each `predict` call restarts from it, so the same batch gives the same predictions.
   * @defaultValue `42`
   */
  readonly seed?: number
}

/**
 * The stratified random baseline (scikit-learn's `DummyClassifier(strategy='stratified')`): draws each prediction at
 * random with the class frequencies of the labels it was fitted on, from a `seedrandom` generator.
 *
 * @param labels - the labels to fit on, normally the training labels
 * @param options - see {@link StratifiedBaselineOptions}
 * @returns a model predicting random labels in the fitted proportions
 * @example
 * ```ts
 * const baseline = stratifiedBaseline(['a', 'a', 'b'], { seed: 7 })
 * await baseline.predict([{}, {}, {}]) // for example ['a', 'b', 'a'], the same on every call
 * ```
 */
export function stratifiedBaseline(labels: readonly unknown[], options: StratifiedBaselineOptions = {}): BaselineModel<unknown, Label> {
  const { classes, counts, total } = countLabels('stratifiedBaseline', labels)
  const seed = options.seed ?? 42
  const cumulative: number[] = []
  let running = 0
  for (const count of counts) {
    running += count
    cumulative.push(running / total)
  }
  const fittedOn = options.fittedOn ?? 'train'
  const info = {
    kind: 'stratified',
    fittedOn,
    description: `stratified random over ${classes.length} classes (${total} ${fittedOn} labels, seed ${seed})`,
  } as const
  const model = baselineModel<unknown, Label>('stratified baseline', info, () => classes[0] as Label)
  return {
    ...model,
    predict: (batch) => {
      const random = seedrandom(String(seed))
      return Promise.resolve(
        batch.map(() => {
          const draw = random()
          const k = cumulative.findIndex((edge) => draw < edge)
          return classes[k === -1 ? classes.length - 1 : k] as Label
        }),
      )
    },
  }
}
