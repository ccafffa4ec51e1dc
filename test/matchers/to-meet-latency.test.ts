import { describe, expect, test } from 'vitest'
import { patternMatchers } from '../../matchers/patterns-index.js'
import { functionModel } from '../../src/model/function-model.js'
import { failing } from '../../src/patterns/failing.js'
import { measureLatency } from '../../src/patterns/measure-latency.js'
import { slow } from '../../src/patterns/slow.js'
import { checksFromMeta } from '../../src/record/check-record.js'
import { catOrDog, constantModel, miscountingModel } from '../support/malformed-models.js'

expect.extend(patternMatchers)

const rows = Array.from({ length: 20 }, (_, index) => [index / 20])
const fast = functionModel((row: number[]) => [row[0] ?? 0], { name: 'fast' })

describe('toMeetLatency', () => {
  test('passes for a fast model with a generous budget, from a model or a measured result', async () => {
    await expect(fast).toMeetLatency({ inputs: rows, batchSizes: [1, 4], requests: 30, p99Ms: 200, throughputPerSec: 10 })
    await expect(await measureLatency(fast, { inputs: rows, requests: 10 })).toMeetLatency({ p99Ms: 200 })
  })

  test('fails on a model slowed past the budget, naming the numbers', async () => {
    const sluggish = slow(fast, { delayMs: 30 })
    await expect(expect(sluggish).toMeetLatency({ inputs: rows, requests: 4, warmup: 0, seed: 1, p99Ms: 10 })).rejects.toThrow(
      /fast\+slow misses its latency objective: p99 \d+(\.\d+)? ms, expected <= 10 ms\.\n {2}batch 1: p50 \d+(\.\d+)? ms, p95 .* ms, p99 .* ms, .* rows\/s, 0 errors of 4\nMemory: RSS/,
    )
  })

  test('records the latency histogram with the measured p99 marked, and the budget when it falls inside the range', async ({ task }) => {
    const result = await measureLatency(fast, { inputs: rows, requests: 10 })
    await expect(result).toMeetLatency({ p99Ms: 200 })
    const sluggish = await measureLatency(slow(fast, { delayMs: 30 }), { inputs: rows, requests: 4, warmup: 0 })
    await expect(sluggish).not.toMeetLatency({ p99Ms: 10 })
    const [fastPlot, slowPlot] = checksFromMeta(task.meta).map((check) => check.plots?.[0])
    expect(fastPlot).toMatchObject({
      type: 'histogram',
      title: 'latency of measured service (p99 budget 200 ms)',
      xLabel: 'latency per request (ms)',
      yLabel: 'requests',
    })
    expect(fastPlot?.markers).toEqual([{ x: result.overall.p99Ms, label: 'measured p99' }])
    expect(slowPlot?.markers).toEqual([
      { x: sluggish.overall.p99Ms, label: 'measured p99' },
      { x: 10, label: 'p99 budget' },
    ])
  })

  test('fails on errors even when fast', async () => {
    await expect(expect(failing(fast, { rate: 1, error: 'overloaded' })).toMeetLatency({ inputs: rows, requests: 5, p99Ms: 200 })).rejects.toThrow(
      /misses its latency objective: error rate 1 \(5 of 5 requests, rows sampled from the \d+ given rows\), expected <= 0\.[\s\S]*Last error: overloaded/,
    )
  })

  test('.not inverts', async () => {
    await expect(slow(fast, { delayMs: 30 })).not.toMeetLatency({ inputs: rows, requests: 3, warmup: 0, p99Ms: 10 })
    await expect(expect(fast).not.toMeetLatency({ inputs: rows, requests: 5, p99Ms: 500 })).rejects.toThrow(
      /Expected fast to miss its latency objective, but it met it: p99 .* ms, expected <= 500 ms/,
    )
  })

  test('bad input gives clear errors', async () => {
    await expect(expect(fast).toMeetLatency({ inputs: rows })).rejects.toThrow(
      /^toMeetLatency: expected an objective: p99Ms, p95Ms or throughputPerSec, received options without any of them\.\nHint: For example `toMeetLatency\(\{ inputs: rows, p99Ms: 200 \}\)`\./,
    )
    await expect(expect(fast).toMeetLatency(undefined as never)).rejects.toThrow(
      /toMeetLatency: expected an objective: p99Ms, p95Ms or throughputPerSec, received undefined/,
    )
    await expect(expect(fast).toMeetLatency({ p99Ms: 10 })).rejects.toThrow(/toMeetLatency: expected `inputs` to send to the model, received none/)
    await expect(expect('model').toMeetLatency({ inputs: rows, p99Ms: 10 })).rejects.toThrow(
      /toMeetLatency: expected a model or a measureLatency\(\) result, received string/,
    )
  })
})

describe('toMeetLatency reads answers as what they are', () => {
  test('string answers are answers: a fast label model meets its objective', async () => {
    await expect(catOrDog).toMeetLatency({ inputs: rows, batchSizes: [1, 4], requests: 20, seed: 1, p99Ms: 200 })
  })

  test.each([
    ['undefined', undefined, 'missing (undefined)'],
    ['[]', [], 'empty ([])'],
    ['{}', {}, 'empty ({})'],
  ])('a fast model answering %s fails: every request is an error, the last one named', async (_, value, phrase) => {
    await expect(expect(constantModel(value, 'nothing')).toMeetLatency({ inputs: rows, batchSizes: [2], requests: 5, seed: 2, p99Ms: 200 })).rejects.toThrow(
      `nothing misses its latency objective: error rate 1 (5 of 5 requests, rows sampled from the ${rows.length} given rows), expected <= 0.\n  batch 2:`,
    )
    await expect(expect(constantModel(value, 'nothing')).toMeetLatency({ inputs: rows, batchSizes: [2], requests: 5, seed: 2, p99Ms: 200 })).rejects.toThrow(
      `Last error: row 0 of a batch of 2 was answered with nothing: ${phrase}`,
    )
  })

  test('a hand-written model answering one output too many is an error of the whole measurement', async () => {
    await expect(
      expect(miscountingModel((row: number[]) => [row[0] ?? 0], 1)).toMeetLatency({ inputs: rows, requests: 5, seed: 3, p99Ms: 200 }),
    ).rejects.toThrow(/^toMeetLatency: expected oneTooMany to return one output per input \(1\), received 2 outputs\./)
    await expect(
      expect(miscountingModel((row: number[]) => [row[0] ?? 0], -1)).toMeetLatency({
        inputs: rows,
        requests: 5,
        warmup: 0,
        concurrency: 2,
        seed: 3,
        p99Ms: 200,
      }),
    ).rejects.toThrow(/^toMeetLatency: expected oneTooFew to return one output per input \(1\), received 0 outputs\./)
  })
})
