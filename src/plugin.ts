import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

/** Options of {@link mlTesting}. */
export interface MlTestingOptions {
  /**
   * Register the vitest-ml matchers through a setup file.
   * @defaultValue true
   */
  readonly matchers?: boolean
}

/** Absolute path of the setup file that registers the matchers (built next to this module). */
function setupFilePath(): string {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js'
  return fileURLToPath(new URL(`../matchers/setup.${extension}`, import.meta.url))
}

/**
 * The vitest-ml Vite/Vitest plugin: registers the matchers for every test file.
 *
 * @param options - what to register
 * @returns a Vite plugin for `plugins: [...]` in `vitest.config.ts`
 * @example
 * ```ts
 * // vitest.config.ts
 * import { defineConfig } from 'vitest/config'
 * import { mlTesting } from 'vitest-ml/plugin'
 * export default defineConfig({ plugins: [mlTesting()] })
 * ```
 */
export function mlTesting(options: MlTestingOptions = {}): Plugin {
  return {
    name: 'vitest-ml',
    config() {
      if (options.matchers === false) return {}
      return { test: { setupFiles: [setupFilePath()] } }
    },
  }
}
