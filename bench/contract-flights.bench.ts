/**
 * `contract-flights-3m`: schema validation and data hygiene over all 3 million rows and all columns of vega-datasets'
 * flights-3m.parquet — the contract is learned from the first half (January to mid-March 2001) and the second half is
 * checked against it (`checkContract`: every column scanned, missing-rate and range tests, duplicate rows), then the
 * second half's hygiene (`checkHygiene`: exact duplicates by fingerprint and sort, near duplicates on a grid, MAD
 * outliers, dead features). `ours` is reading the file plus both checks; `reference` is reading the file alone, so the
 * ratio says what the checks add on top of I/O. Complexity: fingerprints O(rows x columns), exact duplicates
 * O(n log n) (a native sort of the fingerprints), near duplicates O(n x 27 x b) for b rows per grid cell, outliers one
 * sort per numeric column. Peak memory is the resident set size sampled every 20 ms.
 */
import { checkContract } from '../src/contracts/check-contract.js'
import { datasetFromColumns } from '../src/data/dataset.js'
import { inferContract } from '../src/data/infer-contract.js'
import { readParquet } from '../src/data/read-parquet.js'
import { checkHygiene } from '../src/hygiene/check-hygiene.js'
import { type BenchEntry, entry, medianSeconds } from './bench-entry.js'

const FLIGHTS = 'node_modules/vega-datasets/data/flights-3m.parquet'
const MIB = 2 ** 20

let peakRss = 0
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}
const timings = { contract: [] as number[], hygiene: [] as number[] }
const median = (values: readonly number[]): number => [...values].sort((x, y) => x - y)[values.length >> 1] ?? Number.NaN
let summary = ''

async function read(): Promise<ReturnType<typeof datasetFromColumns>> {
  const data = await readParquet(FLIGHTS)
  sample()
  return data
}

async function readAndCheck(): Promise<void> {
  const flights = await read()
  const half = flights.rowCount >> 1
  const split = (from: number, to: number, name: string) =>
    datasetFromColumns(
      Object.fromEntries(
        flights.columnNames.map((column) => {
          const values = flights.column(column)
          return [column, values instanceof Float64Array ? values.subarray(from, to) : Array.prototype.slice.call(values, from, to)]
        }),
      ),
      { name },
    )
  const reference = split(0, half, 'first half')
  const current = split(half, flights.rowCount, 'second half')
  const { contract } = inferContract(reference)
  sample()
  let started = performance.now()
  const checked = checkContract(current, contract)
  timings.contract.push((performance.now() - started) / 1000)
  sample()
  started = performance.now()
  const hygiene = checkHygiene(current)
  timings.hygiene.push((performance.now() - started) / 1000)
  sample()
  summary = `anomalies: ${checked.anomalies.map((anomaly) => `${anomaly.column ?? 'table'} ${anomaly.type}`).join(', ') || 'none'}; duplicates ${hygiene.duplicates.duplicateRows}, near duplicates ${hygiene.nearDuplicates?.nearDuplicateRows ?? 0}, outlier rows ${hygiene.outliers.outlierRows}`
}

export default async function contractFlightsBench(): Promise<BenchEntry[]> {
  const timer = setInterval(sample, 20)
  try {
    const reference = await medianSeconds(read, 3)
    const ours = await medianSeconds(readAndCheck, 3)
    return [
      entry('contract-flights-3m', ours, reference, {
        note: `3000000 rows x 5 columns; read ${reference.toFixed(2)} s, contract check of the second half ${median(timings.contract).toFixed(2)} s, hygiene ${median(timings.hygiene).toFixed(2)} s (timed on their own); peak RSS ${Math.round(peakRss / MIB)} MiB sampled; ${summary}`,
      }),
    ]
  } finally {
    clearInterval(timer)
  }
}
