import { describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { corrupt } from '../../../src/patterns/corrupt.js'
import { failing } from '../../../src/patterns/failing.js'
import { fallbackDrill } from '../../../src/patterns/fallback-drill.js'
import { slow } from '../../../src/patterns/slow.js'
import { isUsableOutput, unusableOutput } from '../../../src/patterns/usable-output.js'
import { withFallback } from '../../../src/patterns/with-fallback.js'
import { constantModel, miscountingModel } from '../../support/malformed-models.js'

const double = functionModel((row: number[]) => [2 * (row[0] ?? 0)], { name: 'double' })
const zero = functionModel((): number[] => [0], { name: 'zero' })
const rows = Array.from({ length: 200 }, (_, index) => [index])

describe('fault injection', () => {
  test('failing throws on about `rate` of the calls, the same calls for the same seed', async () => {
    const outcomes = async (seed: number): Promise<boolean[]> => {
      const flaky = failing(double, { rate: 0.3, error: 'boom', seed })
      return Promise.all(
        rows.map((row) =>
          flaky.predict([row]).then(
            () => true,
            (error: Error) => (expect(error.message).toBe('boom'), false),
          ),
        ),
      )
    }
    const first = await outcomes(1)
    expect(await outcomes(1)).toEqual(first)
    expect(await outcomes(2)).not.toEqual(first)
    const failures = first.filter((ok) => !ok).length
    expect(failures).toBeGreaterThan(40)
    expect(failures).toBeLessThan(80)
  })

  test('slow delays the chosen calls and counts them', async () => {
    const sluggish = slow(double, { delayMs: 30, rate: 1 })
    const started = performance.now()
    expect(await sluggish.predict([[2]])).toEqual([[4]])
    expect(performance.now() - started).toBeGreaterThanOrEqual(25)
    expect(sluggish.injected).toBe(1)
    expect(sluggish.identity.name).toBe('double+slow')
  })

  test('corrupt turns whole rows into NaN, keeping their shape', async () => {
    const broken = corrupt(
      functionModel((row: number[]) => ({ probabilities: [0.25, 0.75], label: row[0] ?? 0 })),
      { nanRate: 0.5, seed: 3 },
    )
    const outputs = await broken.predict(rows)
    const nanRows = outputs.filter((output) => Number.isNaN(output.label))
    expect(nanRows.length).toBe(broken.injected)
    expect(nanRows[0]).toEqual({ probabilities: [Number.NaN, Number.NaN], label: Number.NaN })
    expect(broken.injected).toBeGreaterThan(70)
    expect(broken.injected).toBeLessThan(130)
  })

  test('rates outside [0, 1] are refused', () => {
    expect(() => failing(double, { rate: 1.5 })).toThrow(/failing: expected `rate` in \[0, 1\], received 1.5/)
    expect(() => corrupt(double, { nanRate: -1 })).toThrow(/corrupt: expected `nanRate` in \[0, 1\]/)
    expect(() => slow(double, { delayMs: -5 })).toThrow(/slow: expected `delayMs` >= 0/)
  })
})

describe('withFallback', () => {
  test('serves the primary when it works', async () => {
    const service = withFallback(double, zero, { timeoutMs: 200 })
    expect(await service.predict([[1], [2]])).toEqual([
      { value: [2], servedBy: 'primary' },
      { value: [4], servedBy: 'primary' },
    ])
    expect(service.stats()).toMatchObject({ calls: 1, rows: 2, fallbackRows: 0, fallbackRate: 0 })
  })

  test('answers from the fallback on timeout, error and invalid rows, and says why', async () => {
    const timedOut = withFallback(slow(double, { delayMs: 50 }), zero, { timeoutMs: 10 })
    expect(await timedOut.predict([[1]])).toEqual([{ value: [0], servedBy: 'fallback', reason: 'timeout' }])
    expect(timedOut.stats().lastError).toMatch(/an answer within 10 ms/)
    const thrown = withFallback(failing(double, { rate: 1 }), zero, { timeoutMs: 100 })
    expect(await thrown.predict([[1], [2]])).toEqual([
      { value: [0], servedBy: 'fallback', reason: 'error' },
      { value: [0], servedBy: 'fallback', reason: 'error' },
    ])
    const halfNaN = functionModel((row: number[]) => [(row[0] ?? 0) % 2 === 0 ? Number.NaN : 1])
    const invalid = withFallback(halfNaN, zero, { timeoutMs: 100 })
    expect(await invalid.predict([[1], [2], [3]])).toEqual([
      { value: [1], servedBy: 'primary' },
      { value: [0], servedBy: 'fallback', reason: 'invalid-output' },
      { value: [1], servedBy: 'primary' },
    ])
    expect(invalid.stats()).toMatchObject({ rows: 3, fallbackRows: 1, reasons: { timeout: 0, error: 0, 'invalid-output': 1 } })
    expect(invalid.stats().fallbackRate).toBeCloseTo(1 / 3)
  })

  test('a custom validity test decides what may be served', async () => {
    const service = withFallback(double, zero, { timeoutMs: 100, isValid: (output) => (output[0] ?? 0) <= 4 })
    expect((await service.predict([[2], [3]])).map((answer) => answer.servedBy)).toEqual(['primary', 'fallback'])
  })

  test('a fallback that fails is an error that names both failures', async () => {
    const service = withFallback(failing(double, { rate: 1, error: 'primary down' }), failing(zero, { rate: 1, error: 'fallback down' }), { timeoutMs: 100 })
    await expect(service.predict([[1]])).rejects.toThrow(
      /double\+failing\|zero\+failing: expected the fallback to answer, received an exception: fallback down \(after the primary failed: error\)/,
    )
  })

  test('needs a timeout', () => {
    expect(() => withFallback(double, zero, { timeoutMs: 0 })).toThrow(/withFallback: expected a `timeoutMs` > 0, received 0/)
  })
})

describe('hangs and batches', () => {
  test('a primary that never answers is abandoned at the timeout and served by the fallback', async () => {
    const hung = functionModel((): Promise<number[]> => new Promise(() => {}), { name: 'hung' })
    const service = withFallback(hung, zero, { timeoutMs: 10 })
    const started = performance.now()
    expect(await service.predict([[1], [2]])).toEqual([
      { value: [0], servedBy: 'fallback', reason: 'timeout' },
      { value: [0], servedBy: 'fallback', reason: 'timeout' },
    ])
    expect(performance.now() - started).toBeLessThan(1000)
  })

  test('fallbackDrill sends batches and counts every injected fault, the same for the same seed', async () => {
    const drill = () =>
      fallbackDrill(withFallback(double, zero, { timeoutMs: 10 }), {
        inputs: rows,
        batchSize: 4,
        numRuns: 30,
        latencyBudgetMs: 1000,
        seed: 9,
        faults: { timeoutRate: 0.1, errorRate: 0.2, nanRate: 0.1, delayMs: 30 },
      })
    const first = await drill()
    expect(first).toMatchObject({ requests: 30, rows: 120, unanswered: 0, invalidAnswers: 0, overBudget: 0 })
    expect(first.reasons.error).toBe(4 * first.injected.errors)
    expect(first.reasons['invalid-output']).toBe(first.injected.nanRows)
    expect(first.reasons.timeout).toBeGreaterThanOrEqual(4 * first.injected.timeouts)
    const second = await drill()
    expect(second.injected).toEqual(first.injected)
  })
})

describe('answers as what they are, in the fault wrappers and the fallback', () => {
  test('a usable answer has a value, no holes and finite numbers; labels are answers', () => {
    for (const output of ['cat', true, 2n, [0.2, 0.8], { label: 'cat', probabilities: [0.1, 0.9] }]) expect(isUsableOutput(output)).toBe(true)
    expect(unusableOutput(undefined)).toBe('missing (undefined)')
    expect(unusableOutput({})).toBe('empty ({})')
    expect(unusableOutput([0.2, Number.NaN])).toBe('NaN at output[1]')
    expect(unusableOutput({ probabilities: [0.5, null] })).toBe('null at output.probabilities[1]')
    expect(unusableOutput(Number.POSITIVE_INFINITY)).toBe('Infinity at output')
  })

  test('withFallback serves label answers from the primary and replaces empty ones by default', async () => {
    const labeller = functionModel((row: number[]) => ((row[0] ?? 0) > 0 ? 'up' : 'down'), { name: 'labeller' })
    expect(await withFallback(labeller, constantModel('down', 'steady'), { timeoutMs: 100 }).predict([[1], [-1]])).toEqual([
      { value: 'up', servedBy: 'primary' },
      { value: 'down', servedBy: 'primary' },
    ])
    const empty = withFallback(constantModel({}, 'nothing'), zero, { timeoutMs: 100 })
    expect(await empty.predict([[1]])).toEqual([{ value: [0], servedBy: 'fallback', reason: 'invalid-output' }])
  })

  test('withFallback: a primary answering the wrong number of outputs has failed (fallback, reason error); a fallback doing so is an error', async () => {
    const primaryBroken = withFallback(
      miscountingModel((row: number[]) => [row[0] ?? 0], 1),
      zero,
      { timeoutMs: 100 },
    )
    expect(await primaryBroken.predict([[1], [2]])).toEqual([
      { value: [0], servedBy: 'fallback', reason: 'error' },
      { value: [0], servedBy: 'fallback', reason: 'error' },
    ])
    expect(primaryBroken.stats().lastError).toMatch(/^oneTooMany\|zero: expected oneTooMany to return one output per input \(2\), received 3 outputs\./)
    const fallbackBroken = withFallback(
      failing(double, { rate: 1 }),
      miscountingModel((): number[] => [0], 1),
      { timeoutMs: 100 },
    )
    await expect(fallbackBroken.predict([[1]])).rejects.toThrow(
      /^double\+failing\|oneTooMany: expected oneTooMany to return one output per input \(1\), received 2 outputs\./,
    )
  })

  test('corrupt turns a label answer (no number to replace) into NaN, so every injected fault is a broken answer', async () => {
    const broken = corrupt(constantModel('cat', 'labeller'), { nanRate: 1, seed: 1 })
    expect(await broken.predict([[1], [2]])).toEqual([Number.NaN, Number.NaN])
    expect(broken.injected).toBe(2)
  })

  test('fallbackDrill with label answers injects real faults: the fallback serves exactly the injected NaN rows', async () => {
    const labeller = functionModel((row: number[]) => ((row[0] ?? 0) > 100 ? 'up' : 'down'), { name: 'labeller' })
    const drill = await fallbackDrill(withFallback(labeller, constantModel('down', 'steady'), { timeoutMs: 10 }), {
      inputs: rows,
      numRuns: 40,
      latencyBudgetMs: 1000,
      seed: 2,
      faults: { timeoutRate: 0, errorRate: 0, nanRate: 0.3 },
    })
    expect(drill).toMatchObject({ unanswered: 0, invalidAnswers: 0 })
    expect(drill.reasons['invalid-output']).toBe(drill.injected.nanRows)
    expect(drill.injected.nanRows).toBeGreaterThan(0)
  })
})
