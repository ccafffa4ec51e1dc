import { spawn } from 'node:child_process'
import { delimiter, dirname } from 'node:path'

/** What one command printed (stdout and stderr interleaved) and how it exited. */
export interface CommandResult {
  readonly code: number | null
  readonly output: string
}

/**
 * The environment a stranger's shell would have: the Node running these tests first on PATH (so `npm`, `npx` and
 * install scripts use it too), and nothing of this repository's own run — no Vitest worker variables, no npm script
 * variables (`npm_config_*`, `npm_package_*`), no onnxruntime-node install flag (the stranger's `package.json` must be
 * enough), no colours.
 */
export function strangerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|VITEST|ONNXRUNTIME_NODE_INSTALL|GITHUB_STEP_SUMMARY$|NODE_OPTIONS$|INIT_CWD$)/i.test(name)) continue
    env[name] = value
  }
  env['PATH'] = [dirname(process.execPath), process.env['PATH'] ?? ''].join(delimiter)
  env['FORCE_COLOR'] = '0'
  env['NO_COLOR'] = '1'
  return env
}

/**
 * Runs a command in a stranger's environment and resolves with its output, whatever the exit code.
 *
 * @param command - executable (`npm`, or `process.execPath` for a script)
 * @param args - its arguments
 * @param cwd - the working directory
 * @param timeoutMs - killed after this long (the result then has `code: null`)
 * @example `const { code, output } = await runCommand('npm', ['--version'], dir)`
 */
export function runCommand(command: string, args: readonly string[], cwd: string, timeoutMs = 300_000): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: strangerEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

/**
 * Like {@link runCommand}, but a non-zero exit is an error that shows the command, the folder and the output.
 *
 * @returns the output
 */
export async function mustRun(command: string, args: readonly string[], cwd: string, timeoutMs?: number): Promise<string> {
  const result = await runCommand(command, args, cwd, timeoutMs)
  if (result.code !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` exited with ${String(result.code)} in ${cwd}:\n${result.output}`)
  }
  return result.output
}

/**
 * The lines of a run's output that are warnings a user would see: npm's `warn` lines, Vite's `(!)` notices, missing
 * source maps, deprecations.
 *
 * @example `expect(warningLines(run.output)).toEqual([])`
 */
export function warningLines(output: string): string[] {
  return output.split('\n').filter((line) => /\bwarn(ing)?\b|\(!\)|sourcemap|deprecat|unknown (project|env|cli|user) config/i.test(line))
}
