/**
 * Which form of an assertion is evidence that the model is healthy. `positive`: the check holding is good news
 * (`expect(model).toBeMonotonicIn(...)`). `negated`: the check *not* holding is good news
 * (`expect(live).not.toHaveDriftedFrom(training)`). The other form is a demonstration that the check catches a fault
 * ("the check has teeth"), never evidence.
 */
export type HealthyForm = 'positive' | 'negated'

/** How much a failing check matters to a release decision. */
export type CheckSeverity = 'high' | 'medium' | 'low'

/** The kinds of check vitest-ml produces; other strings are allowed for user-defined checks. */
export type CheckKind =
  | 'range'
  | 'consistency'
  | 'metamorphic'
  | 'monotonicity'
  | 'golden'
  | 'baseline'
  | 'held-out'
  | 'slices'
  | 'skew'
  | 'pipeline'
  | 'drift'
  | 'fallback'
  | 'shadow'
  | 'ensemble'
  | 'cache'
  | 'feedback'
  | 'latency'
  | 'logging'
  | 'alerting'
  | (string & {})

/** A plot the report should draw for a check. Data only: renderers decide how it looks. */
export interface PlotSpec {
  /** What kind of chart. */
  readonly type: 'histogram-pair' | 'line' | 'reliability' | 'histogram' | 'bar'
  /** Chart title. */
  readonly title: string
  /** Axis label for x. */
  readonly xLabel?: string
  /** Axis label for y. */
  readonly yLabel?: string
  /** Named series of [x, y] points (line, reliability) or bin counts (histograms, with `binEdges`). */
  readonly series: readonly { readonly name: string; readonly points: readonly (readonly [number, number])[] }[]
  /** Names of the categories when x values are category codes 0, 1, 2, ... (bar charts of categorical features). */
  readonly categories?: readonly string[]
  /** Optional marker positions on the x axis (for example where monotonicity breaks). */
  readonly markers?: readonly { readonly x: number; readonly label: string }[]
}

/** How to re-run a property check exactly. */
export interface ReplayInfo {
  /** The fast-check seed. */
  readonly seed: number
  /** The fast-check path of the shrunk counterexample, when there is one. */
  readonly path?: string
  /** Number of generated cases. */
  readonly numRuns: number
}

/**
 * One result of one check: the record every matcher produces, the reporter collects and the checklist scores.
 * Everything in it is JSON-safe (no BigInt, no typed arrays, no functions).
 */
export interface CheckRecord {
  /** Stable across runs (derived from the test name and check kind, never from a seed). */
  readonly id: string
  /** What kind of check produced this record. */
  readonly kind: CheckKind
  /** One-line human title, for example `outputs of penguins.onnx in [0, 1]`. */
  readonly title: string
  /** Whether the check itself held (before any `.not`). */
  readonly passed: boolean
  /** Whether the assertion was negated with `.not` (then the test passes when `passed` is false). */
  readonly negated?: boolean
  /**
   * Which form of the assertion is evidence of a healthy model, for a kind of the user's own (`positive` when left
   * out). Built-in kinds take theirs from `CHECK_KINDS` (`drift` and `skew` are healthy under `.not`).
   */
  readonly healthyForm?: HealthyForm
  /** How much a failure matters. */
  readonly severity: CheckSeverity
  /**
   * Ids of checklist items (or ML Test Score tests) this record is evidence for. Read only for kinds of the user's own;
   * for built-in kinds the report fills in what `CHECK_KINDS` says.
   */
  readonly checklist: readonly string[]
  /** The model checked, if any. */
  readonly model?: { readonly name: string; readonly sha256?: string; readonly version?: string }
  /** The data used, if any. */
  readonly data?: { readonly name: string; readonly rows: number; readonly sha256?: string }
  /** Numeric results: statistic, pValue, violationRate, gain, p99Ms ... */
  readonly metrics: Readonly<Record<string, number>>
  /** The shrunk counterexample, JSON-safe. */
  readonly counterexample?: unknown
  /** How to replay the check. */
  readonly replay?: ReplayInfo
  /** What the check's cases were drawn from, when it measured a rate over them (`uniform rows of the schema (a, b)`). */
  readonly distribution?: string
  /** Plots worth drawing in the report. */
  readonly plots?: readonly PlotSpec[]
  /** The failure message shown to the user, when the check failed. */
  readonly message?: string
  /** Non-fatal remarks (for example "sample too small to mean anything"). */
  readonly warnings?: readonly string[]
}

/** The key under which vitest-ml stores its records on `task.meta`. */
export const META_KEY = 'vitestMl'

/** The shape of `task.meta[META_KEY]`. */
export interface CheckMeta {
  /** Every record produced by the test, in order. */
  readonly checks: CheckRecord[]
}

/**
 * Reads the records stored on a task's meta by the matchers (safe on any meta object).
 *
 * @param meta - a task's meta object (`testCase.meta()` in a reporter)
 * @returns the records, or an empty array when the test recorded none
 * @example
 * ```ts
 * checksFromMeta(testCase.meta()) // [{ id: 'range:...', kind: 'range', passed: true, ... }]
 * ```
 */
export function checksFromMeta(meta: unknown): CheckRecord[] {
  if (typeof meta !== 'object' || meta === null) return []
  const stored = (meta as Record<string, unknown>)[META_KEY]
  if (typeof stored !== 'object' || stored === null) return []
  const checks = (stored as { checks?: unknown }).checks
  return Array.isArray(checks) ? (checks as CheckRecord[]) : []
}
