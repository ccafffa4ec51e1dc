import { stripVTControlCharacters } from 'node:util'
import seedrandom from 'seedrandom'
import { functionModel } from '../../src/model/function-model.js'
import type { Model } from '../../src/model/model.js'

/**
 * Models that break the output contract in the ways a verdict must never hide: answers that are strings, answers that
 * are nothing, and hand-written models that return one output too many or too few. Every random thing is seeded.
 */

/** Answers every call with a fresh random number as a string (seeded): the same row never gets the same answer twice. */
export function randomStringModel(seed: string): Model<unknown, string> {
  const random = seedrandom(seed)
  return functionModel(() => String(random()), { name: 'randomString' })
}

/** A label classifier: 'cat' when the first feature is above 0.5, 'dog' otherwise. */
export const catOrDog = functionModel((row: readonly number[]) => ((row[0] ?? 0) > 0.5 ? 'cat' : 'dog'), { name: 'catOrDog' })

/** Flips the first feature of a row in [0, 1] (x -> 1 - x): moves catOrDog's answer for every row but 0.5. */
export const flipFirst = Object.assign((row: readonly number[]) => row.map((value, j) => (j === 0 ? 1 - value : value)), { label: 'flipFirst' })

/** Answers every row with the same given value (`undefined`, `null`, `[]`, `{}`): a model that returns nothing. */
export function constantModel<O>(value: O, name: string): Model<unknown, O> {
  return functionModel(() => value, { name })
}

/**
 * A hand-written Model (not functionModel, which checks its own count) that answers each batch with `answer` per row
 * and then `extra` outputs more (1) or fewer (-1).
 */
export function miscountingModel<I, O>(answer: (row: I) => O, extra: 1 | -1, name = extra > 0 ? 'oneTooMany' : 'oneTooFew'): Model<I, O> {
  return {
    identity: { name },
    async predict(batch) {
      const outputs = batch.map(answer)
      return extra > 0 ? [...outputs, answer(batch[0] as I)] : outputs.slice(1)
    },
    async release() {},
  }
}

/** Resolves to the error a promise rejects with, or `undefined` when it resolves. */
export function failureOf(run: Promise<unknown>): Promise<Error | undefined> {
  return run.then(
    () => undefined,
    (error: Error) => error,
  )
}

/** The message without terminal colours. */
export function plain(text: string | undefined): string {
  return stripVTControlCharacters(text ?? '')
}
