import type { MatcherState } from 'vitest'
import { type Dataset, datasetFromRows } from '../src/data/dataset.js'
import { isDataset } from '../src/drift/as-dataset.js'
import { type FindLeakageOptions, findLeakage, type LeakageResult, type LeakedRow } from '../src/evaluation/find-leakage.js'
import type { RowSource } from '../src/evaluation/row-hash.js'
import { judgeSplitLeakage, type SplitLeakageJudgement, type SplitLeakageLimits } from '../src/hygiene/judge-split-leakage.js'
import { type SplitLeakageOptions, splitLeakage } from '../src/hygiene/split-leakage.js'
import { VitestMlError } from '../src/util/errors.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { checkId, type MatcherOutcome, num, show } from './matcher-context.js'
import { recordCheckNow } from './record-check.js'

/**
 * Options of `toBeHeldOutFrom`. With `time`, `ids` or `label` (rows as records or a Dataset), leakage beyond repeated
 * rows is checked too: time overlap, shared ids, and single features that give the label away.
 */
export interface HeldOutOptions extends FindLeakageOptions, Omit<SplitLeakageOptions, 'features'>, SplitLeakageLimits {
  /** Largest share of test rows that may also be training rows. @defaultValue 0 */
  readonly maxExactShare?: number
  /** Largest share of test rows that may be near duplicates of training rows. @defaultValue 0 */
  readonly maxNearShare?: number
  /** Severity in the report. @defaultValue 'high' */
  readonly severity?: 'high' | 'medium' | 'low'
}

const NAME = 'toBeHeldOutFrom'

/**
 * The test set is held out from the training set: no test row (or key) also appears in training, and no test row is a
 * near duplicate of a training row (every numeric value within `nearDuplicateDistance` standard deviations). With
 * `time`, `ids` or `label` (rows as records or a Dataset) it also checks leakage beyond repeated rows: no test row older
 * than the newest training row, no id on both sides, and no single feature that predicts the label almost perfectly
 * (its score is printed). Each failing part ends with a one-line fix. Evidence for the checklist item "Model tested on
 * held-out test set".
 *
 * @example
 * ```ts
 * expect(testRows).toBeHeldOutFrom(trainRows, { keys: ['id'] })
 * expect({ inputs, labels }).toBeHeldOutFrom(trainSet, { nearDuplicateDistance: 0.001 })
 * expect(test).toBeHeldOutFrom(train, { label: 'species', time: 'date', ids: ['penguin_id'] })
 * ```
 */
