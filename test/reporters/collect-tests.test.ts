import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TestModule } from 'vitest/node'
import { collectTests, errorSummary } from '../../reporters/collect-tests.js'
import { type CheckRecord, META_KEY } from '../../src/record/check-record.js'

const root = join('/', 'project')
const record: CheckRecord = { id: 'range:m', kind: 'range', title: 'outputs in [0, 1]', passed: true, severity: 'high', checklist: [], metrics: {} }

interface FakeSuite {
  type: 'suite'
  name: string
  fullName: string
  parent: unknown
  errors: () => { message?: string; name?: string }[]
}

/** A module with one suite `outer > inner` holding one test, one top-level test, and errors where asked. */
function fakeModule(
  file: string,
  options: { state?: string; moduleErrors?: { message?: string; name?: string }[]; suiteErrors?: { message?: string }[] } = {},
): TestModule {
  const testModule: Record<string, unknown> = {
    type: 'module',
    moduleId: join(root, file),
    state: () => options.state ?? 'passed',
    errors: () => options.moduleErrors ?? [],
  }
  const outer: FakeSuite = { type: 'suite', name: 'outer', fullName: 'outer', parent: testModule, errors: () => options.suiteErrors ?? [] }
  const inner: FakeSuite = { type: 'suite', name: 'inner', fullName: 'outer > inner', parent: outer, errors: () => [] }
  const tests = [
    {
      name: 'is bounded',
      fullName: 'outer > inner > is bounded',
      parent: inner,
      result: () => ({ state: 'failed', errors: [{ message: 'AssertionError: out of range\nline 2\nline 3\nline 4' }, { name: 'TypeError', message: '' }] }),
      meta: () => ({ [META_KEY]: { checks: [record] } }),
    },
    { name: 'loads', fullName: 'loads', parent: testModule, result: () => ({ state: 'passed', errors: [] }), meta: () => ({}) },
  ]
  testModule['children'] = {
    *allSuites() {
      yield outer
      yield inner
    },
    *allTests() {
      yield* tests
    },
  }
  return testModule as unknown as TestModule
}

describe('collectTests', () => {
  it('reads every test with its file relative to the root, full name, -t pattern, state, checks and first error lines', () => {
    const { tests, errors } = collectTests([fakeModule('test/model.test.ts')], root)
    expect(errors).toEqual([])
    expect(tests).toEqual([
      {
        file: 'test/model.test.ts',
        fullName: 'outer > inner > is bounded',
        namePattern: 'outer inner is bounded',
        state: 'failed',
        checks: [record],
        errors: ['AssertionError: out of range\nline 2\nline 3', 'TypeError'],
      },
      { file: 'test/model.test.ts', fullName: 'loads', namePattern: 'loads', state: 'passed', checks: [] },
    ])
  })

  it('reads the profiles a test published next to its checks, and adds no profiles field to a test that published none', () => {
    const published = [
      { name: 'flights', profile: { format: 'vitest-ml/profile', rows: 3 } },
      { name: 'cars', profile: { format: 'vitest-ml/profile', rows: 5 } },
    ]
    const testModule = fakeModule('test/profiles.test.ts') as unknown as { children: { allTests: () => Iterable<{ meta: () => unknown }> } }
    const [withProfiles] = [...testModule.children.allTests()]
    withProfiles!.meta = () => ({ [META_KEY]: { checks: [record], profiles: published } })
    const { tests } = collectTests([testModule as unknown as TestModule], root)
    expect(tests[0]?.profiles).toEqual(published)
    expect(tests[0]?.checks).toEqual([record])
    expect('profiles' in tests[1]!).toBe(false)
  })

  it('reports errors of files and suites, and files that never finished or were never run, as errors outside tests', () => {
    const { errors } = collectTests(
      [
        fakeModule('a.test.ts', {
          state: 'failed',
          moduleErrors: [{ message: 'SyntaxError: Unexpected token' }],
          suiteErrors: [{ message: 'beforeAll: connection refused' }],
        }),
        fakeModule('b.test.ts', { state: 'pending' }),
        fakeModule('c.test.ts', { state: 'queued' }),
        fakeModule('d.test.ts', { state: 'skipped' }),
      ],
      root,
    )
    expect(errors).toEqual([
      { origin: 'module', file: 'a.test.ts', message: 'SyntaxError: Unexpected token' },
      { origin: 'module', file: 'a.test.ts', message: 'outer: beforeAll: connection refused' },
      { origin: 'module', file: 'b.test.ts', message: 'the test file never finished (state pending)' },
      { origin: 'module', file: 'c.test.ts', message: 'the test file never finished (state queued)' },
    ])
  })
})

describe('errorSummary', () => {
  it('keeps the first three lines and at most 600 characters of the message', () => {
    expect(errorSummary({ message: 'a\nb\nc\nd' })).toBe('a\nb\nc')
    expect(errorSummary({ message: 'x'.repeat(700) })).toBe('x'.repeat(600))
  })

  it('falls back to the error name when the message is empty or blank, and says "unknown error" when there is neither', () => {
    expect(errorSummary({ message: '  \n ', name: 'RangeError' })).toBe('RangeError')
    expect(errorSummary({ name: 'RangeError' })).toBe('RangeError')
    expect(errorSummary({ message: 42 as unknown as string, name: 'RangeError' })).toBe('RangeError')
    expect(errorSummary({})).toBe('unknown error')
    expect(errorSummary(undefined)).toBe('unknown error')
  })
})
