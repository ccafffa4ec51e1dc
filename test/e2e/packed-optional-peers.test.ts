// ioredis and better-sqlite3 are optional peer dependencies: a stranger who installs vitest-ml gets neither, the package
// still imports and type-checks (no declaration names them), and calling the Redis store or the SQLite log without its
// package fails with an error that names the package to install.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { packedScenario, STRANGER_TSCONFIG } from './packed-project.js'

test('the Redis store and the SQLite log need their packages only when used, and say which', { timeout: 300_000 }, async () => {
  const scenario = packedScenario('optional-peers')
  expect(existsSync(join(scenario.project.dir, 'node_modules/ioredis'))).toBe(false)
  expect(existsSync(join(scenario.project.dir, 'node_modules/better-sqlite3'))).toBe(false)
  scenario.write('vitest.config.mts', "import { defineConfig } from 'vitest/config'\nexport default defineConfig({ test: { include: ['*.test.ts'] } })\n")
  scenario.write('tsconfig.json', STRANGER_TSCONFIG)
  scenario.write(
    'peers.test.ts',
    [
      "import { expect, test } from 'vitest'",
      "import { cached, functionModel, memoryPredictionSink, logged, redisPredictionStore, sqlitePredictionLog } from 'vitest-ml'",
      '',
      "test('the in-memory store and sink need nothing more', async () => {",
      "  const model = functionModel((row: number[]) => [row[0] ?? 0], { name: 'echo', version: '1' })",
      '  const sink = memoryPredictionSink()',
      "  expect(await logged(cached(model, { ttlMs: 1000 }), { sink, modelVersion: '1' }).predict([[1], [1]])).toEqual([[1], [1]])",
      "  expect(sink.entries.map((entry) => entry.servedBy)).toEqual(['primary', 'primary'])",
      '})',
      '',
      "test('the packages that are not installed are named', async () => {",
      "  expect(() => sqlitePredictionLog(':memory:')).toThrow(/sqlitePredictionLog: expected the better-sqlite3 package \\(an optional peer dependency of vitest-ml\\), received a project without it\\.\\nHint: Install it next to vitest-ml with `npm install better-sqlite3`/)",
      "  await expect(redisPredictionStore({ url: 'redis://127.0.0.1:1' })).rejects.toThrow(/redisPredictionStore: expected the ioredis package \\(an optional peer dependency of vitest-ml\\), received a project without it\\.\\nHint: Install it next to vitest-ml with `npm install ioredis`/)",
      '})',
      '',
    ].join('\n'),
  )
  await scenario.tsc()
  const run = await scenario.vitest(['run'])
  expect(run.code, run.output).toBe(0)
  expect(run.output).toMatch(/Tests\s+2 passed \(2\)/)
})
