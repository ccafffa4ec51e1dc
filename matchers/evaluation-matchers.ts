import type { BaselineSpec } from '../src/evaluation/baselines/resolve-baseline.js'
import type { RowSource } from '../src/evaluation/row-hash.js'
import type { HeldOutOptions } from './to-be-held-out-from.js'
import type { PerformOnAllSlicesOptions } from './to-perform-on-all-slices.js'
import type { BeatBaselineOptions } from './to-beat-baseline.js'
import type { NoWorseThanOptions } from './to-be-no-worse-than.js'
import type { KeepMisclassificationsWithinOptions } from './to-keep-misclassifications-within.js'

/**
 * The evaluation matchers as they appear on `expect(...)`: baseline beating, regression gates, held-out hygiene and
 * slices. Those that call a model are asynchronous: `await` them; `toBeHeldOutFrom` reads data only and decides
 * synchronously, so it works the same with or without `await`.
 */
export interface EvaluationMatchers {
  /**
   * The model beats a baseline on held-out data with the stated confidence (paired bootstrap lower bound > `minGain`;
   * exact McNemar for accuracy). Baselines: `'majority' | 'stratified' | 'prior' | 'mean' | 'median'`, a previous
   * model, or a `(row) => prediction` rule.
   * @example `await expect(model).toBeatBaseline('majority', { data: { inputs, labels }, train: { labels: trainLabels } })`
   */
  toBeatBaseline<I>(baseline: BaselineSpec<I>, options: BeatBaselineOptions<I>): Promise<void>
  /**
   * Regression gate: the model is not worse than the previous version by more than `margin`, with the stated confidence.
   * @example `await expect(candidate).toBeNoWorseThan(production, { data: { inputs, labels }, margin: 0.01 })`
   */
  toBeNoWorseThan<I>(previousModel: unknown, options: NoWorseThanOptions<I>): Promise<void>
  /**
   * The received test set is held out from `train`: no exact duplicate rows (SHA-256 of each row or of `keys`) and no
   * near duplicates (numeric values within `tolerance` training standard deviations).
   * @example `expect(testRows).toBeHeldOutFrom(trainRows, { keys: ['id'] })`
   */
  toBeHeldOutFrom(train: RowSource, options?: HeldOutOptions): void
  /**
   * Every slice of the held-out data (categorical values, numeric bins) with at least `minSliceSize` rows clears
   * `min` (or `max` for errors) and drops at most `maxDrop` from the overall score; the worst slices are shown.
   * @example `await expect(model).toPerformOnAllSlices({ data: test, rows: records, slices: ['Island', 'Sex'], min: 0.9 })`
   */
  toPerformOnAllSlices<I>(options: PerformOnAllSlicesOptions<I>): Promise<void>
  /**
   * Wrong answers on held-out data stay within `maxRate` (and per-class false-negative limits); the false positives
   * and negatives of every class, most confident first, are recorded for review either way.
   * @example `await expect(model).toKeepMisclassificationsWithin({ data: test, classes, maxRate: 0.05 })`
   */
  toKeepMisclassificationsWithin<I>(options: KeepMisclassificationsWithinOptions<I>): Promise<void>
}
