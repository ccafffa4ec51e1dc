import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['./matchers/setup.ts'],
    // onnxruntime-node does not work under the vmThreads pool; forks isolates native sessions per file.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
