import { createHash } from 'node:crypto'
import type { MatcherState } from 'vitest'
import { isModel, type Model } from '../src/model/model.js'
import { type CheckRecord, META_KEY } from '../src/record/check-record.js'
import { VitestMlError } from '../src/util/errors.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { stableCheckIdOf } from '../src/util/stable-check-id.js'

/**
 * The seed a check uses: the one given, or one derived from the test name and the matcher, so the same test generates
 * the same cases on every run (and the report is reproducible) while different checks explore different cases.
 *
 * @param state - the matcher's `this`
 * @param matcher - the matcher name
 * @param seed - the user's seed, if any
 */
export function resolveSeed(state: MatcherState, matcher: string, seed: number | undefined): number {
  if (seed !== undefined) {
    if (!Number.isInteger(seed)) throw new VitestMlError(matcher, 'an integer `seed`', String(seed), 'Pass a whole number, for example `seed: 42`.')
    return seed
  }
  const digest = createHash('sha256')
    .update(`${state.currentTestName ?? ''}\u0000${matcher}`)
    .digest()
  return digest.readInt32LE(0)
}

/**
 * A check id that is stable across runs: kind, the test's stable id (`stableCheckId`) or else its name, and the
 * position of the check within its test.
 *
 * @param state - the matcher's `this`
 * @param kind - the check kind
 * @example
 * ```ts
 * checkId(this, 'baseline') // 'baseline:penguins-beats-the-majority-class:0', or 'baseline:penguins/accuracy:0' when pinned
 * ```
 */
export function checkId(state: MatcherState, kind: string): string {
  const meta = (state.task?.meta ?? {}) as Record<string, { checks?: unknown[] } | undefined>
  const position = meta[META_KEY]?.checks?.length ?? 0
  const slug =
    stableCheckIdOf(meta) ??
    (state.currentTestName ?? 'anonymous')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  return `${kind}:${slug}:${position}`
}

/**
 * Asserts the received value is a model, with a message that says how to make one.
 *
 * @param received - what `expect()` was called with
 * @param matcher - the matcher name
 */
export function requireModel(received: unknown, matcher: string): Model {
  if (isModel(received)) return received
  throw new VitestMlError(
    matcher,
    'a model (from onnxModel() or functionModel())',
    received === null ? 'null' : Array.isArray(received) ? 'an array' : typeof received,
    'Wrap the model first: `expect(await onnxModel(path)).…` or `expect(functionModel(fn)).…`.',
  )
}

/**
 * Asserts a matcher got its options object, so a missing one is a clear error instead of a `TypeError`.
 *
 * @param options - the matcher's options argument
 * @param matcher - the matcher name
 * @param example - a call that works, for the hint
 * @returns the options
 * @example
 * ```ts
 * requireOptions(undefined, 'toBeDeterministic', '{ inputs: rows }') // throws: toBeDeterministic: expected an options object with `inputs`, received undefined.
 * ```
 */
export function requireOptions<T extends object>(options: T | undefined, matcher: string, example: string): T {
  if (typeof options === 'object' && options !== null && !Array.isArray(options)) return options
  throw new VitestMlError(
    matcher,
    'an options object with `inputs`',
    options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options,
    `Pass the inputs to generate from, for example \`${example}\`.`,
  )
}

/** The model part of a record. */
export function modelRef(model: Model): NonNullable<CheckRecord['model']> {
  const { name, sha256, version } = model.identity
  return { name, ...(sha256 === undefined ? {} : { sha256 }), ...(version === undefined ? {} : { version }) }
}

/**
 * Pretty-prints a value for a failure message: JSON-safe, long arrays cut, one line when short.
 *
 * @param value - a row, an output, a counterexample
 */
export function show(value: unknown): string {
  const text = JSON.stringify(toJsonSafe(value, { maxArrayLength: 12 }))
  return text === undefined ? String(value) : text
}

/** Formats a number for a failure message (the project's one number format). */
export { formatNumber as num } from '../src/util/format-number.js'

/**
 * The one replay line every seeded check ends with: the options to paste back into the matcher to run the same cases
 * (`seed`, `numRuns`) and, for a shrunk failure, replay just that case (`path`).
 *
 * @param seed - the seed
 * @param numRuns - cases generated
 * @param path - fast-check path of the shrunk case, if any
 * @example
 * ```ts
 * replayLine(7, 500, '4:5:0') // "Replay: { seed: 7, numRuns: 500, path: '4:5:0' }"
 * ```
 */
export function replayLine(seed: number, numRuns: number, path?: string): string {
  return `Replay: { seed: ${seed}, numRuns: ${numRuns}${path === undefined ? '' : `, path: '${path}'`} }`
}

/**
 * The replay line of a check decided by a seeded bootstrap: the options to paste back into the matcher to draw the same
 * resamples. The same `Replay: { ... }` form as {@link replayLine}, so every seeded check ends the same way.
 *
 * @param seed - the bootstrap seed
 * @param resamples - bootstrap resamples
 * @example
 * ```ts
 * resamplingReplayLine(42, 1000) // "Replay: { seed: 42, resamples: 1000 }"
 * ```
 */
export function resamplingReplayLine(seed: number, resamples: number): string {
  return `Replay: { seed: ${seed}, resamples: ${resamples} }`
}

/**
 * The line that closes a shortened list in a message: how many items were left out, and where they are.
 *
 * @param omitted - items not listed
 * @param noun - what one of them is (`'failing case'`; an `s` is added for more than one), or `[singular, plural]`
 * @param where - where the rest can be read @defaultValue 'raise maxListed to list them'
 * @returns the line, indented as a list item, or nothing when none were left out
 * @example
 * ```ts
 * moreLine(3, 'failing case', 'all are in the report') // ['  ... and 3 more failing cases (all are in the report)']
 * moreLine(2, ['anomaly', 'anomalies']) // ['  ... and 2 more anomalies (raise maxListed to list them)']
 * moreLine(0, 'group') // []
 * ```
 */
export function moreLine(omitted: number, noun: string | readonly [singular: string, plural: string], where = 'raise maxListed to list them'): string[] {
  const [singular, plural] = typeof noun === 'string' ? [noun, `${noun}s`] : noun
  return omitted > 0 ? [`  ... and ${omitted} more ${omitted === 1 ? singular : plural} (${where})`] : []
}

/**
 * What to do when a property-based check held but was asserted with `.not`: search further, or drop `.not`.
 *
 * @param statistical - whether the verdict was a bound on the rate (`maxViolationRate`) rather than "no violation"
 * @param numRuns - cases judged
 * @param claim - what the model was found to do, for "if the model is meant to ..." (`'be deterministic'`)
 * @example
 * ```ts
 * heldHint(false, 300, 'hold it') // 'Hint: no violation in 300 cases; raise numRuns or widen the inputs to search further, or drop .not if the model is meant to hold it.'
 * ```
 */
export function heldHint(statistical: boolean, numRuns: number, claim = 'hold it'): string {
  return statistical
    ? `Hint: the violation rate is confidently below maxViolationRate; lower it, or drop .not if the model is meant to ${claim}.`
    : `Hint: no violation in ${numRuns} cases; raise numRuns or widen the inputs to search further, or drop .not if the model is meant to ${claim}.`
}

/** What a vitest-ml matcher resolves to (Vitest's synchronous expectation result). */
export interface MatcherOutcome {
  readonly pass: boolean
  readonly message: () => string
  readonly actual?: unknown
  readonly expected?: unknown
}
