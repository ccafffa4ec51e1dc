import type { GateReason } from './evaluate-gate.js'
import type { CheckOutcome } from './evidence-check.js'
import type { RunFacts, RunTest } from './run-facts.js'

/** A check as the run failures name it. */
export interface NamedCheck {
  /** Anchor in the HTML report. */
  readonly anchor: string
  /** Title: the claim the check makes in its positive form. */
  readonly title: string
  /** Whether the assertion was negated. */
  readonly negated?: boolean
  /** How it came out. */
  readonly outcome: CheckOutcome
  /** Severity of a failure. */
  readonly severity: string
  /** The test that recorded it (file and full name). */
  readonly file: string
  /** Full name of that test. */
  readonly test: string
}

/**
 * Why the run itself is not ready, whatever its checks say: it did not finish, it was interrupted, an error happened
 * outside any test, a test failed or never finished, or no test ran at all. Every reason blocks the gate.
 *
 * @param run - the run's status, reason, tests and errors
 * @param checks - the run's checks, to name the failed ones inside each failed test
 * @returns blocking reasons, run-level first, then one per failed test
 * @example
 * ```ts
 * runFailures({ status: 'finished', reason: 'failed', errors: [], tests: [{ file: 'a.test.ts', name: 'loads', state: 'failed', errors: ['ENOENT'] }] }, [])
 * // [{ source: 'test', message: 'test failed: a.test.ts > loads: ENOENT' }]
 * ```
 */
export function runFailures(run: RunFacts, checks: readonly NamedCheck[]): GateReason[] {
  const failures: GateReason[] = []
  if (run.status !== 'finished') {
    failures.push({ source: 'run', message: 'the run did not finish: this report was written when it started (the run was killed, crashed or is still going)' })
  } else if (run.reason === 'interrupted') {
    failures.push({ source: 'run', message: 'the run was interrupted before every test finished' })
  }
  for (const error of run.errors) {
    if (error.origin === 'config') {
      failures.push({ source: 'config', message: `the gate configuration is invalid: ${firstLine(error.message)}` })
      continue
    }
    const where = error.file === undefined ? '' : ` in ${error.file}`
    const what = error.origin === 'module' ? `test file failed outside its tests${where}` : `error outside any test${where}`
    failures.push({ source: 'run', message: `${what}: ${firstLine(error.message)}` })
  }
  const unfinished = run.tests.filter((test) => test.state === 'pending')
  if (unfinished.length > 0) {
    failures.push({
      source: 'run',
      message: `${unfinished.length} ${unfinished.length === 1 ? 'test' : 'tests'} never finished: ${unfinished.slice(0, 3).map(testName).join('; ')}${unfinished.length > 3 ? '; ...' : ''}`,
    })
  }
  if (run.status === 'finished' && run.tests.length === 0) failures.push({ source: 'run', message: 'no test ran: there is no evidence to decide on' })
  const failedChecks = new Map<string, NamedCheck[]>()
  for (const check of checks) {
    if (check.outcome !== 'failed') continue
    const key = `${check.file}\0${check.test}`
    failedChecks.set(key, [...(failedChecks.get(key) ?? []), check])
  }
  for (const test of run.tests) {
    if (test.state !== 'failed') continue
    const own = failedChecks.get(`${test.file}\0${test.name}`) ?? []
    const first = own[0]
    const why =
      first !== undefined ? describeFailedCheck(first) + (own.length > 1 ? ` (and ${own.length - 1} more)` : '') : firstLine(test.errors?.[0] ?? 'failed')
    failures.push({ source: 'test', message: `test failed: ${testName(test)}: ${why}`, ...(first === undefined ? {} : { anchor: first.anchor }) })
  }
  return failures
}

/**
 * A failed check as a sentence that cannot be read as if the property held.
 *
 * @example
 * ```ts
 * describeFailedCheck({ title: 'model.onnx is increasing in feature 3', severity: 'high', ... })
 * // 'check does not hold (high): "model.onnx is increasing in feature 3"'
 * ```
 */
export function describeFailedCheck(check: Pick<NamedCheck, 'title' | 'negated' | 'severity'>): string {
  return check.negated === true
    ? `check holds although asserted with .not (${check.severity}): "${check.title}"`
    : `check does not hold (${check.severity}): "${check.title}"`
}

function testName(test: RunTest): string {
  return `${test.file} > ${test.name}`
}

function firstLine(text: string): string {
  const line = text.split('\n').find((candidate) => candidate.trim() !== '') ?? text
  return line.length > 300 ? `${line.slice(0, 299)}…` : line.trim()
}
