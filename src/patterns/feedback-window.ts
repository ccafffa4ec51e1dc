import type { Label } from '../evaluation/labels.js'
import { type MetricDefinition, resolveMetric } from '../evaluation/metric.js'
import { type Prediction, type ToPredictionOptions, toPrediction } from '../evaluation/to-prediction.js'
import { VitestMlError } from '../util/errors.js'
import type { FeedbackWindow, JoinDelayedLabelsOptions } from './join-delayed-labels.js'

const WINDOWS = { day: 86_400_000, hour: 3_600_000 } as const

/** One labelled prediction of a window: the logged output and its true label. */
export interface LabelledOutput {
  /** Id of the log entry (named in errors). */
  readonly id: string
  /** The logged output. */
  readonly output: unknown
  /** The normalized true label. */
  readonly truth: Label
}

/** The resolved join settings shared by the in-memory join and the database ones. */
export interface FeedbackSettings {
  /** Window length in milliseconds. */
  readonly windowMs: number
  /** Metrics computed per window. */
  readonly metrics: readonly MetricDefinition[]
  /** How outputs are read as predictions. */
  readonly read: ToPredictionOptions
  /** Labels that arrived after this epoch time are ignored. */
  readonly asOf: number
}

/**
 * Epoch milliseconds of a time given as a number or an ISO string.
 *
 * @param time - epoch ms or ISO 8601
 * @returns epoch ms (NaN when unparseable)
 * @example
 * ```ts
 * epochMs('2026-03-02T00:00:00Z') // 1772409600000
 * ```
 */
export const epochMs = (time: number | string): number => (typeof time === 'number' ? time : Date.parse(time))

/**
 * Resolves and validates the options of a delayed-label join.
 *
 * @param source - public name for errors
 * @param options - window, metrics, classes, cut-off
 * @returns the settings
 * @example
 * ```ts
 * feedbackSettings('joinDelayedLabels', { window: 'hour' }).windowMs // 3600000
 * ```
 */
export function feedbackSettings(source: string, options: JoinDelayedLabelsOptions): FeedbackSettings {
  const windowMs = typeof options.window === 'number' ? options.window : WINDOWS[options.window ?? 'day']
  if (!(windowMs > 0))
    throw new VitestMlError(source, "a window of 'day', 'hour' or milliseconds > 0", String(options.window), 'Use `window: "day"` to monitor accuracy daily.')
  const metrics = (options.metrics ?? ['accuracy']).map((metric) => resolveMetric(metric, source))
  const asOf = options.asOf === undefined ? Number.POSITIVE_INFINITY : epochMs(options.asOf)
  return { windowMs, metrics, read: options.classes === undefined ? {} : { classes: options.classes }, asOf }
}

/**
 * One window of joined predictions: counts, coverage, and each metric over its labelled predictions (NaN when none).
 *
 * @param source - public name for errors
 * @param start - window start, epoch ms
 * @param end - window end (exclusive), epoch ms
 * @param predictions - predictions made in the window
 * @param labelled - its labelled predictions
 * @param settings - metrics and output reading
 * @returns the window
 * @example
 * ```ts
 * summarizeFeedbackWindow('joinDelayedLabels', 0, 3_600_000, 4, [{ id: 'a', output: [0.2, 0.8], truth: 1 }], settings)
 * // { start: '1970-01-01T00:00:00.000Z', end: '1970-01-01T01:00:00.000Z', predictions: 4, labelled: 1, coverage: 0.25, metrics: { accuracy: 1 } }
 * ```
 */
export function summarizeFeedbackWindow(
  source: string,
  start: number,
  end: number,
  predictions: number,
  labelled: readonly LabelledOutput[],
  settings: FeedbackSettings,
): FeedbackWindow {
  const truths = labelled.map((pair) => pair.truth)
  const read: Prediction[] = labelled.map((pair) => readLoggedOutput(source, pair, settings.read))
  const values = Object.fromEntries(
    settings.metrics.map((metric) => [metric.name, truths.length === 0 ? Number.NaN : metric.compute(truths, read, settings.read)]),
  )
  return {
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    predictions,
    labelled: truths.length,
    coverage: predictions === 0 ? 0 : truths.length / predictions,
    metrics: values,
  }
}

/** Reads a logged output as a prediction; an unreadable or missing one is an error naming the log entry. */
function readLoggedOutput(source: string, pair: LabelledOutput, options: ToPredictionOptions): Prediction {
  try {
    return toPrediction(pair.output, options)
  } catch (error) {
    if (!(error instanceof VitestMlError)) throw error
    throw new VitestMlError(source, `${error.expected} in every labelled log entry`, `${error.received} in entry ${pair.id}`, error.hint, { cause: error })
  }
}
