import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Example code (examples/support/, which some tests reuse) imports `vitest-ml` as users do: here, the source.
  resolve: {
    alias: [
      { find: /^vitest-ml$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      { find: /^vitest-ml\/stats$/, replacement: fileURLToPath(new URL('./src/stats/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Fixture projects run by the e2e tests in their own directories, not as part of this suite; the packed-package
    // scenarios have their own config (test/e2e/vitest.packed.config.ts, `npm run test:packed`).
    exclude: ['test/e2e/stranger/**', 'test/e2e/fixtures/**', 'test/e2e/packed-*.test.ts', '**/node_modules/**'],
    setupFiles: ['./matchers/setup.ts'],
    // onnxruntime-node does not work under the vmThreads pool; forks isolates native sessions per file.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
