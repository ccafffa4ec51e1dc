/**
 * Model-based test of the verdict: fast-check generates whole runs — tests in every state, checks of every kind in
 * both forms, consumed failures, errors outside tests, unfinished runs, gate files — and a small independent model says
 * what the verdict must be. The real `buildReport` must agree with the model, keep its invariants (a demonstration is
 * never evidence, banner and JSON agree), and `verifyReport` must accept the untouched report and catch any edit of a
 * derived field.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CHECK_KINDS } from '../../../src/checklist/check-kinds.js'
import type { GateConfig } from '../../../src/checklist/gate-config.js'
import type { RunError } from '../../../src/checklist/run-facts.js'
import type { CheckRecord } from '../../../src/record/check-record.js'
import { buildReport, type CollectedTest } from '../../../src/report/build-report.js'
import { consoleSummary } from '../../../src/report/console-summary.js'
import type { Report } from '../../../src/report/report.js'
import { reportDigest } from '../../../src/report/report-integrity.js'
import { verifyReport } from '../../../src/report/verify-report.js'

const KINDS = ['baseline', 'held-out', 'drift', 'skew', 'range', 'fallback', 'latency', 'my-audit'] as const

const checkArbitrary = fc.record({
  kind: fc.constantFrom(...KINDS),
  passed: fc.boolean(),
  negated: fc.boolean(),
  severity: fc.constantFrom('high', 'medium', 'low') as fc.Arbitrary<CheckRecord['severity']>,
  accuracy: fc.option(fc.constantFrom(0.5, 0.8, 0.9, 0.95), { nil: undefined }),
})

const testArbitrary = fc.record({
  file: fc.constantFrom('a.test.ts', 'b.test.ts', 'c.test.ts'),
  state: fc.oneof({ weight: 12, arbitrary: fc.constant('passed') }, { weight: 1, arbitrary: fc.constantFrom('failed', 'skipped', 'pending') }) as fc.Arbitrary<
    CollectedTest['state']
  >,
  checks: fc.array(checkArbitrary, { maxLength: 3 }),
})

const gateArbitrary: fc.Arbitrary<GateConfig | undefined> = fc.option(
  fc
    .record(
      {
        required: fc.subarray(['baseline-improvement', 'held-out-test', 'data-drift-weekly', 'training-serving-identical', 'fallback-strategy']),
        thresholds: fc.option(
          fc.record({
            accuracy: fc.record({ min: fc.constantFrom(0.7, 0.85), severity: fc.constantFrom('high', 'medium') as fc.Arbitrary<'high' | 'medium'> }),
          }),
          { nil: undefined },
        ),
        minMlTestScore: fc.option(fc.constantFrom(0, 0.5, 1), { nil: undefined }),
      },
      { requiredKeys: ['required'] },
    )
    .map((gate) => JSON.parse(JSON.stringify(gate)) as GateConfig),
  { nil: undefined },
)

const runArbitrary = fc.record({
  tests: fc.array(testArbitrary, { maxLength: 6 }),
  errors: fc.oneof(
    { weight: 9, arbitrary: fc.constant([]) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.constantFrom<RunError>(
          { origin: 'unhandled', message: 'Worker exited unexpectedly' },
          { origin: 'module', file: 'd.test.ts', message: 'SyntaxError' },
        ),
        { minLength: 1, maxLength: 2 },
      ),
    },
  ),
  status: fc.oneof({ weight: 9, arbitrary: fc.constant('finished') }, { weight: 1, arbitrary: fc.constant('running') }) as fc.Arbitrary<'finished' | 'running'>,
  interrupted: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  gate: gateArbitrary,
})

type RunSpec = typeof runArbitrary extends fc.Arbitrary<infer T> ? T : never

function build(spec: RunSpec): Report {
  const tests: CollectedTest[] = spec.tests.map((test, index) => ({
    file: test.file,
    fullName: `t${index}`,
    namePattern: `t${index}`,
    state: test.state,
    checks: test.checks.map(
      (check, position): CheckRecord => ({
        id: `${check.kind}:t${index}:${position}`,
        kind: check.kind,
        title: `${check.kind} ${index}.${position}`,
        passed: check.passed,
        negated: check.negated,
        severity: check.severity,
        checklist: check.kind === 'my-audit' ? ['held-out-test'] : [],
        metrics: check.accuracy === undefined ? {} : { accuracy: check.accuracy },
      }),
    ),
  }))
  const reason = spec.interrupted ? 'interrupted' : spec.tests.some((test) => test.state === 'failed') || spec.errors.length > 0 ? 'failed' : 'passed'
  return buildReport({
    tests,
    errors: spec.errors,
    ...(spec.gate === undefined ? {} : { gate: spec.gate }),
    run: {
      id: 'run-model-based',
      status: spec.status,
      startedAt: '2026-11-30T00:00:00.000Z',
      finishedAt: '2026-11-30T00:00:01.000Z',
      durationMs: 1000,
      vitestVersion: '4.1.12',
      reason,
    },
    provenance: { models: [], data: [], seeds: [], node: 'v20' },
  })
}

/** The model: what the verdict must be, computed from the spec alone with rules written independently of the code. */
function expectedReady(spec: RunSpec): boolean {
  if (spec.status !== 'finished' || spec.interrupted || spec.errors.length > 0 || spec.tests.length === 0) return false
  if (spec.tests.some((test) => test.state === 'failed' || test.state === 'pending')) return false
  const healthyNegated = (kind: string): boolean => kind === 'drift' || kind === 'skew'
  const evidence = spec.tests
    .flatMap((test) =>
      test.checks.map((check) => {
        const held = check.passed !== check.negated
        const healthyForm = check.negated === healthyNegated(check.kind)
        const outcome = !held ? (test.state === 'passed' ? 'expected-failure' : 'failed') : healthyForm ? 'passed' : 'demonstration'
        return { ...check, outcome, isEvidence: healthyForm && (outcome === 'passed' || outcome === 'failed') }
      }),
    )
    .filter((check) => check.isEvidence)
  const gate = spec.gate
  if (gate === undefined) return true
  const items: Record<string, readonly string[]> = Object.fromEntries(Object.entries(CHECK_KINDS).map(([kind, rule]) => [kind, rule.checklist]))
  const itemsOf = (kind: string): readonly string[] => (kind === 'my-audit' ? ['held-out-test'] : (items[kind] ?? []))
  for (const id of gate.required ?? []) {
    const covering = evidence.filter((check) => itemsOf(check.kind).includes(id))
    if (covering.length === 0 || covering.some((check) => check.outcome !== 'passed')) return false
  }
  const accuracy = gate.thresholds?.accuracy
  if (accuracy?.severity === 'high') {
    const values = evidence.filter((check) => check.accuracy !== undefined).map((check) => check.accuracy!)
    if (values.length === 0 || values.some((value) => value < accuracy.min!)) return false
  }
  return true
}

