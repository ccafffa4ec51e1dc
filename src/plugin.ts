/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import type { Reporter } from 'vitest/node'
import { MlReporter, type MlReporterOptions } from '../reporters/ml-reporter.js'

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
  readonly report?: false | MlReporterOptions
}

/** Absolute path of a module built next to this one (`.ts` in the source tree, `.js` once built). */
function siblingPath(relativePath: string): string {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js'
  return fileURLToPath(new URL(`${relativePath}.${extension}`, import.meta.url))
}

/** Marks reporters added by this plugin, so a config with several projects adds only one. */
const ADDED = Symbol.for('vitest-ml.reporter')

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
      const reporters = vitest.config.reporters as unknown[]
      if (reporters.some((reporter) => typeof reporter === 'object' && reporter !== null && ADDED in reporter)) return
      const reporter: Reporter & { [ADDED]?: true } = new MlReporter(options.report ?? {})
      reporter[ADDED] = true
      reporters.push(reporter)
    },
  }
}
