/**
 * What importing vitest-ml costs, measured on the package as it ships (`npm run build` first, then `dist/`), each
 * sample in a fresh Node process so nothing is cached:
 *
 * - `import-root`: a cold `import('vitest-ml')` (ours) against a cold `import('vitest')` (reference); the note gives
 *   the difference in milliseconds (target: under 100 ms) and the CPU time of each.
 * - `import-root-test-file`: `vitest run` of a test file that imports vitest-ml and awaits one matcher, with the
 *   matchers registered by `mlTesting()` (ours), against `vitest run` of a test file that imports vitest alone
 *   (reference); the note gives the difference in milliseconds.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type BenchEntry, entry } from './bench-entry.js'

const SAMPLES = 9
const ROOT = resolve('.')
const WORK = resolve('.bench-data/import-root')

/** Wall and CPU milliseconds of one cold dynamic import, measured inside a fresh Node process. */
function coldImport(specifier: string): { wallMs: number; cpuMs: number } {
  const script =
    `const c=process.cpuUsage();const t=performance.now();await import(${JSON.stringify(specifier)});` +
    'const u=process.cpuUsage(c);console.log(JSON.stringify({wallMs:performance.now()-t,cpuMs:(u.user+u.system)/1000}))'
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })
  if (child.status !== 0) throw new Error(`importing ${specifier} failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { wallMs: number; cpuMs: number }
}

/** Seconds of one `vitest run` of the given config, as a whole process. */
function vitestRun(config: string): number {
  const start = process.hrtime.bigint()
  const child = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', config], { cwd: WORK, encoding: 'utf8' })
  if (child.status !== 0) throw new Error(`vitest run --config ${config} failed: ${child.stdout}\n${child.stderr}`)
  return Number(process.hrtime.bigint() - start) / 1e9
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/**
 * Two tiny projects in `.bench-data/import-root/`: one test file with one vitest-ml matcher, one with vitest alone.
 * vitest-ml is copied into the project's node_modules as an install puts it (what ships: package.json, dist, the
 * report templates), so Vitest loads it as it loads an installed package (natively, untransformed); its dependencies
 * resolve from the repository's node_modules.
 */
function writeProjects(): void {
  const installed = join(WORK, 'node_modules/vitest-ml')
  rmSync(installed, { recursive: true, force: true })
  mkdirSync(installed, { recursive: true })
  for (const path of ['package.json', 'dist', 'reporters/templates']) cpSync(join(ROOT, path), join(installed, path), { recursive: true })
  // The project's own package.json: without it the repository's would be the nearest, and `vitest-ml` would resolve
  // to the repository itself (a package importing its own name), not to the installed copy.
  writeFileSync(join(WORK, 'package.json'), `${JSON.stringify({ name: 'import-root-bench', private: true, type: 'module' })}\n`)
  writeFileSync(
    join(WORK, 'ours.config.mjs'),
    [
      "import { defineConfig } from 'vitest/config'",
      "import { mlTesting } from 'vitest-ml/plugin'",
      "export default defineConfig({ plugins: [mlTesting({ report: false })], test: { include: ['ours.test.mjs'], pool: 'forks' } })",
    ].join('\n'),
  )
  writeFileSync(
    join(WORK, 'ours.test.mjs'),
    [
      "import { expect, test } from 'vitest'",
      "import { featureSchema, functionModel, numeric } from 'vitest-ml'",
      'const model = functionModel((row) => [row[0] / 2])',
      "test('one matcher', async () => {",
      '  await expect(model).toProduceOutputsInRange({ inputs: featureSchema({ x: numeric({ min: 0, max: 1 }) }).arrays(), min: 0, max: 1, numRuns: 100 })',
      '})',
    ].join('\n'),
  )
  writeFileSync(
    join(WORK, 'reference.config.mjs'),
    ["import { defineConfig } from 'vitest/config'", "export default defineConfig({ test: { include: ['reference.test.mjs'], pool: 'forks' } })"].join('\n'),
  )
  writeFileSync(
    join(WORK, 'reference.test.mjs'),
    ["import { expect, test } from 'vitest'", "test('no matcher', () => { expect([0.5].every((value) => value >= 0 && value <= 1)).toBe(true) })"].join('\n'),
  )
}

const suite = async (): Promise<BenchEntry[]> => {
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`)
  const root = pathToFileURL(join(ROOT, 'dist/src/index.js')).href
  coldImport(root)
  coldImport('vitest')
  const ours: { wallMs: number; cpuMs: number }[] = []
  const reference: { wallMs: number; cpuMs: number }[] = []
  // Interleaved, so a busy spell on a shared machine hits both sides alike.
  for (let sample = 0; sample < SAMPLES; sample++) {
    ours.push(coldImport(root))
    reference.push(coldImport('vitest'))
  }
  const oursWall = median(ours.map((sample) => sample.wallMs))
  const referenceWall = median(reference.map((sample) => sample.wallMs))
  const importEntry = entry('import-root', oursWall / 1000, referenceWall / 1000, {
    note: `cold import('vitest-ml') - import('vitest') = ${(oursWall - referenceWall).toFixed(0)} ms (target < 100 ms); CPU ${median(ours.map((sample) => sample.cpuMs)).toFixed(0)} vs ${median(reference.map((sample) => sample.cpuMs)).toFixed(0)} ms`,
  })

  writeProjects()
  vitestRun('ours.config.mjs')
  vitestRun('reference.config.mjs')
  const oursRuns: number[] = []
  const referenceRuns: number[] = []
  for (let sample = 0; sample < 5; sample++) {
    oursRuns.push(vitestRun('ours.config.mjs'))
    referenceRuns.push(vitestRun('reference.config.mjs'))
  }
  const oursRun = median(oursRuns)
  const referenceRun = median(referenceRuns)
  const fileEntry = entry('import-root-test-file', oursRun, referenceRun, {
    note: `a test file with one vitest-ml matcher - one with vitest alone = ${((oursRun - referenceRun) * 1000).toFixed(0)} ms (whole vitest run)`,
  })
  return [importEntry, fileEntry]
}

export default suite
