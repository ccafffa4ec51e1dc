import { describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { failing } from '../../../src/patterns/failing.js'
import { measureLatency } from '../../../src/patterns/measure-latency.js'
import { histogramPoints, percentile } from '../../../src/patterns/percentile.js'
import { slow } from '../../../src/patterns/slow.js'
import { constantModel, miscountingModel } from '../../support/malformed-models.js'

const rows = Array.from({ length: 20 }, (_, index) => [index / 20])
const identity = functionModel((row: number[]) => [row[0] ?? 0], { name: 'identity' })

describe('percentile and histogramPoints', () => {
  test('match numpy.quantile (linear) and count into equal bins', () => {
    // numpy.quantile([1, 2, 3, 4], 0.5) -> 2.5; numpy.quantile([10, 20, 30, 40, 50], 0.99) -> 49.6
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5)
    expect(percentile([10, 20, 30, 40, 50], 0.99)).toBeCloseTo(49.6, 12)
    expect(percentile([], 0.5)).toBeNaN()
    expect(histogramPoints([1, 1, 2, 3], 2)).toEqual([
      [1.5, 2],
      [2.5, 2],
    ]) // numpy.histogram([1, 1, 2, 3], bins=2) -> [2, 2]
    expect(histogramPoints([5, 5])).toEqual([[5, 2]])
  })
})

describe('measureLatency', () => {
  test('reports per-batch-size percentiles, throughput, memory and the output distribution', async () => {
    const result = await measureLatency(identity, { inputs: rows, batchSizes: [1, 8], concurrency: 2, requests: 20, seed: 1 })
    expect(result.perBatchSize.map((row) => [row.batchSize, row.requests, row.errors])).toEqual([
      [1, 20, 0],
      [8, 20, 0],
    ])
    expect(result.overall).toMatchObject({ requests: 40, errors: 0, errorRate: 0 })
    expect(result.overall.p50Ms).toBeLessThanOrEqual(result.overall.p99Ms)
    expect(result.overall.throughputPerSec).toBeGreaterThan(0)
    expect(result.latenciesMs).toHaveLength(40)
    expect(result.outputHistogram.reduce((sum, [, count]) => sum + count, 0)).toBe(20 + 160)
    expect(typeof result.memory.rssGrowthBytes).toBe('number')
  })

  test('delays show up in the percentiles, and concurrency overlaps them', async () => {
    const sluggish = slow(identity, { delayMs: 20 })
    const serial = await measureLatency(sluggish, { inputs: rows, requests: 6, warmup: 0 })
    const parallel = await measureLatency(sluggish, { inputs: rows, requests: 6, warmup: 0, concurrency: 6 })
    expect(serial.overall.p50Ms).toBeGreaterThanOrEqual(19)
    expect(parallel.overall.throughputPerSec).toBeGreaterThan(2 * serial.overall.throughputPerSec)
  })

  test('counts errors without stopping', async () => {
    const result = await measureLatency(failing(identity, { rate: 1, error: 'overloaded' }), { inputs: rows, requests: 5 })
    expect(result.overall).toMatchObject({ errors: 5, errorRate: 1 })
    expect(result.lastError).toBe('overloaded')
  })

  test('refuses nonsense load shapes', async () => {
    await expect(measureLatency(identity, { inputs: rows, batchSizes: [0] })).rejects.toThrow(
      /measureLatency: expected a whole number >= 1 in `batchSizes`, received 0/,
    )
    await expect(measureLatency(identity, { inputs: [] })).rejects.toThrow(/measureLatency: expected a non-empty array of input rows/)
  })
})

describe('measureLatency and answers that are not answers', () => {
  test('a request answering a row with nothing is an error of that request; labels are answers', async () => {
    const empty = await measureLatency(constantModel({}, 'nothing'), { inputs: rows, batchSizes: [2], requests: 4, warmup: 0 })
    expect(empty.overall).toMatchObject({ requests: 4, errors: 4, errorRate: 1 })
    expect(empty.lastError).toBe('row 0 of a batch of 2 was answered with nothing: empty ({})')
    const labels = await measureLatency(constantModel('cat', 'labeller'), { inputs: rows, requests: 4, warmup: 0 })
    expect(labels.overall.errors).toBe(0)
  })

  test('a wrong output count breaks the measurement: an error, in the warm-up as in measured requests', async () => {
    await expect(
      measureLatency(
        miscountingModel((row: number[]) => [row[0] ?? 0], 1),
        { inputs: rows, requests: 4 },
      ),
    ).rejects.toThrow(/^measureLatency: expected oneTooMany to return one output per input \(1\), received 2 outputs\./)
    await expect(
      measureLatency(
        miscountingModel((row: number[]) => [row[0] ?? 0], -1),
        { inputs: rows, requests: 4, warmup: 0, concurrency: 3 },
      ),
    ).rejects.toThrow(/^measureLatency: expected oneTooFew to return one output per input \(1\), received 0 outputs\./)
  })
})
