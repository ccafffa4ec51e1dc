// Builds the published JavaScript: one ES module per package entry, sharing code through chunks.
//
// Why bundle: Node loads each ES module file separately, and vitest-ml is ~300 small files, so an unbundled
// `import('vitest-ml')` spends ~150 ms just loading modules — paid again by every test file under the `forks` pool.
// esbuild (already in every Vitest install through Vite, and the fastest bundler available) joins them; with
// `splitting`, code used by several entries lives once in `dist/chunks/`, so every entry sees the same module instances
// (one matcher registry, one `VitestMlError` class). Dependencies stay external: they load from node_modules, and the
// heavy ones only on first use. Declarations come from `tsc` (tsconfig.build.json); the source maps point at the
// TypeScript sources the package ships.
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

/** Every module a user can import (package.json `exports`) and the `vitest-ml` command. */
const ENTRIES = ['src/index.ts', 'src/plugin.ts', 'src/stats/index.ts', 'src/cli.ts', 'matchers/setup.ts', 'matchers/index.ts', 'reporters/ml-reporter.ts']

rmSync('dist/chunks', { recursive: true, force: true })
await build({
  entryPoints: ENTRIES,
  outdir: 'dist',
  outbase: '.',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  sourcesContent: false,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
})
