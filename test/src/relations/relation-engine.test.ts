import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { checkGoldenCases } from '../../../src/relations/check-golden-cases.js'
import { checkMonotonicity } from '../../../src/relations/check-monotonicity.js'
import { featureRange } from '../../../src/relations/feature-range.js'
import { judgeGoldenCase } from '../../../src/relations/golden-case.js'
import { judgeUnchanged } from '../../../src/relations/invariance-probe.js'
import { loadGoldenCases } from '../../../src/relations/load-golden-cases.js'
import { localizeViolation } from '../../../src/relations/localize-violation.js'
import { monotonicityProbe, raisedPair } from '../../../src/relations/monotonicity-probe.js'
import { outputAt, outputIndex, outputNumberAt } from '../../../src/relations/output-selector.js'
import { roundingHint } from '../../../src/relations/rounding-hint.js'
import { changeUnit } from '../../../src/relations/transforms/change-unit.js'
import { permutationFromCodes } from '../../../src/relations/transforms/row-order.js'
import { scaleFeatures } from '../../../src/relations/transforms/scale-features.js'

describe('monotonicity building blocks', () => {
  const options = { feature: 1, bounds: { min: 0, max: 10 }, source: 'test' }

  test('raisedPair keeps both rows within bounds and the full step', () => {
    expect(raisedPair([1, 2], 3, options)).toEqual([
      [1, 2],
      [1, 5],
    ])
    expect(raisedPair([1, 9], 3, options)).toEqual([
      [1, 7],
      [1, 10],
    ])
    expect(raisedPair([1, -4], 3, options)).toEqual([
      [1, 0],
      [1, 3],
    ])
    expect(raisedPair({ a: 1, b: 2 }, 1, { ...options, feature: 'b' })).toEqual([
      { a: 1, b: 2 },
      { a: 1, b: 3 },
    ])
  })

  test('the probe flags wrong-way moves beyond the tolerance, and non-strict moves when strict', () => {
    const probe = monotonicityProbe<number[], number[]>({ ...options, direction: 'increasing', output: 0, strict: false, tolerance: 0.01 })
    expect(probe.judge([[0, 2], 1], [[5], [4.995]])).toBeUndefined()
    expect(probe.judge([[0, 2], 1], [[5], [4.9]])).toMatchObject({
      reason: 'wrong-direction',
      detail: 'raising feature 1 from 2 to 3 lowered output[0] from 5 to 4.9 (by 0.09999999999999964)',
    })
    const strict = monotonicityProbe<number[], number[]>({ ...options, direction: 'decreasing', output: 0, strict: true, tolerance: 0 })
    expect(strict.judge([[0, 2], 1], [[5], [5]])).toMatchObject({ reason: 'not-strict' })
    expect(strict.judge([[0, 2], 1], [[5], [Number.NaN]])).toMatchObject({ reason: 'not-finite' })
  })

  test('localizeViolation bisects a wrong-way move down to the break point', async () => {
    const step = functionModel((row: number[]) => [(row[1] ?? 0) < Math.PI ? 1 : 0], { name: 'step-down' })
    const probe = monotonicityProbe<number[], number[]>({ ...options, direction: 'increasing', output: 0, strict: false, tolerance: 0 })
    const where = await localizeViolation(step, probe, [0, 1], 1, 1, 9)
    expect(where?.from).toBeLessThan(Math.PI)
    expect(where?.to).toBeGreaterThanOrEqual(Math.PI)
    expect((where?.to ?? 0) - (where?.from ?? 0)).toBeLessThan(1e-9)
  })

  test('featureRange infers bounds from the rows and validates steps', () => {
    expect(
      featureRange(
        [
          [1, 10],
          [2, 30],
        ],
        1,
        { seed: 1, strict: false, source: 'test' },
      ),
    ).toEqual({ bounds: { min: 10, max: 30 }, step: { min: 0, max: 5 } })
    expect(
      featureRange(
        [
          [1, 10],
          [2, 30],
        ],
        1,
        { seed: 1, strict: true, source: 'test' },
      ).step.min,
    ).toBeCloseTo(0.02, 12)
    expect(() => featureRange([[1, 10]], 1, { seed: 1, strict: false, bounds: { min: 5, max: 5 }, source: 'test' })).toThrow(/finite `bounds` with min < max/)
    expect(() => featureRange([[1, 10]], 1, { seed: 1, strict: false, step: { min: 2, max: 1 }, source: 'test' })).toThrow(
      /a `step` with 0 <= min <= max, received min 2, max 1/,
    )
    expect(() => featureRange([['a', 10]] as never, 0, { seed: 1, strict: false, source: 'test' })).toThrow(/expected a numeric feature 0, received string "a"/)
  })

  test('checkMonotonicity batches base and raised rows: one model call for 5000 cases (10,000 rows)', async () => {
    let calls = 0
    const model = functionModel(
      (batch: readonly number[][]) => {
        calls++
        return batch.map((row) => [row[0] ?? 0])
      },
      { batched: true, name: 'identity' },
    )
    const result = await checkMonotonicity(model, 0, 'increasing', {
      inputs: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true })).map((row) => [...row]),
      numRuns: 5000,
      seed: 1,
    })
    expect(result.passed).toBe(true)
    expect(calls).toBe(1)
  })
})

