import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ModelIdentity } from '../model/model.js'
import { VitestMlError } from '../util/errors.js'
import { writeAtomically } from '../util/write-atomically.js'

/** Options of {@link recordTestSetUsage}. */
export interface TestSetUsageOptions {
  /**
   * The ledger file, relative to the working directory (normally the project root). Commit it to share the count.
   * @defaultValue the `VITEST_ML_TEST_SET_LEDGER` environment variable, else `.vitest-ml/test-set-usage.json`
   */
  readonly path?: string
  /**
   * Distinct models that may be compared on one test set before a warning: past it, the test set has been used to
   * choose between models so often that its score is no longer an unbiased estimate (anti-pattern 4).
   * @defaultValue `20`
   */
  readonly limit?: number
}

/** Result of {@link recordTestSetUsage}. */
export interface TestSetUsageResult {
  /** The ledger file written. */
  readonly path: string
  readonly testSetSha256: string
  /** Distinct models compared on this test set so far, this one included. */
  readonly models: number
  /** Comparisons recorded on this test set so far (re-runs included). */
  readonly comparisons: number
  readonly limit: number
  /** Whether `models` exceeds `limit`. */
  readonly exceeded: boolean
  /** A remark for the report when the limit is exceeded or the ledger could not be used. */
  readonly warning?: string
}

interface LedgerEntry {
  rows: number
  firstUsed: string
  lastUsed: string
  comparisons: number
  models: string[]
}

interface Ledger {
  version: 1
  testSets: Record<string, LedgerEntry>
}

/** Default ledger location. */
export const DEFAULT_TEST_SET_LEDGER = '.vitest-ml/test-set-usage.json'

/**
 * Test-set reuse guard: records in a small JSON ledger that `model` was compared on the test set `testSetSha256`,
 * and warns once more than `limit` distinct models have been compared on it. Re-running the same model does not
 * count twice. The file is replaced atomically; concurrent test files may lose an increment, never corrupt it. An
 * unreadable or unwritable ledger gives a warning, never a failure.
 *
 * @param testSetSha256 - identity of the test set (`rowSetHash` of its rows and labels)
 * @param rows - its size, for the ledger
 * @param model - the model compared on it
 * @param options - see {@link TestSetUsageOptions}
 * @returns the counts after this use
 * @example
 * ```ts
 * recordTestSetUsage(rowSetHash(testRows), testRows.length, model.identity, { limit: 20 })
 * // { models: 21, comparisons: 57, exceeded: true, warning: 'test set 3f2a… has been used to compare 21 models ...' }
 * ```
 */
export function recordTestSetUsage(testSetSha256: string, rows: number, model: ModelIdentity, options: TestSetUsageOptions = {}): TestSetUsageResult {
  const path = resolve(options.path ?? process.env['VITEST_ML_TEST_SET_LEDGER'] ?? DEFAULT_TEST_SET_LEDGER)
  const limit = options.limit ?? 20
  if (!Number.isInteger(limit) || limit < 1) {
    throw new VitestMlError('testSetUsage', 'a positive integer `limit`', String(limit), 'The limit is a number of distinct models, for example 20.')
  }
  let warning: string | undefined
  let ledger: Ledger = { version: 1, testSets: {} }
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Ledger>
    if (parsed.version === 1 && typeof parsed.testSets === 'object' && parsed.testSets !== null) ledger = parsed as Ledger
    else warning = `test-set ledger ${path} has an unknown format; counting starts again`
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      warning = `test-set ledger ${path} is unreadable (${(error as Error).message.split('\n')[0]}); counting starts again`
  }
  const now = new Date().toISOString()
  const entry = ledger.testSets[testSetSha256] ?? { rows, firstUsed: now, lastUsed: now, comparisons: 0, models: [] }
  const key = modelKey(model)
  entry.comparisons += 1
  entry.lastUsed = now
  if (!entry.models.includes(key)) entry.models.push(key)
  ledger.testSets[testSetSha256] = entry
  try {
    writeAtomically(path, `${JSON.stringify(ledger, null, 2)}\n`)
  } catch (error) {
    warning = `test-set ledger ${path} could not be written (${(error as Error).message.split('\n')[0]})`
  }
  const exceeded = entry.models.length > limit
  if (exceeded) {
    warning = `test set ${testSetSha256.slice(0, 12)}… has been used to compare ${entry.models.length} models (limit ${limit}): its score now overstates performance (overfitting to the test set); evaluate the final choice on fresh held-out data`
  }
  return { path, testSetSha256, models: entry.models.length, comparisons: entry.comparisons, limit, exceeded, ...(warning === undefined ? {} : { warning }) }
}

function modelKey(model: ModelIdentity): string {
  const version = model.version === undefined ? '' : `@${model.version}`
  const digest = model.sha256 === undefined ? '' : `#${model.sha256.slice(0, 16)}`
  return `${model.name}${version}${digest}`
}
