/**
 * Drift and skew: per-feature drift with Evidently-style method choice, dataset verdicts with corrections, prediction
 * drift, training/serving skew in the manner of TFDV, and pipeline comparison.
 */
export { datasetDrift } from './dataset-drift.js'
export type { DatasetDriftOptions, DatasetDriftResult } from './dataset-drift.js'
export { featureDrift } from './feature-drift.js'
export type { FeatureDriftOptions, FeatureDriftResult, FeatureDriftMeasurement } from './feature-drift.js'
export type { MissingRateChange } from './missing-rate-change.js'
export { DRIFT_THRESHOLDS } from './drift-method.js'
export type { DriftMethod, FeatureKind } from './drift-method.js'
export type { DriftCorrection } from './correct-p-values.js'
export { predictionDrift } from './prediction-drift.js'
export type { PredictionDriftOptions } from './prediction-drift.js'
export { trainingServingSkew } from './training-serving-skew.js'
export type { SkewOptions, SkewResult, FeatureSkewResult } from './training-serving-skew.js'
export type { Pipeline, ComparePipelinesOptions, PipelineComparisonResult, PipelineMismatch } from './compare-pipelines.js'
export type { DriftHistogramOptions } from './drift-histogram.js'
export { describeDrift } from './describe-drift.js'
export type { DriftData } from './as-dataset.js'
export { multivariateDrift } from './multivariate/multivariate-drift.js'
export type { MultivariateDriftRunOptions } from './multivariate/multivariate-drift.js'
export type { MultivariateDriftOptions, MultivariateDriftResult, MultivariateMethod, FeatureImportance } from './multivariate/multivariate-drift-types.js'
export type { TextDriftOptions } from './text-drift-columns.js'