const roundTrip = (report: Report): Report => JSON.parse(JSON.stringify(report)) as Report

describe('the verdict against an independent model of the rules', () => {
  it('agrees with the model on every generated run, and keeps its invariants', () => {
    const verdicts = { ready: 0, notReady: 0 }
    fc.assert(
      fc.property(runArbitrary, (spec) => {
        // The ML Test Score minimum is left to the unit tests: the model would have to re-implement the rubric.
        const clean = JSON.parse(JSON.stringify(spec)) as RunSpec
        if (clean.gate !== undefined) delete (clean.gate as { minMlTestScore?: number }).minMlTestScore
        const report = build(clean)
        expect(report.gate.passed).toBe(expectedReady(clean))
        verdicts[report.gate.passed ? 'ready' : 'notReady'] += 1
        expect(consoleSummary(report).startsWith(` vitest-ml  ${report.gate.passed ? 'GATE PASSED' : 'GATE FAILED'}  `)).toBe(true)
        const byAnchor = new Map(report.checks.map((check) => [check.anchor, check]))
        for (const item of report.checklist) for (const anchor of item.checks) expect(byAnchor.get(anchor)?.evidence).toBe(true)
        for (const item of report.mlTestScore.items) for (const anchor of item.checks) expect(byAnchor.get(anchor)?.evidence).toBe(true)
        for (const check of report.checks) {
          if (check.outcome === 'demonstration' || check.outcome === 'expected-failure') expect(check.evidence).toBe(false)
          if (check.negated === true && check.kind !== 'drift' && check.kind !== 'skew') expect(check.evidence).toBe(false)
        }
        if (report.gate.passed) {
          expect(report.tests.every((test) => test.state === 'passed' || test.state === 'skipped')).toBe(true)
          expect(report.errors).toEqual([])
          expect(report.run.status).toBe('finished')
        }
        expect(report.summary.tests.total).toBe(clean.tests.length)
      }),
      { numRuns: 600, seed: 20261130 },
    )
    // Both verdicts are exercised, so agreement is not agreement on one constant.
    expect(verdicts.ready).toBeGreaterThan(60)
    expect(verdicts.notReady).toBeGreaterThan(60)
  })

  it('verifyReport accepts every untouched report and gives the same verdict', () => {
    fc.assert(
      fc.property(runArbitrary, (spec) => {
        const report = roundTrip(build(spec))
        const { problems, verdict } = verifyReport(report)
        expect(problems).toEqual([])
        expect(verdict.gate.passed).toBe(report.gate.passed)
      }),
      { numRuns: 300, seed: 7 },
    )
  })

  const edits: [string, (report: Report) => Report | undefined][] = [
    ['flip gate.passed', (report) => ({ ...report, gate: { ...report.gate, passed: !report.gate.passed } })],
    [
      'drop the first failure',
      (report) => (report.gate.failures.length === 0 ? undefined : { ...report, gate: { ...report.gate, failures: report.gate.failures.slice(1) } }),
    ],
    [
      'mark a failed test passed',
      (report) => {
        const index = report.tests.findIndex((test) => test.state === 'failed')
        return index < 0 ? undefined : { ...report, tests: report.tests.map((test, at) => (at === index ? { ...test, state: 'passed' as const } : test)) }
      },
    ],
    ['drop an error outside tests', (report) => (report.errors.length === 0 ? undefined : { ...report, errors: [] })],
    [
      'finish an unfinished run',
      (report) => (report.run.status === 'finished' ? undefined : { ...report, run: { ...report.run, status: 'finished' as const } }),
    ],
    [
      'call a demonstration evidence',
      (report) => {
        const index = report.checks.findIndex((check) => check.outcome === 'demonstration')
        return index < 0
          ? undefined
          : { ...report, checks: report.checks.map((check, at) => (at === index ? { ...check, outcome: 'passed' as const, evidence: true } : check)) }
      },
    ],
    [
      "flip a check's passed",
      (report) =>
        report.checks.length === 0
          ? undefined
          : { ...report, checks: report.checks.map((check, at) => (at === 0 ? { ...check, passed: !check.passed } : check)) },
    ],
    ['remove a check', (report) => (report.checks.length === 0 ? undefined : { ...report, checks: report.checks.slice(1) })],
    [
      'mark a checklist item passed',
      (report) => {
        const index = report.checklist.findIndex((item) => item.status === 'failed' || item.status === 'not-covered')
        return index < 0
          ? undefined
          : { ...report, checklist: report.checklist.map((item, at) => (at === index ? { ...item, status: 'passed' as const } : item)) }
      },
    ],
  ]

  it.each(edits)('verifyReport catches "%s", even with the digest recomputed', (_name, edit) => {
    let edited = 0
    fc.assert(
      fc.property(runArbitrary, (spec) => {
        const report = roundTrip(build(spec))
        const changed = edit(report)
        if (changed === undefined) return
        edited += 1
        const resealed = { ...changed, integrity: { algorithm: 'sha256' as const, digest: reportDigest(changed) } }
        const verification = verifyReport(resealed)
        // Flipping `passed` and `negated` together on a check can describe the same assertion; every edit here cannot.
        expect(verification.problems.length).toBeGreaterThan(0)
        expect(verifyReport(changed).problems[0]).toMatch(/^integrity: /)
      }),
      { numRuns: 400, seed: 11 },
    )
    expect(edited).toBeGreaterThan(15)
  })
})
