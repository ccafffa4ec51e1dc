import { defineConfig } from 'vitest/config'
import { mlTesting } from 'vitest-ml/plugin'

export default defineConfig({
  plugins: [mlTesting({ report: { outputDir: 'reports' } })],
  test: { include: ['*.test.ts'], pool: 'forks' },
})
