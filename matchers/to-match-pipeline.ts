import type fc from 'fast-check'
import type { MatcherState } from 'vitest'
import { casesDistribution } from '../src/arbitraries/cases-distribution.js'
import { comparePipelines, type Pipeline } from '../src/drift/compare-pipelines.js'
import { isModel } from '../src/model/model.js'
import { judgeRateLimit } from '../src/stats/rate-limit.js'
import { VitestMlError } from '../src/util/errors.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { asyncMatcher } from './async-matcher.js'
import { checkId, type MatcherOutcome, modelRef, num, replayLine, resolveSeed, show } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** Options of `toMatchPipeline`. */
export interface MatchPipelineOptions<I = unknown> {
  /** Raw inputs: a fast-check arbitrary or real rows. */
  readonly inputs: fc.Arbitrary<I> | readonly I[]
  /** Largest absolute difference that still counts as equal. @defaultValue 1e-9 */
  readonly tolerance?: number
  /** Largest difference relative to the larger magnitude that still counts as equal (added to `tolerance`). @defaultValue 1e-9 */
  readonly relativeTolerance?: number
  /** Inputs sampled from an arbitrary. @defaultValue 1000 */
  readonly numRuns?: number
  /** Rows per call (the same batches go to both pipelines). @defaultValue 100 */
  readonly batchSize?: number
  /** Seed. @defaultValue derived from the test name */
  readonly seed?: number
  /**
   * Largest acceptable rate of differing rows: 0 allows none; above 0, the one-sided Clopper-Pearson upper bound on the
   * rate at `confidence` must be below it. @defaultValue 0
   */
  readonly maxMismatchRate?: number
  /** Confidence of that bound. @defaultValue 0.95 */
  readonly confidence?: number
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toMatchPipeline'

function pipelineName(pipeline: unknown, fallback: string): string {
  if (isModel(pipeline)) return pipeline.identity.name
  return typeof pipeline === 'function' && pipeline.name !== '' ? pipeline.name : fallback
}

/**
 * The serving pipeline gives the same features (or outputs) as the training pipeline on the same raw inputs, sent in
 * the same batches: the direct check that "training-serving preprocessing is identical". The failure shows the worst
 * row: its input, both outputs, the field that differs and by how much.
 *
 * @example
 * ```ts
 * await expect(servingPreprocess).toMatchPipeline(trainingPreprocess, { inputs: rawRows, tolerance: 1e-6 })
 * ```
 */
export const toMatchPipeline = asyncMatcher(NAME, checkMatchPipeline)

async function checkMatchPipeline(this: MatcherState, received: unknown, training: unknown, options: MatchPipelineOptions): Promise<MatcherOutcome> {
  for (const [role, pipeline] of [
    ['serving (received)', received],
    ['training', training],
  ] as const) {
    if (typeof pipeline !== 'function' && !isModel(pipeline)) {
      throw new VitestMlError(
        NAME,
        `the ${role} pipeline to be a function (batch) => outputs or a model`,
        pipeline === null ? 'null' : typeof pipeline,
        'Pass `(batch) => batch.map(preprocess)`, or functionModel(preprocess).',
      )
    }
  }
  const seed = resolveSeed(this, NAME, options?.seed)
  const numRuns = options?.numRuns ?? 1000
  const result = await comparePipelines(training as Pipeline, received as Pipeline, {
    inputs: options?.inputs,
    seed,
    numRuns,
    ...(options?.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    ...(options?.tolerance === undefined ? {} : { tolerance: options.tolerance }),
    ...(options?.relativeTolerance === undefined ? {} : { relativeTolerance: options.relativeTolerance }),
  })
  const limit = judgeRateLimit(result.mismatches, result.rows, {
    maxRate: options.maxMismatchRate ?? 0,
    ...(options.confidence === undefined ? {} : { confidence: options.confidence }),
    source: NAME,
    option: 'maxMismatchRate',
  })
  const passed = limit.passed
  const servingName = pipelineName(received, 'serving')
  const trainingName = pipelineName(training, 'training')
  const worst = result.worst
  // Said as the relation matchers say a violation rate: the rate, what the rows were drawn from, then the verdict rule.
  const counted = `mismatch rate ${num(result.mismatchRate)} (${result.mismatches} of ${result.rows} rows under ${casesDistribution(options.inputs)})`
  const verdict =
    limit.maxRate === 0 ? ', expected 0' : `; ${num(limit.confidence * 100)}% upper bound ${num(limit.upperBound)}, expected < ${num(limit.maxRate)}`
  const rate = `${counted}${verdict}; largest difference ${num(result.maxDifference)}`
  const hint = this.utils.matcherHint(`.${NAME}`, 'serving', 'training', { isNot: this.isNot, promise: this.promise })
  const message = passed
    ? `${hint}\n\nExpected ${servingName} to differ from ${trainingName}, but ${rate}.\n${replayLine(seed, result.rows)}`
    : [
        hint,
        '',
        `${servingName} does not match ${trainingName}: ${rate}.`,
        `Worst row (#${worst?.index ?? 0}), field ${worst?.field === '' ? '(the output)' : `"${worst?.field ?? ''}"`} differs by ${num(worst?.difference ?? 0)}:`,
        `  input:    ${show(worst?.input)}`,
        `  training: ${show(worst?.training)}`,
        `  serving:  ${show(worst?.serving)}`,
        replayLine(seed, result.rows),
      ].join('\n')
  const model = isModel(received) ? received : isModel(training) ? training : undefined
  await recordCheck(this, {
    id: checkId(this, 'pipeline'),
    kind: 'pipeline',
    title: `${servingName} matches ${trainingName}`,
    passed,
    severity: options.severity ?? 'high',
    ...(model === undefined ? {} : { model: modelRef(model) }),
    metrics: {
      mismatchRate: result.mismatchRate,
      mismatches: result.mismatches,
      rows: result.rows,
      upperBound: limit.upperBound,
      maxMismatchRate: limit.maxRate,
      maxDifference: Number.isFinite(result.maxDifference) ? result.maxDifference : Number.MAX_VALUE,
    },
    ...(worst === undefined
      ? {}
      : { counterexample: toJsonSafe({ input: worst.input, training: worst.training, serving: worst.serving, field: worst.field }) }),
    replay: { seed, numRuns: result.rows },
    ...(passed === this.isNot ? { message } : {}),
  })
  return { pass: passed, message: () => message, actual: toJsonSafe(worst?.serving), expected: toJsonSafe(worst?.training) }
}
