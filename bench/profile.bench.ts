/**
 * Profiles at scale. Every job that reports memory runs in its own child process (`bench/jobs/profile-jobs.ts`), so
 * its peak RSS (`process.resourceUsage().maxRSS`) is its own.
 *
 * - `profile-flights-3m`: profiling all 5 columns of flights-3m by streaming its Parquet row groups (ours) against the
 *   in-memory drift suite on the same file (reference: read everything, split in halves, datasetDrift).
 * - `drift-30m-streamed`: 30 million generated flights-like rows (15 M reference, 15 M current with shifts in delay,
 *   distance and carrier) generated batch by batch, profiled and compared (ours) against generating them alone
 *   (reference); target: peak RSS <= 300 MiB.
 * - `profile-vs-exact`: January vs June 2001 of flights-3m: drift from profiles (ours) against the exact drift suite
 *   (reference), with the largest |KS statistic difference| and |PSI difference| from the exact values, for the default
 *   profiles (exact value counts) and for KLL-only profiles (exactLimit 16), next to the stated error bounds.
 * - `duckdb-profile-flights-3m`: profileWithDuckDb on all 5 columns (ours) against our streaming reader (reference).
 */
import { spawnSync } from 'node:child_process'
import { type Dataset, datasetFromColumns } from '../src/data/dataset.js'
import { readParquet } from '../src/data/read-parquet.js'
import { datasetDrift } from '../src/drift/dataset-drift.js'
import { profile } from '../src/profile/profile-builder.js'
import { profileDrift } from '../src/profile/profile-drift.js'
import { ksTwoSample } from '../src/stats/ks-two-sample.js'
import { populationStabilityIndex } from '../src/stats/population-stability-index.js'
import { type BenchEntry, entry } from './bench-entry.js'

interface JobResult {
  seconds: number
  peakRssMiB: number
  [detail: string]: unknown
}

function runJob(job: string): JobResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/jobs/profile-jobs.ts', job], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 })
  if (child.status !== 0) throw new Error(`bench job ${job} failed: ${child.stderr}`)
  const last = child.stdout.trim().split('\n').pop() ?? '{}'
  return JSON.parse(last) as JobResult
}

const FEATURES = ['delay', 'distance', 'origin', 'destination'] as const

async function months(): Promise<{ january: Dataset; june: Dataset }> {
  const flights = await readParquet('node_modules/vega-datasets/data/flights-3m.parquet', { columns: ['date', ...FEATURES] })
  const date = flights.column('date') as Float64Array
  const pick = (month: number): Dataset => {
    const rows: number[] = []
    for (let index = 0; index < flights.rowCount; index++) if (new Date(date[index] ?? 0).getUTCMonth() + 1 === month) rows.push(index)
    return datasetFromColumns(
      Object.fromEntries(
        FEATURES.map((name) => {
          const column = flights.column(name)
          return [name, column instanceof Float64Array ? Float64Array.from(rows, (row) => column[row] ?? Number.NaN) : rows.map((row) => column[row] ?? null)]
        }),
      ),
      { name: month === 1 ? 'january' : 'june' },
    )
  }
  return { january: pick(1), june: pick(6) }
}

async function profileVsExact(): Promise<BenchEntry> {
  const { january, june } = await months()
  let started = performance.now()
  datasetDrift(january, june)
  const exactSeconds = (performance.now() - started) / 1000
  started = performance.now()
  profileDrift(profile(january), profile(june))
  const profileSeconds = (performance.now() - started) / 1000
  const details: string[] = []
  for (const [label, settings] of [
    ['exact value counts (default)', {}],
    ['KLL only (exactLimit 16, k 1000)', { exactLimit: 16 }],
  ] as const) {
    const drift = profileDrift(profile(january, settings), profile(june, settings), { features: ['delay', 'distance'] })
    let ksDiff = 0
    let psiDiff = 0
    let ksBound = 0
    let psiBound = 0
    for (const feature of ['delay', 'distance']) {
      const r = january.column(feature) as Float64Array
      const c = june.column(feature) as Float64Array
      const statistics = drift.features.find((entry) => entry.feature === feature)?.statistics
      ksDiff = Math.max(ksDiff, Math.abs((statistics?.ks?.value ?? Number.NaN) - ksTwoSample(r, c).statistic))
      psiDiff = Math.max(psiDiff, Math.abs((statistics?.psi?.value ?? Number.NaN) - populationStabilityIndex(r, c).statistic))
      ksBound = Math.max(ksBound, statistics?.ks?.error ?? Number.NaN)
      psiBound = Math.max(psiBound, statistics?.psi?.error ?? Number.NaN)
    }
    details.push(
      `${label}: max |KS diff| ${ksDiff.toExponential(2)} (bound ${ksBound.toPrecision(3)}), max |PSI diff| ${psiDiff.toExponential(2)} (bound ${psiBound.toPrecision(3)})`,
    )
  }
  return entry('profile-vs-exact', profileSeconds, exactSeconds, { note: `January vs June flights, delay and distance; ${details.join('; ')}` })
}

export default async function profileBench(): Promise<BenchEntry[]> {
  const results: BenchEntry[] = []
  const streamedProfile = runJob('profile-streamed')
  const suite = runJob('drift-suite-in-memory')
  results.push(
    entry('profile-flights-3m', streamedProfile.seconds, suite.seconds, {
      note: `profile (streamed row groups) peak RSS ${streamedProfile.peakRssMiB} MiB vs in-memory drift suite ${suite.peakRssMiB} MiB; profile ${streamedProfile.profileBytes as number} bytes of JSON`,
    }),
  )
  const streamed = runJob('stream-30m-profile')
  const generateOnly = runJob('stream-30m-generate-only')
  const features = (streamed.features as { feature: string; method: string; statistic: number; error: number; ks?: { value: number; error: number } }[]).map(
    (feature) =>
      `${feature.feature} ${feature.method} ${feature.statistic.toPrecision(3)} ± ${feature.error.toPrecision(2)}${feature.ks === undefined ? '' : ` (KS ${feature.ks.value.toPrecision(3)} ± ${feature.ks.error.toPrecision(2)})`}`,
  )
  results.push(
    entry('drift-30m-streamed', streamed.seconds, generateOnly.seconds, {
      note: `${streamed.rows as number} rows; peak RSS ${streamed.peakRssMiB} MiB (target <= 300: ${streamed.peakRssMiB <= 300 ? 'met' : 'MISSED'}); drifted ${(streamed.drifted as string[]).join(', ')}; ${features.join('; ')}`,
    }),
  )
  results.push(await profileVsExact())
  const duck = runJob('profile-duckdb')
  results.push(
    entry('duckdb-profile-flights-3m', duck.seconds, streamedProfile.seconds, {
      note: `DuckDB peak RSS ${duck.peakRssMiB} MiB vs streaming reader ${streamedProfile.peakRssMiB} MiB`,
    }),
  )
  return results
}
