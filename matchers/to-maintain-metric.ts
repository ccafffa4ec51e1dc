import type { MatcherState } from 'vitest'
import type { Label } from '../src/evaluation/labels.js'
import type { MetricDefinition, MetricName } from '../src/evaluation/metric.js'
import { type AuditPredictionLogResult, auditPredictionLog } from '../src/patterns/audit-prediction-log.js'
import {
  type DelayedFeedbackResult,
  type DelayedLabel,
  type FeedbackWindow,
  type JoinDelayedLabelsOptions,
  joinDelayedLabels,
} from '../src/patterns/join-delayed-labels.js'
import type { PredictionLogEntry } from '../src/patterns/prediction-log.js'
import { isPredictionLogDatabase, type PredictionLogDatabase } from '../src/patterns/prediction-log-database.js'
import { VitestMlError } from '../src/util/errors.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { checkId, type MatcherOutcome, num } from './matcher-context.js'
import { recordCheckNow } from './record-check.js'

/** Options of `toMaintainMetric`. */
export interface MaintainMetricOptions {
  /** The metric to watch. @defaultValue 'accuracy' */
  readonly metric?: MetricName | MetricDefinition
  /** Lowest acceptable value in every window (higher-is-better metrics). */
  readonly min?: number
  /** Highest acceptable value in every window (errors, losses). */
  readonly max?: number
  /** Window length. @defaultValue 'day' */
  readonly window?: 'day' | 'hour' | number
  /** Windows with fewer labelled predictions are skipped (and listed). @defaultValue 1 */
  readonly minLabelled?: number
  /** Lowest acceptable label coverage of an evaluated window. @defaultValue 0 */
  readonly minCoverage?: number
  /** Class names of label indices / probability columns. */
  readonly classes?: readonly Label[]
  /** Only labels arrived by then count. */
  readonly asOf?: number | string
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

/** Counts predictions made, to check none is missing from the log (a `logged()` model). */
type PredictionCounter = { stats(): { predictions: number } }

/**
 * What `toMaintainMetric` accepts: the log and the labels so far, a prediction log database (its stored labels are
 * joined in SQL), either with the logged model to count predictions, or a joined result.
 */
export type MaintainMetricSubject =
  | { readonly log: readonly PredictionLogEntry[]; readonly labels: readonly DelayedLabel[]; readonly model?: PredictionCounter }
  | { readonly log: PredictionLogDatabase; readonly model?: PredictionCounter }
  | PredictionLogDatabase
  | DelayedFeedbackResult

const NAME = 'toMaintainMetric'
const WINDOW_NAMES: Record<string, string> = { day: 'daily', hour: 'hourly' }

/**
 * Over a prediction log joined with its delayed labels, the metric stays within bounds in every time window ("monitor
 * accuracy daily"), and the log itself is complete (records a `logging` check too).
 *
 * A database log (`sqlitePredictionLog`) is read where it is: its buffer is committed, the join with its stored labels
 * and the audit run in SQL, synchronously. A server database answers with promises: await its `joinDelayedLabels()`
 * and pass the result.
 *
 * @example
 * ```ts
 * expect({ log: sink.entries, labels, model: service }).toMaintainMetric({ metric: 'accuracy', min: 0.85, window: 'hour' })
 * expect({ log: sqliteLog, model: service }).toMaintainMetric({ metric: 'accuracy', min: 0.85, window: 'hour' })
 * ```
 */
export function toMaintainMetric(this: MatcherState, received: unknown, options: MaintainMetricOptions = {}): MatcherOutcome {
  const metricName = typeof options.metric === 'string' ? options.metric : (options.metric?.name ?? 'accuracy')
  if (options.min === undefined && options.max === undefined)
    throw new VitestMlError(NAME, 'a bound: `min` or `max`', 'neither', `Say what is acceptable, for example \`{ metric: '${metricName}', min: 0.85 }\`.`)
  const joinOptions: JoinDelayedLabelsOptions = {
    window: options.window ?? 'day',
    metrics: [options.metric ?? 'accuracy'],
    ...(options.classes === undefined ? {} : { classes: options.classes }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  }
  const { feedback, audit } = readFeedback(received, joinOptions)
  // The log audit is evidence of its own: recorded un-negated, and a broken log cannot prove a degradation under .not.
  const plain = Object.assign(Object.create(this) as MatcherState, { isNot: false })
  recordCheckNow(plain, {
    id: checkId(this, 'logging'),
    kind: 'logging',
    title: 'every prediction logged with id, time, model version, feature hash and output',
    passed: audit.passed,
    severity: 'medium',
    metrics: {
      entries: audit.entries,
      missingEntries: audit.missingEntries,
      incompleteEntries: audit.incomplete.length,
      duplicateIds: audit.duplicateIds.length,
    },
    ...(audit.incomplete.length > 0 && { counterexample: audit.incomplete.slice(0, 3) }),
  })
  const logging = audit.passed
    ? `Logging: ${audit.entries} entries, complete.`
    : `Logging: ${audit.missingEntries} predictions not logged, ${audit.incomplete.length} entries missing fields${audit.incomplete[0] === undefined ? '' : ` (entry ${audit.incomplete[0].index}: ${audit.incomplete[0].fields.join(', ')})`}, ${audit.duplicateIds.length} duplicate ids.`
  if (this.isNot && !audit.passed)
    throw new VitestMlError(
      NAME,
      'a complete prediction log before judging the metric',
      logging.replace('Logging: ', ''),
      'Fix the logging first: a metric over an incomplete log proves nothing either way.',
    )
  const minLabelled = options.minLabelled ?? 1
  const value = (window: FeedbackWindow): number => window.metrics[metricName] ?? Number.NaN
  if (feedback.windows.some((window) => !(metricName in window.metrics)))
    throw new VitestMlError(
      NAME,
      `windows with the metric "${metricName}"`,
      `metrics ${Object.keys(feedback.windows[0]?.metrics ?? {}).join(', ')}`,
      `Join with \`metrics: ['${metricName}']\`, or pass \`{ log, labels }\`.`,
    )
  const lowCoverage = (window: FeedbackWindow): boolean => window.coverage < (options.minCoverage ?? 0)
  const evaluated = feedback.windows.filter((window) => window.labelled >= minLabelled || lowCoverage(window))
  const skipped = feedback.windows.length - evaluated.length
  const outOfBounds = (window: FeedbackWindow): boolean =>
    !(value(window) >= (options.min ?? Number.NEGATIVE_INFINITY) && value(window) <= (options.max ?? Number.POSITIVE_INFINITY)) || lowCoverage(window)
  const bad = evaluated.filter(outOfBounds)
  const passed = audit.passed && evaluated.length > 0 && bad.length === 0
  const windowName = WINDOW_NAMES[String(options.window ?? 'day')] ?? `${feedback.windowMs} ms`
  const bound = [options.min === undefined ? '' : `>= ${num(options.min)}`, options.max === undefined ? '' : `<= ${num(options.max)}`]
    .filter(Boolean)
    .join(' and ')
  // The worst window is the one furthest past (or least inside) the bound: the lowest for a `min`, the highest for a `max`.
  const excess = (metric: number): number =>
    Math.max(
      options.min === undefined ? Number.NEGATIVE_INFINITY : options.min - metric,
      options.max === undefined ? Number.NEGATIVE_INFINITY : metric - options.max,
    )
  const labelledValues = evaluated.filter((window) => window.labelled > 0).map(value)
  const worst = labelledValues.length === 0 ? Number.NaN : labelledValues.reduce((found, metric) => (excess(metric) > excess(found) ? metric : found))
  const points = evaluated
    .filter((window) => window.labelled > 0)
    .map((window) => [(Date.parse(window.start) - Date.parse(feedback.windows[0]?.start ?? window.start)) / 3_600_000, value(window)] as const)
  // The bound drawn across the plotted windows, so a reader sees which windows left it.
  const span = points.length === 0 ? [] : [points[0]![0], points[points.length - 1]![0]]
  const boundLines = (['min', 'max'] as const).flatMap((side) =>
    options[side] === undefined || span.length === 0
      ? []
      : [{ name: `${side} ${num(options[side])}`, points: span.map((x) => [x, options[side] as number] as const) }],
  )
  recordCheckNow(this, {
    id: checkId(this, 'feedback'),
    kind: 'feedback',
    title: `${metricName} ${bound} in every ${windowName} window`,
    passed,
    severity: options.severity ?? 'high',
    metrics: Object.fromEntries(
      Object.entries({
        [metricName]: value(feedback.overall),
        worstWindow: worst,
        windows: feedback.windows.length,
        windowsOutOfBounds: bad.length,
        labelCoverage: feedback.overall.coverage,
        skippedWindows: skipped,
      }).filter(([, metric]) => Number.isFinite(metric)),
    ),
    plots: [
      {
        type: 'line',
        title: `${metricName} per ${windowName} window`,
        xLabel: 'window (hours since first)',
        yLabel: metricName,
        series: [{ name: metricName, points }, ...boundLines],
      },
    ],
    ...(bad[0] !== undefined && { counterexample: toJsonSafe(bad[0]) }),
  })
  const line = (window: FeedbackWindow): string =>
    `  ${window.start} .. ${window.end}: ${metricName} ${num(value(window))} (${window.labelled} labelled of ${window.predictions}, coverage ${num(window.coverage)})`
  const hint = this.utils.matcherHint(`.${NAME}`, 'feedback', 'options', { isNot: this.isNot, promise: this.promise })
  const overall = `Overall: ${line(feedback.overall).trim()}; ${skipped} windows skipped (fewer than ${minLabelled} labels); ${feedback.unmatchedLabels} labels matched no prediction.`
  return {
    pass: passed,
    message: () =>
      passed
        ? `${hint}\n\nExpected ${metricName} to leave ${bound} in some ${windowName} window, but it held in all ${evaluated.length}.\n${overall}`
        : [
            hint,
            '',
            evaluated.length === 0
              ? `No ${windowName} window had ${minLabelled} labelled predictions: nothing to monitor yet.`
              : `${metricName} left ${bound}${options.minCoverage === undefined ? '' : ` (or coverage < ${num(options.minCoverage)})`} in ${bad.length} of ${evaluated.length} ${windowName} windows:`,
            ...bad.slice(0, 10).map(line),
            overall,
            logging,
          ].join('\n'),
    actual: bad.map((window) => ({ start: window.start, [metricName]: value(window) })),
    expected: bound,
  }
}

/** Joins and audits the subject: in memory for `{ log, labels }`, in SQL for a database log, as given for a joined result. */
function readFeedback(received: unknown, joinOptions: JoinDelayedLabelsOptions): { feedback: DelayedFeedbackResult; audit: AuditPredictionLogResult } {
  const subject = received as Partial<{ log: unknown; labels: DelayedLabel[]; model: PredictionCounter; windows: FeedbackWindow[] }> | null
  const expected = (model: PredictionCounter | undefined) => (model === undefined ? {} : { expectedPredictions: model.stats().predictions })
  const database = isPredictionLogDatabase(received) ? received : isPredictionLogDatabase(subject?.log) ? subject.log : undefined
  if (database !== undefined) {
    const flushed = database.flush()
    const feedback = database.joinDelayedLabels(joinOptions)
    const audit = database.audit(expected(database === received ? undefined : subject?.model))
    if (flushed instanceof Promise || feedback instanceof Promise || audit instanceof Promise) {
      throw new VitestMlError(
        NAME,
        'a database log whose reads answer synchronously (SQLite)',
        'reads that return promises',
        "With a server database, `await log.joinDelayedLabels(options)` first and pass its result: `expect(await log.joinDelayedLabels({ window: 'hour' })).toMaintainMetric(...)`.",
      )
    }
    return { feedback, audit }
  }
  if (
    typeof subject !== 'object' ||
    subject === null ||
    (Array.isArray(subject.windows) ? subject.log !== undefined && !Array.isArray(subject.log) : !Array.isArray(subject.log) || !Array.isArray(subject.labels))
  ) {
    throw new VitestMlError(
      NAME,
      '`{ log, labels }`, a prediction log database, or the result of joinDelayedLabels()',
      subject === null ? 'null' : typeof subject,
      'Pass the prediction log and the labels received so far: `expect({ log: sink.entries, labels })`.',
    )
  }
  const feedback = Array.isArray(subject.windows)
    ? (subject as unknown as DelayedFeedbackResult)
    : joinDelayedLabels(subject.log as PredictionLogEntry[], subject.labels ?? [], joinOptions)
  const audit = feedback.log === undefined && feedback.audit !== undefined ? feedback.audit : auditPredictionLog(feedback.log ?? [], expected(subject.model))
  return { feedback, audit }
}
