/**
 * The release flow on the examples, end to end: three runs of `examples/` as three releases, with a planted
 * regression in the second.
 *
 *   1. release 1: the repository's penguin MLP is the candidate; its report is kept as releases/r1.json.
 *   2. release 2: the candidate is the deliberately weak model (body mass only: a planted accuracy regression), judged
 *      against r1 with examples/gate-release.json (noRegression on accuracy and p99Ms, noNewFailingChecks). The gate
 *      must fail, and `vitest-ml diff r1 r2` must name the regression (exit 1).
 *   3. release 3: the MLP again, judged against r1 (the release still in production); the gate must pass.
 *   4. `vitest-ml history releases/` draws the trend over the three runs.
 *
 * Usage: `npx tsx scripts/release-history-demo.ts [OUT_DIR] [EXAMPLE_FILES...]` (default OUT_DIR
 * reports/release-demo; all examples, about two minutes a run here). Exits 1 when an expectation does not hold.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import { runCli } from '../src/cli.js'

const [outArgument, ...files] = process.argv.slice(2)
const out = outArgument ?? join('reports', 'release-demo')
const releases = join(out, 'releases')
rmSync(out, { recursive: true, force: true })
mkdirSync(releases, { recursive: true })
const failures: string[] = []
const expect = (what: string, held: boolean): void => {
  console.log(`${held ? 'ok  ' : 'FAIL'} ${what}`)
  if (!held) failures.push(what)
}

function release(name: string, env: Record<string, string>): number {
  console.log(
    `\n# ${name}: ${
      Object.entries(env)
        .map(([key, value]) => `${key}=${value}`)
        .join(' ') || 'defaults'
    }`,
  )
  const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'examples/vitest.config.ts', ...files], {
    env: { ...process.env, VITEST_ML_OUT: join(out, name), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  })
  const summary = run.stdout.slice(run.stdout.lastIndexOf(' vitest-ml  GATE'))
  console.log(summary.trim())
  copyFileSync(join(out, name, 'vitest-ml.json'), join(releases, `${name}.json`))
  return run.status ?? 1
}

const io = { out: (text: string) => console.log(text), err: (text: string) => console.error(text) }
const gate = { VITEST_ML_GATE: 'examples/gate-release.json' }
expect('release 1 (the MLP) passes its gate', release('r1', {}) === 0)
const base = relative(process.cwd(), join(releases, 'r1.json'))
expect(
  'release 2 (planted regression: the weak model) fails its gate',
  release('r2', { ...gate, RELEASE_CANDIDATE: 'models/penguins-weak.onnx', VITEST_ML_BASELINE: base }) !== 0,
)
console.log('\n# vitest-ml diff r1 r2')
expect(
  'the diff of r1 and r2 names the regression and exits 1',
  (await runCli(['diff', base, join(releases, 'r2.json'), '--html', join(out, 'diff-r1-r2.html')], io)) === 1,
)
console.log('\n# vitest-ml gate r2 --base r1')
expect('vitest-ml gate fails r2 against r1', (await runCli(['gate', join(releases, 'r2.json'), '--base', base], io)) === 1)
expect('release 3 (the MLP again, against r1) passes its gate', release('r3', { ...gate, VITEST_ML_BASELINE: base }) === 0)
console.log('\n# vitest-ml history')
expect('the history of the three runs is written', (await runCli(['history', releases, '--out', join(out, 'history.html')], io)) === 0)
console.log(
  failures.length === 0 ? `\nall held; pages: ${join(out, 'diff-r1-r2.html')}, ${join(out, 'history.html')}` : `\n${failures.length} expectations failed`,
)
process.exitCode = failures.length === 0 ? 0 : 1
