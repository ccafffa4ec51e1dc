import type { BaselineSpec } from '../src/evaluation/baselines/resolve-baseline.js'
import type { RowSource } from '../src/evaluation/row-hash.js'
import type { CalibratedOptions } from './to-be-calibrated.js'
import type { FairAcrossOptions } from './to-be-fair-across.js'
import type { HeldOutOptions } from './to-be-held-out-from.js'
import type { HygienicOptions } from './to-be-hygienic.js'
import type { NoWorseThanOptions } from './to-be-no-worse-than.js'
import type { BeatBaselineOptions } from './to-beat-baseline.js'
import type { NoWeakSegmentsOptions } from './to-have-no-weak-segments.js'
import type { KeepMisclassificationsWithinOptions } from './to-keep-misclassifications-within.js'
import type { PerformOnAllSlicesOptions } from './to-perform-on-all-slices.js'

/**
 * The evaluation matchers as they appear on `expect(...)`: baseline beating, regression gates, held-out hygiene,
 * slices, weak segments, fairness between groups and calibration. Those that call a model are asynchronous: `await`
 * them; `toBeHeldOutFrom` and `toBeHygienic` read data only and decide synchronously, so they work the same with or
 * without `await`.
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
   * near duplicates (numeric values within `nearDuplicateDistance` training standard deviations); with `time`, `ids`
   * or `label`, also no time overlap, no shared ids and no single feature that gives the label away.
   * @example `expect(testRows).toBeHeldOutFrom(trainRows, { keys: ['id'] })`
   */
  toBeHeldOutFrom(train: RowSource, options?: HeldOutOptions): void
  /**
   * The data set is clean: no repeated rows, no equal features with different labels, no missing labels, no label
   * shift from `reference`, no empty, constant or copied feature; near duplicates, rare classes and MAD outliers are
   * reported (judged with a limit). Reads data only: works with or without `await`.
   * @example `expect(train).toBeHygienic({ label: 'species' })`
   */
  toBeHygienic(options?: HygienicOptions): void
  /**
   * Every slice of the held-out data (categorical values, numeric bins) with at least `minSliceSize` rows clears
   * `min` (or `max` for errors) and drops at most `maxDrop` from the overall score; the worst slices are shown.
   * @example `await expect(model).toPerformOnAllSlices({ data: test, rows: records, slices: ['Island', 'Sex'], min: 0.9 })`
   */
  toPerformOnAllSlices<I>(options: PerformOnAllSlicesOptions<I>): Promise<void>
  /**
   * Wrong answers on held-out data stay within `maxErrorShare` of the rows (and per-class false-negative limits); the
   * false positives and negatives of every class, most confident first, are recorded for review either way.
   * @example `await expect(model).toKeepMisclassificationsWithin({ data: test, classes, maxErrorShare: 0.05 })`
   */
  toKeepMisclassificationsWithin<I>(options: KeepMisclassificationsWithinOptions<I>): Promise<void>
  /**
   * No segment nobody named (each value or quantile range of each feature, and pairs of them) is confidently more than
   * `maxDrop` below the overall score, after a Bonferroni (or Benjamini-Hochberg) correction over every segment examined.
   * @example `await expect(model).toHaveNoWeakSegments({ data: test, rows: records, classes, maxDrop: 0.1, minSize: 15 })`
   */
  toHaveNoWeakSegments<I>(options: NoWeakSegmentsOptions<I>): Promise<void>
  /**
   * The groups of a protected attribute (or the intersection of two) are treated alike: the Fairlearn-defined metric is
   * not confidently above `max` (differences) or below `min` (ratios); proxies of the attribute are reported.
   * @example `await expect(model).toBeFairAcross('Sex', { data: test, rows: records, classes, metric: 'accuracyDifference', max: 0.1 })`
   */
  toBeFairAcross<I>(attribute: string | readonly string[], options: FairAcrossOptions<I>): Promise<void>
  /**
   * The probabilities are calibrated: the bootstrap upper bound of the ECE is at most `maxEce`; the report shows the
   * reliability diagram, the Brier decomposition and over/under-confidence per class.
   * @example `await expect(model).toBeCalibrated({ data: test, classes, maxEce: 0.05 })`
   */
  toBeCalibrated<I>(options: CalibratedOptions<I>): Promise<void>
}
