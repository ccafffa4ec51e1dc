import { describe, expect, test } from 'vitest'
import { intensify } from '../../../src/arbitraries/text/intensify.js'
import { negation } from '../../../src/arbitraries/text/negation.js'
import { swapPeople } from '../../../src/arbitraries/text/swap-people.js'
import { functionModel } from '../../../src/model/function-model.js'
import { failureSnapshot } from '../../support/mask-message.js'

// Whole failure messages of the relation matchers on a text model, pinned: the rate names the rows and the
// perturbation, the counterexample highlights the change and lists the edits. Every seed is fixed.

/** A toy sentiment scorer that understands "not" before an adjective and "very" as an intensifier. */
const WORDS: Record<string, number> = { good: 2, great: 3, bright: 1, bad: -2, awful: -3 }
function score(text: string): number {
  const tokens = text.toLowerCase().match(/[a-z]+/g) ?? []
  return tokens.reduce((sum, token, i) => {
    const value = WORDS[token] ?? 0
    const previous = tokens[i - 1]
    const boosted = previous === 'very' ? value * 1.5 : value
    return sum + (previous === 'not' || tokens[i - 2] === 'not' ? -boosted : boosted)
  }, 0)
}
/** [P(negative), P(positive)]. */
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

describe('toShiftOutputUnder messages', () => {
  test('a model blind to negation: the shrunk sentence, the change, the edits, both outputs', async () => {
    expect(
      await failureSnapshot(() =>
        expect(unaware).toShiftOutputUnder(negation(), {
          inputs: sentences.slice(0, 3),
          direction: 'down',
          output: 'positive',
          classes,
          atLeast: 0.05,
          numRuns: 100,
          seed: 2,
        }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).toShiftOutputUnder(transform)

      unaware: it is not true that each generated transform moves P(positive) down by at least 0.05: violation rate 1 (100 of 100 cases under the 3 given rows drawn uniformly, each perturbed by negation added to one sentence drawn uniformly among those compromise can rewrite (only cases it changes: 100% of 200 sampled cases)), expected 0.
      exact mode: 100 cases, any violation fails
      Reasons: shift-too-small 100
      Shrunk counterexample (3 shrinks): output[1] stayed (0.8807970779778823 -> 0.8807970779778823), expected down by at least 0.05
        transform:          negation added
        change:             The screen is {+not +}good.
        edits:              ["negation added: \\"The screen is good\\" -> \\"The screen is not good\\""]
        base:               "The screen is good."
        transformed:        "The screen is not good."
        baseOutput:         [0.11920292202211769,0.8807970779778823]
        transformedOutput:  [0.11920292202211769,0.8807970779778823]
      Replay: { seed: 2, numRuns: 100, path: '0:0:0:0' }"
    `)
  })

  test('real rows under a plain transform: the first failing row, as given', async () => {
    const exclaim = Object.assign((text: string) => (text.includes('good') ? text.replace('good', 'very good') : text), { label: 'very before good' })
    expect(
      await failureSnapshot(() =>
        expect(aware).toShiftOutputUnder(exclaim, { inputs: sentences, direction: 'up', output: 1, atLeast: 0.01, skipUnchanged: false, seed: 1 }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).toShiftOutputUnder(transform)

      aware: it is not true that very before good moves output[1] up by at least 0.01: violation rate 0.8 (4 of 5 cases under the 5 given rows, each once, each transformed by very before good), expected 0.
      exact mode: 5 cases, any violation fails
      Reasons: shift-too-small 4
      First failing row (real rows are used as given, not shrunk): output[1] stayed (0.9525741268224334 -> 0.9525741268224334), expected up by at least 0.01
        transform:          very before good
        base:               "The case is great."
        transformed:        "The case is great."
        baseOutput:         [0.047425873177566635,0.9525741268224334]
        transformedOutput:  [0.047425873177566635,0.9525741268224334]
      Replay: { seed: 1, numRuns: 5 }"
    `)
  })

  test('.not', async () => {
    expect(
      await failureSnapshot(() =>
        expect(aware).not.toShiftOutputUnder(intensify({ words: ['very'] }), {
          inputs: sentences,
          direction: { awayFrom: 0.5 },
          output: 1,
          atLeast: 0.01,
          numRuns: 100,
          seed: 3,
        }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toShiftOutputUnder(transform)

      Expected it to be false that each generated transform moves output[1] away from 0.5 by at least 0.01 for aware, but it held: violation rate 0 (0 of 100 cases under the 5 given rows drawn uniformly, each perturbed by one of 1 words (drawn uniformly) put before an adjective drawn uniformly among those compromise finds (only cases it changes: 100% of 200 sampled cases)), expected 0.
      exact mode: 100 cases, any violation fails
      Hint: no violation in 100 cases; raise numRuns or widen the inputs to search further, or drop .not if the model is meant to hold it.
      Replay: { seed: 3, numRuns: 100 }"
    `)
  })
})

describe('toBeInvariantUnder messages on text', () => {
  test('a name swap that changes the class: the change highlighted, the edits listed', async () => {
    const nameAware = functionModel((text: string) => (text.includes('Maria') ? [0.2, 0.8] : [0.6, 0.4]), { name: 'nameAware' })
    const inputs = ['Maria says the phone is good.', 'The case is fine.']
    expect(
      await failureSnapshot(() => expect(nameAware).toBeInvariantUnder(swapPeople(), { inputs, label: true, skipUnchanged: true, numRuns: 50, seed: 4 })),
    ).toMatchInlineSnapshot(`
      "expect(model).toBeInvariantUnder(transform)

      nameAware is not invariant under generated transforms (the predicted class): violation rate 1 (50 of 50 cases under the 2 given rows drawn uniformly, each perturbed by 1 name swap: a name compromise finds, drawn uniformly, replaced by one drawn uniformly from 1788 female / 1297 male first names or 895 last names (only cases it changes: 47% of 200 sampled cases)), expected 0.
      exact mode: 50 cases, any violation fails
      Reasons: label-changed 50
      Shrunk counterexample (2 shrinks): predicted class changed from 1 to 0
        transform:          a name swapped
        change:             [-Maria-]{+Aada+} says the phone is good.
        edits:              ["person: \\"Maria\\" -> \\"Aada\\""]
        base:               "Maria says the phone is good."
        transformed:        "Aada says the phone is good."
        baseOutput:         [0.2,0.8]
        transformedOutput:  [0.6,0.4]
      Replay: { seed: 4, numRuns: 50, path: '0:0:0' }"
    `)
  })
})
