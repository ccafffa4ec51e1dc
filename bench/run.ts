/**
 * `npm run bench [-- --json FILE] [-- --only NAME]`: runs every `bench/*.bench.ts` suite, prints ours vs reference
 * ratios, and optionally writes them as JSON `[{ name, ours_s, reference_s, ratio }]`.
 */
import { readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { BenchEntry, BenchSuite } from './bench-entry.js'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const jsonIndex = args.indexOf('--json')
const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined
const onlyIndex = args.indexOf('--only')
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined

const suites = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only === undefined || file.includes(only))
  .sort()

const results: BenchEntry[] = []
for (const file of suites) {
  const suite = (await import(pathToFileURL(join(here, file)).href)) as { default: BenchSuite }
  console.log(`\n# ${file}`)
  for (const result of await suite.default()) {
    results.push(result)
    const verdict = result.target === undefined ? '' : result.ratio <= result.target ? ' (target met)' : ' (TARGET MISSED)'
    console.log(
      `${result.name.padEnd(28)} ours ${result.ours_s.toFixed(3)}s  reference ${result.reference_s.toFixed(3)}s  ` +
        `ratio ${result.ratio.toFixed(3)}${result.target === undefined ? '' : ` <= ${result.target}?`}${verdict}` +
        `${result.note === undefined ? '' : `  ${result.note}`}`,
    )
  }
}
if (jsonFile !== undefined) {
  writeFileSync(
    jsonFile,
    `${JSON.stringify(
      results.map(({ name, ours_s, reference_s, ratio }) => ({ name, ours_s, reference_s, ratio })),
      null,
      2,
    )}\n`,
  )
  console.log(`\nwrote ${jsonFile}`)
}
