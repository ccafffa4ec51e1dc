/**
 * The packed tarball works for a stranger: `npm pack`, install it into an empty project next to vitest and
 * fast-check, type-check the quick start against the installed declarations, and run it with `mlTesting()`.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const STRANGER = fileURLToPath(new URL('./stranger/', import.meta.url))
const project = mkdtempSync(join(tmpdir(), 'vitest-ml-stranger-'))
const env: NodeJS.ProcessEnv = { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip', npm_config_onnxruntime_node_install: 'skip', FORCE_COLOR: '0', NO_COLOR: '1' }
delete env['VITEST']
delete env['VITEST_POOL_ID']
delete env['VITEST_WORKER_ID']
delete env['NODE_OPTIONS']

function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 })
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string }
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${failed.stdout ?? ''}\n${failed.stderr ?? failed.message}`)
  }
}

afterAll(() => rmSync(project, { recursive: true, force: true }))

describe('the packed package in an empty project', () => {
  test('packs, installs, type-checks and runs the quick start', { timeout: 600_000 }, () => {
    run('npm', ['pack', '--pack-destination', project], ROOT)
    const tarball = readdirSync(project).find((file) => file.endsWith('.tgz'))
    expect(tarball).toMatch(/^vitest-ml-\d+\.\d+\.\d+\.tgz$/)
    const versions = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> }
    const pinned = (name: string): string => `${name}@${versions.packages[`node_modules/${name}`]?.version ?? 'latest'}`
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'stranger', private: true, type: 'module' }, null, 2))
    writeFileSync(join(project, '.npmrc'), 'onnxruntime-node-install=skip\n')
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', `./${tarball}`, pinned('vitest'), pinned('fast-check'), pinned('typescript')], project)
    cpSync(STRANGER, project, { recursive: true })
    cpSync(join(ROOT, 'models/penguins-mlp.onnx'), join(project, 'model.onnx'))
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] }, include: ['*.ts'] }, null, 2),
    )
    // The declarations resolve through the exports map, and the matchers are typed on expect().
    run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', project], project)
    const output = run(process.execPath, [join(project, 'node_modules/vitest/vitest.mjs'), 'run'], project)
    expect(output).toMatch(/Tests\s+4 passed \(4\)/)
    expect(existsSync(join(project, 'reports/vitest-ml.json'))).toBe(true)
    const report = JSON.parse(readFileSync(join(project, 'reports/vitest-ml.json'), 'utf8')) as { checks: { kind: string; passed: boolean }[] }
    expect(report.checks.map((check) => check.kind).sort()).toEqual(['consistency', 'range', 'range', 'range', 'range'])
  })
})
