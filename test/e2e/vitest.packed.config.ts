import { defineConfig } from 'vitest/config'

// The packed-package tests (`npm run test:packed`): packed-install.ts packs vitest-ml and installs it into an empty
// project once; every test/e2e/packed-*.test.ts is a scenario in that project. `.ci/run` runs them once per supported
// Node + Vitest pair. Scenarios run one file at a time: each starts Vitest or tsc processes of its own.
export default defineConfig({
  test: {
    include: ['test/e2e/packed-*.test.ts'],
    globalSetup: ['test/e2e/packed-install.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
