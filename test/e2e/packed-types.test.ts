// The type-level tests of test/types/ against the packed declarations and the installed Vitest: every matcher types on
// expect(), .not, .resolves, .rejects and expect.soft, and each `@ts-expect-error` (a misspelt matcher or option) is an
// error, with `strict` and `skipLibCheck: false`.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { packedScenario, STRANGER_TSCONFIG } from './packed-project.js'

const TYPE_TESTS = fileURLToPath(new URL('../types/', import.meta.url))

test('the matcher typings compile, and reject misspelt matchers and options', { timeout: 300_000 }, async () => {
  const scenario = packedScenario('types')
  const files = readdirSync(TYPE_TESTS).filter((file) => file.endsWith('.types.ts'))
  expect(files.length).toBeGreaterThanOrEqual(5)
  for (const file of files) scenario.copyFromRepo(`test/types/${file}`)
  scenario.write('tsconfig.json', STRANGER_TSCONFIG)
  await scenario.tsc()
  // A control: the same check fails when a misspelt matcher is not marked as expected.
  scenario.write('misspelt.ts', "import { expect } from 'vitest'\nimport 'vitest-ml'\nexport const missing = expect(1).toBeDeterminstic({ inputs: [1] })\n")
  await expect(scenario.tsc()).rejects.toThrow(/misspelt\.ts\(3,\d+\): error TS2551: Property 'toBeDeterminstic' does not exist/)
})
