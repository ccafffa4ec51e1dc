// A project made by `npm init -y` is CommonJS (`"type": "commonjs"`). The quick start works there when its config is
// `vitest.config.mts` (Vite warns about ESM syntax in a `.ts` config loaded as CommonJS) and tsc is told that test
// files are ES modules (`"module": "preserve"`, as for any bundler-run code), as the README's support matrix says.
import { expect, test } from 'vitest'
import { warningLines } from './packed-command.js'
import { packedScenario } from './packed-project.js'
import { readmeQuickStart } from './readme-quick-start.js'

test('a CommonJS project runs the quick start with vitest.config.mts, warning-free', { timeout: 300_000 }, async () => {
  const scenario = packedScenario('commonjs')
  scenario.write('package.json', { name: 'commonjs-project', version: '1.0.0', main: 'index.js', type: 'commonjs' }) // as npm 11's `npm init -y`
  const quickStart = readmeQuickStart()
  scenario.write('vitest.config.mts', quickStart['vitest.config.ts']!)
  scenario.write('model.test.ts', quickStart['model.test.ts']!)
  scenario.copyFromRepo('test/e2e/stranger')
  scenario.copyFromRepo('models/penguins-mlp.onnx', 'model.onnx')
  scenario.write('tsconfig.json', {
    compilerOptions: { target: 'ES2022', module: 'preserve', strict: true, noEmit: true, skipLibCheck: false, types: [] },
    include: ['*.ts', '*.mts'],
  })
  await scenario.tsc()
  const run = await scenario.vitest(['run'])
  expect(run.code, run.output).toBe(0)
  expect(run.output).toMatch(/Tests\s+4 passed \(4\)/)
  expect(warningLines(run.output)).toEqual([])
})
