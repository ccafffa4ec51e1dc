import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { patternMatchers } from '../../matchers/patterns-index.js'
import { functionModel } from '../../src/model/function-model.js'
import { failing } from '../../src/patterns/failing.js'
import { withFallback } from '../../src/patterns/with-fallback.js'
import { constantModel, failureOf, miscountingModel, plain } from '../support/malformed-models.js'

expect.extend(patternMatchers)

const rows = Array.from({ length: 50 }, (_, index) => [index / 50, 1 - index / 50])
const scorer = functionModel((row: number[]) => [1 / (1 + Math.exp(-(row[0] ?? 0) + (row[1] ?? 0)))], { name: 'scorer' })
const half = functionModel((): number[] => [0.5], { name: 'half' })
const faults = { timeoutRate: 0.2, errorRate: 0.2, nanRate: 0.2, delayMs: 40 }

describe('toFallBackGracefully', () => {
  test('passes when every request gets a finite answer in time, and reports the fallback rate', async () => {
    await expect(withFallback(scorer, half, { timeoutMs: 10 })).toFallBackGracefully({ inputs: rows, faults, latencyBudgetMs: 500, numRuns: 40, seed: 1 })
    await expect(withFallback(scorer, half, { timeoutMs: 500 })).toFallBackGracefully({
      inputs: rows,
      faults: { timeoutRate: 0, errorRate: 0, nanRate: 0 },
      maxFallbackShare: 0,
      numRuns: 20,
      seed: 1,
    })
  })

  test('accepts a fast-check arbitrary as inputs', async () => {
    const pairs = fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })).map(([x, y]) => [x, y])
    await expect(withFallback(scorer, half, { timeoutMs: 10 })).toFallBackGracefully({ inputs: pairs, faults, latencyBudgetMs: 500, numRuns: 20, seed: 2 })
  })

  test('fails when the fallback itself breaks, naming the faults, the requests and the seed', async () => {
    const brittle = withFallback(scorer, failing(half, { rate: 1, error: 'heuristic needs the feature store' }), { timeoutMs: 10 })
    const failure = await expect(brittle)
      .toFallBackGracefully({ inputs: rows, faults, latencyBudgetMs: 500, numRuns: 20, seed: 3 })
      .then(
        () => undefined,
        (error: Error) => error,
      )
    expect(failure?.message).toMatch(/scorer\|half\+failing did not fall back gracefully: \d+ unanswered requests, 0 non-finite answers, 0 over budget\./)
    expect(failure?.message).toMatch(/Faults: injected \d+ timeouts, \d+ exceptions, \d+ NaN rows over 20 requests\./)
    expect(failure?.message).toMatch(
      /request \d+: no answer: scorer\+slow\+failing\+corrupt\|half\+failing: expected the fallback to answer, received an exception: heuristic needs the feature store/,
    )
    expect(failure?.message).toMatch(/Replay: \{ seed: 3, numRuns: 20 \}/)
  })

  test('fails when the fallback answers NaN too', async () => {
    const nanFallback = functionModel((): number[] => [Number.NaN], { name: 'nan' })
    await expect(
      expect(withFallback(scorer, nanFallback, { timeoutMs: 10 })).toFallBackGracefully({ inputs: rows, faults, numRuns: 20, seed: 4 }),
    ).rejects.toThrow(/\d+ non-finite answers[\s\S]*request \d+: non-finite answer from the fallback \((timeout|error|invalid-output)\)/)
  })

  test('fails when the timeout is longer than the latency budget', async () => {
    const patient = withFallback(scorer, half, { timeoutMs: 60 })
    await expect(
      expect(patient).toFallBackGracefully({
        inputs: rows,
        faults: { timeoutRate: 1, errorRate: 0, nanRate: 0, delayMs: 100 },
        latencyBudgetMs: 20,
        numRuns: 3,
        seed: 5,
      }),
    ).rejects.toThrow(/0 unanswered requests, 0 non-finite answers, 3 over budget\.[\s\S]*request 0: answered in \d+\.\d ms, over the 20 ms budget/)
  })

  test('fails when the fallback rate is over the bound', async () => {
    await expect(
      expect(withFallback(scorer, half, { timeoutMs: 10 })).toFallBackGracefully({
        inputs: rows,
        faults,
        latencyBudgetMs: 500,
        maxFallbackShare: 0.05,
        numRuns: 30,
        seed: 6,
      }),
    ).rejects.toThrow(
      /0 unanswered requests, 0 non-finite answers, 0 over budget, fallback share too high\.[\s\S]*Served: fallback share 0\.\d+ .*expected <= 0\.05\./,
    )
  })

  test('.not inverts', async () => {
    const nanFallback = functionModel((): number[] => [Number.NaN], { name: 'nan' })
    await expect(withFallback(scorer, nanFallback, { timeoutMs: 10 })).not.toFallBackGracefully({ inputs: rows, faults, numRuns: 10, seed: 7 })
    await expect(
      expect(withFallback(scorer, half, { timeoutMs: 10 })).not.toFallBackGracefully({ inputs: rows, faults, latencyBudgetMs: 500, numRuns: 10, seed: 7 }),
    ).rejects.toThrow(/Expected scorer\|half to fail under injected faults, but every request got a finite answer in time/)
  })

  test('bad input gives clear errors', async () => {
    await expect(expect(scorer).toFallBackGracefully({ inputs: rows })).rejects.toThrow(
      /toFallBackGracefully: expected a model built with withFallback\(primary, fallback, \{ timeoutMs \}\), received object/,
    )
    await expect(expect(withFallback(scorer, half, { timeoutMs: 10 })).toFallBackGracefully({ inputs: [] })).rejects.toThrow(
      /fallbackDrill: expected a non-empty array of input rows in `inputs`, received an empty array/,
    )
    await expect(expect(withFallback(scorer, half, { timeoutMs: 10 })).toFallBackGracefully({ inputs: rows, faults: { errorRate: 2 } })).rejects.toThrow(
      /failing: expected `rate` in \[0, 1\], received 2/,
    )
  })
})

