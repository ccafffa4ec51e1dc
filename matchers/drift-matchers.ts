import type { DataContract } from '../src/data/data-contract.js'
import type { DataRow } from '../src/data/dataset.js'
import type { DriftData } from '../src/drift/as-dataset.js'
import type { Model } from '../src/model/model.js'
import type { DataProfile } from '../src/profile/data-profile.js'
import type { DriftedFromOptions } from './to-have-drifted-from.js'
import type { SkewFromOptions } from './to-have-skew-from.js'
import type { MatchPipelineOptions } from './to-match-pipeline.js'
import type { MatchSchemaOptions } from './to-match-schema.js'

/**
 * The drift, skew, pipeline and data-contract matchers as they appear on `expect(...)`. On data alone `toHaveDriftedFrom` and
 * `toHaveSkewFrom` decide synchronously, so they work the same with or without `await`; with a `model` (prediction
 * drift) and in `toMatchPipeline` they call code and are asynchronous: `await` them.
 */
export interface DriftMatchers {
  /**
   * The current data drifted from the reference (drift share >= 0.5, a multivariate test drifted, or the label or
   * predictions drifted). Use `.not`. Both sides may be profiles (`profile()`, `profileWithDuckDb()`): then the
   * summaries are compared and each statistic's approximation error is stated.
   * @example `expect(current).not.toHaveDriftedFrom(reference, { ignore: ['id'], multivariate: ['classifier'] })`
   * @example `expect(juneProfile).not.toHaveDriftedFrom(januaryProfile)`
   */
  toHaveDriftedFrom<I = DataRow>(reference: DriftData | DataProfile, options?: DriftedFromOptions<I> & { readonly model?: undefined }): void
  /**
   * With `model`: also the model's predictions on both samples (prediction drift). Calls the model: `await` it.
   * @example `await expect(current).not.toHaveDriftedFrom(reference, { model })`
   */
  toHaveDriftedFrom<I = DataRow>(reference: DriftData, options: DriftedFromOptions<I> & { readonly model: Model<I, unknown> }): Promise<void>
  /**
   * The serving features are skewed from the training features (L-infinity for categories, Jensen-Shannon for numbers). Use `.not`.
   * @example `expect(servingLog).not.toHaveSkewFrom(trainingFeatures, { thresholds: { country: 0.01 } })`
   */
  toHaveSkewFrom(training: DriftData, options?: SkewFromOptions): void
  /**
   * The same raw inputs through the serving and the training pipeline give the same features or outputs.
   * @example `await expect(servingPreprocess).toMatchPipeline(trainingPreprocess, { inputs: rows, tolerance: 1e-9 })`
   */
  toMatchPipeline<I>(training: unknown, options: MatchPipelineOptions<I>): Promise<void>
  /**
   * The data matches its data contract: no missing or unexpected column, type change, value out of range, unseen
   * category, significant missing-rate change, constant column, repeated id or extra duplicate rows; each anomaly comes
   * with a severity and a one-line fix. Reads data only: works with or without `await`.
   * @example `expect(servingRows).toMatchSchema(loadContract('schema.json'), { maxUnseenShare: 0.01 })`
   */
  toMatchSchema(contract: DataContract, options?: MatchSchemaOptions): void
}
