import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fixture projects run by the e2e tests in their own directories, not as part of this suite.
    exclude: ['test/e2e/stranger/**', 'test/e2e/fixtures/**', '**/node_modules/**'],
    setupFiles: ['./matchers/setup.ts'],
    // onnxruntime-node does not work under the vmThreads pool; forks isolates native sessions per file.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
