import type { MatcherState } from 'vitest'
import type { DataRow, Dataset } from '../src/data/dataset.js'
import { datasetHash } from '../src/data/dataset-hash.js'
import { asDataset, type DriftData } from '../src/drift/as-dataset.js'
import { type DatasetDriftOptions, type DatasetDriftResult, datasetDrift } from '../src/drift/dataset-drift.js'
import { describeDrift, describeFeatureDrift, describeMultivariateDrift } from '../src/drift/describe-drift.js'
import { driftHistogram } from '../src/drift/drift-histogram.js'
import type { FeatureDriftResult } from '../src/drift/feature-drift.js'
import type { MultivariateDriftResult } from '../src/drift/multivariate/multivariate-drift-types.js'
import { predictionDrift } from '../src/drift/prediction-drift.js'
import { isModel, type Model } from '../src/model/model.js'
import type { DataProfile } from '../src/profile/data-profile.js'
import { VitestMlError } from '../src/util/errors.js'
import { checkId, type MatcherOutcome, modelRef, num } from './matcher-context.js'
import { involvesProfile, profileDriftOutcome } from './profile-drift-outcome.js'
import { recordCheckNow } from './record-check.js'
import { trackAwait } from './track-await.js'

/** Options of `toHaveDriftedFrom`: the dataset drift options, plus prediction drift and report details. */
export interface DriftedFromOptions<I = DataRow> extends DatasetDriftOptions {
  /** Also compare the model's outputs on both samples (prediction drift); a drifted prediction fails like a drifted dataset. */
  readonly model?: Model<I, unknown>
  /** Turns a row into the model's input. @defaultValue the row itself */
  readonly toInput?: (row: DataRow) => I
  /** Severity in the report. @defaultValue 'medium' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toHaveDriftedFrom'

/**
 * The current data drifted from the reference: the dataset's drift share reached `driftShare` (0.5), or the label or
 * the model's predictions drifted. Use it negated — `expect(current).not.toHaveDriftedFrom(reference)` — to fail when
 * drift appears; the message lists each drifted feature with method, statistic, p-value, threshold and sample sizes,
 * worst first, then the small-sample and tiny-effect warnings. On data alone it decides synchronously, so it works
 * the same with or without `await`; with `model` (prediction drift) it calls the model and must be awaited.
 *
 * On two profiles (`profile()`, `profileStream()`, `profileWithDuckDb()`), `expect(currentProfile).not.toHaveDriftedFrom(referenceProfile)`
 * compares the summaries (see `profileDrift`) and states each statistic's approximation error; it is synchronous too.
 *
 * `multivariate: ['classifier', 'mmd']` also tests the features jointly (a seeded domain classifier with a permutation
 * test, and the kernel MMD), which catches a change in the joint distribution — a correlation that flips — that every
 * per-feature test misses; a drifted joint test makes the data drift. Columns of vectors (embeddings) get an MMD test
 * of their own. The seed and permutations are in the message and in the record's `replay`.
 *
 * @example
 * ```ts
 * expect(thisWeek).not.toHaveDriftedFrom(training, { ignore: ['id'], correction: 'benjamini-hochberg' })
 * expect(thisWeek).not.toHaveDriftedFrom(training, { multivariate: ['classifier', 'mmd'] })
 * ```
 */
export function toHaveDriftedFrom(
  this: MatcherState,
  received: unknown,
  reference: DriftData | DataProfile,
  options: DriftedFromOptions<unknown> = {},
): MatcherOutcome | Promise<MatcherOutcome> {
  // Two profiles (summaries of data that may never have been in this process): decided from the sketches, synchronously.
  if (involvesProfile(received, reference)) return profileDriftOutcome(this, received, reference, options)
  const current = asDataset(NAME, 'current', received as DriftData)
  const ref = asDataset(NAME, 'reference', reference as DriftData)
  if (options.model !== undefined && !isModel(options.model)) {
    throw new VitestMlError(
      NAME,
      '`model` to be a model (from onnxModel() or functionModel())',
      typeof options.model,
      'Wrap a function with functionModel(fn).',
    )
  }
  const { model, toInput, severity: _severity, ...driftOptions } = options
  const result = datasetDrift(ref, current, driftOptions)
  // Data alone: decided synchronously, so the assertion works the same with or without `await`.
  if (model === undefined) return driftOutcome(this, current, ref, result, undefined, options)
  const prediction = predictionDrift(model, ref, current, { ...(toInput === undefined ? {} : { toInput }), ...pick(driftOptions), source: NAME })
  return trackAwait(
    this,
    NAME,
    prediction.then((drift) => driftOutcome(this, current, ref, result, drift, options)),
  )
}

function driftOutcome(
  state: MatcherState,
  current: Dataset,
  ref: Dataset,
  result: DatasetDriftResult,
  prediction: FeatureDriftResult | undefined,
  options: DriftedFromOptions<unknown>,
): MatcherOutcome {
  const extras = [result.labelDrift, prediction].filter((extra): extra is FeatureDriftResult => extra !== undefined)
  const drifted = result.drifted || extras.some((extra) => extra.drifted)
  const joint = result.multivariate
  const jointSummary = joint.length === 0 ? '' : `; jointly ${joint.filter((test) => test.drifted).length} of ${joint.length} multivariate tests drifted`
  const warnings = [...result.warnings, ...(prediction?.warnings ?? [])]
  const summary = `${result.driftedFeatures.length} of ${result.features.length} features drifted (share ${num(result.driftShare)}, dataset drifts at >= ${num(result.shareThreshold)})${jointSummary}`
  const jointLines =
    joint.length === 0 ? [] : ['Multivariate:', ...joint.map((test) => `  ${test.drifted ? 'drifted' : 'stable '}  ${describeMultivariateDrift(test)}`)]
  const extraLines = [
    ...extras.map((extra) => `${extra === prediction ? 'Prediction' : 'Label'} ${extra.drifted ? 'drifted' : 'did not drift'}: ${describeFeatureDrift(extra)}`),
    ...Object.entries(result.textDomainAuc ?? {}).map(
      ([feature, auc]) => `Text column ${feature}: a domain classifier tells current from reference texts with AUC ${num(auc)} (0.5: alike).`,
    ),
  ]
  const plots = [...result.features, ...extras]
    .filter((feature) => feature.drifted && feature !== prediction)
    .map((feature) => {
      const derived = result.derivedColumns?.[feature.feature]
      return derived === undefined
        ? driftHistogram(feature.feature, ref.column(feature.feature), current.column(feature.feature), { kind: feature.kind })
        : driftHistogram(feature.feature, derived.reference, derived.current, { kind: 'numeric' })
    })
  const hint = state.utils.matcherHint(`.${NAME}`, 'current', 'reference', { isNot: state.isNot, promise: state.promise })
  const correction = result.correction === 'none' ? '' : `, ${result.correction} correction`
  const header = drifted
    ? `${current.name} (${current.rowCount} rows) drifted from ${ref.name} (${ref.rowCount} rows): ${summary}${correction}.`
    : `Expected ${current.name} (${current.rowCount} rows) to have drifted from ${ref.name} (${ref.rowCount} rows), but ${summary}${correction}.`
  const message = [hint, '', header, ...extraLines, ...jointLines, ...describeDrift(result.features, warnings)].join('\n')
  const replay = joint[0] === undefined ? undefined : { seed: joint[0].seed, numRuns: joint[0].permutations }
  recordCheckNow(state, {
    id: checkId(state, 'drift'),
    kind: 'drift',
    title: `drift of ${current.name} from ${ref.name}`,
    passed: drifted,
    severity: options.severity ?? 'medium',
    ...(options.model === undefined ? {} : { model: modelRef(options.model) }),
    data: { name: current.name, rows: current.rowCount, sha256: datasetHash(current) },
    metrics: {
      ...metrics(result.driftShare, result.driftedFeatures.length, result.features, extras, ref.rowCount, current.rowCount),
      ...jointMetrics(joint),
      ...Object.fromEntries(Object.entries(result.textDomainAuc ?? {}).map(([feature, auc]) => [`${feature}.domainAuc`, auc])),
    },
    ...(replay === undefined ? {} : { replay }),
    plots,
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(drifted === (state.isNot === true) ? { message } : {}),
  })
  return { pass: drifted, message: () => message }
}

function jointMetrics(tests: readonly MultivariateDriftResult[]): Record<string, number> {
  const values: Record<string, number> = {}
  for (const test of tests) {
    const key = test.embedding ? `${test.features[0] ?? ''}.mmd` : `multivariate.${test.method}`
    if (Number.isFinite(test.statistic)) values[`${key}.${test.statisticName}`] = test.statistic
    values[`${key}.pValue`] = test.pValue
  }
  return values
}

function pick(options: DatasetDriftOptions): { minEffect?: number; minSampleSize?: number } {
  return {
    ...(options.minEffect === undefined ? {} : { minEffect: options.minEffect }),
    ...(options.minSampleSize === undefined ? {} : { minSampleSize: options.minSampleSize }),
  }
}

function metrics(
  driftShare: number,
  drifted: number,
  features: readonly FeatureDriftResult[],
  extras: readonly FeatureDriftResult[],
  referenceRows: number,
  currentRows: number,
): Record<string, number> {
  const values: Record<string, number> = { driftShare, driftedFeatures: drifted, features: features.length, referenceRows, currentRows }
  for (const feature of [...features, ...extras].slice(0, 25)) {
    values[`${feature.feature}.statistic`] = feature.statistic
    if (feature.pValue !== undefined) values[`${feature.feature}.pValue`] = feature.adjustedPValue ?? feature.pValue
    if (Number.isFinite(feature.effectSize)) values[`${feature.feature}.effectSize`] = feature.effectSize
  }
  return values
}
