import { type Label, normalizeLabel } from '../evaluation/labels.js'
import type { MetricDefinition, MetricName } from '../evaluation/metric.js'
import { VitestMlError } from '../util/errors.js'
import type { AuditPredictionLogResult } from './audit-prediction-log.js'
import { epochMs, feedbackSettings, type LabelledOutput, summarizeFeedbackWindow } from './feedback-window.js'
import type { PredictionLogEntry } from './prediction-log.js'

/** A ground-truth label that arrived after the prediction it belongs to. */
export interface DelayedLabel {
  /** Id of the logged prediction. */
  readonly id: string
  /** The true label. */
  readonly label: unknown
  /** When the label arrived (epoch ms or ISO); labels arriving after `asOf` are ignored. */
  readonly arrivedAt?: number | string
}

/** Options of {@link joinDelayedLabels}. */
export interface JoinDelayedLabelsOptions {
  /** Window length: a day, an hour, or milliseconds; windows are aligned to UTC midnight. @defaultValue 'day' */
  readonly window?: 'day' | 'hour' | number
  /** Metrics computed per window over the labelled predictions. @defaultValue ['accuracy'] */
  readonly metrics?: readonly (MetricName | MetricDefinition)[]
  /** Class of each probability column or label index, when labels are names. */
  readonly classes?: readonly Label[]
  /** Only labels that had arrived by then count (epoch ms or ISO). @defaultValue every label */
  readonly asOf?: number | string
}

/** One time window of joined predictions. */
export interface FeedbackWindow {
  /** Window start (inclusive), ISO 8601 UTC. */
  readonly start: string
  /** Window end (exclusive), ISO 8601 UTC. */
  readonly end: string
  /** Predictions made in the window. */
  readonly predictions: number
  /** Predictions whose label has arrived. */
  readonly labelled: number
  /** `labelled / predictions`. */
  readonly coverage: number
  /** Each requested metric over the labelled predictions (NaN when none is labelled). */
  readonly metrics: Readonly<Record<string, number>>
}

/** What {@link joinDelayedLabels} gives. */
export interface DelayedFeedbackResult {
  /** Window length in milliseconds. */
  readonly windowMs: number
  /** Windows that had predictions, in time order. */
  readonly windows: readonly FeedbackWindow[]
  /** All predictions together. */
  readonly overall: FeedbackWindow
  /** Labels whose id is not in the log. */
  readonly unmatchedLabels: number
  /** Labels that arrived after `asOf`. */
  readonly notYetArrived: number
  /** The log that was joined (for the logging check); absent when the join ran inside a database. */
  readonly log?: readonly PredictionLogEntry[]
  /** The log's completeness audit, when the join ran inside a database (the entries stayed there). */
  readonly audit?: AuditPredictionLogResult
}

/**
 * Delayed feedback (production pattern 6): joins labels that arrive hours or days after the predictions to the
 * prediction log by id, and computes the metrics per time window with their label coverage ("monitor accuracy daily").
 *
 * @param log - prediction log entries (from a sink or `readPredictionLog`)
 * @param labels - the labels received so far
 * @param options - window, metrics, classes, cut-off time
 * @returns per-window and overall metrics, coverage, unmatched labels
 * @example
 * ```ts
 * const feedback = joinDelayedLabels(sink.entries, labels, { window: 'hour', classes: ['Adelie', 'Chinstrap', 'Gentoo'] })
 * feedback.windows[14] // { start: '2026-03-02T14:00:00.000Z', predictions: 40, labelled: 31, coverage: 0.775, metrics: { accuracy: 0.61 } }
 * ```
 */
export function joinDelayedLabels(
  log: readonly PredictionLogEntry[],
  labels: readonly DelayedLabel[],
  options: JoinDelayedLabelsOptions = {},
): DelayedFeedbackResult {
  const source = 'joinDelayedLabels'
  if (!Array.isArray(log) || !Array.isArray(labels))
    throw new VitestMlError(
      source,
      'a log array and a labels array',
      `${typeof log} and ${typeof labels}`,
      'Pass `sink.entries` (or `await readPredictionLog(path)`) and `[{ id, label }]`.',
    )
  const settings = feedbackSettings(source, options)
  const { windowMs, asOf } = settings
  const ids = new Set(log.map((entry) => entry.id))
  const byId = new Map<string, Label>()
  let unmatchedLabels = 0
  let notYetArrived = 0
  labels.forEach((label, index) => {
    if (label.arrivedAt !== undefined && epochMs(label.arrivedAt) > asOf) {
      notYetArrived++
      return
    }
    if (!ids.has(label.id)) {
      unmatchedLabels++
      return
    }
    byId.set(label.id, normalizeLabel(source, label.label, index))
  })
  const summarize = (entries: readonly PredictionLogEntry[], start: number, end: number) => {
    const labelled: LabelledOutput[] = entries.flatMap((entry) => {
      const truth = byId.get(entry.id)
      return truth === undefined ? [] : [{ id: entry.id, output: entry.output, truth }]
    })
    return summarizeFeedbackWindow(source, start, end, entries.length, labelled, settings)
  }
  const buckets = new Map<number, PredictionLogEntry[]>()
  for (const entry of log) {
    const time = epochMs(entry.time)
    if (Number.isNaN(time))
      throw new VitestMlError(
        source,
        'an ISO time on every log entry',
        `"${String(entry.time)}" on entry ${entry.id}`,
        'Check the log with auditPredictionLog().',
      )
    const start = Math.floor(time / windowMs) * windowMs
    const bucket = buckets.get(start)
    if (bucket === undefined) buckets.set(start, [entry])
    else bucket.push(entry)
  }
  const starts = [...buckets.keys()].sort((left, right) => left - right)
  const windows = starts.map((start) => summarize(buckets.get(start) ?? [], start, start + windowMs))
  const overall = summarize(log, starts[0] ?? 0, (starts.at(-1) ?? 0) + windowMs)
  return { windowMs, windows, overall, unmatchedLabels, notYetArrived, log }
}
