import { describe, expect, test } from 'vitest'
import { checkedPredict } from '../../../src/model/checked-predict.js'
import type { Model } from '../../../src/model/model.js'
import { OutputCountError, VitestMlError } from '../../../src/util/errors.js'

/** A hand-written model whose answer to every batch is given by `answer` (functionModel would check its own count). */
const answering = (answer: (batch: readonly number[]) => unknown): Model<number, unknown> => ({
  identity: { name: 'handWritten' },
  predict: async (batch) => answer(batch) as unknown[],
  release: async () => {},
})

describe('checkedPredict', () => {
  test('passes one output per row through, in order; a typed array of outputs becomes an array', async () => {
    expect(
      await checkedPredict(
        answering((batch) => batch.map((x) => x * 2)),
        [1, 2, 3],
        'toBeDeterministic',
      ),
    ).toEqual([2, 4, 6])
    const typed = await checkedPredict(
      answering((batch) => Float32Array.from(batch)),
      [1, 2],
      'toBeDeterministic',
    )
    expect(typed).toEqual([1, 2])
    expect(Array.isArray(typed)).toBe(true)
    expect(
      await checkedPredict(
        answering(() => []),
        [],
        'toBeDeterministic',
      ),
    ).toEqual([])
  })

  test("one output too many or too few is an OutputCountError under the caller's name, with both counts", async () => {
    const tooMany = await checkedPredict(
      answering((batch) => [...batch, 0]),
      [1, 2],
      'toBeInvariantUnder',
    ).catch((error: unknown) => error)
    expect(tooMany).toBeInstanceOf(OutputCountError)
    expect(tooMany).toBeInstanceOf(VitestMlError)
    expect((tooMany as OutputCountError).message).toBe(
      'toBeInvariantUnder: expected handWritten to return one output per input (2), received 3 outputs.\n' +
        'Hint: A Model must answer every row of a batch, in order: `predict(batch)` resolves to an array of exactly `batch.length` outputs.',
    )
    expect(tooMany).toMatchObject({ source: 'toBeInvariantUnder', rows: 2, outputs: 3 })
    await expect(
      checkedPredict(
        answering((batch) => batch.slice(1)),
        [1, 2],
        'toBeDeterministic',
      ),
    ).rejects.toThrow(/^toBeDeterministic: expected handWritten to return one output per input \(2\), received 1 outputs\./)
  })

  test('an answer that is not an array of outputs is an error saying what it was', async () => {
    await expect(
      checkedPredict(
        answering(() => undefined),
        [1],
        'toAgreeWith',
      ),
    ).rejects.toThrow(/^toAgreeWith: expected handWritten to return one output per input \(1\), received undefined instead of an array of outputs\./)
    await expect(
      checkedPredict(
        answering(() => null),
        [1],
        'toAgreeWith',
      ),
    ).rejects.toThrow(/received null instead of an array of outputs/)
    await expect(
      checkedPredict(
        answering(() => ({ 0: 1 })),
        [1],
        'toAgreeWith',
      ),
    ).rejects.toThrow(/received object instead of an array of outputs/)
  })
})
