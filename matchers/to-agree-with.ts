import type { MatcherState } from 'vitest'
import { compareModels } from '../src/patterns/compare-models.js'
import { drawRows, type InputSource, sampleIndices } from '../src/patterns/sample-rows.js'
import { VitestMlError } from '../src/util/errors.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { asyncMatcher } from './async-matcher.js'
import { checkId, type MatcherOutcome, modelRef, num, replayLine, requireModel, resolveSeed, show } from './matcher-context.js'
import { recordCheck } from './record-check.js'

/** Options of `toAgreeWith`. */
export interface AgreeWithOptions<I = unknown> {
  /** Real input rows (production traffic, a test split; sampled with the seed) or a fast-check arbitrary. */
  readonly inputs: InputSource<I>
  /** Smallest share of rows on which the two agree (same argmax or label, or within `tolerance`) that passes. @defaultValue 0.95 when `maxMeanAbsDiff` is not given */
  readonly minAgreementShare?: number
  /** Largest mean absolute difference of the outputs' numbers that passes. */
  readonly maxMeanAbsDiff?: number
  /** Largest difference at which two single-number outputs agree. @defaultValue 0 */
  readonly tolerance?: number
  /** Rows compared, sampled with the seed. @defaultValue every row (arrays), 100 (arbitraries) */
  readonly numRuns?: number
  /** Seed of the sampling. @defaultValue derived from the test name */
  readonly seed?: number
  /** Disagreements listed in the message. @defaultValue 5 */
  readonly maxListed?: number
  /** Severity in the report. @defaultValue 'medium' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toAgreeWith'

/**
 * The candidate (a shadow model, a retrained version, a quantized export) gives the same decisions as production on
 * real inputs: the share of agreeing rows and/or the mean absolute difference within bounds; a failure lists the worst
 * disagreements. The candidate is the model judged and recorded.
 *
 * @example
 * ```ts
 * await expect(candidate).toAgreeWith(production, { inputs: testRows, minAgreementShare: 0.95 })
 * ```
 */
export const toAgreeWith = asyncMatcher(NAME, checkAgreeWith)

async function checkAgreeWith(this: MatcherState, received: unknown, other: unknown, options: AgreeWithOptions): Promise<MatcherOutcome> {
  // The candidate is the model judged (`expect(candidate)`), production what it must agree with.
  const candidate = requireModel(received, NAME)
  const model = requireModel(other, NAME)
  if (typeof options !== 'object' || options === null)
    throw new VitestMlError(NAME, 'an options object', String(options), 'Pass `{ inputs: rows, minAgreementShare: 0.95 }`.')
  const seed = resolveSeed(this, NAME, options?.seed)
  const minAgreement = options.minAgreementShare ?? (options.maxMeanAbsDiff === undefined ? 0.95 : undefined)
  if (minAgreement !== undefined && !(minAgreement >= 0 && minAgreement <= 1)) {
    throw new VitestMlError(NAME, '`minAgreementShare` in [0, 1]', String(minAgreement), 'Pass a share, for example `minAgreementShare: 0.95`.')
  }
  const inputs = options?.inputs
  const positions = Array.isArray(inputs) && inputs.length > 0 ? sampleIndices(NAME, inputs.length, options.numRuns, seed) : undefined
  const rows = positions === undefined ? drawRows(NAME, inputs, options.numRuns, seed) : positions.map((position) => (inputs as readonly unknown[])[position])
  const result = await compareModels(model, candidate, rows, { source: NAME, ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }) })
  const agreementOk = minAgreement === undefined || result.agreement >= minAgreement
  const diffOk = options.maxMeanAbsDiff === undefined || result.meanAbsDiff <= options.maxMeanAbsDiff
  const passed = agreementOk && diffOk
  const top = result.disagreements.slice(0, options.maxListed ?? 5).map((row) => ({ ...row, index: positions?.[row.index] ?? row.index }))
  const pair = `${model.identity.name} and ${candidate.identity.name}`
  await recordCheck(this, {
    id: checkId(this, 'shadow'),
    kind: 'shadow',
    title: `${candidate.identity.name} agrees with ${model.identity.name}`,
    passed,
    severity: options.severity ?? 'medium',
    model: modelRef(candidate),
    metrics: {
      agreement: result.agreement,
      meanAbsDiff: result.meanAbsDiff,
      maxAbsDiff: result.maxAbsDiff,
      disagreements: result.disagreements.length,
      rows: result.rows,
    },
    ...(top.length > 0 && { counterexample: toJsonSafe(top, { maxArrayLength: 16 }) }),
    replay: { seed, numRuns: rows.length },
  })
  const bounds = [
    minAgreement === undefined
      ? undefined
      : `agreement share ${num(result.agreement)} (${result.rows - result.disagreements.length} of ${result.rows} rows), expected >= ${num(minAgreement)}`,
    options.maxMeanAbsDiff === undefined ? undefined : `mean absolute difference ${num(result.meanAbsDiff)}, expected <= ${num(options.maxMeanAbsDiff)}`,
  ].filter((line) => line !== undefined)
  const hint = this.utils.matcherHint(`.${NAME}`, 'candidate', 'production', { isNot: this.isNot, promise: this.promise })
  const listing = top.map(
    (row) =>
      `  row ${row.index}: input ${show(row.input)}\n    ${model.identity.name}: ${show(row.reference)}\n    ${candidate.identity.name}: ${show(row.candidate)} (mean |diff| ${num(row.absDiff)})`,
  )
  return {
    pass: passed,
    message: () =>
      passed
        ? `${hint}\n\nExpected ${pair} to disagree, but they agree: ${bounds.join('; ')}.\n${replayLine(seed, rows.length)}`
        : [
            hint,
            '',
            `${pair} disagree: ${bounds.join('; ')}.`,
            `Top ${top.length} of ${result.disagreements.length} disagreements (largest difference first):`,
            ...listing,
            replayLine(seed, rows.length),
          ].join('\n'),
    actual: { agreement: result.agreement, meanAbsDiff: result.meanAbsDiff },
    expected: { minAgreementShare: minAgreement, maxMeanAbsDiff: options.maxMeanAbsDiff },
  }
}
