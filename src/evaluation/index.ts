// The public surface of vitest-ml's evaluation: metrics, predictions, baselines, baseline comparison, held-out hygiene,
// slices and error review. Named re-exports only; src/index.ts picks from here.
export { accuracy, balancedAccuracy } from './metrics/accuracy.js'
export { averagePrecision, averagePrecisionOneVsRest, type AveragePrecisionOneVsRestOptions, type AveragePrecisionOptions } from './metrics/average-precision.js'
export type { BinaryTargetOptions } from './metrics/binary-targets.js'
export { brierScore, type BrierScoreOptions } from './metrics/brier-score.js'
export { confusionMatrix, type ConfusionMatrixOptions, type ConfusionMatrixResult } from './metrics/confusion-matrix.js'
export {
  expectedCalibrationError,
  type ExpectedCalibrationErrorOptions,
  type ExpectedCalibrationErrorResult,
  type ReliabilityBin,
} from './metrics/expected-calibration-error.js'
export { logLoss, type LogLossOptions } from './metrics/log-loss.js'
export {
  f1Score,
  precision,
  precisionRecallF1,
  recall,
  type ClassAverage,
  type ClassScores,
  type PrecisionRecallF1Options,
  type PrecisionRecallF1Result,
} from './metrics/precision-recall-f1.js'
export { meanAbsoluteError, meanAbsolutePercentageError, rootMeanSquaredError, rSquared } from './metrics/regression-errors.js'
export { rocAuc, rocAucOneVsRest, type RocAucOneVsRestOptions, type RocAucOptions } from './metrics/roc-auc.js'

export type { Label } from './labels.js'
export { toPrediction, toPredictions, type Prediction, type ToPredictionOptions } from './to-prediction.js'
export { METRIC_NAMES, type MetricContext, type MetricDefinition, type MetricName } from './metric.js'
export type { EvaluationData } from './evaluation-data.js'
export type { RowLoss } from './row-losses.js'

export type { BaselineFittedOn, BaselineInfo, BaselineKind, BaselineModel, FitBaselineOptions } from './baselines/baseline-model.js'
export { classPriorBaseline, type ClassPriorBaselineOptions, type ClassPriorOutput } from './baselines/class-prior-baseline.js'
export { heuristicBaseline, previousModelBaseline, type HeuristicBaselineOptions } from './baselines/heuristic-baseline.js'
export { majorityClassBaseline } from './baselines/majority-class-baseline.js'
export { meanBaseline, medianBaseline } from './baselines/mean-baseline.js'
export type { BaselineName, BaselineSpec, ResolveBaselineOptions } from './baselines/resolve-baseline.js'
export { stratifiedBaseline, type StratifiedBaselineOptions } from './baselines/stratified-baseline.js'

export type { BaselineComparisonResult, CompareToBaselineOptions } from './compare-to-baseline.js'
export type { McnemarExactResult } from './paired-tests.js'
export { recordTestSetUsage, DEFAULT_TEST_SET_LEDGER, type TestSetUsageOptions, type TestSetUsageResult } from './test-set-usage.js'

export type { FindLeakageOptions, LeakageResult, LeakedRow } from './find-leakage.js'
export type { RowSource } from './row-hash.js'

export type { SliceMembers, SliceSpec } from './slice-rows.js'
export type { EvaluateSlicesOptions, EvaluateSlicesResult, SliceScore } from './evaluate-slices.js'
export type {
  ClassErrors,
  FalsePositivesAndNegativesOptions,
  FalsePositivesAndNegativesResult,
  ReviewExample,
} from './false-positives-and-negatives.js'

export type { FindWeakSegmentsOptions, SegmentScore, WeakSegmentsResult } from './segments/find-weak-segments.js'
export type { SegmentCondition, SegmentConditionOptions } from './segments/segment-conditions.js'
export type { SegmentCandidate } from './segments/segment-candidates.js'
export { groupFairness, type GroupFairnessOptions, type GroupFairnessResult } from './fairness/group-fairness.js'
export { FAIRNESS_METRICS, type FairnessMetricInfo, type FairnessMetricName } from './fairness/fairness-metrics.js'
export type { FairnessRows, GroupRates } from './fairness/group-rates.js'
export type { ProxyFinding } from './fairness/find-proxies.js'
export type { AssessFairnessOptions, FairnessAssessment } from './fairness/assess-fairness.js'
export type { AssessCalibrationOptions, CalibrationResult } from './calibration/assess-calibration.js'
export { brierDecomposition, type BrierDecompositionOptions, type BrierDecompositionResult } from './calibration/brier-decomposition.js'
export type { ClassConfidence } from './calibration/confidence-bias.js'
export type { ClassProbabilities } from './calibration/class-probabilities.js'
export type { BinStrategy } from './metrics/calibration-bins.js'
