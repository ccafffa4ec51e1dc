import fc from 'fast-check'
import seedrandom from 'seedrandom'
import { checkedPredict } from '../model/checked-predict.js'
import { missingOutput } from '../model/missing-output.js'
import type { Model } from '../model/model.js'
import { describeOutputPlace, outputDifference, outputsDiffer } from '../model/output-difference.js'
import { VitestMlError } from '../util/errors.js'
import type { Violation } from './case-probe.js'
import { shrinkCase } from './shrink-case.js'

/** Options of {@link checkDeterminism}. */
export interface DeterminismOptions<I> {
  /** Generated rows (shrunk on failure) or real rows. */
  readonly inputs: fc.Arbitrary<I> | readonly I[]
  /** Rows generated. @defaultValue 500 */
  readonly numRuns?: number
  /** Seed for generation, shuffles and batch sizes. */
  readonly seed: number
  /** Largest allowed absolute difference between two answers for the same row. @defaultValue 0 */
  readonly tolerance?: number
  /** How many rows are also predicted alone, one call each. @defaultValue 32 */
  readonly aloneRows?: number
  /** Also compare against a fresh session when the model supports it. @defaultValue true */
  readonly freshSession?: boolean
  /** Replay one reported failure (the path of a failure's `Replay:` line, same `seed`) instead of checking every row. */
  readonly path?: string
}

/** One comparison the determinism check makes. */
export type DeterminismComparison = 'repeated-call' | 'batch-composition' | 'alone-vs-batch' | 'fresh-session'

/** What {@link checkDeterminism} found. */
export interface DeterminismResult<I> {
  readonly numRuns: number
  readonly violations: number
  readonly violationRate: number
  /** Largest absolute difference between two numbers at the same place of two answers for the same row. */
  readonly maxDifference: number
  /**
   * Rows whose answers differ in something no tolerance covers: a string, label, boolean or bigint (compared exactly), a
   * kind of value, or a shape (length, keys).
   */
  readonly valueMismatches: number
  /** Failing rows per comparison (the first that broke), and rows whose output is missing or empty as `missing-output`. */
  readonly reasons: Readonly<Record<string, number>>
  readonly comparisons: readonly DeterminismComparison[]
  readonly counterexample?: { readonly input: I; readonly outputs: Readonly<Record<string, unknown>>; readonly violation: Violation }
  readonly path?: string
  readonly numShrinks: number
  readonly seed: number
}

function shuffledChunks(count: number, random: () => number): number[][] {
  const order = Array.from({ length: count }, (_, i) => i)
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j] as number, order[i] as number]
  }
  const chunks: number[][] = []
  for (let start = 0; start < count; ) {
    const size = 1 + Math.floor(random() * 64)
    chunks.push(order.slice(start, start + size))
    start += size
  }
  return chunks
}

/**
 * Checks that a model answers the same row the same way: on a repeated call, inside batches of other rows in other
 * orders and sizes, alone, and in a fresh session. Batch-composition bugs (batch-dependent normalisation, padding,
 * state leaking across rows) show up here. A failure is shrunk by replaying the row alone, inside a fixed batch and in one fresh session.
 *
 * Answers are compared by what they are: numbers within `tolerance` (NaN equals NaN: a model that answers NaN the same
 * way every time is deterministic, and `toProduceOutputsInRange` is the check that rejects NaN), strings, labels,
 * booleans and bigints exactly, arrays by length and element, records by key. A row whose output is missing or empty
 * (`undefined`, `null`, `[]`, `{}`) fails as `missing-output`: there is nothing to be deterministic about. A model that
 * returns more or fewer outputs than rows is an error.
 *
 * @param model - the model under test
 * @param options - inputs, runs, seed and tolerance
 * @returns counts per comparison and the shrunk counterexample
 */
