import type { ChecklistId } from './checklist-items.js'

/** The four sections of the ML Test Score rubric. */
export type RubricSection = 'data' | 'model' | 'infrastructure' | 'monitoring'

/** The ids of the 28 rubric tests: section prefix and the test's number in the paper. */
export const RUBRIC_IDS = [
  'data-1',
  'data-2',
  'data-3',
  'data-4',
  'data-5',
  'data-6',
  'data-7',
  'model-1',
  'model-2',
  'model-3',
  'model-4',
  'model-5',
  'model-6',
  'model-7',
  'infra-1',
  'infra-2',
  'infra-3',
  'infra-4',
  'infra-5',
  'infra-6',
  'infra-7',
  'monitor-1',
  'monitor-2',
  'monitor-3',
  'monitor-4',
  'monitor-5',
  'monitor-6',
  'monitor-7',
] as const

/** A rubric test id, such as `infra-7`. */
export type RubricId = (typeof RUBRIC_IDS)[number]

/**
 * One of the 28 tests of the ML Test Score rubric (Breck et al., 2017). Which check kinds are automated evidence for
 * it is said once, in `CHECK_KINDS`.
 */
export interface RubricItem {
  /** Stable id: section prefix and the test's number in the paper, such as `infra-7`. */
  readonly id: RubricId
  /** Which section it belongs to. */
  readonly section: RubricSection
  /** A short name in our own words. */
  readonly name: string
  /** Checklist items whose attestation counts as manual evidence. */
  readonly checklist: readonly ChecklistId[]
}

/** Section order and display names. */
export const RUBRIC_SECTIONS: readonly { readonly id: RubricSection; readonly name: string }[] = [
  { id: 'data', name: 'Data' },
  { id: 'model', name: 'Model' },
  { id: 'infrastructure', name: 'Infrastructure' },
  { id: 'monitoring', name: 'Monitoring' },
]

const item = (section: RubricSection, id: RubricId, name: string, checklist: readonly ChecklistId[] = []): RubricItem => ({ id, section, name, checklist })

/**
 * The 28 tests of "The ML Test Score: A Rubric for ML Production Readiness and Technical Debt Reduction"
 * (Breck, Cai, Nielsen, Salib, Sculley; IEEE Big Data 2017), seven per section. Names are short paraphrases.
 */
export const ML_TEST_SCORE_RUBRIC: readonly RubricItem[] = [
  item('data', 'data-1', 'Input expectations written as a schema'),
  item('data', 'data-2', 'Every feature earns its place'),
  item('data', 'data-3', 'No feature costs more than it gives'),
  item('data', 'data-4', 'Features meet meta-level rules'),
  item('data', 'data-5', 'Privacy controls on the data pipeline'),
  item('data', 'data-6', 'New features can be added quickly'),
  item('data', 'data-7', 'Feature-building code is tested'),
  item('model', 'model-1', 'Model spec reviewed and versioned'),
  item('model', 'model-2', 'Offline and online metrics agree'),
  item('model', 'model-3', 'Hyperparameters tuned'),
  item('model', 'model-4', 'Cost of staleness known'),
  item('model', 'model-5', 'A simpler model does no better'),
  item('model', 'model-6', 'Quality holds on important slices'),
  item('model', 'model-7', 'Checked for inclusion and fairness'),
  item('infrastructure', 'infra-1', 'Training is reproducible'),
  item('infrastructure', 'infra-2', 'Model behaviour is unit-tested'),
  item('infrastructure', 'infra-3', 'Whole pipeline is integration-tested'),
  item('infrastructure', 'infra-4', 'Quality validated before serving'),
  item('infrastructure', 'infra-5', 'Model can be debugged'),
  item('infrastructure', 'infra-6', 'Canary before full rollout', ['ab-test-plan']),
  item('infrastructure', 'infra-7', 'Serving model can be rolled back', ['rollback-procedure']),
  item('monitoring', 'monitor-1', 'Dependency changes notify the team'),
  item('monitoring', 'monitor-2', 'Input invariants hold in serving', ['data-drift-weekly']),
  item('monitoring', 'monitor-3', 'No training/serving skew'),
  item('monitoring', 'monitor-4', 'Model not too stale', ['retrain-on-drift']),
  item('monitoring', 'monitor-5', 'Numerically stable outputs'),
  item('monitoring', 'monitor-6', 'Compute performance has not regressed'),
  item('monitoring', 'monitor-7', 'Prediction quality has not regressed', ['monitor-accuracy-daily']),
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
