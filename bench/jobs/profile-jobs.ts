/**
 * Jobs the profile benchmarks run in a child process each, so that every job's peak resident set size
 * (`process.resourceUsage().maxRSS`) is its own: `tsx bench/jobs/profile-jobs.ts JOB`. Prints one JSON line
 * `{ seconds, peakRssMiB, ...details }`.
 */
import seedrandom from 'seedrandom'
import { type Dataset, datasetFromColumns } from '../../src/data/dataset.js'
import { readParquet } from '../../src/data/read-parquet.js'
import { streamParquet } from '../../src/data/stream-parquet.js'
import { datasetDrift } from '../../src/drift/dataset-drift.js'
import { ProfileBuilder } from '../../src/profile/profile-builder.js'
import { profileDrift } from '../../src/profile/profile-drift.js'
import { profileStream } from '../../src/profile/profile-stream.js'
import { profileWithDuckDb } from '../../src/profile/sql/profile-with-duckdb.js'

const FLIGHTS = 'node_modules/vega-datasets/data/flights-3m.parquet'
const COLUMNS = ['date', 'delay', 'distance', 'origin', 'destination']
const STREAM_ROWS = 30_000_000
const BATCH = 65_536
const CARRIERS = ['AA', 'UA', 'DL', 'WN', 'US', 'NW', 'CO', 'AS', 'HP', 'TW']

/** One batch of generated flights-like rows: delay (minutes, exponential), distance, hour, carrier; `shift` moves current. */
function generated(random: () => number, rows: number, shift: number): Dataset {
  return datasetFromColumns({
    delay: Float64Array.from({ length: rows }, () => -Math.log(1 - random()) * (20 + 4 * shift) - 10),
    distance: Float64Array.from({ length: rows }, () => Math.round(200 + 1800 * random() ** (1.6 - 0.2 * shift))),
    hour: Float64Array.from({ length: rows }, () => Math.floor(24 * random())),
    carrier: Array.from({ length: rows }, () => CARRIERS[Math.min(9, Math.floor(10 * random() ** (1 + 0.5 * shift)))] ?? 'AA'),
  })
}

async function streamed(profileIt: boolean): Promise<Record<string, unknown>> {
  const half = STREAM_ROWS / 2
  const profiles = []
  for (const [side, shift] of [
    ['reference', 0],
    ['current', 1],
  ] as const) {
    const random = seedrandom(`drift-30m-${side}`)
    const builder = new ProfileBuilder({ name: side })
    for (let done = 0; done < half; done += BATCH) {
      const batch = generated(random, Math.min(BATCH, half - done), shift)
      if (profileIt) builder.add(batch)
    }
    profiles.push(builder.finish('stream'))
  }
  if (!profileIt) return { rows: STREAM_ROWS }
  const [reference, current] = profiles as [ReturnType<ProfileBuilder['finish']>, ReturnType<ProfileBuilder['finish']>]
  const drift = profileDrift(reference, current)
  return {
    rows: reference.rows + current.rows,
    drifted: drift.driftedFeatures,
    profileBytes: JSON.stringify(reference).length,
    features: drift.features.map((feature) => ({
      feature: feature.feature,
      method: feature.method,
      statistic: feature.statistic,
      error: feature.statisticError,
      ks: feature.statistics.ks,
    })),
  }
}

async function inMemoryDriftSuite(): Promise<Record<string, unknown>> {
  const flights = await readParquet(FLIGHTS, { columns: COLUMNS })
  const half = flights.rowCount >> 1
  const split = (from: number, to: number) =>
    datasetFromColumns(
      Object.fromEntries(
        COLUMNS.map((name) => {
          const column = flights.column(name)
          return [name, column instanceof Float64Array ? column.subarray(from, to) : Array.prototype.slice.call(column, from, to)]
        }),
      ),
    )
  return { drifted: datasetDrift(split(0, half), split(half, flights.rowCount)).driftedFeatures }
}

async function streamedProfiles(): Promise<Record<string, unknown>> {
  const profile = await profileStream(streamParquet(FLIGHTS, { columns: COLUMNS }))
  return { rows: profile.rows, profileBytes: JSON.stringify(profile).length }
}

async function duckDbProfiles(): Promise<Record<string, unknown>> {
  const profile = await profileWithDuckDb(FLIGHTS, { columns: COLUMNS })
  return { rows: profile.rows, profileBytes: JSON.stringify(profile).length }
}

const jobs: Record<string, () => Promise<Record<string, unknown>>> = {
  'drift-suite-in-memory': inMemoryDriftSuite,
  'profile-streamed': streamedProfiles,
  'profile-duckdb': duckDbProfiles,
  'stream-30m-profile': () => streamed(true),
  'stream-30m-generate-only': () => streamed(false),
}

const job = jobs[process.argv[2] ?? '']
if (job === undefined) throw new Error(`unknown job ${process.argv[2]}; one of ${Object.keys(jobs).join(', ')}`)
const started = performance.now()
const details = await job()
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), ...details }))