export async function checkDeterminism<I, O>(model: Model<I, O>, options: DeterminismOptions<I>): Promise<DeterminismResult<I>> {
  const { seed } = options
  const tolerance = options.tolerance ?? 0
  const numRuns = options.numRuns ?? 500
  if (!(tolerance >= 0))
    throw new VitestMlError(
      'toBeDeterministic',
      'a `tolerance` >= 0',
      String(tolerance),
      'Pass the largest acceptable difference between two answers, for example 1e-6.',
    )
  if (!Number.isInteger(numRuns) || numRuns < 1)
    throw new VitestMlError('toBeDeterministic', 'a positive whole `numRuns`', String(numRuns), 'Pass `numRuns: 500` or similar.')
  const fixed = Array.isArray(options.inputs)
  if (!fixed && !(options.inputs instanceof fc.Arbitrary)) {
    throw new VitestMlError(
      'toBeDeterministic',
      '`inputs`: a fast-check Arbitrary or an array of rows',
      options.inputs === null ? 'null' : typeof options.inputs,
      'Pass `inputs: fc.tuple(...)`, a schema arbitrary, or real rows.',
    )
  }
  const rows: readonly I[] = fixed ? (options.inputs as readonly I[]) : fc.sample(options.inputs as fc.Arbitrary<I>, { seed, numRuns })
  if (options.path !== undefined && !fixed && !/^\d+(:\d+)*$/.test(options.path)) {
    throw new VitestMlError(
      'toBeDeterministic',
      "a replay `path` such as '4:5:0' (from a failure's Replay line)",
      JSON.stringify(options.path),
      'Copy the path from the failure message, or leave `path` out to run every row.',
    )
  }
  if (rows.length === 0) throw new VitestMlError('toBeDeterministic', 'at least one input row', 'none', 'Pass an arbitrary or real rows as `inputs`.')
  if (options.path !== undefined && !fixed) return replayDeterminism(model, rows, { ...options, path: options.path, tolerance, numRuns })
  const random = seedrandom(String(seed))
  const predict = (from: Model<I, O>, batch: readonly I[]): Promise<O[]> => checkedPredict(from, batch, 'toBeDeterministic')
  const reference = await predict(model, rows)
  const answers = new Map<DeterminismComparison, unknown[]>()
  answers.set('repeated-call', await predict(model, rows))
  const composed = new Array<unknown>(rows.length)
  for (const chunk of shuffledChunks(rows.length, random)) {
    const outputs = await predict(
      model,
      chunk.map((i) => rows[i] as I),
    )
    chunk.forEach((i, k) => {
      composed[i] = outputs[k]
    })
  }
  answers.set('batch-composition', composed)
  const alone = new Array<unknown>(rows.length)
  const aloneCount = Math.min(rows.length, options.aloneRows ?? 32)
  for (let i = 0; i < aloneCount; i++) alone[i] = (await predict(model, [rows[i] as I]))[0]
  answers.set('alone-vs-batch', alone)
  if (options.freshSession !== false && model.fresh !== undefined) {
    const fresh = await model.fresh()
    try {
      answers.set('fresh-session', await predict(fresh, rows))
    } finally {
      await fresh.release()
    }
  }

  const reasons: Record<string, number> = {}
  let violations = 0
  let valueMismatches = 0
  let maxDifference = 0
  let first: number | undefined
  let firstViolation: Violation | undefined
  rows.forEach((_, i) => {
    const missing = missingOutput(reference[i])
    let violation: Violation | undefined = missing === undefined ? undefined : { reason: 'missing-output', detail: `the output is ${missing}` }
    let byValue = false
    for (const [comparison, outputs] of answers) {
      if (violation?.reason === 'missing-output' || (comparison === 'alone-vs-batch' && i >= aloneCount)) continue
      const difference = outputDifference(reference[i], outputs[i])
      maxDifference = Math.max(maxDifference, difference.numeric)
      if (violation !== undefined || !outputsDiffer(difference, tolerance)) continue
      byValue = difference.mismatch !== undefined
      violation = { reason: comparison, detail: `${comparison}: ${describeDifference(difference, tolerance)}` }
    }
    if (violation === undefined) return
    violations++
    if (byValue) valueMismatches++
    reasons[violation.reason] = (reasons[violation.reason] ?? 0) + 1
    if (first === undefined) {
      first = i
      firstViolation = violation
    }
  })
  const base = {
    numRuns: rows.length,
    violations,
    violationRate: violations / rows.length,
    maxDifference,
    valueMismatches,
    reasons,
    comparisons: [...answers.keys()],
    seed,
  }
  if (first === undefined || firstViolation === undefined) return { ...base, numShrinks: 0 }

  const replayer = await rowReplayer(model, rows.filter((_, i) => i !== first).slice(0, 15), tolerance, answers.has('fresh-session'))
  try {
    const firstRow = rows[first] as I
    const initial = await replayer.replay(firstRow)
    let counterexample = { input: firstRow, outputs: initial.outputs, violation: initial.violation ?? firstViolation }
    if (fixed || initial.violation === undefined) return { ...base, counterexample, numShrinks: 0, ...(fixed ? {} : { path: String(first) }) }
    const shrinking = await shrinkCase({
      arbitrary: options.inputs as fc.Arbitrary<I>,
      seed,
      numRuns,
      index: first,
      fails: async (input) => {
        const { outputs, violation } = await replayer.replay(input)
        if (violation !== undefined) counterexample = { input, outputs, violation }
        return violation !== undefined
      },
    })
    return { ...base, counterexample, path: shrinking.path, numShrinks: shrinking.numShrinks }
  } finally {
    await replayer.release()
  }
}

