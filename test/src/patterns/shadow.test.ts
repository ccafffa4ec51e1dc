import { describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { manualClock } from '../../../src/patterns/clock.js'
import { compareModels } from '../../../src/patterns/compare-models.js'
import { compareOutputs } from '../../../src/patterns/compare-outputs.js'
import { memoryComparisonLog } from '../../../src/patterns/comparison-log.js'
import { failing } from '../../../src/patterns/failing.js'
import { shadow } from '../../../src/patterns/shadow.js'
import { slow } from '../../../src/patterns/slow.js'
import { constantModel, miscountingModel } from '../../support/malformed-models.js'

const production = functionModel((row: number[]) => [row[0] ?? 0, 1 - (row[0] ?? 0)], { name: 'production' })
/** Agrees with production except when x is in (0.4, 0.5]. */
const candidate = functionModel(
  (row: number[]) => {
    const x = row[0] ?? 0
    return x > 0.4 && x <= 0.5 ? [0.6, 0.4] : [x, 1 - x]
  },
  { name: 'candidate' },
)
const rows = Array.from({ length: 10 }, (_, index) => [(index + 0.5) / 10])

describe('compareOutputs', () => {
  test('rows agree on the argmax, numbers within the tolerance', () => {
    expect(compareOutputs([0.7, 0.2, 0.1], [0.5, 0.4, 0.1])).toEqual({ agree: true, absDiff: expect.closeTo(0.4 / 3, 12) as number })
    expect(compareOutputs({ probabilities: [0.2, 0.8], label: 1 }, { probabilities: [0.6, 0.4], label: 0 }).agree).toBe(false)
    expect(compareOutputs([0.7], [0.4], { tolerance: 0.1 })).toEqual({ agree: false, absDiff: expect.closeTo(0.3, 12) as number })
    expect(compareOutputs([1, 2], [1, 2, 3])).toEqual({ agree: false, absDiff: Number.POSITIVE_INFINITY })
  })
})

describe('shadow', () => {
  test("answers with production's outputs and logs the comparisons after flush()", async () => {
    const clock = manualClock('2026-03-01T12:00:00Z')
    const shadowed = shadow(production, candidate, { clock })
    expect(await shadowed.predict(rows)).toEqual(await production.predict(rows))
    await shadowed.flush()
    expect(shadowed.stats()).toEqual({ calls: 1, candidateCalls: 1, candidateFailures: 0, compared: 10, disagreements: 1, logFailures: 0, pending: 0 })
    const log = shadowed.log as ReturnType<typeof memoryComparisonLog>
    expect(log.summary()).toEqual({ compared: 10, agreement: 0.9, candidateFailures: 0 })
    expect(log.entries.find((entry) => entry.agree === false)).toMatchObject({ time: Date.parse('2026-03-01T12:00:00Z'), input: [0.45], candidate: [0.6, 0.4] })
  })

  test("the candidate's failures never reach callers and are counted", async () => {
    const log = memoryComparisonLog()
    const shadowed = shadow(production, failing(candidate, { rate: 1, error: 'candidate crashed' }), { log })
    await expect(shadowed.predict(rows.slice(0, 2))).resolves.toHaveLength(2)
    await shadowed.flush()
    expect(shadowed.stats()).toMatchObject({ candidateCalls: 1, candidateFailures: 1, compared: 0 })
    expect(log.entries.map((entry) => entry.candidateError)).toEqual(['candidate crashed', 'candidate crashed'])
  })

  test("the candidate is not awaited: a slow candidate does not slow production's answer", async () => {
    // `pending: 1` right after production answered is the exact proof; no wall-clock bound that a loaded machine could break.
    const shadowed = shadow(production, slow(candidate, { delayMs: 300 }))
    await shadowed.predict(rows)
    expect(shadowed.stats().pending).toBe(1)
    await shadowed.flush()
    expect(shadowed.stats()).toMatchObject({ pending: 0, compared: 10 })
    const [entry] = (shadowed.log as ReturnType<typeof memoryComparisonLog>).entries
    expect(entry?.candidateLatencyMs).toBeGreaterThanOrEqual(295)
    expect(entry?.productionLatencyMs).toBeLessThan(entry?.candidateLatencyMs ?? 0)
  })

  test('a failing log sink is isolated and counted', async () => {
    const shadowed = shadow(production, candidate, {
      log: {
        record: () => {
          throw new Error('disk full')
        },
      },
    })
    await shadowed.predict(rows.slice(0, 3))
    await shadowed.flush()
    expect(shadowed.stats().logFailures).toBe(3)
  })

  test("production's own errors still reach callers, and the candidate is not run", async () => {
    const shadowed = shadow(failing(production, { rate: 1, error: 'production down' }), candidate)
    await expect(shadowed.predict(rows)).rejects.toThrow('production down')
    await shadowed.flush()
    expect(shadowed.stats().candidateCalls).toBe(0)
  })
})

describe('compareModels', () => {
  test('lists disagreements, largest difference first', async () => {
    const result = await compareModels(production, candidate, rows)
    expect(result.agreement).toBe(0.9)
    expect(result.disagreements).toEqual([
      { index: 4, input: [0.45], reference: [0.45, 0.55], candidate: [0.6, 0.4], absDiff: expect.closeTo(0.15, 12) as number },
    ])
  })
})

describe('compareOutputs and shadow read answers as what they are', () => {
  test('labels agree when they are the same label (difference 0), and disagree otherwise (difference 1)', () => {
    expect(compareOutputs('cat', 'cat')).toEqual({ agree: true, absDiff: 0 })
    expect(compareOutputs('cat', 'dog')).toEqual({ agree: false, absDiff: 1 })
    expect(compareOutputs({ label: 'cat', confidence: 0.9 }, { label: 'cat', confidence: 0.6 })).toEqual({ agree: true, absDiff: 0 })
    expect(compareOutputs(true, false)).toEqual({ agree: false, absDiff: 1 })
    expect(compareOutputs('1', 1)).toEqual({ agree: false, absDiff: 1 })
  })

  test('a missing or empty answer never agrees, not even with another one', () => {
    for (const output of [undefined, null, [], {}]) expect(compareOutputs(output, output)).toEqual({ agree: false, absDiff: Number.POSITIVE_INFINITY })
    expect(compareOutputs([0.5, 0.5], {})).toEqual({ agree: false, absDiff: Number.POSITIVE_INFINITY })
  })

  test('compareModels counts missing answers as disagreements and a wrong output count as an error', async () => {
    const result = await compareModels(constantModel(undefined, 'nothing'), constantModel(undefined, 'alsoNothing'), rows)
    expect(result).toMatchObject({ rows: 10, agreement: 0, maxAbsDiff: Number.POSITIVE_INFINITY })
    await expect(
      compareModels(
        production,
        miscountingModel((row: number[]) => [row[0] ?? 0, 0], 1),
        rows,
      ),
    ).rejects.toThrow(/^compareModels: expected oneTooMany to return one output per input \(10\), received 11 outputs\./)
  })

  test('a production model answering one output too many rejects the call; a candidate doing so is a counted failure', async () => {
    await expect(
      shadow(
        miscountingModel((row: number[]) => [row[0] ?? 0], 1),
        candidate,
      ).predict(rows),
    ).rejects.toThrow(/^shadow: expected oneTooMany to return one output per input \(10\), received 11 outputs\./)
    const log = memoryComparisonLog<number[], number[]>()
    const shadowed = shadow(
      production,
      miscountingModel((row: number[]) => [row[0] ?? 0, 0], -1),
      { log },
    )
    expect(await shadowed.predict(rows)).toHaveLength(10)
    await shadowed.flush()
    expect(shadowed.stats()).toMatchObject({ candidateCalls: 1, candidateFailures: 1, compared: 0 })
    expect(log.entries[0]).toMatchObject({ candidateError: 'shadow: expected oneTooFew to return one output per input (10), received 9 outputs.' })
  })
})
