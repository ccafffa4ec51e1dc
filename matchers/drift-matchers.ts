import type { DataRow } from '../src/data/dataset.js'
import type { DriftData } from '../src/drift/as-dataset.js'
import type { DataProfile } from '../src/profile/data-profile.js'
import type { DriftedFromOptions } from './to-have-drifted-from.js'
import type { SkewFromOptions } from './to-have-skew-from.js'
import type { MatchPipelineOptions } from './to-match-pipeline.js'

/**
 * The drift, skew and pipeline matchers as they appear on `expect(...)`. All are asynchronous: always `await` them.
 *
 * @typeParam R - the assertion's return type
 */
export interface DriftMatchers<R = unknown> {
  /**
   * The current data drifted from the reference (drift share >= 0.5, a multivariate test drifted, or the label or
   * predictions drifted). Use `.not`. Both sides may be profiles (`profile()`, `profileWithDuckDb()`): then the
   * summaries are compared and each statistic's approximation error is stated.
   * @example `await expect(current).not.toHaveDriftedFrom(reference, { ignore: ['id'], multivariate: ['classifier'] })`
   * @example `expect(juneProfile).not.toHaveDriftedFrom(januaryProfile)`
   */
  toHaveDriftedFrom<I = DataRow>(reference: DriftData | DataProfile, options?: DriftedFromOptions<I>): Promise<R>
  /**
   * The serving features are skewed from the training features (L-infinity for categories, Jensen-Shannon for numbers). Use `.not`.
   * @example `await expect(servingLog).not.toHaveSkewFrom(trainingFeatures, { thresholds: { country: 0.01 } })`
   */
  toHaveSkewFrom(training: DriftData, options?: SkewFromOptions): Promise<R>
  /**
   * The same raw inputs through the serving and the training pipeline give the same features or outputs.
   * @example `await expect(servingPreprocess).toMatchPipeline(trainingPreprocess, { inputs: rows, tolerance: 1e-9 })`
   */
  toMatchPipeline<I>(training: unknown, options: MatchPipelineOptions<I>): Promise<R>
}