/** Replays rows one at a time: alone twice, last in a batch of context rows, first in the reversed batch, in a fresh session. */
async function rowReplayer<I, O>(model: Model<I, O>, context: readonly I[], tolerance: number, useFreshSession: boolean) {
  const predict = (from: Model<I, O>, batch: readonly I[]): Promise<O[]> => checkedPredict(from, batch, 'toBeDeterministic')
  // One fresh session for the whole replay, so a fresh-session failure is shown (and shrunk) with the fresh answer.
  const freshModel = useFreshSession && model.fresh !== undefined ? await model.fresh() : undefined
  const replay = async (input: I): Promise<{ outputs: Record<string, unknown>; violation: Violation | undefined }> => {
    const [once] = await predict(model, [input])
    const [twice] = await predict(model, [input])
    const inBatch = (await predict(model, [...context, input]))[context.length]
    const reversed = (await predict(model, [input, ...[...context].reverse()]))[0]
    const outputs: Record<string, unknown> = { alone: once, 'alone, again': twice, 'last in a batch': inBatch, 'first in a reversed batch': reversed }
    if (freshModel !== undefined) outputs['in a fresh session'] = (await predict(freshModel, [input]))[0]
    const missing = missingOutput(once)
    if (missing !== undefined) return { outputs, violation: { reason: 'missing-output', detail: `alone: the output is ${missing}` } }
    for (const [label, output] of Object.entries(outputs).slice(1)) {
      const difference = outputDifference(once, output)
      const reason = label === 'alone, again' ? 'repeated-call' : label === 'in a fresh session' ? 'fresh-session' : 'batch-composition'
      if (outputsDiffer(difference, tolerance))
        return { outputs, violation: { reason, detail: `alone vs ${label}: ${describeDifference(difference, tolerance)}` } }
    }
    return { outputs, violation: undefined }
  }
  return {
    replay,
    release: async (): Promise<void> => {
      await freshModel?.release()
    },
  }
}

/** Replays the row at a reported path (and shrinks from it): one row, 1 violation when it still fails, 0 when it no longer does. */
async function replayDeterminism<I, O>(
  model: Model<I, O>,
  rows: readonly I[],
  options: DeterminismOptions<I> & { readonly path: string; readonly tolerance: number; readonly numRuns: number },
): Promise<DeterminismResult<I>> {
  const index = Number(options.path.split(':')[0])
  const replayer = await rowReplayer(model, rows.filter((_, i) => i !== index).slice(0, 15), options.tolerance, options.freshSession !== false)
  try {
    let counterexample: DeterminismResult<I>['counterexample']
    const shrinking = await shrinkCase({
      arbitrary: options.inputs as fc.Arbitrary<I>,
      seed: options.seed,
      numRuns: Math.max(options.numRuns, index + 1),
      index,
      path: options.path,
      fails: async (input) => {
        const { outputs, violation } = await replayer.replay(input)
        if (violation !== undefined) counterexample = { input, outputs, violation }
        return violation !== undefined
      },
    })
    const failed = counterexample !== undefined
    const comparisons: DeterminismComparison[] = [
      'repeated-call',
      'batch-composition',
      ...(options.freshSession !== false && model.fresh !== undefined ? ['fresh-session' as const] : []),
    ]
    return {
      numRuns: 1,
      violations: failed ? 1 : 0,
      violationRate: failed ? 1 : 0,
      maxDifference: 0,
      valueMismatches: 0,
      reasons: failed ? { [counterexample!.violation.reason]: 1 } : {},
      comparisons,
      seed: options.seed,
      ...(failed ? { counterexample: counterexample!, path: shrinking.path } : {}),
      numShrinks: shrinking.numShrinks,
    }
  } finally {
    await replayer.release()
  }
}

/** `max abs difference 0.3 > tolerance 0` for numbers; the place and both values for anything compared exactly. */
function describeDifference(difference: ReturnType<typeof outputDifference>, tolerance: number): string {
  if (difference.mismatch !== undefined) return describeOutputPlace(difference.mismatch)
  return `max abs difference ${difference.numeric} > tolerance ${tolerance}`
}
