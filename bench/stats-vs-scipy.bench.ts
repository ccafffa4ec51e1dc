/**
 * vitest-ml/stats against scipy on identical bytes. bench/scipy_reference.py generates the data into a temporary
 * directory, times scipy/numpy there and records scipy's outputs; this suite then times our functions on the same
 * binaries in the same run and checks that our statistics equal scipy's (statistic 1e-9 relative, p-value 1e-6
 * relative or 1e-12 absolute).
 *
 * Needs a python3 with numpy and scipy (override with the PYTHON environment variable).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chiSquareHomogeneity } from '../src/stats/chi-square-homogeneity.js'
import { ksTwoSample } from '../src/stats/ks-two-sample.js'
import { populationStabilityIndex } from '../src/stats/population-stability-index.js'
import { wassersteinDistance } from '../src/stats/wasserstein-distance.js'
import { type BenchEntry, type BenchSuite, entry, medianSeconds } from './bench-entry.js'

const ROWS = 100_000
const NUM_COLS = 50
const CAT_COLS = 10

interface ScipyTiming {
  median_s: number
  statistic?: number
  pvalue?: number
  columns?: Array<{ col: number; test: string; statistic: number; pvalue: number }>
}

function readF64(file: string): Float64Array {
  const bytes = readFileSync(file)
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return new Float64Array(copy.buffer)
}

function readU8(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file))
}

const close = (ours: number, theirs: number, rtol: number, atol: number): boolean =>
  ours === theirs || Math.abs(ours - theirs) <= Math.max(rtol * Math.abs(theirs), atol)

function agreement(pairs: Array<[number, number, 'statistic' | 'pValue']>): string {
  let worstStatistic = 0
  let worstP = 0
  let ok = true
  for (const [ours, theirs, kind] of pairs) {
    const rel = ours === theirs ? 0 : Math.abs(ours - theirs) / Math.max(Math.abs(theirs), Number.MIN_VALUE)
    if (kind === 'statistic') {
      worstStatistic = Math.max(worstStatistic, rel)
      ok &&= close(ours, theirs, 1e-9, 0)
    } else {
      worstP = Math.max(worstP, rel)
      ok &&= close(ours, theirs, 1e-6, 1e-12)
    }
  }
  const detail = `max rel err statistic ${worstStatistic.toExponential(1)}${pairs.some((p) => p[2] === 'pValue') ? `, p ${worstP.toExponential(1)}` : ''}`
  return ok ? `statistics equal scipy (${detail})` : `STATISTICS DIFFER from scipy (${detail})`
}

function categoryTable(reference: Uint8Array, current: Uint8Array): number[][] {
  let k = 0
  for (let i = 0; i < reference.length; i++) k = Math.max(k, reference[i] as number)
  for (let i = 0; i < current.length; i++) k = Math.max(k, current[i] as number)
  const refCounts = new Array<number>(k + 1).fill(0)
  const curCounts = new Array<number>(k + 1).fill(0)
  for (let i = 0; i < reference.length; i++) refCounts[reference[i] as number]! += 1
  for (let i = 0; i < current.length; i++) curCounts[current[i] as number]! += 1
  return [refCounts, curCounts]
}

const suite: BenchSuite = async (): Promise<BenchEntry[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-scipy-'))
  try {
    const script = join(dirname(fileURLToPath(import.meta.url)), 'scipy_reference.py')
    execFileSync(process.env.PYTHON ?? 'python3', [script, dir], { stdio: ['ignore', 'inherit', 'inherit'] })
    const scipy = JSON.parse(readFileSync(join(dir, 'bench_results.json'), 'utf8')) as Record<string, ScipyTiming>
    const a = readF64(join(dir, 'bench_a.f64'))
    const b = readF64(join(dir, 'bench_b.f64'))
    const refNum = readF64(join(dir, 'bench_tab_ref_num.f64'))
    const curNum = readF64(join(dir, 'bench_tab_cur_num.f64'))
    const refCat = readU8(join(dir, 'bench_tab_ref_cat.u8'))
    const curCat = readU8(join(dir, 'bench_tab_cur_cat.u8'))
    const entries: BenchEntry[] = []

    const ksScipy = scipy.a_ks_2samp_1M_vs_1M_asymp as ScipyTiming
    const ks = ksTwoSample(a, b, { method: 'asymp' })
    const ksTime = await medianSeconds(() => ksTwoSample(a, b, { method: 'asymp' }))
    entries.push(
      entry('ks-1m-vs-scipy', ksTime, ksScipy.median_s, {
        target: 1.0,
        note: agreement([
          [ks.statistic, ksScipy.statistic as number, 'statistic'],
          [ks.pValue, ksScipy.pvalue as number, 'pValue'],
        ]),
      }),
    )

    const driftTable = (): Array<{ statistic: number; pValue: number }> => {
      const out: Array<{ statistic: number; pValue: number }> = []
      for (let j = 0; j < NUM_COLS; j++) {
        out.push(ksTwoSample(refNum.subarray(j * ROWS, (j + 1) * ROWS), curNum.subarray(j * ROWS, (j + 1) * ROWS)))
      }
      for (let j = 0; j < CAT_COLS; j++) {
        out.push(chiSquareHomogeneity(categoryTable(refCat.subarray(j * ROWS, (j + 1) * ROWS), curCat.subarray(j * ROWS, (j + 1) * ROWS))))
      }
      return out
    }
    const tableScipy = scipy.b_drift_100k_rows_50num_ks_10cat_chi2 as ScipyTiming
    const table = driftTable()
    const tablePairs: Array<[number, number, 'statistic' | 'pValue']> = []
    for (const column of tableScipy.columns ?? []) {
      const ours = table[column.col] as { statistic: number; pValue: number }
      tablePairs.push([ours.statistic, column.statistic, 'statistic'], [ours.pValue, column.pvalue, 'pValue'])
    }
    entries.push(
      entry('drift-table-vs-scipy', await medianSeconds(driftTable), tableScipy.median_s, {
        target: 1.0,
        note: agreement(tablePairs),
      }),
    )

    const wScipy = scipy.c_wasserstein_1M_vs_1M as ScipyTiming
    const w = wassersteinDistance(a, b)
    entries.push(
      entry('wasserstein-1m-vs-scipy', await medianSeconds(() => wassersteinDistance(a, b)), wScipy.median_s, {
        target: 1.0,
        note: agreement([[w.statistic, wScipy.statistic as number, 'statistic']]),
      }),
    )

    const psiScipy = scipy.d_psi_10_quantile_bins_1M_vs_1M as ScipyTiming
    const psi = populationStabilityIndex(a, b)
    entries.push(
      entry('psi-1m-vs-scipy', await medianSeconds(() => populationStabilityIndex(a, b)), psiScipy.median_s, {
        target: 1.0,
        note: agreement([[psi.statistic, psiScipy.statistic as number, 'statistic']]),
      }),
    )
    return entries
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export default suite
