import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Directory of the e2e fixture project. */
export const FIXTURE = fileURLToPath(new URL('./fixtures/basic/', import.meta.url))
/** Directory of the fixture project where tests make the slips users make (no await, .not, crashes). */
export const SLIPS_FIXTURE = fileURLToPath(new URL('./fixtures/slips/', import.meta.url))

const VITEST = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url))

/** Output of one Vitest run in the fixture project. */
export interface FixtureRun {
  readonly code: number | null
  readonly output: string
}

/**
 * Runs Vitest as a child process in the fixture project.
 *
 * @param args - Vitest CLI arguments after `vitest`
 * @param env - extra environment (VITEST_ML_OUT, GITHUB_STEP_SUMMARY, ...)
 * @param cwd - the fixture project @defaultValue {@link FIXTURE}
 */
export function runFixture(args: readonly string[], env: Record<string, string> = {}, cwd: string = FIXTURE): Promise<FixtureRun> {
  return new Promise((resolve, reject) => {
    const clean = { ...process.env }
    delete clean['GITHUB_STEP_SUMMARY']
    delete clean['VITEST']
    delete clean['VITEST_POOL_ID']
    delete clean['VITEST_WORKER_ID']
    delete clean['NODE_OPTIONS']
    const child = spawn(process.execPath, [VITEST, ...args], {
      cwd,
      env: { ...clean, FORCE_COLOR: '0', NO_COLOR: '1', CI: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}
