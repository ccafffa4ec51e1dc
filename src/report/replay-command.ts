import type { ReplayInfo } from '../record/check-record.js'

/** Quotes a string for POSIX shells (single quotes; embedded single quotes closed, escaped and reopened). */
function shellQuote(value: string): string {
  return /^[\w./@%+=:,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}

/** Escapes regular-expression syntax: Vitest's `-t` treats its argument as a pattern. */
function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Builds the shell command that re-runs one test, with the check's seed (and fast-check path) as a trailing comment
 * so the failure can be reproduced exactly. When the run used a config file other than Vitest's default lookup, the
 * command passes it with `--config`, or Vitest would not find the test file.
 *
 * @param file - test file relative to the project root
 * @param testNamePattern - the test's suite and test names joined by spaces, as Vitest's `-t` matches them
 * @param replay - the record's replay info, if any
 * @param configFile - the config file the run used, relative to the project root
 * @returns a copy-pasteable command line
 * @example
 * ```ts
 * replayCommand('test/model.test.ts', 'penguins is monotonic', { seed: 42, numRuns: 100 })
 * // "npx vitest run test/model.test.ts -t 'penguins is monotonic'  # seed 42"
 * ```
 */
export function replayCommand(file: string, testNamePattern: string, replay?: ReplayInfo, configFile?: string): string {
  const config = configFile === undefined ? '' : `--config ${shellQuote(configFile)} `
  const command = `npx vitest run ${config}${shellQuote(file)} -t ${shellQuote(escapeRegExp(testNamePattern))}`
  if (replay === undefined) return command
  const path = replay.path === undefined ? '' : `, path ${JSON.stringify(replay.path)}`
  return `${command}  # seed ${replay.seed}${path}, ${replay.numRuns} ${replay.numRuns === 1 ? 'run' : 'runs'}`
}
