/**
 * Calibration of the multivariate drift tests by simulation: `npx tsx scripts/simulate/multivariate-calibration.ts
 * [replicates] [rows]` (defaults 200 replicates of 300 rows per sample).
 *
 * - False alarms: reference and current drawn from one distribution (x, y standard normal with correlation 0.5, an
 *   unrelated z, a segment category): how often does each test say "drifted" at alpha = 0.05? With a permutation
 *   p-value the rate must be at most alpha up to binomial noise.
 * - Power: the current sample's correlation flipped (+rho -> -rho), which leaves every marginal distribution alone:
 *   how often does each test catch it? Per-feature tests are the dataset suite at its defaults (any feature drifted,
 *   and the 0.5-share verdict).
 *
 * Every replicate is seeded (`calibration-<scenario>-<replicate>`), so the table is reproducible. The suite runs a
 * reduced version (test/src/drift/multivariate/calibration.test.ts).
 */
import { datasetDrift } from '../../src/drift/dataset-drift.js'
import { multivariateDrift } from '../../src/drift/multivariate/multivariate-drift.js'
import { binomialTest } from '../../src/stats/binomial-test.js'
import { clopperPearsonInterval } from '../../src/stats/clopper-pearson-interval.js'
import { correlationFlip } from '../../test/support/correlation-flip.js'

const replicates = Number(process.argv[2] ?? 200)
const rows = Number(process.argv[3] ?? 300)
const ALPHA = 0.05

interface Scenario {
  readonly name: string
  readonly rho: number
  readonly flip: boolean
}
const scenarios: Scenario[] = [
  { name: 'no drift (rho 0.5 in both)', rho: 0.5, flip: false },
  { name: 'correlation flip 0.2 -> -0.2', rho: 0.2, flip: true },
  { name: 'correlation flip 0.5 -> -0.5', rho: 0.5, flip: true },
]

const counts = (): Record<string, number> => ({ classifier: 0, mmd: 0, anyFeature: 0, datasetVerdict: 0 })
const started = performance.now()
const table: { scenario: string; test: string; rate: number; low: number; high: number; pAboveAlpha?: number }[] = []
for (const scenario of scenarios) {
  const alarms = counts()
  for (let replicate = 0; replicate < replicates; replicate++) {
    const seed = `calibration-${scenario.name}-${replicate}`
    const drawn = correlationFlip(rows, scenario.rho, seed)
    // correlationFlip flips the current sample; for "no drift" draw the current sample from the reference's law.
    const current = scenario.flip ? drawn.current : correlationFlip(rows, -scenario.rho, `${seed}-same`).current
    const joint = multivariateDrift(drawn.reference, current, { features: ['x', 'y', 'z', 'segment'], seed: replicate, permutations: 100 })
    for (const test of joint) if (test.drifted) alarms[test.method] = (alarms[test.method] ?? 0) + 1
    const perFeature = datasetDrift(drawn.reference, current)
    if (perFeature.driftedFeatures.length > 0) alarms.anyFeature = (alarms.anyFeature ?? 0) + 1
    if (perFeature.drifted) alarms.datasetVerdict = (alarms.datasetVerdict ?? 0) + 1
  }
  for (const [test, count] of Object.entries(alarms)) {
    const interval = clopperPearsonInterval(count, replicates)
    table.push({
      scenario: scenario.name,
      test,
      rate: count / replicates,
      low: interval.low,
      high: interval.high,
      ...(scenario.flip ? {} : { pAboveAlpha: binomialTest(count, replicates, { p: ALPHA, alternative: 'greater' }).pValue }),
    })
  }
}
console.log(`${replicates} replicates of ${rows} rows per sample, alpha ${ALPHA}, 100 permutations; ${((performance.now() - started) / 1000).toFixed(0)} s`)
console.log('| scenario | test | alarm rate | 95% Clopper-Pearson | P(rate > alpha) test p |')
console.log('| --- | --- | --- | --- | --- |')
for (const row of table)
  console.log(
    `| ${row.scenario} | ${row.test} | ${row.rate.toFixed(3)} | ${row.low.toFixed(3)}-${row.high.toFixed(3)} | ${row.pAboveAlpha === undefined ? '' : row.pAboveAlpha.toFixed(3)} |`,
  )
