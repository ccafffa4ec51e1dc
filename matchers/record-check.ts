import { recordArtifact, type TestAnnotationArtifact } from 'vitest'
import type { MatcherState } from '@vitest/expect'
import { META_KEY, type CheckMeta, type CheckRecord } from '../src/report/check-record.js'

/** The test a matcher runs in, as Vitest exposes it on the matcher state. */
type RunningTest = Parameters<typeof recordArtifact>[0]

function currentTest(state: MatcherState): RunningTest | undefined {
  return (state as MatcherState & { task?: RunningTest }).task
}

/**
 * Stores a check's record on the running test (`task.meta.vitestMl.checks`) so the vitest-ml reporter can build the
 * report from it after the run, including after `--merge-reports`; when the check failed, also annotates the test with
 * its key numbers so `vitest --ui` and the default reporter show them.
 *
 * @param state - the matcher's `this`
 * @param record - the record to store; `negated` is filled in from the assertion
 * @returns the record as stored
 */
export async function recordCheck(state: MatcherState, record: CheckRecord): Promise<CheckRecord> {
  const stored: CheckRecord = { ...record, negated: state.isNot }
  const test = currentTest(state)
  if (test === undefined) return stored
  const meta = test.meta as Record<string, unknown>
  const existing = meta[META_KEY] as CheckMeta | undefined
  if (existing === undefined) meta[META_KEY] = { checks: [stored] } satisfies CheckMeta
  else existing.checks.push(stored)
  const testFailed = stored.passed === state.isNot
  if (testFailed) await annotateFailure(test, stored)
  return stored
}

async function annotateFailure(test: RunningTest, record: CheckRecord): Promise<void> {
  const numbers = Object.entries(record.metrics)
    .slice(0, 6)
    .map(([name, value]) => `${name}=${formatNumber(value)}`)
    .join(', ')
  const seed = record.replay === undefined ? '' : ` (seed ${record.replay.seed})`
  const artifact: TestAnnotationArtifact = {
    type: 'internal:annotation',
    annotation: { message: `${record.title}: ${numbers}${seed}`, type: `vitest-ml:${record.kind}` },
  }
  try {
    await recordArtifact(test, artifact)
  } catch {
    // Annotations are a convenience for the UI; the record on task.meta is what the report reads.
  }
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value)
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e6 ? value.toPrecision(4) : value.toExponential(3)
}
