/**
 * Drift and skew: per-feature drift with Evidently-style method choice, dataset verdicts with corrections, prediction
 * drift, training/serving skew in the manner of TFDV, and pipeline comparison.
 */
export { datasetDrift } from './dataset-drift.js'
export type { DatasetDriftOptions, DatasetDriftResult } from './dataset-drift.js'
export { featureDrift, measureFeatureDrift, decideFeatureDrift } from './feature-drift.js'
export type { FeatureDriftOptions, FeatureDriftResult, FeatureDriftMeasurement } from './feature-drift.js'
export { chooseDriftMethod, isTestMethod, DRIFT_THRESHOLDS } from './drift-method.js'
export type { DriftMethod, FeatureKind } from './drift-method.js'
export { correctPValues } from './correct-p-values.js'
export type { DriftCorrection } from './correct-p-values.js'
export { predictionDrift, predictionColumn } from './prediction-drift.js'
export type { PredictionDriftOptions } from './prediction-drift.js'
export { trainingServingSkew } from './training-serving-skew.js'
export type { SkewOptions, SkewResult, FeatureSkewResult } from './training-serving-skew.js'
export { comparePipelines } from './compare-pipelines.js'
export type { Pipeline, ComparePipelinesOptions, PipelineComparisonResult, PipelineMismatch } from './compare-pipelines.js'
export { normedWasserstein } from './normed-wasserstein.js'
export { driftHistogram } from './drift-histogram.js'
export type { DriftHistogramOptions } from './drift-histogram.js'
export { describeDrift, describeFeatureDrift } from './describe-drift.js'
export { asDataset, isDataset } from './as-dataset.js'
export type { DriftData } from './as-dataset.js'
