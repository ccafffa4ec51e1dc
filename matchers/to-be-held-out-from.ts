import type { MatcherState } from 'vitest'
import { findLeakage, type FindLeakageOptions, type LeakageResult, type LeakedRow } from '../src/evaluation/find-leakage.js'
import type { RowSource } from '../src/evaluation/row-hash.js'
import { toJsonSafe } from '../src/util/json-safe.js'
import { checkId, num, show, type MatcherOutcome } from './matcher-context.js'
import { recordCheckNow } from './record-check.js'

/** Options of `toBeHeldOutFrom`. */
export interface HeldOutOptions extends FindLeakageOptions {
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
 * near duplicate of a training row (every numeric value within `nearDuplicateDistance` standard deviations). Evidence for the
 * checklist item "Model tested on held-out test set".
 *
 * @example
 * ```ts
 * expect(testRows).toBeHeldOutFrom(trainRows, { keys: ['id'] })
 * expect({ inputs, labels }).toBeHeldOutFrom(trainSet, { tolerance: 0.001 })
 * ```
 */
export function toBeHeldOutFrom(this: MatcherState, received: unknown, train: RowSource, options: HeldOutOptions = {}): MatcherOutcome {
  const result = findLeakage(train, received as RowSource, options)
  const maxExact = options.maxExactShare ?? 0
  const maxNear = options.maxNearShare ?? 0
  const passed = result.exactRate <= maxExact && result.nearRate <= maxNear
  const hint = this.utils.matcherHint(`.${NAME}`, 'test', 'train', { isNot: this.isNot, promise: this.promise })
  const summary = describeLeakage(result, maxExact, maxNear)
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
  const near = result.nearDuplicateDistance === 0 || result.keys !== undefined
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