describe('toFallBackGracefully reads answers as what they are', () => {
  const direction = functionModel((row: number[]) => ((row[0] ?? 0) > 0.5 ? 'up' : 'down'), { name: 'direction' })
  const steady = functionModel(() => 'down', { name: 'steady' })

  test('string labels are answers: a label service with a label fallback passes, the fallback serving only injected faults', async () => {
    await expect(withFallback(direction, steady, { timeoutMs: 10 })).toFallBackGracefully({ inputs: rows, faults, latencyBudgetMs: 500, numRuns: 30, seed: 1 })
    await expect(withFallback(direction, steady, { timeoutMs: 500 })).toFallBackGracefully({
      inputs: rows,
      faults: { timeoutRate: 0, errorRate: 0, nanRate: 0 },
      maxFallbackShare: 0,
      numRuns: 10,
      seed: 1,
    })
  })

  test.each([
    ['undefined', undefined, 'missing (undefined)'],
    ['[]', [], 'empty ([])'],
    ['{}', {}, 'empty ({})'],
  ])('a primary answering %s by itself is an error: the drill would measure its breakage as graceful fallback', async (_, value, phrase) => {
    await expect(
      expect(withFallback(constantModel(value, 'nothing'), half, { timeoutMs: 10 })).toFallBackGracefully({
        inputs: rows,
        faults,
        latencyBudgetMs: 500,
        numRuns: 10,
        seed: 2,
      }),
    ).rejects.toThrow(
      `toFallBackGracefully: expected nothing to answer every row itself (the drill injects its faults on top of the primary's answers), received ${phrase} for row 0 of request 0.\nHint: `,
    )
  })

  test('a fallback answering nothing fails the drill, naming the request and the empty answer', async () => {
    const failure = await failureOf(
      expect(withFallback(scorer, constantModel({}, 'nothing'), { timeoutMs: 10 })).toFallBackGracefully({
        inputs: rows,
        faults,
        latencyBudgetMs: 500,
        numRuns: 20,
        seed: 3,
      }),
    )
    const message = plain(failure?.message)
    expect(message).toMatch(/scorer\|nothing did not fall back gracefully: 0 unanswered requests, \d+ non-finite answers, 0 over budget\./)
    expect(message).toMatch(/request \d+: missing answer from the fallback \((timeout|error|invalid-output)\): empty \(\{\}\); input \[/)
  })

  test('a primary or a fallback answering one output too many is an error', async () => {
    const tooMany = miscountingModel((row: number[]) => [row[0] ?? 0], 1)
    await expect(
      expect(withFallback(tooMany, half, { timeoutMs: 10 })).toFallBackGracefully({ inputs: rows, faults, latencyBudgetMs: 500, numRuns: 10, seed: 4 }),
    ).rejects.toThrow(/^toFallBackGracefully: expected oneTooMany to return one output per input \(1\), received 2 outputs\./)
    await expect(
      expect(withFallback(scorer, tooMany, { timeoutMs: 10 })).toFallBackGracefully({
        inputs: rows,
        faults: { timeoutRate: 0, errorRate: 1, nanRate: 0 },
        latencyBudgetMs: 500,
        numRuns: 10,
        seed: 4,
      }),
    ).rejects.toThrow(/^toFallBackGracefully: expected oneTooMany to return one output per input \(1\), received 2 outputs\./)
  })
})
