/**
 * `drift-flights-3m`: the drift suite over all 3 million rows of vega-datasets' flights-3m.parquet — reference = the
 * first half of the rows (January to mid-March 2001), current = the second half, every column: date, delay and distance
 * (1.5 M vs 1.5 M values each, so the normed Wasserstein distance is used) and the origin and destination airports
 * (Jensen-Shannon distance over some 230 categories). `ours` is reading the columns plus the drift suite; `reference`
 * is reading the same columns alone, so the ratio says how much the
 * statistics add on top of I/O. Peak memory is the resident set size sampled around every step, and the process
 * high-water mark (`resourceUsage().maxRSS`, which includes whatever ran before in the same process).
 */
import { datasetFromColumns } from '../src/data/dataset.js'
import { readParquet } from '../src/data/read-parquet.js'
import { datasetDrift } from '../src/drift/dataset-drift.js'
import { type BenchEntry, entry, medianSeconds } from './bench-entry.js'

const FLIGHTS = 'node_modules/vega-datasets/data/flights-3m.parquet'
const NUMERIC = ['date', 'delay', 'distance']
const COLUMNS = [...NUMERIC, 'origin', 'destination']
const MIB = 2 ** 20
const median = (values: readonly number[]): number => [...values].sort((x, y) => x - y)[values.length >> 1] ?? Number.NaN

let peakRss = 0
const driftSeconds: number[] = []
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}

async function readColumns(): Promise<ReturnType<typeof datasetFromColumns>> {
  const data = await readParquet(FLIGHTS, { columns: COLUMNS })
  sample()
  return data
}

async function readAndDrift(): Promise<{ rows: number; drifted: string[] }> {
  const flights = await readColumns()
  const half = flights.rowCount >> 1
  const split = (from: number, to: number) =>
    datasetFromColumns(
      Object.fromEntries(
        COLUMNS.map((name) => {
          const column = flights.column(name)
          return [name, column instanceof Float64Array ? column.subarray(from, to) : Array.prototype.slice.call(column, from, to)]
        }),
      ),
      { name: from === 0 ? 'first-half' : 'second-half' },
    )
  const started = performance.now()
  const result = datasetDrift(split(0, half), split(half, flights.rowCount))
  driftSeconds.push((performance.now() - started) / 1000)
  sample()
  return { rows: flights.rowCount, drifted: result.driftedFeatures }
}

export default async function driftFlightsBench(): Promise<BenchEntry[]> {
  const timer = setInterval(sample, 20)
  try {
    const reference = await medianSeconds(readColumns, 3)
    const ours = await medianSeconds(readAndDrift, 3)
    const { rows, drifted } = await readAndDrift()
    const highWater = process.resourceUsage().maxRSS * 1024
    return [
      entry('drift-flights-3m', ours, reference, {
        note:
          `${rows} rows, ${NUMERIC.length} numeric and ${COLUMNS.length - NUMERIC.length} categorical columns, read ${reference.toFixed(2)} s, drift suite ${median(driftSeconds).toFixed(2)} s (timed on its own); ` +
          `peak RSS ${Math.round(peakRss / MIB)} MiB sampled (process high-water ${Math.round(highWater / MIB)} MiB); drifted: ${drifted.join(', ') || 'none'}`,
      }),
    ]
  } finally {
    clearInterval(timer)
  }
}
