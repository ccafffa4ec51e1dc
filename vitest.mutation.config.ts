import { defineConfig } from 'vitest/config'

// The tests that judge the verdict code, for mutation testing (`npm run mutation`): fast, in-process ones only.
export default defineConfig({
  test: {
    include: [
      'test/src/checklist/**/*.test.ts',
      'test/src/report/{build-report,build-report-profiles,expected-failure,verify-report,verify-report-baseline,load-baseline,verdict-model,json-differences,console-summary}.test.ts',
      'test/reporters/{ml-reporter,ml-reporter-baseline,collect-tests}.test.ts',
      'test/matchers/track-await.test.ts',
      'test/e2e/cli.test.ts',
    ],
    setupFiles: ['./matchers/setup.ts'],
    pool: 'forks',
    testTimeout: 60_000,
  },
})
