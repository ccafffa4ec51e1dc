import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { relationMatchers } from '../../matchers/relations-index.js'
import { intensify } from '../../src/arbitraries/text/intensify.js'
import { negation } from '../../src/arbitraries/text/negation.js'
import { swapPeople } from '../../src/arbitraries/text/swap-people.js'
import { functionModel } from '../../src/model/function-model.js'
import { type CheckRecord, checksFromMeta } from '../../src/record/check-record.js'
import { failureMessage } from '../support/failure-of.js'

expect.extend(relationMatchers)

/** A toy sentiment scorer that understands "not" before an adjective and "very" as an intensifier: [P(negative), P(positive)]. */
const WORDS: Record<string, number> = { good: 2, great: 3, bright: 1, bad: -2, awful: -3 }
function score(text: string): number {
  const tokens = text.toLowerCase().match(/[a-z]+/g) ?? []
  return tokens.reduce((sum, token, i) => {
    const value = WORDS[token] ?? 0
    const previous = tokens[i - 1]
    const boosted = previous === 'very' || previous === 'extremely' ? value * 1.5 : value
    return sum + (previous === 'not' || tokens[i - 2] === 'not' ? -boosted : boosted)
  }, 0)
}
const aware = functionModel(
  (text: string) => {
    const positive = 1 / (1 + Math.exp(-score(text)))
    return [1 - positive, positive]
  },
  { name: 'aware' },
)
/** The same without negation: the classic lexicon bug. */
const unaware = functionModel(
  (text: string) => {
    const positive = 1 / (1 + Math.exp(-score(text.replace(/\bnot\b/gi, ''))))
    return [1 - positive, positive]
  },
  { name: 'unaware' },
)
const sentences = ['The screen is good.', 'The case is great.', 'The light is bright.', 'The battery is bad.', 'The sound is awful.']
const classes = ['negative', 'positive']

