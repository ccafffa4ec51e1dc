// The public API report: `npm run api` writes api/*.api.md from the built declarations, one file per package entry;
// `npm run api -- --check` (in CI) fails when the public surface differs from the committed report, so a change to
// what users can import is a visible, reviewed diff. Built on API Extractor (@microsoft/api-extractor), the standard
// tool for this: it follows every re-export to the declaration and prints signatures, TSDoc release tags included.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor'

/**
 * Package entry (as users import it) -> its declaration file in dist/. The root and `vitest-ml/stats` must export
 * every type their signatures name (a "forgotten export" is written into the report for review); the other entries
 * name types that users import from the root (`import type { ReportOptions } from 'vitest-ml'`).
 */
const ENTRIES = {
  'vitest-ml': { declarations: 'dist/src/index.d.ts', selfContained: true },
  'vitest-ml-stats': { declarations: 'dist/src/stats/index.d.ts', selfContained: true },
  'vitest-ml-plugin': { declarations: 'dist/src/plugin.d.ts', selfContained: false },
  'vitest-ml-reporter': { declarations: 'dist/reporters/ml-reporter.d.ts', selfContained: false },
  'vitest-ml-matchers': { declarations: 'dist/matchers/index.d.ts', selfContained: false },
  'vitest-ml-setup': { declarations: 'dist/matchers/setup.d.ts', selfContained: false },
}

const check = process.argv.includes('--check')
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..')
let failed = false
for (const [name, { declarations, selfContained }] of Object.entries(ENTRIES)) {
  if (!existsSync(resolve(root, declarations))) throw new Error(`${declarations} is missing: run \`npm run build\` first`)
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: resolve(root, declarations),
      compiler: { tsconfigFilePath: resolve(root, 'tsconfig.build.json') },
      apiReport: { enabled: true, reportFolder: resolve(root, 'api'), reportTempFolder: resolve(root, '.api-temp'), reportFileName: `${name}.api.md` },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        // A forgotten export (a public signature naming a type users cannot import) is written into the report, where a
        // reviewer sees it; release tags are not used (everything exported is public), so their absence is not noted.
        // Members without TSDoc are marked "(undocumented)" in the report either way.
        extractorMessageReporting: {
          default: { logLevel: 'none', addToApiReportFile: true },
          'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
          'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: selfContained },
        },
        tsdocMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
      },
    },
    configObjectFullPath: resolve(root, 'api-extractor.json'),
    packageJsonFullPath: resolve(root, 'package.json'),
  })
  const result = Extractor.invoke(config, { localBuild: !check, showVerboseMessages: false })
  if (check && result.apiReportChanged) {
    console.error(
      `api/${name}.api.md: the public API of '${name.replace('vitest-ml-', 'vitest-ml/')}' changed. Review the difference, then run \`npm run api\` and commit the report.`,
    )
    failed = true
  } else if (!result.succeeded) {
    console.error(`${name}: API Extractor failed (${result.errorCount} errors)`)
    failed = true
  }
}
if (failed) process.exit(1)
console.log(check ? 'api/*.api.md: the public API matches the committed report' : 'api/*.api.md written')
