import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { VitestMlError } from '../util/errors.js'

/** Options of {@link startRedisServer}. */
export interface StartRedisServerOptions {
  /** The `redis-server` executable. @defaultValue `'redis-server'` (found on PATH) */
  readonly command?: string
  /** Port on 127.0.0.1. @defaultValue a free port chosen by the system */
  readonly port?: number
  /** How long to wait for the server to accept connections, in milliseconds. @defaultValue 10000 */
  readonly startTimeoutMs?: number
}

/** A throwaway Redis server on loopback, owned by the test that started it. */
export interface RedisServer {
  /** Always `127.0.0.1`. */
  readonly host: string
  /** The port it listens on (kept across restarts). */
  readonly port: number
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string
  /** Process id of the running server (`undefined` while it is down). */
  readonly pid: number | undefined
  /** Kills the server with SIGKILL (no shutdown, no save: what a crash or an OOM kill does) and waits for it to exit. */
  crash(): Promise<void>
  /** Starts a new, empty server on the same port after a crash or a stop. */
  restart(): Promise<void>
  /** Stops the server (SIGTERM) and waits for it to exit. Safe to call more than once. */
  stop(): Promise<void>
}

/**
 * True when a `redis-server` executable runs here (`redis-server --version` succeeds).
 *
 * @param command - the executable @defaultValue `'redis-server'`
 * @returns whether {@link startRedisServer} can start one
 * @example
 * ```ts
 * describe.skipIf(!redisServerAvailable())('on a real Redis', () => { ... })
 * ```
 */
export function redisServerAvailable(command = 'redis-server'): boolean {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8', timeout: 5000 })
  return probe.status === 0 && /Redis server/i.test(probe.stdout)
}

/** A port nobody listens on right now (the system picks it; the tiny race with another process is retried by the caller). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Starts one `redis-server` process and resolves once it accepts connections; rejects with its output when it exits first. */
function launch(command: string, port: number, startTimeoutMs: number): Promise<ChildProcess> {
  // No persistence (no RDB snapshots, no AOF), loopback only: a restart gives an empty cache, as after a crash.
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    tmpdir(),
    '--daemonize',
    'no',
    '--loglevel',
    'notice',
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const timer = setTimeout(() => fail(`no "Ready to accept connections" within ${startTimeoutMs} ms`), startTimeoutMs)
    const fail = (why: string): void => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(
        new VitestMlError(
          'startRedisServer',
          `redis-server to start on 127.0.0.1:${port}`,
          `${why}; its output:\n${output.trim().split('\n').slice(-5).join('\n')}`,
          'Check `redis-server --version` runs; on Debian install it with `apt-get install -y redis-server`.',
        ),
      )
    }
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer)
        child.stdout?.removeAllListeners('data').resume()
        child.stderr?.removeAllListeners('data').resume()
        resolve(child)
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.once('error', (error) => fail(error.message))
    child.once('exit', (code, signal) => fail(`it exited (${signal ?? `code ${code}`})`))
  })
}

/** Sends `signal` and resolves when the process has exited. */
function ended(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}

/**
 * Starts a throwaway `redis-server` on 127.0.0.1 (a free port, no persistence) for a test, so a cache is tested
 * against a real server: real TTL expiry, real network errors, a real crash and restart. Stop it in `afterAll`; it is
 * also killed when the test process exits.
 *
 * @param options - executable, port, start timeout
 * @returns the running server
 * @example
 * ```ts
 * const redis = await startRedisServer()
 * const store = await redisPredictionStore({ url: redis.url })
 * await redis.crash()   // the cache is down: answers keep coming, storeErrors count the outage
 * await redis.restart() // back, empty
 * await redis.stop()
 * ```
 */
export async function startRedisServer(options: StartRedisServerOptions = {}): Promise<RedisServer> {
  const command = options.command ?? 'redis-server'
  const startTimeoutMs = options.startTimeoutMs ?? 10_000
  let port = options.port ?? (await freePort())
  let child: ChildProcess | undefined
  for (let attempt = 1; child === undefined; attempt++) {
    try {
      child = await launch(command, port, startTimeoutMs)
    } catch (error) {
      // Another process may have taken the free port between the probe and the start: try a new one.
      if (options.port !== undefined || attempt >= 3 || !/Address already in use/i.test(String((error as Error).message))) throw error
      port = await freePort()
    }
  }
  const killOnExit = (): void => void child?.kill('SIGKILL')
  process.once('exit', killOnExit)
  return {
    host: '127.0.0.1',
    port,
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child?.exitCode === null && child.signalCode === null ? child.pid : undefined
    },
    async crash() {
      await ended(child, 'SIGKILL')
    },
    async restart() {
      await ended(child, 'SIGKILL')
      child = await launch(command, port, startTimeoutMs)
    },
    async stop() {
      await ended(child, 'SIGTERM')
      process.removeListener('exit', killOnExit)
    },
  }
}
