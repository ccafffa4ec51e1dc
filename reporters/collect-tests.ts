import { relative, sep } from 'node:path'
import type { TestCase, TestModule } from 'vitest/node'
import type { RunError } from '../src/checklist/run-facts.js'
import { checksFromMeta } from '../src/record/check-record.js'
import { profilesFromMeta } from '../src/record/published-profile.js'
import type { CollectedTest } from '../src/report/build-report.js'

/** Every test of a run and the errors that happened outside tests, as the report needs them. */
export interface CollectedRun {
  /** One entry per test case, in module and definition order. */
  readonly tests: CollectedTest[]
  /** Errors of files and suites (a file that failed to load, a failing `beforeAll`) and files that never finished. */
  readonly errors: RunError[]
}

/** The names `vitest -t` matches: enclosing suites and the test, joined by spaces. */
function namePattern(testCase: TestCase): string {
  const names = [testCase.name]
  let parent = testCase.parent
  while (parent.type === 'suite') {
    names.unshift(parent.name)
    parent = parent.parent
  }
  return names.join(' ')
}

/** The first lines of an error, enough to say what happened. */
export function errorSummary(error: { readonly message?: string; readonly name?: string } | undefined): string {
  const message = typeof error?.message === 'string' && error.message.trim() !== '' ? error.message : (error?.name ?? 'unknown error')
  return message.split('\n').slice(0, 3).join('\n').slice(0, 600)
}

/**
 * Reads every test case of the run — its state, first error lines and the checks recorded on its meta
 * (`testCase.meta()`, the only source that survives `--merge-reports`) — and the errors outside tests.
 *
 * @param testModules - the modules Vitest passes to `onTestRunEnd`
 * @param root - project root; files are reported relative to it with `/` separators
 * @returns tests and errors
 * @example
 * ```ts
 * collectTests(testModules, vitest.config.root).tests[0] // { file: 'test/model.test.ts', fullName: 'model > is monotonic', state: 'passed', checks: [...] }
 * ```
 */
export function collectTests(testModules: readonly TestModule[], root: string): CollectedRun {
  const tests: CollectedTest[] = []
  const errors: RunError[] = []
  for (const testModule of testModules) {
    const file = relative(root, testModule.moduleId).split(sep).join('/')
    for (const error of testModule.errors()) errors.push({ origin: 'module', file, message: errorSummary(error) })
    for (const suite of testModule.children.allSuites()) {
      for (const error of suite.errors()) errors.push({ origin: 'module', file, message: `${suite.fullName}: ${errorSummary(error)}` })
    }
    const state = testModule.state()
    if (state === 'pending' || state === 'queued') errors.push({ origin: 'module', file, message: `the test file never finished (state ${state})` })
    for (const testCase of testModule.children.allTests()) {
      const result = testCase.result()
      const failures = result.state === 'failed' ? result.errors.map(errorSummary) : []
      const profiles = profilesFromMeta(testCase.meta())
      tests.push({
        file,
        fullName: testCase.fullName,
        namePattern: namePattern(testCase),
        state: result.state,
        checks: checksFromMeta(testCase.meta()),
        ...(failures.length === 0 ? {} : { errors: failures }),
        ...(profiles.length === 0 ? {} : { profiles }),
      })
    }
  }
  return { tests, errors }
}
