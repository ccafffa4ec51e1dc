import { describe, expect, it } from 'vitest'
import type { RunFacts } from '../../../src/checklist/run-facts.js'
import { describeFailedCheck, type NamedCheck, runFailures } from '../../../src/checklist/run-failures.js'

const run = (overrides: Partial<RunFacts> = {}): RunFacts => ({
  status: 'finished',
  reason: 'passed',
  errors: [],
  tests: [{ file: 'a.test.ts', name: 'x > y', state: 'passed' }],
  ...overrides,
})
const named = (overrides: Partial<NamedCheck> = {}): NamedCheck => ({
  anchor: 'c1',
  title: 'drift of live from training',
  outcome: 'failed',
  severity: 'medium',
  file: 'a.test.ts',
  test: 'x > y',
  ...overrides,
})

describe('runFailures', () => {
  it('finds nothing wrong with a finished run whose tests passed or were skipped', () => {
    expect(
      runFailures(
        run({
          tests: [
            { file: 'a.test.ts', name: 'one', state: 'passed' },
            { file: 'a.test.ts', name: 'two', state: 'skipped' },
          ],
        }),
        [],
      ),
    ).toEqual([])
  })

  it('blocks a placeholder written when the run started (the run never finished)', () => {
    expect(runFailures(run({ status: 'running', tests: [] }), [])).toEqual([
      { source: 'run', message: 'the run did not finish: this report was written when it started (the run was killed, crashed or is still going)' },
    ])
  })

  it('blocks an interrupted run, errors outside tests, tests that never finished and an empty run', () => {
    const failures = runFailures(
      run({
        reason: 'interrupted',
        errors: [
          { origin: 'unhandled', message: 'Error: [vitest-pool]: Worker forks emitted error.\n    at x' },
          { origin: 'module', file: 'b.test.ts', message: 'Cannot find module ./missing.onnx' },
          { origin: 'config', message: 'gate.json: /required/0: must be one of ...' },
        ],
        tests: [1, 2, 3, 4].map((index) => ({ file: 'c.test.ts', name: `t${index}`, state: 'pending' as const })),
      }),
      [],
    )
    expect(failures).toEqual([
      { source: 'run', message: 'the run was interrupted before every test finished' },
      { source: 'run', message: 'error outside any test: Error: [vitest-pool]: Worker forks emitted error.' },
      { source: 'run', message: 'test file failed outside its tests in b.test.ts: Cannot find module ./missing.onnx' },
      { source: 'config', message: 'the gate configuration is invalid: gate.json: /required/0: must be one of ...' },
      { source: 'run', message: '4 tests never finished: c.test.ts > t1; c.test.ts > t2; c.test.ts > t3; ...' },
    ])
    expect(runFailures(run({ tests: [{ file: 'c.test.ts', name: 't', state: 'pending' }] }), [])).toEqual([
      { source: 'run', message: '1 test never finished: c.test.ts > t' },
    ])
    expect(runFailures(run({ tests: [] }), [])).toEqual([{ source: 'run', message: 'no test ran: there is no evidence to decide on' }])
  })

  it('names each failed test by its failed checks, or its first error line when it recorded none', () => {
    const facts = run({
      reason: 'failed',
      tests: [
        { file: 'a.test.ts', name: 'x > y', state: 'failed', errors: ['AssertionError: drifted'] },
        { file: 'b.test.ts', name: 'loads', state: 'failed', errors: ['\nENOENT: no such file, open model.onnx\n  at load'] },
        { file: 'b.test.ts', name: 'bare', state: 'failed' },
      ],
    })
    const checks = [named({ negated: true }), named({ anchor: 'c2', title: 'outputs in [0, 1]', severity: 'high' }), named({ anchor: 'c3', outcome: 'passed' })]
    expect(runFailures(facts, checks)).toEqual([
      {
        source: 'test',
        message: 'test failed: a.test.ts > x > y: check holds although asserted with .not (medium): "drift of live from training" (and 1 more)',
        anchor: 'c1',
      },
      { source: 'test', message: 'test failed: b.test.ts > loads: ENOENT: no such file, open model.onnx' },
      { source: 'test', message: 'test failed: b.test.ts > bare: failed' },
    ])
  })

  it('cuts an error line past 300 characters', () => {
    const [failure] = runFailures(run({ errors: [{ origin: 'unhandled', message: 'x'.repeat(400) }] }), [])
    expect(failure?.message).toBe(`error outside any test: ${'x'.repeat(299)}…`)
    const [exact] = runFailures(run({ errors: [{ origin: 'unhandled', message: 'y'.repeat(300) }] }), [])
    expect(exact?.message).toBe(`error outside any test: ${'y'.repeat(300)}`)
  })

  it('shows the first non-blank line of an error without its surrounding spaces, and an empty message as empty', () => {
    const failures = runFailures(
      run({
        errors: [
          { origin: 'unhandled', message: '  \n   TypeError: x is not a function   \n    at y' },
          { origin: 'module', message: '' },
        ],
      }),
      [],
    )
    expect(failures.map((failure) => failure.message)).toEqual([
      'error outside any test: TypeError: x is not a function',
      'test file failed outside its tests: ',
    ])
  })

  it('lists at most three unfinished tests, and says "..." only when there are more', () => {
    const three = runFailures(run({ tests: [1, 2, 3].map((index) => ({ file: 'c.test.ts', name: `t${index}`, state: 'pending' as const })) }), [])
    expect(three).toEqual([{ source: 'run', message: '3 tests never finished: c.test.ts > t1; c.test.ts > t2; c.test.ts > t3' }])
  })

  it('names a failed test only by the checks it recorded itself, not by those of a namesake in another file', () => {
    const facts = run({
      reason: 'failed',
      tests: [
        { file: 'a.test.ts', name: 'x > y', state: 'passed' },
        { file: 'b.test.ts', name: 'x > y', state: 'failed', errors: ['Error: model file missing'] },
      ],
    })
    expect(
      runFailures(facts, [
        named(),
        named({ anchor: 'c2', file: 'b.test.ts', test: 'x', outcome: 'failed' }),
        named({ anchor: 'c3', file: 'b.test.ts', outcome: 'expected-failure' }),
      ]),
    ).toEqual([{ source: 'test', message: 'test failed: b.test.ts > x > y: Error: model file missing' }])
    expect(runFailures(facts, [named({ anchor: 'c4', file: 'b.test.ts' }), named({ anchor: 'c5', file: 'b.test.ts' })])).toEqual([
      { source: 'test', message: 'test failed: b.test.ts > x > y: check does not hold (medium): "drift of live from training" (and 1 more)', anchor: 'c4' },
    ])
  })

  it('phrases a failed check so it cannot be read as if the property held', () => {
    expect(describeFailedCheck({ title: 'model.onnx is increasing in feature 3', severity: 'high' })).toBe(
      'check does not hold (high): "model.onnx is increasing in feature 3"',
    )
    expect(describeFailedCheck({ title: 'drift of live from training', severity: 'low', negated: true })).toBe(
      'check holds although asserted with .not (low): "drift of live from training"',
    )
  })
})
