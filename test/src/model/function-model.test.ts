import { describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { ModelTimeoutError } from '../../../src/util/errors.js'

describe('functionModel', () => {
  test('per-row and batched functions, as in the contract', async () => {
    const perRow = functionModel((row: number[]) => [(row[0] ?? 0) * 2])
    const batched = functionModel((batch: number[][]) => batch.map((r) => [r[0] ?? 0]), { batched: true, name: 'identity' })
    expect(await perRow.predict([[1], [2]])).toEqual([[2], [4]])
    expect(await batched.predict([[1], [2]])).toEqual([[1], [2]])
    expect(batched.identity).toEqual({ name: 'identity' })
  })

  test('a batched function returning the wrong count is an error', async () => {
    const short = functionModel((batch: number[][]) => batch.slice(1), { batched: true, name: 'short' })
    await expect(short.predict([[1], [2]])).rejects.toThrow(/short: expected one output per input \(2\), received 1 outputs/)
  })

  test('a throwing function is wrapped with its cause', async () => {
    const broken = functionModel(
      (): number => {
        throw new RangeError('weights missing')
      },
      { name: 'broken' },
    )
    const error = (await broken.predict([[1]]).catch((caught: unknown) => caught)) as Error
    expect(error.message).toMatch(/broken: expected the model function to return outputs, received an exception: weights missing/)
    expect(error.cause).toBeInstanceOf(RangeError)
  })

  test('a hung asynchronous function times out', async () => {
    const hung = functionModel(() => new Promise<number>(() => {}), { name: 'hung', timeoutMs: 20 })
    await expect(hung.predict([[1]])).rejects.toBeInstanceOf(ModelTimeoutError)
    await expect(hung.predict([[1]])).rejects.toThrow(/hung\.predict: expected an answer within 20 ms/)
  })

  test('rejects a non-function', () => {
    expect(() => functionModel(42 as never)).toThrow(/functionModel: expected a function, received number/)
  })
})
