import type { TestState } from './evidence-check.js'

/** One test of the run, as the verdict sees it. */
export interface RunTest {
  /** Test file, relative to the project root. */
  readonly file: string
  /** Suites and test name joined by ` > `. */
  readonly name: string
  /** How the test ended (`pending`: it never finished). */
  readonly state: TestState
  /** First lines of its errors, when it failed. */
  readonly errors?: readonly string[]
}

/**
 * An error that happened outside any test: an unhandled rejection, a file that failed to load, a crashed worker, or a
 * gate configuration that could not be read.
 */
export interface RunError {
  /** Where it came from. */
  readonly origin: 'unhandled' | 'module' | 'config'
  /** Its message (first lines). */
  readonly message: string
  /** The test file it belongs to, when known. */
  readonly file?: string
}

/** What the verdict needs to know about the run itself, beside its checks. */
export interface RunFacts {
  /** `finished` when the reporter saw the run end; `running` in the placeholder written when the run started. */
  readonly status: 'finished' | 'running'
  /** How Vitest says the run ended. */
  readonly reason: 'passed' | 'failed' | 'interrupted'
  /** Every test of the run. */
  readonly tests: readonly RunTest[]
  /** Errors outside tests. */
  readonly errors: readonly RunError[]
}
