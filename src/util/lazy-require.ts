import { createRequire } from 'node:module'

const load = createRequire(import.meta.url)

/**
 * A CommonJS package loaded on first use instead of when vitest-ml is imported, so `import('vitest-ml')` stays cheap
 * in every test file that never draws a plot, validates a report or opens an ONNX session. The package is required
 * once; later calls return the same module.
 *
 * @param specifier - the package, as `require` takes it
 * @returns a function that loads it (once) and returns it
 * @example
 * ```ts
 * const ajv = lazyRequire<typeof import('ajv')>('ajv')
 * new (ajv().Ajv)() // ajv is loaded here, not at import time
 * ```
 */
export function lazyRequire<T>(specifier: string): () => T {
  let loaded: { readonly module: T } | undefined
  return () => {
    loaded ??= { module: load(specifier) as T }
    return loaded.module
  }
}