export function toBeHeldOutFrom(this: MatcherState, received: unknown, train: RowSource, options: HeldOutOptions = {}): MatcherOutcome {
  const split = options.time !== undefined || options.label !== undefined || (options.ids?.length ?? 0) > 0
  const trainData = split ? asRecords(train, 'train') : undefined
  const testData = split ? asRecords(received as RowSource, 'test') : undefined
  // Rows are compared without their ids, so the same record under a new id is still a repeat. (Times stay: two days
  // with the same readings are two days, not a leak.)
  const keys = [...(options.ids ?? [])]
  const withoutKeys = (data: Dataset): Record<string, unknown>[] =>
    data.rows().map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key))))
  const rowsOf = (data: Dataset | undefined, source: RowSource): RowSource => (data !== undefined && keys.length > 0 ? withoutKeys(data) : source)
  const result = findLeakage(rowsOf(trainData, train), rowsOf(testData, received as RowSource), options)
  const judged: SplitLeakageJudgement | undefined =
    trainData === undefined || testData === undefined ? undefined : judgeSplitLeakage(splitLeakage(trainData, testData, options), options)
  const maxExact = options.maxExactShare ?? 0
  const maxNear = options.maxNearShare ?? 0
  const passed = result.exactRate <= maxExact && result.nearRate <= maxNear && (judged?.failures.length ?? 0) === 0
  const hint = this.utils.matcherHint(`.${NAME}`, 'test', 'train', { isNot: this.isNot, promise: this.promise })
  const fixes = [
    ...(result.exactRate > maxExact || result.nearRate > maxNear
      ? ['Fix: drop the test rows that are (near) copies of training rows, or split again so no record lands on both sides']
      : []),
    ...(judged?.failures ?? []).map((failure) => `Fix: ${failure.fix}`),
  ]
  const summary = [describeLeakage(result, maxExact, maxNear), ...(judged?.lines ?? []), ...(passed ? [] : fixes)].join('\n')
  const message = passed
    ? `${hint}\n\nExpected the test set to overlap the training set, but it is held out:\n${summary}`
    : `${hint}\n\nThe test set is not held out from the training set:\n${summary}`
  const first = result.examples.exact[0] ?? result.examples.near[0]
  recordCheckNow(this, {
    id: checkId(this, 'held-out'),
    kind: 'held-out',
    title: `test set (${result.testRows} rows) held out from training (${result.trainRows} rows)`,
    passed,
    severity: options.severity ?? 'high',
    data: { name: 'test set', rows: result.testRows, sha256: result.testSha256 },
    metrics: {
      exactDuplicates: result.exactDuplicates,
      exactRate: result.exactRate,
      nearDuplicates: result.nearDuplicates,
      nearRate: result.nearRate,
      trainRows: result.trainRows,
      testRows: result.testRows,
      ...judged?.metrics,
    },
    ...(first === undefined ? {} : { counterexample: toJsonSafe(first) }),
    ...(passed ? {} : { message }),
  })
  return {
    pass: passed,
    message: () => message,
    actual: { exactDuplicates: result.exactDuplicates, nearDuplicates: result.nearDuplicates },
    expected: { exactRate: `<= ${maxExact}`, nearRate: `<= ${maxNear}` },
  }
}

function describeLeakage(result: LeakageResult, maxExact: number, maxNear: number): string {
  const what = result.keys === undefined ? 'rows' : `keys (${result.keys.join(', ')})`
  const near =
    result.nearDuplicateDistance === 0 || result.keys !== undefined
      ? '  near duplicates: not checked'
      : `  near duplicates: ${result.nearDuplicates} of ${result.testRows} test rows within ${num(result.nearDuplicateDistance)} standard deviations of a training row (share ${num(result.nearRate)}, expected <= ${num(maxNear)})`
  const example = (row: LeakedRow): string =>
    `    test row ${row.testIndex} ${show(row.testRow)} ~ train row ${row.trainIndex} ${show(row.trainRow)}${row.distance > 0 ? ` (distance ${num(row.distance)} sd)` : ''}`
  const examples = [...result.examples.exact, ...result.examples.near].slice(0, 5).map(example)
  return [
    `  exact duplicates: ${result.exactDuplicates} of ${result.testRows} test ${what} also in the ${result.trainRows} training rows (share ${num(result.exactRate)}, expected <= ${num(maxExact)})`,
    near,
    ...(examples.length === 0 ? [] : ['  examples:', ...examples]),
    `  test set sha256 ${result.testSha256.slice(0, 16)}…, train set sha256 ${result.trainSha256.slice(0, 16)}…`,
  ].join('\n')
}

function asRecords(source: RowSource, role: string): Dataset {
  if (isDataset(source)) return source
  const rows = Array.isArray(source) ? source : (source as { inputs?: unknown }).inputs
  if (Array.isArray(rows) && rows.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row) && !ArrayBuffer.isView(row))) {
    return datasetFromRows(rows as Record<string, unknown>[], { name: `${role} set` })
  }
  throw new VitestMlError(
    NAME,
    `${role} rows as records or a Dataset when \`time\`, \`ids\` or \`label\` is given`,
    'rows without column names (arrays)',
    'Pass the rows as records ({ column: value }) or a Dataset from readCsv(), so the columns can be found.',
  )
}
