import type { Dataset } from '../data/dataset.js'
import { VitestMlError } from '../util/errors.js'
import { asDataset, type DriftData } from './as-dataset.js'
import { correctPValues, type DriftCorrection } from './correct-p-values.js'
import { DRIFT_THRESHOLDS, type DriftMethod, isTestMethod } from './drift-method.js'
import { driftSeverity } from './drift-verdict.js'
import { decideFeatureDrift, type FeatureDriftMeasurement, type FeatureDriftResult, measureFeatureDrift } from './feature-drift.js'
import { freeTextWarning } from './free-text-warning.js'
import { isEmbeddingColumn } from './multivariate/embedding-matrix.js'
import { checkMultivariateMethods, multivariateDrift } from './multivariate/multivariate-drift.js'
import type { MultivariateDriftOptions, MultivariateDriftResult, MultivariateMethod } from './multivariate/multivariate-drift-types.js'
import { type TextDriftOptions, textDriftColumns } from './text-drift-columns.js'

/** Options of {@link datasetDrift}. */
export interface DatasetDriftOptions {
  /** Features to compare. @defaultValue every reference column except `label` and `ignore` */
  readonly features?: readonly string[]
  /** Columns to leave out (ids, timestamps). @defaultValue [] */
  readonly ignore?: readonly string[]
  /** The label column: its drift is reported separately as `labelDrift` and does not count in the drift share. */
  readonly label?: string
  /** Columns to compare as categories even though they hold numbers (codes, ids of classes). @defaultValue [] */
  readonly categorical?: readonly string[]
  /** Values that mean "missing" per column besides NaN, null and undefined: `{ temp: [-999], station: ['', 'n/a'] }`. @defaultValue {} */
  readonly sentinels?: Readonly<Record<string, readonly (string | number)[]>>
  /** Method per feature, overriding the automatic choice: `{ delay: 'psi' }`. @defaultValue {} */
  readonly methods?: Readonly<Record<string, DriftMethod>>
  /** Threshold per method: `{ ks: 0.01, wasserstein: 0.2 }`. @defaultValue {@link DRIFT_THRESHOLDS} */
  readonly thresholds?: Readonly<Partial<Record<DriftMethod, number>>>
  /** Threshold per feature, overriding the method's: `{ temp_max: 0.3 }`. @defaultValue {} */
  readonly featureThresholds?: Readonly<Record<string, number>>
  /** Multiple-testing correction of the test p-values across features. @defaultValue 'none' (as Evidently) */
  readonly correction?: DriftCorrection
  /** The dataset drifts when at least this share of features drifts. @defaultValue 0.5 */
  readonly driftShare?: number
  /** Significant tests must also show an effect size at least this large to count. @defaultValue none */
  readonly minEffect?: number
  /** Samples smaller than this get a "too small to mean anything" warning. @defaultValue 30 */
  readonly minSampleSize?: number
  /**
   * Also test the features jointly: `['classifier', 'mmd']`, or options with `methods`, `features`, `seed`,
   * `permutations`, `maxRows`, `folds`, `threshold`. A drifted multivariate test makes the dataset drift whatever the
   * per-feature share. Embedding columns (vectors) always get their own MMD test, with these options.
   * @defaultValue none (embedding columns still get MMD with the defaults)
   */
  readonly multivariate?: readonly MultivariateMethod[] | MultivariateDriftOptions
  /**
   * Free-text columns, compared by length, out-of-vocabulary share and a domain classifier (see `textDriftColumns`)
   * instead of as categories: `['review']`, or `{ review: { embed } }` to run the classifier on your embeddings.
   * @defaultValue none (a column that looks like free text gets a warning)
   */
  readonly text?: readonly string[] | Readonly<Record<string, TextDriftOptions>>
}

/** Result of {@link datasetDrift}. */
export interface DatasetDriftResult {
  /** Every compared feature, worst first. */
  readonly features: FeatureDriftResult[]
  /** Names of the drifted features, worst first. */
  readonly driftedFeatures: string[]
  /** Drifted features / compared features. */
  readonly driftShare: number
  /** The share that makes the dataset count as drifted. */
  readonly shareThreshold: number
  /** Whether the dataset drifted: `driftShare >= shareThreshold` (with at least one drifted feature), or a multivariate test drifted. */
  readonly drifted: boolean
  /** The multivariate tests (joint tabular tests, then one MMD test per embedding column); empty when none ran. */
  readonly multivariate: MultivariateDriftResult[]
  /** The correction applied to test p-values. */
  readonly correction: DriftCorrection
  /** Drift of the label column, when `label` was given. */
  readonly labelDrift?: FeatureDriftResult
  /** Rows in the reference data. */
  readonly referenceRows: number
  /** Rows in the current data. */
  readonly currentRows: number
  /** Every feature's warnings, plus dataset-level ones (columns only in current). */
  readonly warnings: string[]
  /** The numeric columns derived from `text` columns (`review:length` ...), for plots, by derived feature name. */
  readonly derivedColumns?: Readonly<Record<string, { readonly reference: Float64Array; readonly current: Float64Array }>>
  /** The domain classifier's ROC AUC per text column (0.5: current texts look like the reference). */
  readonly textDomainAuc?: Readonly<Record<string, number>>
}

