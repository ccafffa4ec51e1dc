/**
 * Drift and skew: per-feature drift with Evidently-style method choice, dataset verdicts with corrections, prediction
 * drift, training/serving skew in the manner of TFDV, and pipeline comparison.
 */

export type { DriftData } from './as-dataset.js'
export type { ComparePipelinesOptions, Pipeline, PipelineComparisonResult, PipelineMismatch } from './compare-pipelines.js'
export type { DriftCorrection } from './correct-p-values.js'
export type { DatasetDriftOptions, DatasetDriftResult } from './dataset-drift.js'
export { datasetDrift } from './dataset-drift.js'
export { describeDrift } from './describe-drift.js'
export type { DriftHistogramOptions } from './drift-histogram.js'
export type { DriftMethod, FeatureKind } from './drift-method.js'
export { DRIFT_THRESHOLDS } from './drift-method.js'
export type { FeatureDriftMeasurement, FeatureDriftOptions, FeatureDriftResult } from './feature-drift.js'
export { featureDrift } from './feature-drift.js'
export type { MissingRateChange } from './missing-rate-change.js'
export type { MultivariateDriftRunOptions } from './multivariate/multivariate-drift.js'
export { multivariateDrift } from './multivariate/multivariate-drift.js'
export type { FeatureImportance, MultivariateDriftOptions, MultivariateDriftResult, MultivariateMethod } from './multivariate/multivariate-drift-types.js'
export type { PredictionDriftOptions } from './prediction-drift.js'
export { predictionDrift } from './prediction-drift.js'
export type { TextDriftOptions } from './text-drift-columns.js'
export type { FeatureSkewResult, SkewOptions, SkewResult } from './training-serving-skew.js'
export { trainingServingSkew } from './training-serving-skew.js'
