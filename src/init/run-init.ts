import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { writeContract } from '../data/contract-file.js'
import { VitestMlError } from '../util/errors.js'
import { formatNumber as num } from '../util/format-number.js'
import { INIT_USAGE } from './init-usage.js'
import { renderSuite } from './render-suite.js'
import { suggestChecks } from './suggest-checks.js'

/** Where `runInit` writes its report. */
export interface InitIo {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
}

const VITEST_CONFIG = `import { defineConfig } from 'vitest/config'
import { mlTesting } from 'vitest-ml/plugin'

// Written by \`vitest-ml init\`: runs model.test.ts and writes the release report to reports/vitest-ml.{json,html,md},
// judged by gate.json (\`npx vitest-ml gate reports/vitest-ml.json\` recomputes the verdict).
export default defineConfig({
  plugins: [mlTesting({ report: { gate: 'gate.json' } })],
  test: {
    include: ['model.test.ts'],
    // onnxruntime-node sessions are native: forks keep them apart.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
`

/**
 * Runs `vitest-ml init`: plans the suite with `suggestChecks` and writes `model.test.ts`, `schema.json`, `gate.json`
 * and (unless one exists) `vitest.config.ts` into `--out` (the current directory by default), then says what it
 * wrote, what it found in the data and how to run it.
 *
 * @param argv - the arguments after `init`
 * @param io - output streams
 * @returns the exit code: 0 written, 2 usage error or unreadable input, 1 files exist (without `--force`)
 * @example
 * ```ts
 * await runInit(['--model', 'model.onnx', '--train', 'train.csv', '--test', 'test.csv', '--label', 'species'], io) // 0
 * ```
 */
export async function runInit(argv: readonly string[], io: InitIo): Promise<number> {
  let values: ReturnType<typeof parse>['values']
  try {
    values = parse(argv).values
  } catch (error) {
    io.err(`vitest-ml init: ${(error as Error).message}\n\nUsage:\n${INIT_USAGE}`)
    return 2
  }
  const missing = (['model', 'train', 'test', 'label'] as const).filter((name) => values[name] === undefined)
  if (missing.length > 0) {
    io.err(`vitest-ml init: expected ${missing.map((name) => `--${name}`).join(', ')}\n\nUsage:\n${INIT_USAGE}`)
    return 2
  }
  const out = resolve(values.out ?? '.')
  const targets = ['model.test.ts', 'schema.json', 'gate.json'].map((file) => join(out, file))
  const existing = targets.filter((file) => existsSync(file))
  if (existing.length > 0 && values.force !== true) {
    io.err(
      `vitest-ml init: ${existing.map((file) => relative(process.cwd(), file) || file).join(', ')} already exist${existing.length === 1 ? 's' : ''}; pass --force to replace ${existing.length === 1 ? 'it' : 'them'}.`,
    )
    return 1
  }
  // The suite runs from --out: it names the files relative to it.
  const fromOut = (path: string): string => relative(out, resolve(path)).split(sep).join('/')
  try {
    const seed = values.seed === undefined ? undefined : Number(values.seed)
    if (seed !== undefined && !Number.isInteger(seed)) throw new VitestMlError('vitest-ml init', 'a whole --seed', String(values.seed), 'For example --seed 7.')
    const plan = await suggestChecks({
      model: values.model as string,
      train: values.train as string,
      test: values.test as string,
      label: values.label as string,
      ...(values.time === undefined ? {} : { time: values.time }),
      ...(values.ids === undefined ? {} : { ids: values.ids.split(',').map((name) => name.trim()) }),
      ...(values.features === undefined ? {} : { features: values.features.split(',').map((name) => name.trim()) }),
      ...(seed === undefined ? {} : { seed }),
      files: { model: fromOut(values.model as string), train: fromOut(values.train as string), test: fromOut(values.test as string) },
    })
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, 'model.test.ts'), renderSuite(plan))
    writeContract(join(out, 'schema.json'), plan.contract)
    writeFileSync(join(out, 'gate.json'), `${JSON.stringify(plan.gate, null, 2)}\n`)
    const config = join(out, 'vitest.config.ts')
    const keptConfig = existsSync(config)
    if (!keptConfig) writeFileSync(config, VITEST_CONFIG)
    const shown = (file: string): string => relative(process.cwd(), join(out, file)) || file
    io.out(
      [
        `vitest-ml init: wrote ${shown('model.test.ts')} (${plan.checks.length} checks), ${shown('schema.json')} (the data contract, ${Object.keys(plan.contract.columns).length} columns), ${shown('gate.json')}${keptConfig ? ` (kept your ${shown('vitest.config.ts')}: add mlTesting({ report: { gate: 'gate.json' } }) to it)` : ` and ${shown('vitest.config.ts')}`}.`,
        `  model: ${plan.model.inputs.length} input(s) fed ${plan.model.feeding === 'records' ? 'by name' : 'as one row'} from ${plan.model.features.join(', ')}; output "${plan.model.output}"; ${plan.data.task}${plan.data.classes === undefined ? '' : ` over ${plan.data.classes.join(', ')}`}`,
        `  measured on ${plan.files.test}: ${Object.entries(plan.data.measured)
          .map(([name, value]) => `${name} ${num(value)}`)
          .join(', ')}`,
        `  checks: ${plan.checks.map((check) => check.kind).join(', ')}; gate requires ${(plan.gate.required ?? []).join(', ')}`,
        ...(plan.warnings.length === 0
          ? []
          : ['  found in the data (tolerated where the suite says so; review before relying on it):', ...plan.warnings.map((warning) => `    - ${warning}`)]),
        `Next: npx vitest run${values.out === undefined ? '' : ` --root ${relative(process.cwd(), out) || '.'}`}   (then: npx vitest-ml gate reports/vitest-ml.json)`,
      ].join('\n'),
    )
    return 0
  } catch (error) {
    io.err((error as Error).message)
    return 2
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: false,
    options: {
      model: { type: 'string' },
      train: { type: 'string' },
      test: { type: 'string' },
      label: { type: 'string' },
      time: { type: 'string' },
      ids: { type: 'string' },
      features: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    },
  })
}