/**
 * Dataset drift in the manner of Evidently's DataDriftPreset: each feature gets a method by kind and reference size
 * (KS / normed Wasserstein for numbers, chi-square or Z / Jensen-Shannon for categories, see `chooseDriftMethod`),
 * test p-values are optionally corrected across features (Bonferroni or Benjamini-Hochberg), and the dataset drifts
 * when the share of drifted features reaches `driftShare` (0.5). Missing values are counted per feature, small samples
 * and "significant but tiny" effects are flagged in `warnings`.
 *
 * @param reference - the reference data (training, last week): a Dataset, columns or rows
 * @param current - the current data (serving, this week), same columns
 * @param options - features, methods, thresholds, correction, driftShare, minEffect
 * @returns per-feature results worst first, the drift share and the verdict
 * @example
 * ```ts
 * const result = datasetDrift(winter, summer, { ignore: ['date'], label: 'weather' })
 * result.driftedFeatures // ['temp_max', 'temp_min', 'precipitation']
 * result.driftShare      // 0.75
 * ```
 */
export function datasetDrift(reference: DriftData, current: DriftData, options: DatasetDriftOptions = {}): DatasetDriftResult {
  const ref = asDataset('datasetDrift', 'reference', reference)
  const cur = asDataset('datasetDrift', 'current', current)
  for (const [role, data] of [
    ['reference', ref],
    ['current', cur],
  ] as const) {
    if (data.rowCount === 0) {
      throw new VitestMlError(
        'datasetDrift',
        `at least 1 row in ${role}`,
        '0 rows',
        `An empty ${role} sample cannot show drift or its absence; check the query or filter that produced it.`,
      )
    }
  }
  const textOptions: Readonly<Record<string, TextDriftOptions>> = Array.isArray(options.text)
    ? Object.fromEntries((options.text as readonly string[]).map((name) => [name, {}]))
    : ((options.text ?? {}) as Readonly<Record<string, TextDriftOptions>>)
  const selected = selectFeatures(ref, cur, options)
  const embeddings = selected.filter((name) => isEmbeddingColumn(ref.column(name)) || isEmbeddingColumn(cur.column(name)))
  const features = selected.filter((name) => !embeddings.includes(name))
  const textColumns = features.filter((feature) => feature in textOptions)
  const tabular = features.filter((feature) => !textColumns.includes(feature))
  const derived = textColumns.map((feature) => [feature, textDriftColumns(feature, ref.column(feature), cur.column(feature), textOptions[feature])] as const)
  const derivedColumns = Object.assign({}, ...derived.map(([, text]) => text.columns)) as Record<string, { reference: Float64Array; current: Float64Array }>
  // Free text is compared through its derived columns, never as raw strings in the joint tests.
  const multivariate = runMultivariate(ref, cur, tabular, embeddings, options)
  const measured = [
    ...tabular.map((feature) => measure(feature, ref, cur, options)),
    ...Object.entries(derivedColumns).map(([name, columns]) => measureDerived(name, columns, options)),
  ]
  const correction = options.correction ?? 'none'
  const tests = measured.filter((result) => isTestMethod(result.method) && result.pValue !== undefined)
  const adjusted = correctPValues(
    tests.map((result) => result.pValue ?? 1),
    correction,
  )
  const adjustedByFeature = new Map(tests.map((result, index) => [result.feature, adjusted[index] ?? 1]))
  const results = measured
    .map((result) => {
      const adjustedPValue = correction === 'none' ? undefined : adjustedByFeature.get(result.feature)
      return decideFeatureDrift(adjustedPValue === undefined ? result : { ...result, adjustedPValue }, options)
    })
    .sort((left, right) => Number(right.drifted) - Number(left.drifted) || driftSeverity(right) - driftSeverity(left))
  const driftedFeatures = results.filter((result) => result.drifted).map((result) => result.feature)
  const shareThreshold = options.driftShare ?? 0.5
  const driftShare = results.length === 0 ? 0 : driftedFeatures.length / results.length
  const jointDrift = multivariate.some((test) => test.drifted)
  const labelDrift = options.label === undefined ? undefined : decideFeatureDrift(measure(options.label, ref, cur, options), options)
  const extra = cur.columnNames.filter((name) => !ref.columnNames.includes(name))
  const warnings = [
    ...results.flatMap((result) => result.warnings),
    ...features
      .filter((feature) => !textColumns.includes(feature) && feature !== options.label)
      .flatMap((feature) => freeTextWarning(feature, ref.column(feature))),
    ...(labelDrift?.warnings ?? []),
    ...(extra.length > 0 ? [`current has columns the reference lacks, not compared: ${extra.join(', ')}`] : []),
    ...multivariate.flatMap((test) => test.warnings),
  ]
  return {
    features: results,
    driftedFeatures,
    driftShare,
    shareThreshold,
    drifted: (driftedFeatures.length > 0 && driftShare >= shareThreshold) || jointDrift,
    multivariate,
    correction,
    ...(labelDrift === undefined ? {} : { labelDrift }),
    referenceRows: ref.rowCount,
    currentRows: cur.rowCount,
    warnings,
    ...(derived.length === 0 ? {} : { derivedColumns, textDomainAuc: Object.fromEntries(derived.map(([feature, text]) => [feature, text.domainAuc])) }),
  }
}

