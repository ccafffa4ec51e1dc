import type { BaselineInfo } from './baselines/baseline-model.js'
import type { TestSetUsageResult } from './test-set-usage.js'

/** Result of `compareToBaseline`: both scores, the gain, its interval, the test, the decision and the seed. */
export interface BaselineComparisonResult {
  /** Whether the model beat the baseline (or, in non-inferiority mode, was not worse by more than the margin). */
  readonly passed: boolean
  /** `superiority` (beat by `minGain`) or `non-inferiority` (not worse than `-margin`). */
  readonly mode: 'superiority' | 'non-inferiority'
  readonly metric: string
  readonly higherIsBetter: boolean
  readonly modelName: string
  readonly baselineName: string
  /** What the baseline is and what it was fitted on. */
  readonly baseline: BaselineInfo
  readonly modelScore: number
  readonly baselineScore: number
  /** Improvement in metric units, positive when the model is better (baseline - model for errors). */
  readonly gain: number
  /** Deepchecks' relative gain (model - baseline) / (perfect - baseline); NaN without a perfect score. */
  readonly relativeGain: number
  /** Lower bound of the gain at `confidence` (one-sided), from the paired bootstrap. */
  readonly ciLow: number
  /** Upper bound at `confidence`; [ciLow, ciHigh] is a two-sided (2 confidence - 1) interval. */
  readonly ciHigh: number
  /** The bar the lower bound had to clear: `minGain`, or `-margin` in non-inferiority mode. */
  readonly threshold: number
  /** One-sided p-value: exact McNemar for accuracy, else the bootstrap share of gains at or below the threshold. */
  readonly pValue: number
  /** Which test gave the decision. */
  readonly test: string
  /** Discordant pairs (accuracy only): rows only the model / only the baseline got right. */
  readonly discordant?: { readonly modelOnly: number; readonly baselineOnly: number }
  readonly confidence: number
  readonly seed: number
  readonly resamples: number
  readonly rows: number
  /** Order-independent SHA-256 of the evaluation set (inputs with labels). */
  readonly testSetSha256: string
  /** The reuse-ledger entry after this comparison, when the ledger is on. */
  readonly testSetUsage?: TestSetUsageResult
  /** Non-fatal remarks: baseline fitted on evaluation labels, tiny sample, undefined resamples, test-set reuse. */
  readonly warnings: readonly string[]
}
