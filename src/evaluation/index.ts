// The public surface of vitest-ml's evaluation: metrics, predictions, baselines, baseline comparison, held-out hygiene,
// slices and error review. Named re-exports only; src/index.ts picks from here.

export type { BaselineFittedOn, BaselineInfo, BaselineKind, BaselineModel, FitBaselineOptions } from './baselines/baseline-model.js'
export { type ClassPriorBaselineOptions, type ClassPriorOutput, classPriorBaseline } from './baselines/class-prior-baseline.js'
export { type HeuristicBaselineOptions, heuristicBaseline, previousModelBaseline } from './baselines/heuristic-baseline.js'
export { majorityClassBaseline } from './baselines/majority-class-baseline.js'
export { meanBaseline, medianBaseline } from './baselines/mean-baseline.js'
export type { BaselineName, BaselineSpec, ResolveBaselineOptions } from './baselines/resolve-baseline.js'
export { type StratifiedBaselineOptions, stratifiedBaseline } from './baselines/stratified-baseline.js'
export type { AssessCalibrationOptions, CalibrationResult } from './calibration/assess-calibration.js'
export { type BrierDecompositionOptions, type BrierDecompositionResult, brierDecomposition } from './calibration/brier-decomposition.js'
export type { ClassProbabilities } from './calibration/class-probabilities.js'
export type { ClassConfidence } from './calibration/confidence-bias.js'
export type { BaselineComparisonResult, CompareToBaselineOptions } from './compare-to-baseline.js'
export type { EvaluateSlicesOptions, EvaluateSlicesResult, SliceScore } from './evaluate-slices.js'
export type { EvaluationData } from './evaluation-data.js'
export type { AssessFairnessOptions, FairnessAssessment } from './fairness/assess-fairness.js'
export { FAIRNESS_METRICS, type FairnessMetricInfo, type FairnessMetricName } from './fairness/fairness-metrics.js'
export type { ProxyFinding } from './fairness/find-proxies.js'
export { type GroupFairnessOptions, type GroupFairnessResult, groupFairness } from './fairness/group-fairness.js'
export type { FairnessRows, GroupRates } from './fairness/group-rates.js'
export type {
  ClassErrors,
  FalsePositivesAndNegativesOptions,
  FalsePositivesAndNegativesResult,
  ReviewExample,
} from './false-positives-and-negatives.js'
export type { FindLeakageOptions, LeakageResult, LeakedRow } from './find-leakage.js'
export type { Label } from './labels.js'
export { METRIC_NAMES, type MetricContext, type MetricDefinition, type MetricName } from './metric.js'
export { accuracy, balancedAccuracy } from './metrics/accuracy.js'
export {
  type AveragePrecisionOneVsRestOptions,
  type AveragePrecisionOptions,
  averagePrecision,
  averagePrecisionOneVsRest,
} from './metrics/average-precision.js'
export type { BinaryTargetOptions } from './metrics/binary-targets.js'
export { type BrierScoreOptions, brierScore } from './metrics/brier-score.js'
export type { BinStrategy } from './metrics/calibration-bins.js'
export { type ConfusionMatrixOptions, type ConfusionMatrixResult, confusionMatrix } from './metrics/confusion-matrix.js'
export {
  type ExpectedCalibrationErrorOptions,
  type ExpectedCalibrationErrorResult,
  expectedCalibrationError,
  type ReliabilityBin,
} from './metrics/expected-calibration-error.js'
export { type LogLossOptions, logLoss } from './metrics/log-loss.js'
export {
  type ClassAverage,
  type ClassScores,
  f1Score,
  type PrecisionRecallF1Options,
  type PrecisionRecallF1Result,
  precision,
  precisionRecallF1,
  recall,
} from './metrics/precision-recall-f1.js'
export { meanAbsoluteError, meanAbsolutePercentageError, rootMeanSquaredError, rSquared } from './metrics/regression-errors.js'
export { type RocAucOneVsRestOptions, type RocAucOptions, rocAuc, rocAucOneVsRest } from './metrics/roc-auc.js'
export type { McnemarExactResult } from './paired-tests.js'
export type { RowSource } from './row-hash.js'
export type { RowLoss } from './row-losses.js'
export type { FindWeakSegmentsOptions, SegmentScore, WeakSegmentsResult } from './segments/find-weak-segments.js'
export type { SegmentCandidate } from './segments/segment-candidates.js'
export type { SegmentCondition, SegmentConditionOptions } from './segments/segment-conditions.js'
export type { SliceMembers, SliceSpec } from './slice-rows.js'
export { DEFAULT_TEST_SET_LEDGER, recordTestSetUsage, type TestSetUsageOptions, type TestSetUsageResult } from './test-set-usage.js'
export { type Prediction, type ToPredictionOptions, toPrediction, toPredictions } from './to-prediction.js'