describe('outputs and transforms', () => {
  test('output selection and labels', () => {
    expect(outputAt([0.1, 0.7], 1)).toBe(0.7)
    expect(outputAt({ probabilities: [0.1, 0.9] }, 1)).toBe(0.9)
    expect(outputAt([1], 3)).toBeNaN()
    expect(outputNumberAt({ probabilities: [0.1, 0.9], label: 1n }, 2, 'test')).toBe(1)
    expect(outputNumberAt([], 0, 'test')).toBeUndefined()
    expect(outputNumberAt([0.2, null], 1, 'test')).toBeUndefined()
    expect(() => outputNumberAt([0.2, 0.8], 2, 'test')).toThrow(
      /^test: expected `output: 2` to select one of the output's values, received an output with 2 values: \[0\.2, 0\.8\]\.\nHint: /,
    )
    expect(() => outputNumberAt({ label: 'cat' }, 0, 'test')).toThrow(
      /^test: expected a number at output\.label \(the output this check watches\), received 'cat' \(a string\)\./,
    )
    expect(outputIndex('Gentoo', ['Adelie', 'Chinstrap', 'Gentoo'], 'test')).toBe(2)
    expect(() => outputIndex('Emperor', ['Adelie'], 'test')).toThrow(/a class among \[Adelie\], received "Emperor"/)
  })

  test('changeUnit and scaleFeatures', () => {
    const toKg = changeUnit<Record<string, unknown>>('weight', { factor: 0.5, set: { unit: 'kg' } })
    expect(toKg({ weight: 10, unit: 'lb' })).toEqual({ weight: 5, unit: 'kg' })
    expect(toKg.label).toBe('[weight] x 0.5, [unit] = "kg"')
    const scaled = fc.sample(scaleFeatures<number[]>([0, 2], { min: 1, max: 4 }), { seed: 1, numRuns: 20 }).find((p) => !p.identity)
    const out = scaled?.([1, 1, 1]) ?? []
    expect(out[0]).toBe(out[2])
    expect(out[0]).toBeGreaterThan(1)
    expect(out[1]).toBe(1)
  })

  test('roundingHint recognises float32 rounding and nothing else', () => {
    expect(roundingHint(26.853374481201172, 26.853376388549805)).toMatch(
      /^Hint: the outputs differ by 1\.9e-6, about 1 float32 step at this magnitude; .*`tolerance: 3e-5`/,
    )
    expect(roundingHint(1, 0.9)).toBeUndefined()
    expect(roundingHint(0, 0)).toBeUndefined()
  })

  test('permutations from Lehmer codes; zeros are the identity', () => {
    expect(permutationFromCodes([0, 0, 0], 3)).toEqual([0, 1, 2])
    expect(permutationFromCodes([2, 0, 0], 3)).toEqual([2, 0, 1])
    expect(permutationFromCodes([5, 7, 9, 11], 4).sort()).toEqual([0, 1, 2, 3])
  })
})

