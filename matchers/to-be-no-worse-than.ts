import type { MatcherState } from 'vitest'
import { compareToBaseline } from '../src/evaluation/compare-to-baseline.js'
import type { EvaluationData } from '../src/evaluation/evaluation-data.js'
import type { Label } from '../src/evaluation/labels.js'
import type { MetricDefinition, MetricName } from '../src/evaluation/metric.js'
import type { TestSetUsageOptions } from '../src/evaluation/test-set-usage.js'
import { isModel } from '../src/model/model.js'
import { VitestMlError } from '../src/util/errors.js'
import { asyncMatcher } from './async-matcher.js'
import { type MatcherOutcome, requireModel, resolveSeed } from './matcher-context.js'
import { reportComparison } from './to-beat-baseline.js'

/** Options of `toBeNoWorseThan`. */
export interface NoWorseThanOptions<I = unknown> {
  /** The held-out evaluation set. */
  readonly data: EvaluationData<I>
  /** Largest acceptable loss, in metric units (0.01 = one accuracy point; for rmse, target units). */
  readonly margin: number
  /** The metric. @defaultValue `accuracy` for class labels, `rmse` for numeric targets */
  readonly metric?: MetricName | MetricDefinition
  /** One-sided confidence of the bound. @defaultValue 0.95 */
  readonly confidence?: number
  /** Bootstrap seed. @defaultValue derived from the test name */
  readonly seed?: number
  /** Bootstrap resamples. @defaultValue 2000 */
  readonly resamples?: number
  /** Class of each probability column. */
  readonly classes?: readonly Label[]
  /** Positive class for binary metrics. */
  readonly positiveLabel?: Label
  /** Test-set reuse ledger; `false` turns it off. @defaultValue `{ path: '.vitest-ml/test-set-usage.json', limit: 20 }` */
  readonly testSetUsage?: TestSetUsageOptions | false
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toBeNoWorseThan'

/**
 * Regression gate against the previous model version: passes when, with the stated confidence, the new model is not
 * worse than the previous one by more than `margin` (the lower bound of the paired bootstrap gain exceeds -margin).
 *
 * @example
 * ```ts
 * await expect(candidate).toBeNoWorseThan(production, { data: { inputs, labels }, margin: 0.01 })
 * ```
 */
export const toBeNoWorseThan = asyncMatcher(NAME, checkBeNoWorseThan)

async function checkBeNoWorseThan(this: MatcherState, received: unknown, previousModel: unknown, options: NoWorseThanOptions): Promise<MatcherOutcome> {
  const model = requireModel(received, NAME)
  if (!isModel(previousModel)) {
    throw new VitestMlError(
      NAME,
      'the previous model (from onnxModel() or functionModel())',
      typeof previousModel,
      'Load the model currently in production and pass it.',
    )
  }
  if (typeof options?.margin !== 'number') {
    throw new VitestMlError(
      NAME,
      'a `margin` (largest acceptable loss in metric units)',
      String(options?.margin),
      'Say how much worse is acceptable, for example `margin: 0.01` for one accuracy point.',
    )
  }
  const seed = resolveSeed(this, NAME, options.seed)
  const { margin, severity, testSetUsage, ...rest } = options
  const result = await compareToBaseline(model, previousModel, { ...rest, seed, nonInferiorityMargin: margin, testSetUsage: testSetUsage ?? {} })
  return reportComparison(this, NAME, result, severity ?? 'high', model)
}
