import type { MatcherState } from 'vitest'
import { recordArtifact, type TestAnnotationArtifact, type TestAttachment } from 'vitest'
import { checklistItemsOf } from '../src/checklist/evidence-check.js'
import { type CheckMeta, type CheckRecord, META_KEY, type PlotSpec } from '../src/record/check-record.js'
import { formatMetric } from '../src/report/html-view.js'

/**
 * What a matcher passes to {@link recordCheck}: a record without `negated` (read from the assertion) and without
 * checklist tags for built-in kinds (the report takes them from `CHECK_KINDS`; records of a kind of the user's own may
 * tag items).
 */
export type CheckInput = Omit<CheckRecord, 'negated' | 'checklist'> & { readonly checklist?: readonly string[] }

/** The test a matcher runs in, as Vitest exposes it on the matcher state. */
type RunningTest = Parameters<typeof recordArtifact>[0]

function currentTest(state: MatcherState): RunningTest | undefined {
  return (state as MatcherState & { task?: RunningTest }).task
}

/**
 * Stores a check's record on the running test (`task.meta.vitestMl.checks`) so the vitest-ml reporter can build the
 * report from it after the run, including after `--merge-reports`; when the assertion failed, also annotates the test
 * with the check's key numbers (and its plots as SVG attachments) so `vitest --ui` and the default reporter show them.
 *
 * @param state - the matcher's `this`
 * @param record - the record to store; `negated` is filled in from the assertion, `checklist` from the check's kind
 * @returns the record as stored
 */
export async function recordCheck(state: MatcherState, record: CheckInput): Promise<CheckRecord> {
  const { stored, test } = store(state, record)
  if (test !== undefined && stored.passed === stored.negated) await annotateFailure(test, stored)
  return stored
}

/**
 * {@link recordCheck} for matchers that do their work synchronously (the data-only matchers, which must behave the same
 * with or without `await`): the record is stored at once; the annotation of a failure is finished by Vitest before the
 * test ends.
 *
 * @param state - the matcher's `this`
 * @param record - the record to store
 * @returns the record as stored
 */
export function recordCheckNow(state: MatcherState, record: CheckInput): CheckRecord {
  const { stored, test } = store(state, record)
  if (test !== undefined && stored.passed === stored.negated) {
    const running = test as RunningTest & { promises?: Promise<unknown>[] }
    running.promises ??= []
    running.promises.push(annotateFailure(test, stored).catch(() => undefined))
  }
  return stored
}

function store(state: MatcherState, record: CheckInput): { stored: CheckRecord & { negated: boolean }; test: RunningTest | undefined } {
  // `isNot` is undefined (not false) on a plain assertion in Vitest 4.
  const negated = state.isNot === true
  const stored = { ...record, checklist: [...checklistItemsOf({ kind: record.kind, checklist: record.checklist ?? [] })], negated }
  const test = currentTest(state)
  if (test === undefined) return { stored, test }
  const meta = test.meta as Record<string, unknown>
  const existing = meta[META_KEY] as CheckMeta | undefined
  if (existing === undefined) meta[META_KEY] = { checks: [stored] } satisfies CheckMeta
  else existing.checks.push(stored)
  return { stored, test }
}

async function annotateFailure(test: RunningTest, record: CheckRecord): Promise<void> {
  const numbers = Object.entries(record.metrics)
    .slice(0, 6)
    .map(([name, value]) => `${name}=${formatMetric(value)}`)
    .join(', ')
  const seed = record.replay === undefined ? '' : ` (seed ${record.replay.seed})`
  const plots = record.plots ?? []
  const attachments = await Promise.all(plots.slice(0, MAX_ATTACHED_PLOTS).map((plot) => plotAttachment(plot)))
  const messages = [`${record.title}: ${numbers}${seed}`, ...plots.slice(1, MAX_ATTACHED_PLOTS).map((plot) => `${record.title}: ${plot.title}`)]
  const type = `vitest-ml:${record.kind}`
  const annotate = (test as RunningTest & { context?: { annotate?: Annotate } }).context?.annotate
  for (const [index, message] of messages.entries()) {
    const attachment = attachments[index]
    try {
      // Vitest 4 records annotations through the test context; `recordArtifact` only takes them over in Vitest 5.
      if (typeof annotate === 'function') await annotate(message, type, attachment)
      else {
        const artifact: TestAnnotationArtifact = {
          type: 'internal:annotation',
          annotation: { message, type, ...(attachment === undefined ? {} : { attachment }) },
        }
        await recordArtifact(test, artifact)
      }
    } catch {
      // Annotations are a convenience for the UI; the record on task.meta is what the report reads.
    }
  }
}

/** `TestContext.annotate`, as far as this module uses it. */
type Annotate = (message: string, type?: string, attachment?: TestAttachment) => Promise<unknown>

/** Plots attached to one failing check's annotations (the report shows them all). */
const MAX_ATTACHED_PLOTS = 3

/** Draws a plot as an SVG attachment for `vitest --ui`; the renderer is loaded only when a failing check has plots. */
async function plotAttachment(plot: PlotSpec): Promise<TestAttachment | undefined> {
  try {
    const { renderPlotSvg } = await import('../src/report/render-plot-svg.js')
    const svg = await renderPlotSvg(plot)
    return { contentType: 'image/svg+xml', body: Buffer.from(svg, 'utf8').toString('base64') }
  } catch {
    return undefined
  }
}
