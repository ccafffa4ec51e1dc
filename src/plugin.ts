/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import type { ReportOptions } from './report/report-options.js'

export type { ReportOptions } from './report/report-options.js'

/** Options of {@link mlTesting}. */
export interface MlTestingOptions {
  /**
   * Register the vitest-ml matchers through a setup file.
   * @defaultValue true
   */
  readonly matchers?: boolean
  /**
   * The release report and deployment gate: `false` to turn the reporter off, or its options
   * (`outputDir`, `formats`, `gate`, `attestations`, `title`, `githubSummary`, `failOnGate`, `maxPlots`).
   * @defaultValue {} (report written to `reports/`, no gate file)
   */
  readonly report?: false | ReportOptions
}

/** Absolute path of a module built next to this one (`.ts` in the source tree, `.js` once built). */
function siblingPath(relativePath: string): string {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js'
  return fileURLToPath(new URL(`${relativePath}.${extension}`, import.meta.url))
}

/**
 * The vitest-ml Vite/Vitest plugin: registers the matchers for every test file and adds the vitest-ml reporter next
 * to whatever reporters are configured (default, JUnit, blob, `--reporter` on the command line).
 *
 * @param options - what to register and how to report
 * @returns a Vite plugin for `plugins: [...]` in `vitest.config.ts`
 * @example
 * ```ts
 * // vitest.config.ts
 * import { defineConfig } from 'vitest/config'
 * import { mlTesting } from 'vitest-ml/plugin'
 * export default defineConfig({
 *   plugins: [mlTesting({ report: { outputDir: 'reports', gate: 'gate.json' } })],
 * })
 * ```
 */
export function mlTesting(options: MlTestingOptions = {}): Plugin {
  return {
    name: 'vitest-ml',
    config() {
      if (options.matchers === false) return {}
      return { test: { setupFiles: [siblingPath('../matchers/setup')] } }
    },
    configureVitest({ vitest }) {
      if (options.report === false) return
      // Referenced by path, like the setup file: Vitest loads it (and its options) next to the configured reporters.
      const reporter = siblingPath('../reporters/ml-reporter')
      const reporters = vitest.config.reporters as unknown[]
      const present = reporters.some(
        (entry) => (Array.isArray(entry) && entry[0] === reporter) || (typeof entry === 'object' && entry !== null && entry.constructor.name === 'MlReporter'),
      )
      if (!present) reporters.push([reporter, options.report ?? {}])
    },
  }
}