describe('toShiftOutputUnder', () => {
  test('passes when negation lowers P(positive) on every sentence, and .not when the expectation is too strong', async (context) => {
    await expect(aware).toShiftOutputUnder(negation(), {
      inputs: sentences.slice(0, 3),
      direction: 'down',
      output: 'positive',
      classes,
      atLeast: 0.2,
      numRuns: 100,
      seed: 1,
    })
    await expect(aware).not.toShiftOutputUnder(negation(), { inputs: sentences.slice(0, 3), direction: 'down', output: 1, atLeast: 0.9, numRuns: 100, seed: 1 })
    const record = checksFromMeta(context.task.meta).at(0) as CheckRecord
    expect(record).toMatchObject({ kind: 'metamorphic', passed: true, severity: 'medium', metrics: { atLeast: 0.2, violations: 0 } })
    expect(record.distribution).toMatch(
      /^the 3 given rows drawn uniformly, each perturbed by negation added to one sentence drawn uniformly among those compromise can rewrite \(only cases it changes: 100% of 200 sampled cases\)$/,
    )
  })

  test('fails on a model blind to negation with the shrunk sentence, the highlighted change, both outputs and the seed', async (context) => {
    const message = await failureMessage(() =>
      expect(unaware).toShiftOutputUnder(negation(), {
        inputs: sentences.slice(0, 3),
        direction: 'down',
        output: 'positive',
        classes,
        atLeast: 0.05,
        numRuns: 100,
        seed: 2,
      }),
    )
    expect(message).toContain(
      'unaware: it is not true that each generated transform moves P(positive) down by at least 0.05: violation rate 1 (100 of 100 cases under the 3 given rows drawn uniformly',
    )
    expect(message).toMatch(
      /Shrunk counterexample \(\d+ shrinks\): output\[1\] stayed \(0\.88\d+ -> 0\.88\d+\), expected down by at least 0\.05\n {2}transform: +negation added\n {2}change: +The screen is \{\+not \+\}good\.\n {2}edits: +\["negation added: \\"The screen is good\\" -> \\"The screen is not good\\""\]\n {2}base: +"The screen is good\."\n {2}transformed: +"The screen is not good\."/,
    )
    expect(message).toMatch(/Replay: \{ seed: 2, numRuns: 100, path: '[\d:]+' \}$/)
    const record = checksFromMeta(context.task.meta).at(-1) as CheckRecord
    expect(record.counterexample).toMatchObject({ change: 'The screen is {+not +}good.', base: 'The screen is good.', transformed: 'The screen is not good.' })
  })

  test('{ awayFrom } follows the side of the base output: an intensifier strengthens praise and complaints alike', async () => {
    await expect(aware).toShiftOutputUnder(intensify({ words: ['very'] }), {
      inputs: sentences,
      direction: { awayFrom: 0.5 },
      output: 1,
      atLeast: 0.01,
      numRuns: 100,
      seed: 3,
    })
    await expect(aware).not.toShiftOutputUnder(intensify({ words: ['very'] }), { inputs: sentences, direction: 'up', output: 1, numRuns: 100, seed: 3 })
  })

  test('real rows under a plain transform: rows it leaves unchanged are skipped and counted, or counted as cases with skipUnchanged: false', async (context) => {
    const exclaim = Object.assign((text: string) => (text.includes('good') ? text.replace('good', 'very good') : text), { label: 'very before good' })
    await expect(aware).toShiftOutputUnder(exclaim, { inputs: sentences, direction: 'up', output: 1, atLeast: 0.01 })
    expect((checksFromMeta(context.task.meta).at(-1) as CheckRecord).metrics).toMatchObject({ numRuns: 1, skipped: 4 })
    const message = await failureMessage(() =>
      expect(aware).toShiftOutputUnder(exclaim, { inputs: sentences, direction: 'up', output: 1, atLeast: 0.01, skipUnchanged: false }),
    )
    expect(message).toContain(
      'aware: it is not true that very before good moves output[1] up by at least 0.01: violation rate 0.8 (4 of 5 cases under the 5 given rows, each once, each transformed by very before good), expected 0.',
    )
  })

  test('misuse is a clear error', async () => {
    await expect(expect(aware).toShiftOutputUnder(swapPeople(), { inputs: sentences, direction: 'down', seed: 1 })).rejects.toThrow(
      /^toShiftOutputUnder: expected a transform that changes at least some inputs, received a transform that changed none of 200 sampled cases\.\nHint: Check that the inputs contain what the transform edits/,
    )
    await expect(expect(aware).toShiftOutputUnder(negation(), { inputs: sentences, direction: 'sideways' as never, seed: 1 })).rejects.toThrow(
      /^toShiftOutputUnder: expected `direction`: 'up', 'down', \{ awayFrom: number \} or \{ toward: number \}, received "sideways"/,
    )
    await expect(expect(aware).toShiftOutputUnder(negation(), { inputs: sentences, direction: 'down', output: 'happy', seed: 1 })).rejects.toThrow(
      /^toShiftOutputUnder: expected `classes` to select an output by name/,
    )
    await expect(expect(aware).toShiftOutputUnder(fc.constant(null) as never, { inputs: sentences, direction: 'down', seed: 1 })).rejects.toThrow(
      /^toShiftOutputUnder: expected a transform that is not a function \(null\) to return a row, received an exception: /,
    )
  })
})

describe('toBeInvariantUnder with text', () => {
  test('skipUnchanged leaves out sentences without a name; the counterexample highlights the change and lists the edits', async () => {
    const nameAware = functionModel((text: string) => (text.includes('Maria') ? [0.2, 0.8] : [0.6, 0.4]), { name: 'nameAware' })
    const inputs = ['Maria says the phone is good.', 'The case is fine.']
    const message = await failureMessage(() =>
      expect(nameAware).toBeInvariantUnder(swapPeople(), { inputs, label: true, skipUnchanged: true, numRuns: 50, seed: 4 }),
    )
    expect(message).toMatch(
      /nameAware is not invariant under generated transforms \(the predicted class\): violation rate 1 \(50 of 50 cases under the 2 given rows drawn uniformly, each perturbed by 1 name swap: [^\n]+ \(only cases it changes: \d+% of 200 sampled cases\)\), expected 0\./,
    )
    expect(message).toMatch(/ {2}change: +\[-Maria-\]\{\+\w+\+\} says the phone is good\.\n {2}edits: +\["person: \\"Maria\\" -> \\"\w+\\""\]/)
  })
})
