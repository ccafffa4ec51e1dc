/**
 * Scenarios on the packed package. packed-install.ts installs the tarball once into an empty project; each
 * `test/e2e/packed-<scenario>.test.ts` takes a folder of that project with {@link packedScenario}, writes a stranger's
 * files into it and runs Vitest, tsc or npm there. `npm run test:packed` runs them all, and `.ci/run` runs them once per
 * supported Node + Vitest pair, so a new scenario file is covered on every pair without further wiring.
 */
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inject } from 'vitest'
import { type CommandResult, mustRun, runCommand } from './packed-command.js'
import { readmeQuickStart } from './readme-quick-start.js'

/** The installed project and the versions it runs on. */
export interface PackedProject {
  /** Its folder (under the OS temp directory). */
  readonly dir: string
  /** File name of the installed tarball. */
  readonly tarball: string
  /** `process.version` of the Node that runs it. */
  readonly node: string
  /** Installed versions. */
  readonly vitest: string
  readonly fastCheck: string
  readonly typescript: string
  /** What `npm install` printed. */
  readonly installOutput: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    packedProject: PackedProject
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** A stranger's tsconfig: `strict`, and the declarations of every installed package checked (`skipLibCheck: false`). */
export const STRANGER_TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] },
  include: ['*.ts'],
}

/** One folder of the packed project, with the commands a stranger would run there. */
export interface PackedScenario {
  readonly project: PackedProject
  readonly dir: string
  /** Writes a file (text as given, objects as JSON). */
  write(file: string, content: string | object): void
  /**
   * Copies a file of this repository (path relative to its root) into the folder, or a folder's contents.
   * @param as - name in the scenario folder @defaultValue the file's own name (a folder's contents go to the top)
   */
  copyFromRepo(path: string, as?: string): void
  /** Writes the README's quick start as written (vitest.config.ts, model.test.ts), the model it loads, and test/e2e/stranger/'s extra checks. */
  copyQuickStart(): void
  /** `vitest <args>` in the folder, on the project's Node and Vitest. */
  vitest(args: readonly string[]): Promise<CommandResult>
  /** `tsc -p .` in the folder; fails with tsc's output unless it exits 0. */
  tsc(): Promise<string>
}

/** The installed project (provided by packed-install.ts). */
export function packedProject(): PackedProject {
  return inject('packedProject')
}

/**
 * A folder of the installed project for one scenario. Every scenario takes a folder of its own (the quick start too:
 * its config, as the README writes it, includes every test file below it), so scenarios never share files. Pass no
 * name for the project root itself.
 *
 * @param name - folder name, unique per scenario
 * @example
 * ```ts
 * const scenario = packedScenario('junit')
 * scenario.copyQuickStart()
 * const run = await scenario.vitest(['run', '--reporter=junit'])
 * ```
 */
export function packedScenario(name?: string): PackedScenario {
  const project = packedProject()
  const dir = name === undefined ? project.dir : join(project.dir, name)
  mkdirSync(dir, { recursive: true })
  const write = (file: string, content: string | object): void => {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`)
  }
  const copyFromRepo = (path: string, as?: string): void => {
    const source = join(ROOT, path)
    const target = as !== undefined ? join(dir, as) : statSync(source).isDirectory() ? dir : join(dir, basename(source))
    cpSync(source, target, { recursive: true })
  }
  return {
    project,
    dir,
    write,
    copyFromRepo,
    copyQuickStart: () => {
      for (const [file, content] of Object.entries(readmeQuickStart())) write(file, content)
      copyFromRepo('test/e2e/stranger')
      copyFromRepo('models/penguins-mlp.onnx', 'model.onnx')
    },
    vitest: (args) => runCommand(process.execPath, [join(project.dir, 'node_modules/vitest/vitest.mjs'), ...args], dir),
    tsc: () => mustRun(process.execPath, [join(project.dir, 'node_modules/typescript/bin/tsc'), '-p', dir], dir),
  }
}

/** Reads a JSON file of a scenario folder. */
export function readJson<T>(scenario: PackedScenario, file: string): T {
  return JSON.parse(readFileSync(join(scenario.dir, file), 'utf8')) as T
}