function runMultivariate(
  reference: Dataset,
  current: Dataset,
  features: readonly string[],
  embeddings: readonly string[],
  options: DatasetDriftOptions,
): MultivariateDriftResult[] {
  const requested = options.multivariate
  if (requested === undefined && embeddings.length === 0) return []
  const settings: MultivariateDriftOptions =
    requested === undefined
      ? { methods: [] }
      : Array.isArray(requested)
        ? { methods: checkMultivariateMethods(requested) }
        : (requested as MultivariateDriftOptions)
  if (settings.methods !== undefined) checkMultivariateMethods(settings.methods)
  const tabular = settings.features ?? features
  return multivariateDrift(reference, current, {
    ...settings,
    features: tabular,
    embeddings,
    ...(options.categorical === undefined ? {} : { categorical: options.categorical }),
  })
}

function selectFeatures(reference: Dataset, current: Dataset, options: DatasetDriftOptions): string[] {
  const skip = new Set([...(options.ignore ?? []), ...(options.label === undefined ? [] : [options.label])])
  const features = options.features ?? reference.columnNames.filter((name) => !skip.has(name))
  const wanted = options.label === undefined ? features : [...features, options.label]
  for (const [role, data] of [
    ['reference', reference],
    ['current', current],
  ] as const) {
    const absent = wanted.filter((name) => !data.columnNames.includes(name))
    if (absent.length > 0) {
      throw new VitestMlError(
        'datasetDrift',
        `every compared column in ${role}`,
        `no ${absent.map((name) => `"${name}"`).join(', ')} (it has ${data.columnNames.join(', ')})`,
        'Pass `features: [...]` to compare a subset, or `ignore: [...]` to leave columns out.',
      )
    }
  }
  if (features.length === 0) throw new VitestMlError('datasetDrift', 'at least one feature to compare', 'none', 'Check `features` and `ignore`.')
  // Multivariate features may name columns outside the per-feature list; they must exist too.
  const joint =
    options.multivariate !== undefined && !Array.isArray(options.multivariate) ? ((options.multivariate as MultivariateDriftOptions).features ?? []) : []
  for (const [role, data] of [
    ['reference', reference],
    ['current', current],
  ] as const) {
    const absent = joint.filter((name) => !data.columnNames.includes(name))
    if (absent.length > 0)
      throw new VitestMlError(
        'datasetDrift',
        `every multivariate feature in ${role}`,
        `no ${absent.map((name) => `"${name}"`).join(', ')} (it has ${data.columnNames.join(', ')})`,
        'Check `multivariate.features`; names are case-sensitive.',
      )
  }
  return [...features]
}

/** A numeric column derived from a text column: always compared as numbers, with the method's usual threshold. */
function measureDerived(name: string, columns: { reference: Float64Array; current: Float64Array }, options: DatasetDriftOptions): FeatureDriftMeasurement {
  const method = options.methods?.[name]
  const measured = measureFeatureDrift(name, columns.reference, columns.current, { kind: 'numeric', ...(method === undefined ? {} : { method }) })
  const threshold = options.featureThresholds?.[name] ?? options.thresholds?.[measured.method] ?? DRIFT_THRESHOLDS[measured.method]
  return { ...measured, threshold }
}

function measure(feature: string, reference: Dataset, current: Dataset, options: DatasetDriftOptions): FeatureDriftMeasurement {
  const method = options.methods?.[feature]
  const categorical = options.categorical?.includes(feature) === true
  const sentinels = options.sentinels?.[feature]
  const threshold = options.featureThresholds?.[feature] ?? (method === undefined ? undefined : options.thresholds?.[method])
  const measured = measureFeatureDrift(feature, reference.column(feature), current.column(feature), {
    ...(method === undefined ? {} : { method }),
    ...(categorical ? { kind: 'categorical' as const } : {}),
    ...(sentinels === undefined ? {} : { sentinels }),
    ...(threshold === undefined ? {} : { threshold }),
  })
  if (threshold !== undefined) return measured
  // The method was chosen automatically: apply the per-method threshold for the method actually used.
  const methodThreshold = options.thresholds?.[measured.method] ?? DRIFT_THRESHOLDS[measured.method]
  return { ...measured, threshold: methodThreshold }
}
