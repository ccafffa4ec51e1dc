/**
 * Global setup of the packed-package tests (`npm run test:packed`): packs vitest-ml once and installs the tarball into
 * one empty project the way the quick start says, next to the Vitest, fast-check and TypeScript this run tests against.
 * Every `test/e2e/packed-*.test.ts` then works inside that project (see packed-project.ts).
 *
 * Chosen by the environment, so that CI can run the same scenarios on each supported pair:
 * - the Node that runs `npm run test:packed` (first on PATH) is the stranger's Node;
 * - `VITEST_ML_E2E_VITEST`, `VITEST_ML_E2E_FAST_CHECK`, `VITEST_ML_E2E_TYPESCRIPT`: npm version specs (`5`, `latest`,
 *   `~4.1.0`); each defaults to the version in this repository's package-lock.json;
 * - `VITEST_ML_E2E_TARBALL`: a tarball packed earlier (by default this setup runs `npm pack`, which builds);
 * - `VITEST_ML_E2E_KEEP=1`: keep the project folder for a look afterwards.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { mustRun } from './packed-command.js'
import type { PackedProject } from './packed-project.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The npm spec of a dependency: from the environment, else the version this repository locks. */
function spec(name: string, variable: string): string {
  const chosen = process.env[variable]
  if (chosen !== undefined && chosen !== '') return `${name}@${chosen}`
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> }
  const locked = lock.packages[`node_modules/${name}`]?.version
  if (locked === undefined) throw new Error(`packed e2e: expected ${name} in package-lock.json, received nothing. Hint: run npm install.`)
  return `${name}@${locked}`
}

function installedVersion(project: string, name: string): string {
  return (JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
}

async function tarballIn(project: string): Promise<string> {
  const given = process.env['VITEST_ML_E2E_TARBALL']
  if (given !== undefined && given !== '') {
    copyFileSync(resolve(given), join(project, basename(given)))
    return basename(given)
  }
  await mustRun('npm', ['pack', '--pack-destination', project], ROOT, 600_000)
  const packed = readdirSync(project).find((file) => file.endsWith('.tgz'))
  if (packed === undefined) throw new Error(`packed e2e: expected npm pack to write a .tgz into ${project}, received ${readdirSync(project).join(', ')}`)
  return packed
}

/** Packs, installs, and provides the project to the tests; the returned function removes it. */
export default async function installPacked({ provide }: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-packed-'))
  const tarball = await tarballIn(dir)
  // What the README tells a user: an ES module project, and onnxruntime-node's optional CUDA download denied.
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'stranger', private: true, type: 'module', allowScripts: { 'onnxruntime-node': false } }, null, 2)}\n`,
  )
  const dependencies = [spec('vitest', 'VITEST_ML_E2E_VITEST'), spec('fast-check', 'VITEST_ML_E2E_FAST_CHECK'), spec('typescript', 'VITEST_ML_E2E_TYPESCRIPT')]
  const installOutput = await mustRun('npm', ['install', '--save-dev', '--no-audit', '--no-fund', `./${tarball}`, ...dependencies], dir, 600_000)
  const project: PackedProject = {
    dir,
    tarball,
    node: process.version,
    vitest: installedVersion(dir, 'vitest'),
    fastCheck: installedVersion(dir, 'fast-check'),
    typescript: installedVersion(dir, 'typescript'),
    installOutput,
  }
  console.log(
    `packed e2e: ${tarball} on Node ${project.node} with vitest ${project.vitest}, fast-check ${project.fastCheck}, typescript ${project.typescript} (${dir})`,
  )
  provide('packedProject', project)
  return () => {
    if (process.env['VITEST_ML_E2E_KEEP'] !== '1') rmSync(dir, { recursive: true, force: true })
  }
}
