/** The four sections of the ML Test Score rubric. */
export type RubricSection = 'data' | 'model' | 'infrastructure' | 'monitoring'

/** One of the 28 tests of the ML Test Score rubric (Breck et al., 2017). */
export interface RubricItem {
  /** Stable id: section prefix and the test's number in the paper, such as `infra-7`. */
  readonly id: string
  /** Which section it belongs to. */
  readonly section: RubricSection
  /** A short name in our own words. */
  readonly name: string
  /** Check kinds whose passing records count as automated evidence. */
  readonly kinds: readonly string[]
  /** Checklist items whose attestation counts as manual evidence. */
  readonly checklist: readonly string[]
}

/** Section order and display names. */
export const RUBRIC_SECTIONS: readonly { readonly id: RubricSection; readonly name: string }[] = [
  { id: 'data', name: 'Data' },
  { id: 'model', name: 'Model' },
  { id: 'infrastructure', name: 'Infrastructure' },
  { id: 'monitoring', name: 'Monitoring' },
]

const item = (
  section: RubricSection, prefix: string, index: number, name: string, kinds: string[] = [], checklist: string[] = [],
): RubricItem => ({ id: `${prefix}-${index}`, section, name, kinds, checklist })

/**
 * The 28 tests of "The ML Test Score: A Rubric for ML Production Readiness and Technical Debt Reduction"
 * (Breck, Cai, Nielsen, Salib, Sculley; IEEE Big Data 2017), seven per section, each tagged with the check kinds
 * that evidence it. Names are short paraphrases.
 */
export const ML_TEST_SCORE_RUBRIC: readonly RubricItem[] = [
  item('data', 'data', 1, 'Input expectations written as a schema', ['schema', 'range']),
  item('data', 'data', 2, 'Every feature earns its place'),
  item('data', 'data', 3, 'No feature costs more than it gives'),
  item('data', 'data', 4, 'Features meet meta-level rules'),
  item('data', 'data', 5, 'Privacy controls on the data pipeline'),
  item('data', 'data', 6, 'New features can be added quickly'),
  item('data', 'data', 7, 'Feature-building code is tested', ['pipeline']),
  item('model', 'model', 1, 'Model spec reviewed and versioned'),
  item('model', 'model', 2, 'Offline and online metrics agree', ['feedback', 'shadow']),
  item('model', 'model', 3, 'Hyperparameters tuned'),
  item('model', 'model', 4, 'Cost of staleness known'),
  item('model', 'model', 5, 'A simpler model does no better', ['baseline']),
  item('model', 'model', 6, 'Quality holds on important slices', ['slices']),
  item('model', 'model', 7, 'Checked for inclusion and fairness', ['metamorphic']),
  item('infrastructure', 'infra', 1, 'Training is reproducible', ['consistency']),
  item('infrastructure', 'infra', 2, 'Model behaviour is unit-tested', ['range', 'monotonicity', 'metamorphic', 'golden']),
  item('infrastructure', 'infra', 3, 'Whole pipeline is integration-tested', ['pipeline', 'fallback', 'ensemble', 'cache']),
  item('infrastructure', 'infra', 4, 'Quality validated before serving', ['held-out', 'baseline', 'golden']),
  item('infrastructure', 'infra', 5, 'Model can be debugged', ['logging']),
  item('infrastructure', 'infra', 6, 'Canary before full rollout', ['shadow'], ['ab-test-plan']),
  item('infrastructure', 'infra', 7, 'Serving model can be rolled back', [], ['rollback-procedure']),
  item('monitoring', 'monitor', 1, 'Dependency changes notify the team'),
  item('monitoring', 'monitor', 2, 'Input invariants hold in serving', ['drift', 'schema'], ['data-drift-weekly']),
  item('monitoring', 'monitor', 3, 'No training/serving skew', ['skew', 'pipeline']),
  item('monitoring', 'monitor', 4, 'Model not too stale', [], ['retrain-on-drift']),
  item('monitoring', 'monitor', 5, 'Numerically stable outputs', ['range']),
  item('monitoring', 'monitor', 6, 'Compute performance has not regressed', ['latency', 'cache']),
  item('monitoring', 'monitor', 7, 'Prediction quality has not regressed', ['alerting'], ['monitor-accuracy-daily']),
]

/** Bands of the final ML Test Score, lowest first: `max` is inclusive, the last band is open-ended. */
export const ML_TEST_SCORE_BANDS: readonly { readonly max: number; readonly label: string }[] = [
  { max: 0, label: 'A research prototype: nothing production-grade yet' },
  { max: 1, label: 'Barely tested: expect gaps in reliability' },
  { max: 2, label: 'A first pass at reliability: keep investing' },
  { max: 3, label: 'Reasonably tested: automate more of it' },
  { max: 5, label: 'Well tested and monitored' },
  { max: Number.POSITIVE_INFINITY, label: 'Exceptional automated testing and monitoring' },
]

/**
 * The band a final ML Test Score falls into.
 *
 * @param score - the final score (minimum of the four section sums)
 * @returns the band's label
 * @example
 * ```ts
 * mlTestScoreBand(2.5) // 'Reasonably tested: automate more of it'
 * ```
 */
export function mlTestScoreBand(score: number): string {
  const band = ML_TEST_SCORE_BANDS.find((candidate) => score <= candidate.max)
  return (band ?? ML_TEST_SCORE_BANDS[ML_TEST_SCORE_BANDS.length - 1]!).label
}
