import type { MetricDirection } from '../compare/metric-direction.js'
import type { CheckSeverity } from '../record/check-record.js'
import type { Attestation } from './attestation.js'
import { CHECKLIST_ITEMS } from './checklist-items.js'
import { ML_TEST_SCORE_RUBRIC } from './ml-test-score-rubric.js'

/** A bound on one metric recorded by checks. */
export interface ThresholdConfig {
  /** Lowest acceptable value (for quality metrics such as accuracy). */
  readonly min?: number
  /** Highest acceptable value (for latency, error rate, drift). */
  readonly max?: number
  /** How bad a breach is: only `high` breaches fail the run. */
  readonly severity: CheckSeverity
  /**
   * The `metrics` key read from records; defaults per threshold name (`accuracy`, `p99Ms`, `errorRate`, `driftShare`).
   */
  readonly metric?: string
  /** Only checks of these kinds are measured (for example `["latency"]`); all checks when left out. */
  readonly kinds?: readonly string[]
  /** Only checks of these models (by name, e.g. `["penguins-mlp.onnx"]`) are measured; all checks when left out. */
  readonly models?: readonly string[]
}

/** The thresholds a gate can hold, each named after the record metric it reads (as alert rules and records name it). */
export interface GateThresholds {
  /** Model accuracy, read from `metrics.accuracy`. */
  readonly accuracy?: ThresholdConfig
  /** 99th-percentile latency in milliseconds, read from `metrics.p99Ms`. */
  readonly p99Ms?: ThresholdConfig
  /** Share of failed predictions, read from `metrics.errorRate`. */
  readonly errorRate?: ThresholdConfig
  /** Share of drifted features, read from `metrics.driftShare`. */
  readonly driftShare?: ThresholdConfig
}

/** No regression against the base report (`report.baseline`): the rule the gate applies to each listed metric. */
export interface NoRegressionConfig {
  /** Metrics (as records name them, e.g. `accuracy`, `p99Ms`) that must not be worse than in the base. */
  readonly metrics: readonly string[]
  /**
   * Largest acceptable loss in metric units: one number for every metric, or one per metric
   * (`{ "accuracy": 0.02, "p99Ms": 25 }`; every listed metric needs one).
   */
  readonly margin: number | Readonly<Record<string, number>>
  /** One-sided confidence of the bound, where the reports allow an interval. @defaultValue 0.95 */
  readonly confidence?: number
  /** How bad a regression is: only `high` blocks. @defaultValue 'high' */
  readonly severity?: CheckSeverity
  /** Only checks of these kinds are compared; all when left out. */
  readonly kinds?: readonly string[]
  /** Only checks of these models (by name) are compared; all when left out. */
  readonly models?: readonly string[]
  /** Directions of metrics of your own (`higher` or `lower` is better); built-in names know theirs. */
  readonly directions?: Readonly<Record<string, MetricDirection>>
}

/** The deployment gate: what must hold for the run to pass. */
export interface GateConfig {
  /** Optional pointer to a JSON Schema for editors. */
  readonly $schema?: string
  /** Checklist ids that must be passed (or attested); a failed or uncovered one fails the run. */
  readonly required?: readonly string[]
  /** Metric thresholds; a breached `high` threshold fails the run. */
  readonly thresholds?: GateThresholds
  /** Attestations for checklist items (by checklist id) or ML Test Score tests (by rubric id, e.g. `data-5`). */
  readonly attestations?: Readonly<Record<string, Attestation>>
  /** Lowest acceptable final ML Test Score; below it the run fails. */
  readonly minMlTestScore?: number
  /** Days after its date an attestation goes stale, unless the attestation sets its own `maxAgeDays`. */
  readonly attestationMaxAgeDays?: number
  /** Metrics that must not regress against the base report (needs `report.baseline`). */
  readonly noRegression?: NoRegressionConfig
  /** No evidence check may fail that did not already fail in the base report (needs `report.baseline`). */
  readonly noNewFailingChecks?: boolean
}

/** The metric key each named threshold reads by default. */
export const THRESHOLD_METRICS: Readonly<Record<keyof GateThresholds, string>> = {
  accuracy: 'accuracy',
  p99Ms: 'p99Ms',
  errorRate: 'errorRate',
  driftShare: 'driftShare',
}

const threshold = {
  type: 'object',
  additionalProperties: false,
  required: ['severity'],
  properties: {
    min: { type: 'number' },
    max: { type: 'number' },
    severity: { enum: ['high', 'medium', 'low'] },
    metric: { type: 'string', minLength: 1 },
    kinds: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
    models: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
  },
  anyOf: [{ required: ['min'] }, { required: ['max'] }],
} as const

const attestation = {
  type: 'object',
  additionalProperties: false,
  required: ['file', 'owner', 'date'],
  properties: {
    file: { type: 'string', minLength: 1 },
    link: { type: 'string', pattern: '^https?://' },
    owner: { type: 'string', minLength: 1 },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    maxAgeDays: { type: 'integer', minimum: 1 },
  },
} as const

const attestableIds = [...CHECKLIST_ITEMS.filter((item) => item.provedBy !== 'test').map((item) => item.id), ...ML_TEST_SCORE_RUBRIC.map((item) => item.id)]

const metricName = { type: 'string', minLength: 1 } as const

const noRegression = {
  type: 'object',
  additionalProperties: false,
  required: ['metrics', 'margin'],
  properties: {
    metrics: { type: 'array', minItems: 1, uniqueItems: true, items: metricName },
    margin: {
      anyOf: [
        { type: 'number', minimum: 0 },
        { type: 'object', minProperties: 1, additionalProperties: { type: 'number', minimum: 0 } },
      ],
    },
    confidence: { type: 'number', exclusiveMinimum: 0.5, exclusiveMaximum: 1 },
    severity: { enum: ['high', 'medium', 'low'] },
    kinds: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
    models: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
    directions: { type: 'object', additionalProperties: { enum: ['higher', 'lower'] } },
  },
} as const

/** JSON Schema (draft-07) of a gate file. */
export const GATE_CONFIG_SCHEMA = {
  $id: 'https://vitest-ml.dev/schemas/gate.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    required: { type: 'array', uniqueItems: true, items: { enum: CHECKLIST_ITEMS.map((item) => item.id) } },
    thresholds: {
      type: 'object',
      additionalProperties: false,
      properties: { accuracy: threshold, p99Ms: threshold, errorRate: threshold, driftShare: threshold },
    },
    attestations: {
      type: 'object',
      propertyNames: { enum: attestableIds },
      additionalProperties: attestation,
    },
    minMlTestScore: { type: 'number', minimum: 0 },
    attestationMaxAgeDays: { type: 'integer', minimum: 1 },
    noRegression,
    noNewFailingChecks: { type: 'boolean' },
  },
} as const
