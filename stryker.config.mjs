// Mutation testing of the verdict: `npm run mutation` (needs Node >= 22; see the README). Not part of `npm test`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/checklist/**/*.ts',
    '!src/checklist/index.ts',
    'src/report/build-report.ts',
    'src/report/verify-report.ts',
    'src/report/report-integrity.ts',
    'src/report/json-differences.ts',
    'src/report/console-summary.ts',
    'reporters/collect-tests.ts',
    'matchers/track-await.ts',
  ],
  // Only what the tests need is copied to the sandbox (reports/ holds links into run folders, which Stryker cannot copy).
  ignorePatterns: ['reports', 'test/e2e/.generated', '.bench-data', 'models/converters', 'examples/data', 'dist'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  // Re-runs only re-test mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  concurrency: 2,
  timeoutMS: 60000,
  thresholds: { high: 95, low: 90, break: null },
}
