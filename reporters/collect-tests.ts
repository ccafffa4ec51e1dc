import { relative, sep } from 'node:path'
import type { TestCase, TestModule } from 'vitest/node'
import { checksFromMeta } from '../src/report/check-record.js'
import type { CollectedTest } from '../src/report/build-report.js'

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

/**
 * Reads every test case's recorded checks from its meta (`testCase.meta()`): the only source that survives
 * `--merge-reports`, because blob reports carry task meta but not live events.
 *
 * @param testModules - the modules Vitest passes to `onTestRunEnd`
 * @param root - project root; files are reported relative to it with `/` separators
 * @returns one entry per test case, in module and definition order
 * @example
 * ```ts
 * collectTests(testModules, vitest.config.root)[0] // { file: 'test/model.test.ts', fullName: 'model > is monotonic', checks: [...] }
 * ```
 */
export function collectTests(testModules: readonly TestModule[], root: string): CollectedTest[] {
  const tests: CollectedTest[] = []
  for (const testModule of testModules) {
    const file = relative(root, testModule.moduleId).split(sep).join('/')
    for (const testCase of testModule.children.allTests()) {
      tests.push({
        file,
        fullName: testCase.fullName,
        namePattern: namePattern(testCase),
        state: testCase.result().state,
        checks: checksFromMeta(testCase.meta()),
      })
    }
  }
  return tests
}