describe('golden cases', () => {
  test('loads CSV rows as arrays (or records) with typed expectations', async () => {
    const cases = await loadGoldenCases('test/src/relations/fixtures/penguins-mlp-golden.csv')
    expect(cases[0]).toEqual({ name: 'classic Adelie (Torgersen)', input: [39.1, 18.7, 181, 3750, 2], label: 'Adelie' })
    const records = await loadGoldenCases('test/src/relations/fixtures/penguins-mlp-golden.csv', { features: ['body_mass', 'island'], records: true })
    expect(records[2]?.input).toEqual({ body_mass: 5400, island: 0 })
  })

  test('every failure is kept, with its index and name', async () => {
    const model = functionModel((row: number[]) => [row[0] ?? 0], { name: 'echo' })
    const result = await checkGoldenCases(model, [
      { input: [1], value: 1 },
      { input: [2], value: 3 },
      { input: [3], max: 2, name: 'capped' },
    ])
    expect(result.failures.map((failure) => [failure.index, failure.name, failure.violation.reason])).toEqual([
      [1, 'case 1', 'wrong-value'],
      [2, 'capped', 'out-of-range'],
    ])
  })
})

describe('outputs judged as what they are', () => {
  test('judgeUnchanged: labels as labels, strings exactly, nothing is never unchanged', () => {
    expect(judgeUnchanged('cat', 'dog', { tolerance: 0, label: true })).toEqual({
      reason: 'label-changed',
      detail: "predicted class changed from 'cat' to 'dog'",
    })
    expect(judgeUnchanged([0.2, 0.8], [0.6, 0.4], { tolerance: 0, label: true })).toEqual({
      reason: 'label-changed',
      detail: 'predicted class changed from 1 to 0',
    })
    expect(judgeUnchanged('cat', 'cat', { tolerance: 0, label: true })).toBeUndefined()
    expect(judgeUnchanged('cat', 'dog', { tolerance: 1e9, label: false })).toEqual({
      reason: 'output-changed',
      detail: "output changed: output 'cat' vs 'dog'",
    })
    expect(judgeUnchanged({}, {}, { tolerance: 0, label: false })).toEqual({ reason: 'missing-output', detail: 'the base output is empty ({})' })
    expect(judgeUnchanged([1], undefined, { tolerance: 0, label: true })).toEqual({
      reason: 'missing-output',
      detail: 'the transformed output is missing (undefined)',
    })
    expect(judgeUnchanged([Number.NaN, 1], [Number.NaN, 1], { tolerance: 0, label: true })).toEqual({
      reason: 'no-label',
      detail: 'the base output has no predicted class: [NaN, 1]',
    })
    // NaN equals NaN for numbers: the same NaN answer is unchanged (the range check is what rejects NaN).
    expect(judgeUnchanged([Number.NaN], [Number.NaN], { tolerance: 0, label: false })).toBeUndefined()
  })

  test('judgeGoldenCase: string labels with or without classes; nothing fails the case', () => {
    const options = { output: 0, tolerance: 0 }
    expect(judgeGoldenCase({ input: 0, label: 'Gentoo' }, 'Gentoo', options)).toBeUndefined()
    expect(judgeGoldenCase({ input: 0, label: 2 }, 'Gentoo', { ...options, classes: ['Adelie', 'Chinstrap', 'Gentoo'] })).toBeUndefined()
    expect(judgeGoldenCase({ input: 0, label: 'Gentoo' }, [0.1, 0.2, 0.7], { ...options, classes: ['Adelie', 'Chinstrap', 'Gentoo'] })).toBeUndefined()
    expect(judgeGoldenCase({ input: 0, label: 'Gentoo' }, 'Adelie', options)).toEqual({ reason: 'wrong-label', detail: "expected label Gentoo, got 'Adelie'" })
    expect(judgeGoldenCase({ input: 0, label: 1 }, [Number.NaN, 1], options)).toEqual({
      reason: 'wrong-label',
      detail: 'expected label 1, got no label ([NaN, 1])',
    })
    expect(judgeGoldenCase({ input: 0, value: 1 }, {}, options)).toEqual({ reason: 'missing-output', detail: 'the output is empty ({})' })
    expect(judgeGoldenCase({ input: 0, value: [1, 2] }, ['1', 2], options)).toEqual({ reason: 'wrong-value', detail: "expected [1, 2] +- 0, got ['1', 2]" })
    expect(() => judgeGoldenCase({ input: 0, value: 1 }, 'one', options)).toThrow(
      /^toPassGoldenCases: expected a number at output \(the output this check watches\), received 'one' \(a string\)\./,
    )
  })
})
